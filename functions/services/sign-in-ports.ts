/** What the e-mail code sign-in needs from storage; adapters/dynamodb-sign-in-store.ts implements it. */
import type { TokenRole } from './model.js';

/** One thing an address may sign in as: an agency's filer or a region's reviewer. */
export type Registration = { role: 'filer'; agencyId: string } | { role: 'reviewer'; region: string };

/** A mailed code, stored only as a hash; one live code per address and role (a new one replaces it). */
export interface CodeRecord {
  email: string;
  role: TokenRole;
  /** SHA-256 of the code, hex */
  codeHash: string;
  expiresAt: string;
  /** wrong tries so far */
  tries: number;
}

/** `allowed`: counted; else the window is full until `retryAfterSeconds` from now. */
export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInStore {
  /** what an address is registered for (agency e-mails and reviewer registrations) */
  registrations(email: string): Promise<Registration[]>;
  /** registers (again) an address as a region's reviewer; the region's reviewer list shows it */
  addReviewer(region: string, email: string): Promise<void>;
  /** notes when an agency last signed in by code (the registry shows it); nothing if the agency is gone */
  recordSignIn(agencyId: string, at: string): Promise<void>;
  /**
   * Writes the address items sign-in looks up for every agency's `emails` and every reviewer
   * (agencies registered before sign-in existed have none); idempotent, a Scan: a migration step.
   */
  repairRegistrations(): Promise<{ agencies: number; addresses: number; reviewers: number }>;
  /**
   * Counts one request under `key` in the fixed window of `windowSeconds` containing `now`, unless
   * the window already holds `limit` (one conditional write: the limit holds across processes).
   */
  hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<LimitOutcome>;
  putCode(code: CodeRecord): Promise<void>;
  getCode(email: string, role: TokenRole): Promise<CodeRecord | undefined>;
  /** counts a wrong try of this code; returns the tries after it (0: the code is gone or replaced) */
  countWrongTry(email: string, role: TokenRole, codeHash: string): Promise<number>;
  /** removes this code if it is still there; true for the one caller that removed it (single use) */
  consumeCode(email: string, role: TokenRole, codeHash: string): Promise<boolean>;
}
