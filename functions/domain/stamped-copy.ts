/**
 * The signed and stamped paper copy (盖章件) a filer uploads after submitting: which files are
 * accepted, how big, and how a file's first bytes tell what it really is. Pure, so the form
 * refuses a wrong file before uploading it and the API checks the same rules twice: once on what
 * the browser declares (before presigning the upload) and once on the stored object itself.
 */

/** The accepted kinds, by Content-Type, with the extension the stored object gets. */
export const STAMPED_COPY_TYPES = {
  'application/pdf': { extension: 'pdf', label: 'PDF' },
  'image/jpeg': { extension: 'jpg', label: 'JPEG' },
  'image/png': { extension: 'png', label: 'PNG' },
} as const;
export type StampedCopyType = keyof typeof STAMPED_COPY_TYPES;

export const STAMPED_COPY_MAX_BYTES = 10 * 1024 * 1024;
/** a file name as the filer's computer gave it, kept only as a label */
export const STAMPED_COPY_NAME_MAX = 200;

export function isStampedCopyType(type: string): type is StampedCopyType {
  return Object.hasOwn(STAMPED_COPY_TYPES, type);
}

/** `12.3 MB`, `850 KB`: for messages. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const ACCEPTED = '只能上传 PDF、JPEG 或 PNG 格式的盖章件（扫描件或照片）';

/**
 * What is wrong with a file of this declared type and size, in Chinese for the filer; undefined
 * when it may be uploaded.
 */
export function stampedCopyProblem(file: { name?: string; type: string; size: number }): string | undefined {
  const name = file.name ? `“${file.name}”` : '该文件';
  if (!isStampedCopyType(file.type)) return `${name}不是 PDF、JPEG 或 PNG 文件，${ACCEPTED}。`;
  if (!Number.isInteger(file.size) || file.size <= 0) return `${name}是空文件，请重新选择。`;
  if (file.size > STAMPED_COPY_MAX_BYTES) {
    return `${name}有 ${sizeText(file.size)}，超过 10 MB 的上限；请降低扫描分辨率或压缩后再上传。`;
  }
  if (file.name !== undefined && (file.name.trim() === '' || file.name.length > STAMPED_COPY_NAME_MAX)) {
    return `文件名应为 1–${STAMPED_COPY_NAME_MAX} 个字符。`;
  }
  return undefined;
}

/** The magic numbers of the accepted kinds (the first bytes every such file starts with). */
const MAGIC: readonly (readonly [StampedCopyType, readonly number[]])[] = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
];

/** How many leading bytes `sniffStampedCopy` needs. */
export const STAMPED_COPY_SNIFF_BYTES = 8;

/** The kind a file's first bytes show, whatever its name or declared type says; undefined if none. */
export function sniffStampedCopy(head: Uint8Array): StampedCopyType | undefined {
  for (const [type, magic] of MAGIC) {
    if (head.length >= magic.length && magic.every((b, i) => head[i] === b)) return type;
  }
  return undefined;
}

/** What is wrong with a file whose first bytes are `head` when it claims to be `type`. */
export function stampedCopyContentProblem(head: Uint8Array, type: string, name?: string): string | undefined {
  const actual = sniffStampedCopy(head);
  const what = name ? `“${name}”` : '该文件';
  if (!actual) return `${what}的内容不是 PDF、JPEG 或 PNG 文件（可能只是改了扩展名），${ACCEPTED}。`;
  if (actual !== type) {
    return `${what}的内容是 ${STAMPED_COPY_TYPES[actual].label}，与声明的格式不符，请重新选择文件上传。`;
  }
  return undefined;
}
