/**
 * E-mail code sign-in: an address registered for an agency (its `emails`) or as a region's
 * reviewer gets a 6-digit code by mail; the code, entered on the same page, opens a session (a
 * bearer token like the CLI's API tokens, stored hashed, with a lifetime in hours). The answer
 * to a code request never tells whether the address is registered; codes are stored hashed and
 * used once; limits live in the store (DynamoDB on AWS), so they hold across Lambda instances.
 */
import { createHash, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CodeRequest, CodeSent, SignInRole, VerifyAnswer, VerifyRequest } from '../contract/sign-in.js';
import { signInCodeEmail } from '../render/email/email-templates.js';
import { AuthenticationError, InputError, TooManyRequestsError } from './errors.js';
import { RegionCode, isActive } from '../domain/agency.js';
import { CodeRequest as CodeRequestSchema } from '../contract/sign-in.js';
import type { AuditEvent, Caller, TokenRecord } from './model.js';
import type { Clock, FilingStore } from './ports.js';
import type { Mailer } from './reminder-ports.js';
import type { Registration, SignInStore } from './sign-in-ports.js';
import { newToken } from './tokens.js';

export const SIGN_IN_LIMITS = {
  codeMinutes: 10,
  /** codes mailed to one address */
  perAddress: { limit: 5, windowSeconds: 3600 },
  /** code and verify requests from one client address */
  perClient: { limit: 30, windowSeconds: 600 },
  /** wrong tries that end a code */
  wrongTries: 5,
  /** code requests one process works on at once (each may wait on SES); beyond: 429 for anyone */
  inFlight: 50,
} as const;

/**
 * Every code request is answered this long after it arrived, registered address or not, so the
 * answer's timing tells nothing (the registered path reads more and waits on SES). Work that
 * takes longer goes on after the answer (bounded by `SIGN_IN_LIMITS.inFlight`).
 */
export const CODE_ANSWER_MS = 800;

export interface SignInDeps {
  store: FilingStore;
  signIn: SignInStore;
  mailer: Mailer;
  clock: Clock;
  /** the form's and review page's origin; how long a session lasts; the code answer's fixed delay (default CODE_ANSWER_MS) */
  config: { publicUrl: string; sessionHours: number; codeAnswerMs?: number };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The page a role signs in on. */
export function signInPage(publicUrl: string, role: SignInRole): string {
  return `${publicUrl.replace(/\/$/, '')}/${role === 'filer' ? 'file' : 'review'}/`;
}

/** The sign-in page with the address filled in (reminders link here instead of carrying a token). */
export function signInLink(publicUrl: string, role: SignInRole, email?: string): string {
  const page = signInPage(publicUrl, role);
  return email ? `${page}#signin=${encodeURIComponent(email)}` : page;
}

function minutes(seconds: number): string {
  return `${Math.max(1, Math.ceil(seconds / 60))} 分钟`;
}

async function limit(deps: SignInDeps, key: string, rule: { limit: number; windowSeconds: number }, message: string): Promise<void> {
  const outcome = await deps.signIn.hit(key, rule.limit, rule.windowSeconds, deps.clock());
  if (!outcome.allowed) {
    throw new TooManyRequestsError(`${message}，请 ${minutes(outcome.retryAfterSeconds)}后再试`, outcome.retryAfterSeconds);
  }
}

const clientLimit = (deps: SignInDeps, clientIp: string) =>
  limit(deps, `client#${clientIp}`, SIGN_IN_LIMITS.perClient, '来自您网络地址的登录请求过多');

/** What the address may sign in as; agencies deactivated or gone no longer count. */
async function registrationsFor(deps: SignInDeps, email: string, role: SignInRole): Promise<Registration[]> {
  const mine = (await deps.signIn.registrations(email)).filter((r) => r.role === role);
  const live = await Promise.all(
    mine.map(async (r) => {
      if (r.role === 'reviewer') return true;
      const agency = await deps.store.getAgency(r.agencyId);
      return agency !== undefined && isActive(agency);
    }),
  );
  return mine.filter((_, i) => live[i]);
}

/** Code requests this process is still working on (mail to SES after the answer). */
const inFlight = new Set<Promise<void>>();

/** Mails a code if the address is registered for the role; answers the same, at the same time, either way. */
export async function requestCode(deps: SignInDeps, input: CodeRequest, clientIp: string): Promise<CodeSent> {
  const started = Date.now();
  await clientLimit(deps, clientIp);
  // Counted for every address, registered or not, so the limit itself reveals nothing.
  await limit(deps, `email#${sha256(input.email)}`, SIGN_IN_LIMITS.perAddress, '该邮箱地址获取验证码过于频繁');
  if (inFlight.size >= SIGN_IN_LIMITS.inFlight) throw new TooManyRequestsError('登录请求较多，请 1 分钟后再试', 60);
  const answer: CodeSent = {
    message: `如果该邮箱地址已登记，验证码已发送到该邮箱，${SIGN_IN_LIMITS.codeMinutes} 分钟内有效。`,
    validMinutes: SIGN_IN_LIMITS.codeMinutes,
  };
  const work = mailCode(deps, input).catch((error: Error) => {
    // Answering differently would tell who is registered; the person asks again.
    console.error('sign-in code failed:', error.name);
  });
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
  const answerAt = started + (deps.config.codeAnswerMs ?? CODE_ANSWER_MS);
  await Promise.race([work, sleep(Math.max(0, answerAt - Date.now()))]);
  await sleep(Math.max(0, answerAt - Date.now()));
  return answer;
}

/** The registered path: a fresh code, stored hashed, and the mail. Nothing for an unknown address. */
async function mailCode(deps: SignInDeps, input: CodeRequest): Promise<void> {
  if ((await registrationsFor(deps, input.email, input.role)).length === 0) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(deps.clock().getTime() + SIGN_IN_LIMITS.codeMinutes * 60_000).toISOString();
  await deps.signIn.putCode({ email: input.email, role: input.role, codeHash: sha256(code), expiresAt, tries: 0 });
  // The code rides in the fragment: never sent to a server, and the page asks for a click.
  const link = `${signInPage(deps.config.publicUrl, input.role)}#signin=${encodeURIComponent(input.email)}&code=${code}`;
  const mail = signInCodeEmail({ code, link, validMinutes: SIGN_IN_LIMITS.codeMinutes, purpose: input.role === 'filer' ? '填报' : '审核' });
  await deps.mailer.send({ to: [input.email], ...mail, tags: { kind: 'sign-in' } });
}

/** Checks the code; opens a session, or asks which agency (region) when the address serves several. */
export async function verifyCode(deps: SignInDeps, input: VerifyRequest, clientIp: string): Promise<VerifyAnswer> {
  await clientLimit(deps, clientIp);
  const now = deps.clock();
  const stored = await deps.signIn.getCode(input.email, input.role);
  const invalid = new AuthenticationError('验证码错误或已失效，请重新获取验证码');
  if (!stored || Date.parse(stored.expiresAt) <= now.getTime()) throw invalid;
  if (sha256(input.code) !== stored.codeHash) {
    const tries = await deps.signIn.countWrongTry(input.email, input.role, stored.codeHash);
    if (tries >= SIGN_IN_LIMITS.wrongTries) {
      await deps.signIn.consumeCode(input.email, input.role, stored.codeHash);
      throw new TooManyRequestsError(`验证码已输错 ${SIGN_IN_LIMITS.wrongTries} 次，已失效，请重新获取验证码`, 1);
    }
    if (tries === 0) throw invalid;
    throw new AuthenticationError(`验证码错误，还可以再试 ${SIGN_IN_LIMITS.wrongTries - tries} 次`);
  }
  const registrations = await registrationsFor(deps, input.email, input.role);
  if (registrations.length === 0) throw invalid;
  if (registrations.length > 1 && input.choice === undefined) {
    return { kind: 'choose', choices: await Promise.all(registrations.map((r) => choiceOf(deps, r))) };
  }
  const chosen = input.choice === undefined ? registrations[0]! : registrations.find((r) => idOf(r) === input.choice);
  if (!chosen) throw new InputError('所选单位不在该邮箱地址登记的范围内');
  if (!(await deps.signIn.consumeCode(input.email, input.role, stored.codeHash))) throw invalid;
  return openSession(deps, chosen, input.email, now);
}

const idOf = (r: Registration) => (r.role === 'filer' ? r.agencyId : r.region);

async function choiceOf(deps: SignInDeps, r: Registration): Promise<{ id: string; name: string }> {
  if (r.role === 'reviewer') return { id: r.region, name: `行政区划 ${r.region}` };
  return { id: r.agencyId, name: (await deps.store.getAgency(r.agencyId))?.name ?? r.agencyId };
}

async function openSession(deps: SignInDeps, r: Registration, email: string, now: Date): Promise<VerifyAnswer> {
  const region = r.role === 'filer' ? (await deps.store.getAgency(r.agencyId))?.region : r.region;
  if (!region) throw new AuthenticationError('该单位已不在名录中，请与主管部门联系');
  const expiresAt = new Date(now.getTime() + deps.config.sessionHours * 3600_000).toISOString();
  const { token, hash } = newToken();
  const record: TokenRecord = {
    hash,
    role: r.role,
    ...(r.role === 'filer' ? { agencyId: r.agencyId } : {}),
    region,
    createdAt: now.toISOString(),
    expiresAt,
    email,
  };
  await deps.store.putToken(record);
  if (r.role === 'filer') await deps.signIn.recordSignIn(r.agencyId, now.toISOString());
  await deps.store.recordEvent(sessionEvent('session.started', record, now, { email }));
  return { kind: 'session', token, role: r.role, region, ...(record.agencyId ? { agencyId: record.agencyId } : {}), expiresAt };
}

/** Ends the caller's own session (or API token): it stops working at once. */
export async function signOut(deps: Pick<SignInDeps, 'store' | 'clock'>, caller: Caller): Promise<void> {
  const now = deps.clock();
  await deps.store.revokeToken(caller.tokenHash, now.toISOString());
  const record = {
    role: caller.role,
    region: caller.region,
    ...(caller.role === 'filer' ? { agencyId: caller.agencyId } : {}),
    hash: caller.tokenHash,
  };
  await deps.store.recordEvent(sessionEvent('session.ended', record, now));
}

function sessionEvent(
  type: AuditEvent['type'],
  t: Pick<TokenRecord, 'role' | 'region' | 'agencyId' | 'hash'>,
  at: Date,
  extra: Record<string, unknown> = {},
): AuditEvent {
  return {
    type,
    at: at.toISOString(),
    region: t.region,
    ...(t.agencyId ? { agencyId: t.agencyId } : {}),
    actor: t.hash.slice(0, 12),
    detail: { role: t.role, ...extra },
  };
}

/** Registers an address as a reviewer of a region (`nianbao reviewers add`). */
export async function addReviewer(signIn: SignInStore, region: string, email: string): Promise<{ region: string; email: string }> {
  const code = RegionCode.safeParse(region);
  if (!code.success) throw new InputError(`行政区划代码“${region}”应为6位数字`);
  const address = CodeRequestSchema.shape.email.safeParse(email);
  if (!address.success) throw new InputError(`电子邮箱地址“${email}”格式不正确`);
  await signIn.addReviewer(code.data, address.data);
  return { region: code.data, email: address.data };
}
