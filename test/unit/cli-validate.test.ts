import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { Report, type TableData } from '../../functions/domain/report.js';
import { makeReportText } from '../fixtures/make-report-text.js';
import { nianbao, ROOT as root } from '../support/run-cli.js';

const fixture = (name: string) => join(root, 'test/fixtures', name);
const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));

const reference = () => importReport(readFileSync(fixture('wangdian-2023-report.txt'), 'utf8'));

function writeText(name: string, report: Report): string {
  const file = join(dir, name);
  writeFileSync(file, makeReportText(report));
  return file;
}

interface Verdict {
  valid: boolean;
  template: string;
  errors: { rule: string; path: string }[];
  warnings: { rule: string; path: string }[];
}

async function verdict(...args: string[]): Promise<{ code: number; result: Verdict }> {
  const { code, stdout } = await nianbao('validate', '--json', ...args);
  return { code, result: JSON.parse(stdout) as Verdict };
}

describe('nianbao validate', () => {
  beforeAll(() => {
    writeFileSync(join(dir, 'reference.json'), JSON.stringify(reference()));
  });

  it('passes the reference report with exit 0', async () => {
    const { code, result } = await verdict(fixture('wangdian-2023-report.txt'));
    expect(code).toBe(0);
    // valid; its 六 says only “无”, not whether 信息处理费 was collected: a warning
    expect(result).toMatchObject({ valid: true, template: '2021', errors: [] });
    expect(result.warnings.map((f) => f.rule)).toEqual(['other.fee-report']);
  });

  it('recognises the 2019 trial format', async () => {
    const { code, result } = await verdict(fixture('trial-2019-report.txt'));
    expect(code).toBe(0);
    expect(result.template).toBe('2019');
  });

  it('fails a report laid out like the reference whose table 三 does not add up, naming rule and cell, exit 1', async () => {
    const report = reference();
    const data = report.sections.applications as TableData;
    data.newReceived!.natural = 75;
    data.newReceived!.total = 75;
    data.disclosed!.natural = 74;
    data.disclosed!.total = 74;
    data.resultsTotal!.natural = 74;
    data.resultsTotal!.total = 74;
    const { code, result } = await verdict(writeText('unbalanced.txt', report));
    expect(code).toBe(1);
    expect(result.valid).toBe(false);
    expect(result.errors.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'applications.balance applications.carriedForward.natural',
      'applications.balance applications.carriedForward.total',
    ]);
    // the overview says no applications were received: a warning, not an error
    expect(result.warnings.map((f) => f.rule)).toEqual(['narrative.contradiction', 'other.fee-report']);
  });

  it('checks carry-over against --previous, and exits 0 on warnings alone', async () => {
    const previous = reference();
    previous.year = 2022;
    const pending = (previous.sections.applications as TableData).carriedForward!;
    pending.business = 1;
    pending.total = 1;
    (previous.sections.applications as TableData).newReceived!.business = 1;
    (previous.sections.applications as TableData).newReceived!.total = 1;
    const previousFile = join(dir, 'previous.json');
    writeFileSync(previousFile, JSON.stringify(previous));
    const { code, result } = await verdict(fixture('wangdian-2023-report.txt'), '--previous', previousFile);
    expect(code).toBe(1);
    expect(result.errors.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'carryover.continuity applications.carriedOver.business',
      'carryover.continuity applications.carriedOver.total',
    ]);
    expect(result.warnings.map((f) => f.rule)).toEqual(['text.repeated', 'other.fee-report']);

    const same = reference();
    same.year = 2022;
    const sameFile = join(dir, 'same.json');
    writeFileSync(sameFile, JSON.stringify(same));
    const repeated = await verdict(fixture('wangdian-2023-report.txt'), '--previous', sameFile);
    expect(repeated.code).toBe(0);
    expect(repeated.result.valid).toBe(true);
    expect(repeated.result.warnings.map((f) => f.rule)).toEqual(['text.repeated', 'other.fee-report']);
  });

  it('reads the HTML page and reports its blank cells as required.missing', async () => {
    const { code, result } = await verdict(fixture('wangdian-2023-report.html'));
    expect(code).toBe(1);
    expect(new Set(result.errors.map((f) => f.rule))).toEqual(new Set(['required.missing']));
  });

  it('exits 2 with a Chinese message naming the line when the input cannot be read', async () => {
    const broken = readFileSync(fixture('wangdian-2023-report.txt'), 'utf8').replace(
      '1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
      '1.属于国家秘密\t0\t0\t0\t0\t0',
    );
    const file = join(dir, 'broken.txt');
    writeFileSync(file, broken);
    const { code, stderr } = await nianbao('validate', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/第\d+行.*应有7个数值/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expect((await nianbao('validate', '--json', empty)).code).toBe(2);
    expect((await nianbao('validate', join(dir, 'no-such-file.txt'))).code).toBe(2);
  });

  it('validates the public JSON form, and rejects unknown fields with exit 2', async () => {
    expect((await verdict(join(dir, 'reference.json'))).code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...reference(), colour: 'red' }));
    const { code, stderr } = await nianbao('validate', bad);
    expect(code).toBe(2);
    expect(stderr).toContain('colour');
  });
});

describe('nianbao import', () => {
  it('prints the report as JSON that parses back to the same report', async () => {
    const { code, stdout } = await nianbao('import', fixture('wangdian-2023-report.txt'));
    expect(code).toBe(0);
    expect(Report.parse(JSON.parse(stdout))).toEqual(reference());
    expect(JSON.parse(stdout)).toMatchObject({ agencyName: '王店镇人民政府', year: 2023, template: '2021' });
  });

  it('reads a GB18030-encoded file', async () => {
    const text = readFileSync(fixture('wangdian-2023-report.txt'), 'utf8');
    const file = join(dir, 'gbk.txt');
    // encode through iconv-free route: TextDecoder can read gb18030, Node's Buffer cannot write it,
    // so build the bytes with a reverse table of the characters the file uses
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let hi = 0x81; hi <= 0xfe; hi++)
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...(table.get(ch) ?? [0x3f]));
    }
    writeFileSync(file, Uint8Array.from(bytes));
    const { code, stdout } = await nianbao('import', file);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).agencyName).toBe('王店镇人民政府');
  });
});
