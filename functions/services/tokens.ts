/** Sign-in tokens: random, stored only as SHA-256 hashes, expiring, revocable. */
import { createHash, randomBytes } from 'node:crypto';
import { AuthenticationError, InputError, NotFoundError } from './errors.js';
import { type AuditEvent, type Caller, type TokenRecord, type TokenRole } from './model.js';
import { RegionCode } from '../domain/agency.js';
import type { Clock, FilingStore } from './ports.js';

/** A `nb_` prefix lets secret scanners and people recognise a leaked token. */
const TOKEN_PATTERN = /^nb_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh bearer token and its hash (API tokens and sign-in sessions alike). */
export function newToken(): { token: string; hash: string } {
  // 32 random bytes: 256 bits, far above the 128 the issue asks for.
  const token = `nb_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export interface TokenSettings {
  publicUrl: string;
  days: number;
}

export interface CreatedToken {
  token: string;
  url: string;
  role: TokenRole;
  agencyId?: string;
  region: string;
  expiresAt: string;
}

export async function createToken(
  store: FilingStore,
  clock: Clock,
  settings: TokenSettings,
  subject: { agencyId: string } | { region: string },
): Promise<CreatedToken> {
  const now = clock();
  let record: Omit<TokenRecord, 'hash'>;
  const expiresAt = new Date(now.getTime() + settings.days * 24 * 3600 * 1000).toISOString();
  if ('agencyId' in subject) {
    const agency = await store.getAgency(subject.agencyId);
    if (!agency) throw new NotFoundError(`没有代码为 ${subject.agencyId} 的单位，请先导入单位名录`);
    record = { role: 'filer', agencyId: agency.id, region: agency.region, createdAt: now.toISOString(), expiresAt };
  } else {
    const region = RegionCode.safeParse(subject.region);
    if (!region.success) throw new InputError(`行政区划代码“${subject.region}”应为6位数字`);
    record = { role: 'reviewer', region: region.data, createdAt: now.toISOString(), expiresAt };
  }
  const { token, hash } = newToken();
  await store.putToken({ ...record, hash });
  await store.recordEvent(tokenEvent('token.created', record, hash, now));
  // The token rides in the fragment, which browsers never send to a server or log.
  // A reviewer's link opens the review page (web/review/); a filer's the root, which is the form.
  const base = settings.publicUrl.replace(/\/$/, '');
  const url = record.role === 'reviewer' ? `${base}/review/#region=${record.region}&token=${token}` : `${base}/#token=${token}`;
  return { token, url, role: record.role, ...(record.agencyId ? { agencyId: record.agencyId } : {}), region: record.region, expiresAt };
}

/** Revokes one token (given the token itself or its hash); false if unknown. */
export async function revokeToken(store: FilingStore, clock: Clock, tokenOrHash: string): Promise<boolean> {
  const hash = /^[0-9a-f]{64}$/.test(tokenOrHash) ? tokenOrHash : hashToken(tokenOrHash);
  const record = await store.getToken(hash);
  if (!record) return false;
  await store.revokeToken(hash, clock().toISOString());
  await store.recordEvent(tokenEvent('token.revoked', record, hash, clock()));
  return true;
}

/** Revokes every live token of an agency or a reviewer region; returns how many. */
export async function revokeAllTokens(store: FilingStore, clock: Clock, role: TokenRole, owner: string): Promise<number> {
  return revokeTokens(store, clock, role, owner, { actor: 'cli' });
}

/**
 * Revokes the live tokens (sessions and API tokens) of an agency or a reviewer region, or with
 * `email` only the sessions opened with that address; returns how many.
 */
export async function revokeTokens(
  store: FilingStore,
  clock: Clock,
  role: TokenRole,
  owner: string,
  options: { actor: string; email?: string },
): Promise<number> {
  const now = clock();
  let live = (await store.listTokens(role, owner)).filter((t) => !t.revokedAt && Date.parse(t.expiresAt) > now.getTime());
  if (options.email !== undefined) {
    const address = options.email.toLowerCase();
    // The owner index may not carry the address: read each live token's own item.
    const full = await Promise.all(live.map((t) => store.getToken(t.hash)));
    live = full.filter((t): t is TokenRecord => t?.email?.toLowerCase() === address);
  }
  for (const t of live) {
    await store.revokeToken(t.hash, now.toISOString());
    await store.recordEvent(tokenEvent('token.revoked', t, t.hash, now, options.actor));
  }
  return live.length;
}

function tokenEvent(type: AuditEvent['type'], record: Omit<TokenRecord, 'hash'>, hash: string, at: Date, actor = 'cli'): AuditEvent {
  return {
    type,
    at: at.toISOString(),
    region: record.region,
    ...(record.agencyId ? { agencyId: record.agencyId } : {}),
    actor,
    detail: { role: record.role, tokenHash: hash.slice(0, 12) },
  };
}

/** The hash of a well-formed bearer token, without checking it (to look up its owner early). */
export function bearerHash(header: string | undefined): string | undefined {
  const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  return token && TOKEN_PATTERN.test(token) ? hashToken(token) : undefined;
}

/** The caller behind an `Authorization: Bearer …` header. */
export async function authenticate(store: FilingStore, clock: Clock, header: string | undefined): Promise<Caller> {
  if (!header) throw new AuthenticationError('请先登录：请求缺少 Authorization: Bearer 令牌');
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AuthenticationError('Authorization 头格式应为 “Bearer 令牌”');
  const token = match[1]!;
  // Malformed tokens never reach the table.
  if (!TOKEN_PATTERN.test(token)) throw new AuthenticationError('登录令牌无效');
  const hash = hashToken(token);
  const record = await store.getToken(hash);
  if (!record) throw new AuthenticationError('登录令牌无效');
  if (record.revokedAt) throw new AuthenticationError('登录令牌已被撤销，请向主管部门索取新的登录链接');
  if (Date.parse(record.expiresAt) <= clock().getTime()) {
    throw new AuthenticationError('登录令牌已过期，请向主管部门索取新的登录链接');
  }
  return record.role === 'filer'
    ? { role: 'filer', agencyId: record.agencyId!, region: record.region, tokenHash: hash }
    : { role: 'reviewer', region: record.region, tokenHash: hash };
}
