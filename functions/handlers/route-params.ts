/** Path and query parameters the reviewer routes share, and their download names. */
import { z } from 'zod';
import { RegionCode } from '../domain/agency.js';

export const YearQuery = z.string().regex(/^\d{4}$/, '年度应为四位数字').transform(Number);
export const AgencyYearPath = z.strictObject({
  region: RegionCode,
  agencyId: z.string().min(1).max(32),
  year: YearQuery,
});

export const RegionPath = z.strictObject({ region: RegionCode });
export const RegionAgencyPath = z.strictObject({ region: RegionCode, agencyId: z.string().regex(/^[0-9A-Za-z]{18}$/, '统一社会信用代码应为18位') });

/** The registry's JSON bodies are small (an agency, an address); the CSV upload has its own limit. */
export const REGISTRY_BODY_BYTES = 16 * 1024;
export const CSV_BODY_BYTES = 256 * 1024;

/** `attachment; filename*=UTF-8''…`: Chinese names survive every browser. */
export function attachment(name: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
}
