/**
 * `nianbao agencies import FILE.csv`: columns id,name,region,kind,emails. Every row is checked
 * before anything is written; bad rows are reported by line and skipped, good rows written,
 * each as one item, so no row is ever half there. (The review page's upload writes all or
 * nothing instead: services/registry.ts.)
 */
import { AgencyKind } from '../domain/agency.js';
import { creditCodeMessage, creditCodeProblem } from '../domain/credit-code.js';
import { CsvFormatError } from './errors.js';
import { parseCsv } from './csv.js';
import type { Agency } from '../domain/agency.js';
import type { Clock, FilingStore } from './ports.js';
import { revokeTokens } from './tokens.js';

export const AGENCY_COLUMNS = ['id', 'name', 'region', 'kind', 'emails'] as const;
const CONTROL = /\p{Cc}/u;
const EMAIL = /^[^\s@;,\p{Cc}]+@[^\s@;,\p{Cc}]+\.[^\s@;,\p{Cc}]+$/u;
const WRITE_CONCURRENCY = 8;

export interface RowProblem {
  line: number;
  message: string;
}

export interface ImportResult {
  imported: number;
  problems: RowProblem[];
}

export interface CheckedCsv {
  agencies: { line: number; agency: Agency }[];
  problems: RowProblem[];
}

/** Parses and checks the whole file; throws CsvFormatError if the header itself is wrong. */
export function checkAgenciesCsv(text: string): CheckedCsv {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header) throw new CsvFormatError('文件为空：第一行应为表头 id,name,region,kind,emails');
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = AGENCY_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new CsvFormatError(`第${header.line}行表头缺少列：${missing.join(', ')}（应为 id,name,region,kind,emails）`);
  }
  const index = Object.fromEntries(AGENCY_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof AGENCY_COLUMNS)[number], number>;
  const agencies: CheckedCsv['agencies'] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.fields.length !== names.length) {
      problems.push({ line: row.line, message: `应有${names.length}列，实有${row.fields.length}列` });
      continue;
    }
    const get = (c: (typeof AGENCY_COLUMNS)[number]) => row.fields[index[c]]!.trim();
    const messages: string[] = [];
    const id = get('id').toUpperCase();
    const problem = creditCodeProblem(id);
    if (problem) messages.push(creditCodeMessage(id, problem));
    const name = get('name');
    if (!name) messages.push('单位名称为空');
    else if (name.length > 200) messages.push('单位名称超过200字');
    // A line break or other control character would reach e-mail subjects and page titles.
    else if (CONTROL.test(name)) messages.push('单位名称含换行等控制字符，请删去');
    const region = get('region');
    if (!/^\d{6}$/.test(region)) messages.push(`行政区划代码“${region}”应为6位数字`);
    const kind = AgencyKind.safeParse(get('kind'));
    if (!kind.success) messages.push(`单位类型“${get('kind')}”应为 department、township 或 government-office 之一`);
    const emails = get('emails')
      .split(';')
      .map((e) => e.trim())
      .filter((e) => e !== '');
    const badEmails = emails.filter((e) => !EMAIL.test(e));
    if (badEmails.length > 0) messages.push(`电子邮箱格式不对：${badEmails.join('; ')}`);
    const earlier = seen.get(id);
    if (earlier !== undefined) messages.push(`统一社会信用代码 ${id} 与第${earlier}行重复`);
    if (messages.length > 0 || !kind.success) {
      problems.push({ line: row.line, message: messages.join('；') });
      continue;
    }
    seen.set(id, row.line);
    agencies.push({ line: row.line, agency: { id, name, region, kind: kind.data, emails } });
  }
  return { agencies, problems };
}

export async function importAgencies(
  store: FilingStore,
  text: string,
  onProgress?: (done: number, total: number) => void,
  /** after each agency is written: e.g. open the reporting years it now owes (reminders) */
  afterPut?: (agency: Agency) => Promise<unknown>,
  clock: Clock = () => new Date(),
): Promise<ImportResult> {
  const { agencies, problems } = checkAgenciesCsv(text);
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < agencies.length) {
      const { agency } = agencies[next++]!;
      const { removedEmails } = await store.putAgency(agency);
      // An address no longer listed signs in no more: its open sessions end too.
      for (const email of removedEmails) await revokeTokens(store, clock, 'filer', agency.id, { actor: 'cli', email });
      await afterPut?.(agency);
      done++;
      if (onProgress && (done % 100 === 0 || done === agencies.length)) onProgress(done, agencies.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, agencies.length) }, worker));
  return { imported: done, problems };
}
