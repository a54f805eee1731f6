import { describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../../functions/domain/credit-code.js';
import { parseCsv } from '../../functions/services/csv.js';
import { checkAgenciesCsv } from '../../functions/services/import-agencies.js';
import { CsvFormatError } from '../../functions/services/errors.js';
import { headerLine } from '../../functions/adapters/ses-mailer.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps each row’s first line', () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\nlast,row');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('keeps empty trailing fields', () => {
    expect(parseCsv('a,b,\n')).toEqual([{ line: 1, fields: ['a', 'b', ''] }]);
  });
});

describe('checkAgenciesCsv', () => {
  const id = withCheckCharacter('11411325MB0000001');

  it('accepts columns in any order, a BOM, lower-case ids, and splits e-mails on ;', () => {
    const checked = checkAgenciesCsv(`\uFEFFkind,emails,id,region,name\ndepartment, a@example.org ;b@example.org;,${id.toLowerCase()},411325,县教育局\n`);
    expect(checked.problems).toEqual([]);
    expect(checked.agencies).toEqual([
      { line: 2, agency: { id, name: '县教育局', region: '411325', kind: 'department', emails: ['a@example.org', 'b@example.org'] } },
    ]);
  });

  it('collects every problem of a row into one message for that line', () => {
    const checked = checkAgenciesCsv(`id,name,region,kind,emails\n${id.slice(0, 17)}0,,4113,city,bad\n`);
    expect(checked.agencies).toEqual([]);
    expect(checked.problems).toHaveLength(1);
    const [problem] = checked.problems;
    expect(problem!.line).toBe(2);
    for (const part of ['校验位', '单位名称为空', '行政区划代码', '单位类型', '电子邮箱']) expect(problem!.message).toContain(part);
  });

  it('refuses a name with a line break and an address with a control character, by line', () => {
    const other = withCheckCharacter('11411325MB0000002');
    const checked = checkAgenciesCsv(`id,name,region,kind,emails\n${id},"县教育局\r\n抄送",411325,department,a@example.org\n${other},县卫健委,411325,department,b\u0007@example.org\n`);
    expect(checked.agencies).toEqual([]);
    expect(checked.problems.map((p) => p.line)).toEqual([2, 4]);
    expect(checked.problems[0]!.message).toContain('控制字符');
    expect(checked.problems[1]!.message).toContain('电子邮箱格式不对');
  });

  it('keeps an e-mail subject on one line whatever reaches it', () => {
    expect(headerLine('【提醒】县教育局\r\nBcc: x@example.org 2025年度')).toBe('【提醒】县教育局 Bcc: x@example.org 2025年度');
  });

  it('throws CsvFormatError for an empty file or a header missing columns', () => {
    expect(() => checkAgenciesCsv('')).toThrow(CsvFormatError);
    expect(() => checkAgenciesCsv('id,name\n')).toThrow(/region, kind, emails/);
  });
});
