/**
 * The demo county seeded on the first `npm start`: 内乡县 (411325) with six agencies, last
 * year's reports submitted, including 王店镇's real 2023 report imported from the published text
 * (filed as last year's), so this year's 二、上年结转 can be checked against last year's 四. The
 * years follow today's date (`demoYear`), so a newcomer sees a deadline ahead or just past.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withCheckCharacter } from '../../functions/domain/credit-code.js';
import { importReport } from '../../functions/domain/import/import-report.js';
import { emptyReport, type Report } from '../../functions/domain/report.js';
import { saveDraft, submitFiling } from '../../functions/services/filings.js';
import type { Caller } from '../../functions/services/model.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Clock, FilingStore } from '../../functions/services/ports.js';

export const DEMO_REGION = '411325';
export const DEMO_REGION_NAME = '内乡县';
/**
 * The year the demo filers are working on, from today's date in Shanghai: in January and
 * February the report due on 31 January (last year's, deadline ahead or just past), from March
 * on this year's (due next 31 January). Last year's reports are on file.
 */
export function demoYear(today: Date = new Date()): number {
  const shanghai = new Date(today.getTime() + 8 * 3600 * 1000);
  return shanghai.getUTCMonth() < 2 ? shanghai.getUTCFullYear() - 1 : shanghai.getUTCFullYear();
}
export const DEMO_YEAR = demoYear();

const code = (n: number) => withCheckCharacter(`11${DEMO_REGION}MB00000${String(n).padStart(2, '0')}`);

export const DEMO_AGENCIES: readonly Agency[] = [
  { id: code(1), name: '内乡县人民政府办公室', region: DEMO_REGION, kind: 'government-office', emails: ['zfb@neixiang.example.org'] },
  { id: code(2), name: '内乡县教育局', region: DEMO_REGION, kind: 'department', emails: ['jyj@neixiang.example.org'] },
  { id: code(3), name: '内乡县自然资源局', region: DEMO_REGION, kind: 'department', emails: ['zrzyj@neixiang.example.org'] },
  { id: code(4), name: '内乡县市场监督管理局', region: DEMO_REGION, kind: 'department', emails: ['scjgj@neixiang.example.org'] },
  { id: code(5), name: '王店镇人民政府', region: DEMO_REGION, kind: 'township', emails: ['wangdian@neixiang.example.org'] },
  { id: code(6), name: '赤眉镇人民政府', region: DEMO_REGION, kind: 'township', emails: ['chimei@neixiang.example.org'] },
];
export const WANGDIAN = DEMO_AGENCIES[4]!;

const TEXTS = {
  overview: '本单位认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开工作有序推进，依申请公开办理规范。',
  problems: '存在问题：信息发布的及时性有待提高。改进措施：加强业务培训，完善发布审核机制。',
  other: '本年度未收取信息处理费。',
};

/** A report that passes every rule: `received` new natural-person requests, all disclosed but `forward`. */
function demoReport(agency: Agency, year: number, carriedOver: number, received: number, forward: number): Report {
  const report = emptyReport('2021', { agencyName: agency.name, year, agencyId: agency.id }, 0);
  Object.assign(report.sections, TEXTS);
  const apps = report.sections.applications;
  const disclosed = carriedOver + received - forward;
  const set = (row: string, value: number) => {
    apps[row]!.natural = value;
    apps[row]!.total = value;
  };
  set('newReceived', received);
  set('carriedOver', carriedOver);
  set('disclosed', disclosed);
  set('resultsTotal', disclosed);
  set('carriedForward', forward);
  return report;
}

const SEED_CALLER = (agency: Agency): Caller => ({ role: 'filer', agencyId: agency.id, region: agency.region, tokenHash: 'seed' });

export function wangdianReport(): Report {
  const file = fileURLToPath(new URL('./wangdian-2023-report.txt', import.meta.url));
  return { ...importReport(readFileSync(file, 'utf8')), agencyId: WANGDIAN.id };
}

/** 王店镇's real report, filed as the demo's last year (its figures as published). */
function wangdianLastYear(year: number): Report {
  return { ...wangdianReport(), year };
}

/** True if the demo county is already there (the seed runs once per data folder). */
export async function isSeeded(store: FilingStore): Promise<boolean> {
  return (await store.getAgency(WANGDIAN.id)) !== undefined;
}

export async function seedDemoCounty(store: FilingStore, clock: Clock): Promise<void> {
  const deps = { store, clock };
  for (const agency of DEMO_AGENCIES) await store.putAgency(agency);
  const [office, education, resources, market, wangdian, chimei] = DEMO_AGENCIES as [Agency, Agency, Agency, Agency, Agency, Agency];
  const previous = DEMO_YEAR - 1;

  // Last year: every agency submitted; some carried requests into this year.
  await submitFiling(deps, SEED_CALLER(wangdian), { year: previous, report: wangdianLastYear(previous) });
  const lastYear: [Agency, number][] = [[office, 1], [education, 2], [resources, 0], [market, 3], [chimei, 0]];
  for (const [agency, forward] of lastYear) {
    await submitFiling(deps, SEED_CALLER(agency), { year: previous, report: demoReport(agency, previous, 0, 5 + forward, forward) });
  }

  // This year: the office has submitted (carrying last year's 1 over), 教育局 has a draft that
  // forgot last year's 2 (a carryover.continuity finding), the rest have not started.
  await submitFiling(deps, SEED_CALLER(office), { year: DEMO_YEAR, report: demoReport(office, DEMO_YEAR, 1, 8, 0) });
  await saveDraft(deps, SEED_CALLER(education), { year: DEMO_YEAR, report: demoReport(education, DEMO_YEAR, 0, 12, 0), ifMatch: 0 });
}
