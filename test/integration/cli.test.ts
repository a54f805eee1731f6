import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importAgencies } from '../../functions/services/import-agencies.js';
import { api, env, newCreditCode, newRegion, store } from './helpers.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/nianbao.mjs');

/** Runs the real `nianbao` CLI against the test run's DynamoDB Local. */
async function nianbao(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const e = env();
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, NIANBAO_DYNAMODB_ENDPOINT: e.dynamodbEndpoint, NIANBAO_TABLE: e.table, NIANBAO_PUBLIC_URL: e.apiUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function csvFile(content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-csv-')), 'agencies.csv');
  writeFileSync(file, content);
  return file;
}

describe('nianbao agencies import', () => {
  it('imports the good rows, reports each bad row by line, and writes nothing for bad rows', async () => {
    const region = newRegion();
    const good1 = newCreditCode(region);
    const good2 = newCreditCode(region);
    const badCheck = `${good1.slice(0, 17)}${good1[17] === '0' ? '1' : '0'}`;
    const dup = good1;
    const file = csvFile(
      [
        'id,name,region,kind,emails',
        `${good1},测试县财政局,${region},department,czj@example.org`,
        `${badCheck},校验位错的局,${region},department,`,
        `"${good2}","测试县城关镇人民政府, 城关镇",${region},township,"a@example.org; b@example.org"`,
        `${newCreditCode(region)},区划错的局,41,department,`,
        `${newCreditCode(region)},类型错的局,${region},bureau,`,
        `${newCreditCode(region)},邮箱错的局,${region},department,not-an-email`,
        `${dup},重复的局,${region},department,`,
        `${newCreditCode(region)},少一列,${region},department`,
        '',
      ].join('\r\n'),
    );
    const result = await nianbao('agencies', 'import', file);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/已导入 2 个单位；6 行有误/);
    const lines = [...result.stderr.matchAll(/第(\d+)行：(.*)/g)].map((m) => [Number(m[1]), m[2]]);
    expect(lines.map(([l]) => l)).toEqual([3, 5, 6, 7, 8, 9]);
    expect(result.stderr).toMatch(/第3行：.*校验位错误/);
    expect(result.stderr).toMatch(/第5行：.*行政区划代码/);
    expect(result.stderr).toMatch(/第6行：.*单位类型/);
    expect(result.stderr).toMatch(/第7行：.*电子邮箱/);
    expect(result.stderr).toMatch(/第8行：.*与第2行重复/);
    expect(result.stderr).toMatch(/第9行：应有5列/);

    const agencies = await store().listAgencies(region);
    expect(agencies.map((a) => a.id).sort()).toEqual([good1, good2].sort());
    expect(agencies.find((a) => a.id === good2)).toMatchObject({
      name: '测试县城关镇人民政府, 城关镇',
      kind: 'township',
      emails: ['a@example.org', 'b@example.org'],
    });
  });

  it('reads a GB18030 file saved by Excel', async () => {
    const region = newRegion();
    const id = newCreditCode(region);
    const text = `id,name,region,kind,emails\n${id},测试县水利局,${region},department,slj@example.org\n`;
    const file = csvFile(gb18030(text));
    const result = await nianbao('agencies', 'import', file);
    expect(result.code, result.stderr).toBe(0);
    expect((await store().getAgency(id))?.name).toBe('测试县水利局');
  });

  it('refuses a file whose header lacks a column, importing nothing', async () => {
    const result = await nianbao('agencies', 'import', csvFile('id,name,region\n'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/表头缺少列：kind, emails/);
  });

  it('imports a large file and reports progress', async () => {
    const region = newRegion();
    const rows = Array.from({ length: 1000 }, (_, i) => `${newCreditCode(region)},测试单位${i},${region},department,`);
    const progress: number[] = [];
    const result = await importAgencies(store(), ['id,name,region,kind,emails', ...rows].join('\n'), (done) => progress.push(done));
    expect(result).toMatchObject({ imported: new Set(rows.map((r) => r.slice(0, 18))).size, problems: [] });
    expect(progress.at(-1)).toBe(result.imported);
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect(await store().listAgencies(region)).toHaveLength(result.imported);
  });
});

describe('nianbao token', () => {
  it('creates a filer token whose JSON carries token and url, which the API accepts; revoke shuts it out', async () => {
    const region = newRegion();
    const id = newCreditCode(region);
    await store().putAgency({ id, name: '测试县审计局', region, kind: 'department', emails: [] });
    const created = await nianbao('token', 'create', '--agency', id);
    expect(created.code, created.stderr).toBe(0);
    const json = JSON.parse(created.stdout) as { token: string; url: string; expiresAt: string };
    expect(json.token).toMatch(/^nb_[A-Za-z0-9_-]{43}$/);
    expect(json.url).toBe(`${env().apiUrl}/#token=${json.token}`);
    expect(Date.parse(json.expiresAt)).toBeGreaterThan(Date.now());

    expect((await api('/api/filings/2024', { token: json.token })).status).toBe(200);
    const revoked = await nianbao('token', 'revoke', json.token);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 1 });
    expect((await api('/api/filings/2024', { token: json.token })).status).toBe(401);
  });

  it('creates a reviewer token for a region, and revokes all of a holder’s tokens at once', async () => {
    const region = newRegion();
    const a = JSON.parse((await nianbao('token', 'create', '--reviewer', region)).stdout) as { token: string };
    const b = JSON.parse((await nianbao('token', 'create', '--reviewer', region, '--days', '1')).stdout) as { token: string };
    expect((await api(`/api/regions/${region}/filings?year=2024`, { token: a.token })).status).toBe(200);
    const revoked = await nianbao('token', 'revoke', '--reviewer', region);
    expect(JSON.parse(revoked.stdout)).toEqual({ revoked: 2 });
    expect((await api(`/api/regions/${region}/filings?year=2024`, { token: b.token })).status).toBe(401);
  });

  it('refuses a token for an agency that is not registered, and bad usage', async () => {
    const missing = await nianbao('token', 'create', '--agency', newCreditCode(newRegion()));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/请先导入单位名录/);
    expect((await nianbao('token', 'create')).code).toBe(2);
    expect((await nianbao('token', 'create', '--agency', 'x', '--reviewer', '411325')).code).toBe(2);
    expect((await nianbao('token', 'create', '--reviewer', '4113')).code).toBe(1);
  });
});

function gb18030(text: string): Buffer {
  // Node has no GB18030 encoder; iconv-style tables are overkill for a test: encode the few
  // characters used via a lookup table built from the decoder.
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GB18030 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

describe('nianbao region', () => {
  it('sets and shows the publish gate, and refuses a value other than none or required', async () => {
    const region = newRegion();
    const set = await nianbao('region', 'set', region, '--review', 'required');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ region, review: 'required' });
    const shown = await nianbao('region', 'show', region);
    expect(JSON.parse(shown.stdout)).toMatchObject({ region, review: 'required' });
    const bad = await nianbao('region', 'set', region, '--review', 'maybe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--review 应为 none 或 required');
    expect(JSON.parse((await nianbao('region', 'show', region)).stdout)).toMatchObject({ review: 'required' });
  });

  it('sets the stamped-copy rule without touching the publish gate', async () => {
    const region = newRegion();
    expect((await nianbao('region', 'set', region, '--review', 'required')).code).toBe(0);
    const set = await nianbao('region', 'set', region, '--stamped-copy', 'required');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ region, review: 'required', stampedCopy: 'required', publishStampedCopy: false });
    const bad = await nianbao('region', 'set', region, '--stamped-copy', 'yes');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--stamped-copy 应为 none 或 required');
    expect(JSON.parse((await nianbao('region', 'show', region)).stdout)).toEqual({ region, review: 'required', stampedCopy: 'required', publishStampedCopy: false });
    const publish = await nianbao('region', 'set', region, '--publish-stamped-copy', 'yes');
    expect(publish.code).toBe(0);
    expect(JSON.parse(publish.stdout)).toEqual({ region, review: 'required', stampedCopy: 'required', publishStampedCopy: true });
    const badPublish = await nianbao('region', 'set', region, '--publish-stamped-copy', 'required');
    expect(badPublish.code).toBe(2);
    expect(badPublish.stderr).toContain('--publish-stamped-copy 应为 yes 或 no');
  });
});
