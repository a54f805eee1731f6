/** The JSON of the e-mail code sign-in (routes sign-in-code, sign-in-verify, sign-out). */
import { z } from 'zod';

export const SignInRole = z.enum(['filer', 'reviewer']);
export type SignInRole = z.infer<typeof SignInRole>;

/** An e-mail address, trimmed and lower-cased (how sign-in and the registry store it). */
export const Email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, '电子邮箱地址格式不正确')
  .transform((e) => e.toLowerCase());

/** POST /api/sign-in/code: mail a code to this address if it is registered for the role. */
export const CodeRequest = z.strictObject({ email: Email, role: SignInRole });
export type CodeRequest = z.infer<typeof CodeRequest>;

/** The same answer whether the address is registered or not. */
export interface CodeSent {
  message: string;
  /** minutes the code stays valid */
  validMinutes: number;
}

/** POST /api/sign-in/verify: the code; `choice` names the agency (or region) when there are several. */
export const VerifyRequest = z.strictObject({
  email: Email,
  role: SignInRole,
  code: z.string().trim().regex(/^\d{6}$/, '验证码应为6位数字'),
  choice: z.string().min(1).max(32).optional(),
});
export type VerifyRequest = z.infer<typeof VerifyRequest>;

export interface SignInChoice {
  /** agency id (统一社会信用代码) or region code */
  id: string;
  name: string;
}

export type VerifyAnswer =
  | { kind: 'session'; token: string; role: SignInRole; region: string; agencyId?: string; expiresAt: string }
  /** the code is right and the address serves several: send it again with `choice` */
  | { kind: 'choose'; choices: SignInChoice[] };
