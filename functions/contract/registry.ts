/**
 * The JSON of the registry in the review page (单位名录): a region's agencies with their last
 * sign-in, the agency form, deactivation, the CSV upload, and the region's reviewers.
 */
import { z } from 'zod';
import { AgencyKind, RegionCode } from '../domain/agency.js';
import { creditCodeMessage, creditCodeProblem } from '../domain/credit-code.js';
import { Email } from './sign-in.js';

/** 统一社会信用代码, upper-cased, with its check character verified (GB 32100-2015). */
export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: creditCodeMessage(code, problem) });
  });

/** Addresses go into e-mail headers and the CSV's `;`-separated column: no separators in one. */
const AgencyEmail = Email.refine((e) => !/[;,]/.test(e), '电子邮箱地址不能含分号或逗号');

/** An agency as the form sends it (create and edit). */
export const AgencyInput = z.strictObject({
  id: CreditCode,
  name: z
    .string()
    .trim()
    .min(1, '单位名称为空')
    .max(200, '单位名称超过200字')
    .regex(/^[^\p{Cc}]*$/u, '单位名称不能含换行等控制字符'),
  region: RegionCode,
  kind: AgencyKind,
  emails: z.array(AgencyEmail).max(20, '一个单位最多登记20个邮箱').default([]),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

/** POST …/agencies/{agencyId}/status: deactivate (停用) or reactivate. */
export const AgencyStatusInput = z.strictObject({ active: z.boolean() });

/** POST …/agencies/import: the CSV text as `nianbao agencies import` reads it. */
export const MAX_CSV_CHARS = 200_000;
export const AgencyCsvUpload = z.strictObject({ csv: z.string().min(1, 'CSV 文件为空').max(MAX_CSV_CHARS, `CSV 文件超过 ${MAX_CSV_CHARS} 字`) });

/** POST …/reviewers and …/reviewers/remove. */
export const ReviewerInput = z.strictObject({ email: Email });

export interface RegistryAgency {
  id: string;
  name: string;
  region: string;
  kind: AgencyKind;
  emails: string[];
  active: boolean;
  deactivatedAt: string | null;
  /** when someone of the agency last signed in by e-mail code */
  lastSignInAt: string | null;
}

/** GET /api/regions/{region}/registry */
export interface RegistryView {
  region: string;
  agencies: RegistryAgency[];
  /** the region's reviewers (e-mail code sign-in on /review/) */
  reviewers: string[];
}

export interface CsvImported {
  /** rows written (new or changed) */
  written: number;
  /** rows equal to what is registered already */
  unchanged: number;
}
