/** Path and query parameters the reviewer routes share, and their download names. */
import { z } from 'zod';
import { RegionCode } from '../domain/agency.js';

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
