/**
 * The stamped copy's (盖章件) file rules (functions/domain/stamped-copy.ts): declared type and
 * size before the upload, magic numbers of what was stored, the messages the filer reads.
 */
import { describe, expect, it } from 'vitest';
import {
  STAMPED_COPY_MAX_BYTES,
  sniffStampedCopy,
  stampedCopyContentProblem,
  stampedCopyProblem,
} from '../../functions/domain/stamped-copy.js';
import { stampedCopyKey } from '../../functions/services/stamped-copy.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46);

describe('declared file', () => {
  it('accepts PDF, JPEG and PNG up to 10 MB inclusive', () => {
    for (const type of ['application/pdf', 'image/jpeg', 'image/png']) {
      expect(stampedCopyProblem({ name: '盖章件', type, size: 1 })).toBeUndefined();
      expect(stampedCopyProblem({ name: '盖章件', type, size: STAMPED_COPY_MAX_BYTES })).toBeUndefined();
    }
  });

  it('refuses one byte over 10 MB, naming the size and the limit', () => {
    const message = stampedCopyProblem({ name: '扫描.pdf', type: 'application/pdf', size: STAMPED_COPY_MAX_BYTES + 1 });
    expect(message).toBe('“扫描.pdf”有 10.0 MB，超过 10 MB 的上限；请降低扫描分辨率或压缩后再上传。');
    expect(stampedCopyProblem({ type: 'image/png', size: 25 * 1024 * 1024 })).toContain('有 25.0 MB，超过 10 MB 的上限');
  });

  it('refuses other types (Word, TIFF, GIF, none) and says which are accepted', () => {
    for (const type of ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/tiff', 'image/gif', '', 'application/pdf; x=1']) {
      const message = stampedCopyProblem({ name: '报告.docx', type, size: 100 });
      expect(message).toMatch(/^“报告\.docx”不是 PDF、JPEG 或 PNG 文件，只能上传 PDF、JPEG 或 PNG 格式的盖章件/);
    }
  });

  it('refuses an empty file, a fractional size and an overlong name', () => {
    expect(stampedCopyProblem({ type: 'application/pdf', size: 0 })).toContain('空文件');
    expect(stampedCopyProblem({ type: 'application/pdf', size: 1.5 })).toContain('空文件');
    expect(stampedCopyProblem({ name: 'x'.repeat(201), type: 'application/pdf', size: 10 })).toContain('1–200 个字符');
    expect(stampedCopyProblem({ name: '   ', type: 'application/pdf', size: 10 })).toContain('1–200 个字符');
  });
});

describe('magic numbers', () => {
  it('tells PDF, PNG and JPEG by their first bytes', () => {
    expect(sniffStampedCopy(PDF)).toBe('application/pdf');
    expect(sniffStampedCopy(PNG)).toBe('image/png');
    expect(sniffStampedCopy(JPEG)).toBe('image/jpeg');
  });

  it('knows nothing of other files, short heads, or near misses', () => {
    expect(sniffStampedCopy(new TextEncoder().encode('PK\u0003\u0004word/'))).toBeUndefined();
    expect(sniffStampedCopy(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeUndefined(); // GIF89a
    expect(sniffStampedCopy(bytes(0x25, 0x50, 0x44, 0x46))).toBeUndefined(); // %PDF without the dash
    expect(sniffStampedCopy(PNG.subarray(0, 7))).toBeUndefined();
    expect(sniffStampedCopy(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffStampedCopy(new Uint8Array())).toBeUndefined();
  });

  it('flags content that is not what it claims', () => {
    expect(stampedCopyContentProblem(PDF, 'application/pdf')).toBeUndefined();
    expect(stampedCopyContentProblem(PNG, 'application/pdf', 'a.pdf')).toBe('“a.pdf”的内容是 PNG，与声明的格式不符，请重新选择文件上传。');
    expect(stampedCopyContentProblem(new TextEncoder().encode('hello'), 'image/png')).toContain('可能只是改了扩展名');
  });
});

describe('object keys', () => {
  it('put each copy under its agency, year and revision, with the extension of its type', () => {
    const id = '123e4567-e89b-12d3-a456-426614174000';
    expect(stampedCopyKey('11411325MB0000005J', 2024, 2, 'image/jpeg', id)).toBe(`stamped-copies/11411325MB0000005J/2024/r2/${id}.jpg`);
    expect(stampedCopyKey('A', 2024, 1, 'application/pdf')).toMatch(/^stamped-copies\/A\/2024\/r1\/[0-9a-f-]{36}\.pdf$/);
  });
});
