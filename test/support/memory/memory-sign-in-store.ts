/**
 * The SignInStore port in memory: registrations read from the shared agencies (their `emails`,
 * as the DynamoDB adapter's address index mirrors them) plus registered reviewers; codes and
 * fixed-window counters in maps, with the same conditions the adapter writes.
 */
import type { TokenRole } from '../../../functions/services/model.js';
import type { CodeRecord, LimitOutcome, Registration, SignInStore } from '../../../functions/services/sign-in-ports.js';
import type { MemoryTables } from './memory-tables.js';

export class MemorySignInStore implements SignInStore {
  readonly reviewers = new Map<string, Set<string>>();
  readonly codes = new Map<string, CodeRecord>();
  readonly counters = new Map<string, number>();

  constructor(private readonly tables: MemoryTables) {}

  async registrations(email: string): Promise<Registration[]> {
    const address = email.toLowerCase();
    const out: Registration[] = [];
    for (const a of this.tables.agencies.values()) {
      if (a.emails.some((e) => e.toLowerCase() === address)) out.push({ role: 'filer', agencyId: a.id });
    }
    for (const region of this.reviewers.get(address) ?? []) out.push({ role: 'reviewer', region });
    return out;
  }

  async addReviewer(region: string, email: string): Promise<void> {
    const address = email.toLowerCase();
    this.reviewers.set(address, (this.reviewers.get(address) ?? new Set()).add(region));
  }

  async recordSignIn(agencyId: string, at: string): Promise<void> {
    if (this.tables.agencies.has(agencyId)) this.tables.lastSignIn.set(agencyId, at);
  }

  /** Registrations here are read from the agencies themselves: nothing to repair, only counted. */
  async repairRegistrations(): Promise<{ agencies: number; addresses: number; reviewers: number }> {
    const agencies = [...this.tables.agencies.values()];
    const reviewers = [...this.reviewers.values()].reduce((n, s) => n + s.size, 0);
    return { agencies: agencies.length, addresses: agencies.reduce((n, a) => n + a.emails.length, 0), reviewers };
  }

  async hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<LimitOutcome> {
    const window = Math.floor(now.getTime() / 1000 / windowSeconds);
    const k = `${key}#${windowSeconds}#${window}`;
    const count = this.counters.get(k) ?? 0;
    if (count >= limit) return { allowed: false, retryAfterSeconds: (window + 1) * windowSeconds - Math.floor(now.getTime() / 1000) };
    this.counters.set(k, count + 1);
    return { allowed: true };
  }

  async putCode(code: CodeRecord): Promise<void> {
    this.codes.set(`${code.email}#${code.role}`, { ...code });
  }

  async getCode(email: string, role: TokenRole): Promise<CodeRecord | undefined> {
    const code = this.codes.get(`${email}#${role}`);
    return code && { ...code };
  }

  async countWrongTry(email: string, role: TokenRole, codeHash: string): Promise<number> {
    const code = this.codes.get(`${email}#${role}`);
    if (!code || code.codeHash !== codeHash) return 0;
    code.tries++;
    return code.tries;
  }

  async consumeCode(email: string, role: TokenRole, codeHash: string): Promise<boolean> {
    const code = this.codes.get(`${email}#${role}`);
    if (!code || code.codeHash !== codeHash) return false;
    return this.codes.delete(`${email}#${role}`);
  }
}
