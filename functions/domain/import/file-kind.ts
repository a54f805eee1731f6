/**
 * What a file is, from its first bytes and never from its name: agencies rename files, and a
 * `.doc` is often a `.docx` (or the other way round). Word and Excel files are zip packages
 * told apart by the parts they hold (`word/document.xml`, `xl/workbook.xml`), whose names a zip
 * stores uncompressed.
 */
import { ImportError } from './import-error.js';

export type FileKind = 'docx' | 'xlsx' | 'pdf' | 'text';

export const SUPPORTED_KINDS = 'Word（.docx）、PDF、Excel（.xlsx）、网页（HTML）、纯文本';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = ascii('%PDF-');
/** Other binaries people pick by mistake, named in the message. */
const KNOWN_BINARIES: readonly [readonly number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], '图片（PNG）'],
  [[0xff, 0xd8, 0xff], '图片（JPEG）'],
  [ascii('GIF8'), '图片（GIF）'],
  [ascii('{\\rtf'), 'RTF 文档'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩包'],
];
/** How much of a file is looked at to tell text from binary. */
const SNIFF_BYTES = 8192;

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0]!;
  for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return true;
  }
  return false;
}

function unsupported(what?: string): ImportError {
  const found = what ? `（这是${what}）` : '';
  return new ImportError(`不支持的文件类型${found}：请选择 ${SUPPORTED_KINDS} 文件`);
}

/** The file's kind, or an ImportError saying why it cannot be read. */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw new ImportError('文件为空');
  // A PDF may carry a few bytes of junk before its header; readers accept it within 1 KB.
  if (startsWith(bytes, PDF) || contains(bytes.subarray(0, 1024), PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (contains(bytes, ascii('word/document.xml'))) return 'docx';
    if (contains(bytes, ascii('xl/workbook.xml'))) return 'xlsx';
    throw unsupported(contains(bytes, ascii('ppt/')) ? ' PowerPoint 演示文稿' : '压缩包');
  }
  if (startsWith(bytes, OLE2)) {
    const utf16 = (name: string) => Array.from(name, (c) => [c.charCodeAt(0), 0]).flat();
    const what = contains(bytes, utf16('WordDocument'))
      ? '旧版 Word 文档（.doc）'
      : contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))
        ? '旧版 Excel 工作簿（.xls）'
        : '旧版 Office 文件（.doc 或 .xls）';
    throw new ImportError(`这是${what}，无法直接读取：请在 Word 或 Excel 中“另存为” .docx 或 .xlsx 后再导入`);
  }
  for (const [magic, what] of KNOWN_BINARIES) if (startsWith(bytes, magic)) throw unsupported(what);
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) throw unsupported();
  return 'text';
}

/** Text has no NUL bytes (UTF-16 aside, which has a BOM) and few control characters. */
function looksBinary(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > head.length / 100;
}
