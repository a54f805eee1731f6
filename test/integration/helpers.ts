/** What the integration tests share: the stand-ins' addresses, a store, agencies, tokens, requests. */
import { readSettings, type Settings } from '../../functions/settings.js';
import { randomInt } from 'node:crypto';
import { inject } from 'vitest';
import { DynamoDbFilingStore, createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { withCheckCharacter } from '../../functions/domain/credit-code.js';
import type { AgencyKind } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { submitFiling } from '../../functions/services/filings.js';
import { createToken } from '../../functions/services/tokens.js';
import { cleanReport } from '../support/consistent-report.js';
import { startStreamPump, type StreamHandler, type StreamPump, type StreamPumpOptions } from '../../local/stream-pump.js';

export const env = () => inject('nianbao');

export function testConfig(): Settings {
  const e = env();
  return readSettings({
    NIANBAO_TABLE: e.table,
    NIANBAO_SITE_BUCKET: e.bucket,
    NIANBAO_DYNAMODB_ENDPOINT: e.dynamodbEndpoint,
    NIANBAO_PUBLIC_URL: e.apiUrl,
  });
}

let cachedStore: DynamoDbFilingStore | undefined;
export function store(): DynamoDbFilingStore {
  const cfg = testConfig();
  cachedStore ??= new DynamoDbFilingStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
  return cachedStore;
}

export const clock = () => new Date();

/** A county code no other test uses (never ending in 00, so it is a county). */
export function newRegion(): string {
  return `9${String(randomInt(0, 99_999)).padStart(5, '0')}`.replace(/00$/, '01');
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export function newCreditCode(region: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += ALPHABET[randomInt(0, ALPHABET.length)];
  return withCheckCharacter(`11${region}${body}`);
}

export async function newAgency(region: string, kind: AgencyKind = 'department', name?: string): Promise<Agency> {
  const agency: Agency = {
    id: newCreditCode(region),
    name: name ?? (kind === 'township' ? `测试${randomInt(0, 1e6)}镇人民政府` : `测试县第${randomInt(0, 1e6)}局`),
    region,
    kind,
    emails: ['office@example.org'],
  };
  await store().putAgency(agency);
  return agency;
}

export async function filerToken(agency: Agency): Promise<string> {
  return (await createToken(store(), clock, { publicUrl: env().apiUrl, days: 30 }, { agencyId: agency.id })).token;
}

export async function reviewerToken(region: string): Promise<string> {
  return (await createToken(store(), clock, { publicUrl: env().apiUrl, days: 30 }, { region })).token;
}

/** A report that passes every rule, for the agency and year. */
export function reportFor(agency: Agency, year: number): Report {
  return cleanReport('2021', agency.name, year);
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function api<T = any>(
  path: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${env().apiUrl}${path}`, { method: options.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}

/** A report that carried `carriedOver` applications in (all disclosed) and carries `carriedForward` out. */
export function withCarry(report: Report, carriedOver: number, carriedForward: number): Report {
  const apps = report.sections.applications;
  apps.newReceived!.natural = carriedForward;
  apps.newReceived!.total = carriedForward;
  apps.carriedOver!.natural = carriedOver;
  apps.carriedOver!.total = carriedOver;
  apps.disclosed!.natural = carriedOver;
  apps.disclosed!.total = carriedOver;
  apps.resultsTotal!.natural = carriedOver;
  apps.resultsTotal!.total = carriedOver;
  apps.carriedForward!.natural = carriedForward;
  apps.carriedForward!.total = carriedForward;
  return report;
}

/** Files the agency's 2023 report through the service (as another process would), carrying `carriedForward` into 2024. */
export async function fileLastYear(agency: Agency, carriedForward: number): Promise<void> {
  const caller = { role: 'filer' as const, agencyId: agency.id, region: agency.region, tokenHash: 'elsewhere' };
  await submitFiling({ store: store(), clock }, caller, { year: 2023, report: withCarry(reportFor(agency, 2023), 0, carriedForward) });
}

/**
 * A stream pump on the shared table for one test file: from the stream's end, handing `handler`
 * only the records of `agencies` (every other file's records are on the same stream).
 */
export function startAgenciesPump(
  agencies: ReadonlySet<string>,
  handler: StreamHandler,
  options: Omit<Partial<StreamPumpOptions>, 'handler'> = {},
): Promise<StreamPump> {
  return startStreamPump({
    dynamodbEndpoint: env().dynamodbEndpoint,
    table: env().table,
    startAt: 'latest',
    ...options,
    handler: (event) => handler({ Records: event.Records.filter((r) => agencies.has(r.dynamodb?.NewImage?.agencyId?.S ?? '')) }),
  });
}
