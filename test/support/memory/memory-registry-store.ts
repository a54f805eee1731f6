/**
 * The RegistryStore port in memory, with the DynamoDB adapter's conditions: a batch of agency
 * writes is checked whole (each as read: same region and addresses, or still unregistered)
 * before any is applied, so it is all or nothing like the adapter's transaction.
 */
import { StateConflictError } from '../../../functions/services/errors.js';
import type { AuditEvent } from '../../../functions/services/model.js';
import type { AgencyWrite, RegistryEntry, RegistryStore } from '../../../functions/services/registry-ports.js';
import type { Agency } from '../../../functions/domain/agency.js';
import type { MemorySignInStore } from './memory-sign-in-store.js';
import { byKey, copy, type MemoryTables } from './memory-tables.js';

export class MemoryRegistryStore implements RegistryStore {
  /** set to make the next write fail after its checks, as a refused transaction does */
  failNextWrite = false;

  constructor(
    private readonly tables: MemoryTables,
    private readonly signIn: MemorySignInStore,
  ) {}

  async readAgencies(ids: readonly string[]): Promise<Map<string, Agency>> {
    return new Map(ids.flatMap((id) => {
      const a = this.tables.agencies.get(id);
      return a ? [[id, copy(a)] as const] : [];
    }));
  }

  async listRegistry(region: string): Promise<RegistryEntry[]> {
    return byKey(this.tables.agencies, (a) => a.region === region).map((a) => {
      const at = this.tables.lastSignIn.get(a.id);
      return { ...copy(a), ...(at ? { lastSignInAt: at } : {}) };
    });
  }

  async writeAgencies(writes: readonly AgencyWrite[], events: readonly AuditEvent[]): Promise<void> {
    for (const { agency, before } of writes) {
      const now = this.tables.agencies.get(agency.id);
      const asRead = before ? now !== undefined && now.region === before.region && now.emails.join('\n') === before.emails.join('\n') : now === undefined;
      if (!asRead) throw new StateConflictError('名录已被他人修改（或同一单位已被登记），未写入任何内容，请刷新后再试');
    }
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error('TransactionCanceledException (test)');
    }
    for (const { agency } of writes) {
      const was = this.tables.agencies.get(agency.id)?.deactivatedAt;
      const { deactivatedAt: _ignored, ...fields } = agency;
      this.tables.agencies.set(agency.id, copy(was ? { ...fields, deactivatedAt: was } : fields));
    }
    for (const e of events) this.tables.putEvent(e);
  }

  async setDeactivated(agencyId: string, deactivatedAt: string | undefined, event: AuditEvent): Promise<boolean> {
    const agency = this.tables.agencies.get(agencyId);
    if (!agency) return false;
    if (deactivatedAt) agency.deactivatedAt = deactivatedAt;
    else delete agency.deactivatedAt;
    this.tables.putEvent(event);
    return true;
  }

  async listReviewers(region: string): Promise<string[]> {
    return [...this.signIn.reviewers].filter(([, regions]) => regions.has(region)).map(([email]) => email);
  }

  async removeReviewer(region: string, email: string): Promise<boolean> {
    return this.signIn.reviewers.get(email.toLowerCase())?.delete(region) ?? false;
  }
}
