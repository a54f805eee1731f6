/** Submitting demo reports to a runtime started by runtime-process.ts, and reading them back. */
import type { Report } from '../../functions/domain/report.js';
import { DEMO_AGENCIES, DEMO_YEAR } from '../../local/seed/demo-county.js';
import { cleanReport } from '../support/consistent-report.js';

/** Demo departments and what they carried into the demo year (local/seed/demo-county.ts). */
export const FILERS = [
  { agency: DEMO_AGENCIES[1]!, carriedOver: 2 },
  { agency: DEMO_AGENCIES[2]!, carriedOver: 0 },
  { agency: DEMO_AGENCIES[3]!, carriedOver: 3 },
] as const;

export function reportWithCarry(name: string, carriedOver: number): Report {
  const report = cleanReport('2021', name, DEMO_YEAR);
  const apps = report.sections.applications;
  for (const row of ['carriedOver', 'disclosed', 'resultsTotal'] as const) {
    apps[row]!.natural = carriedOver;
    apps[row]!.total = carriedOver;
  }
  for (const row of ['newReceived', 'carriedForward'] as const) {
    apps[row]!.natural = 0;
    apps[row]!.total = 0;
  }
  return report;
}

export interface Acknowledged {
  agencyName: string;
  revision: number;
}

export async function submit(apiUrl: string, token: string, report: Report): Promise<{ status: number; body: any }> {
  const res = await fetch(`${apiUrl}/api/filings/${DEMO_YEAR}/submit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(report),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

export async function filing(apiUrl: string, token: string): Promise<{ status: string; revisions: { revision: number }[] }> {
  const res = await fetch(`${apiUrl}/api/filings/${DEMO_YEAR}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET filing: ${res.status} ${await res.text()}`);
  return (await res.json()) as { status: string; revisions: { revision: number }[] };
}

/** The acknowledged submissions missing from the runtime (by agency and revision). */
export async function missing(apiUrl: string, tokens: Map<string, string>, acknowledged: readonly Acknowledged[]): Promise<Acknowledged[]> {
  const lost: Acknowledged[] = [];
  for (const a of acknowledged) {
    const f = await filing(apiUrl, tokens.get(a.agencyName)!);
    if (!f.revisions.some((r) => r.revision === a.revision)) lost.push(a);
  }
  return lost;
}
