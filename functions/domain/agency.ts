/** An agency of the registry (统一社会信用代码, name, region, kind, e-mails) and the facts the rules need. */
import { z } from 'zod';

export const AgencyKind = z.enum(['department', 'township', 'government-office']);
export type AgencyKind = z.infer<typeof AgencyKind>;

export const RegionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export type RegionCode = z.infer<typeof RegionCode>;

/** No line breaks or other control characters: names and addresses reach e-mail headers. */
const NO_CONTROL = /^[^\p{Cc}]*$/u;

export const Agency = z.strictObject({
  id: z.string().length(18),
  name: z.string().trim().min(1).max(200).regex(NO_CONTROL, '单位名称不能含换行等控制字符'),
  region: RegionCode,
  kind: AgencyKind,
  emails: z.array(z.string().regex(NO_CONTROL, '电子邮箱不能含控制字符')),
  /** set while the agency is deactivated (停用): it owes no report and gets no reminder */
  deactivatedAt: z.string().optional(),
});
export type Agency = z.infer<typeof Agency>;

/** A deactivated agency owes nothing; its published reports stay published. */
export function isActive(agency: Pick<Agency, 'deactivatedAt'>): boolean {
  return agency.deactivatedAt === undefined;
}

/** 乡、镇、街道: their reports cannot carry 规章 (only provinces and large cities issue them). */
const TOWNSHIP_NAME = /(乡|镇|街道|苏木)(人民政府|政府|办事处|街道办事处)?$/;

/** The agency's kind as known, else guessed from its name (for imported reports). */
export function isTownship(agencyName: string, kind?: AgencyKind): boolean {
  if (kind) return kind === 'township';
  return TOWNSHIP_NAME.test(agencyName.trim());
}
