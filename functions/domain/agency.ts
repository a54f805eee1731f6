/** Agency facts the domain needs (the registry itself lives in the filing API). */
import { z } from 'zod';

export const AgencyKind = z.enum(['department', 'township', 'government-office']);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** 乡、镇、街道: their reports cannot carry 规章 (only provinces and large cities issue them). */
const TOWNSHIP_NAME = /(乡|镇|街道|苏木)(人民政府|政府|办事处|街道办事处)?$/;

/** The agency's kind as known, else guessed from its name (for imported reports). */
export function isTownship(agencyName: string, kind?: AgencyKind): boolean {
  if (kind) return kind === 'township';
  return TOWNSHIP_NAME.test(agencyName.trim());
}
