import { describe, expect, it } from 'vitest';
import { isBlock, parsePasteBlock } from '../../web/form/paste-block.js';

describe('parsePasteBlock', () => {
  it('splits rows on newlines and cells on tabs, ignoring the trailing newline Excel adds', () => {
    expect(parsePasteBlock('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty cells in place so the columns stay aligned', () => {
    expect(parsePasteBlock('1\t\t3\n\t5\t')).toEqual([
      ['1', '', '3'],
      ['', '5', ''],
    ]);
  });

  it('reads quoted cells that hold tabs, newlines and doubled quotes', () => {
    expect(parsePasteBlock('"a\tb"\t"line1\nline2"\t"say ""hi"""\n7\t8\t9')).toEqual([
      ['a\tb', 'line1\nline2', 'say "hi"'],
      ['7', '8', '9'],
    ]);
  });

  it('treats a lone quote inside text as text', () => {
    expect(parsePasteBlock('"12\t3')).toEqual([['"12', '3']]);
  });

  it('tells a block from a single value', () => {
    expect(isBlock(parsePasteBlock('42'))).toBe(false);
    expect(isBlock(parsePasteBlock('42\n'))).toBe(false);
    expect(isBlock(parsePasteBlock('1\t2'))).toBe(true);
    expect(isBlock(parsePasteBlock('1\n2'))).toBe(true);
  });
});
