/** The reviewer routes' dependencies: the shared runtime plus the deadline policy (for the board). */
import { mailConfig } from '../adapters/mail-config.js';
import type { ReminderPolicy } from '../domain/reminders/deadline-policy.js';
import type { ReviewDeps } from '../services/review.js';
import type { Runtime } from './runtime.js';
import { z } from 'zod';
import { RegionCode } from '../domain/agency.js';

let policy: ReminderPolicy | undefined;

export function reviewDeps(deps: Runtime): ReviewDeps {
  policy ??= mailConfig().NIANBAO_REMINDER_POLICY;
  return { ...deps, policy };
}

export const YearQuery = z.string().regex(/^\d{4}$/, '年度应为四位数字').transform(Number);
export const AgencyYearPath = z.strictObject({
  region: RegionCode,
  agencyId: z.string().min(1).max(32),
  year: YearQuery,
});

/** `attachment; filename*=UTF-8''…`: Chinese names survive every browser. */
export function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}
