/**
 * What was typed and not yet saved, kept in this tab's sessionStorage (not localStorage: the
 * report should not outlive the session on a shared office computer). A reload or a failed
 * save loses nothing.
 */
import type { Report } from '../../functions/domain/report.js';

export interface Backup {
  /** the server version the edits started from */
  baseVersion: number;
  report: Report;
  savedAt: string;
}

const keyOf = (agencyId: string, year: number) => `nianbao.backup.${agencyId}.${year}`;

export function writeBackup(storage: Storage, agencyId: string, year: number, backup: Backup): void {
  try {
    storage.setItem(keyOf(agencyId, year), JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server draft is still there.
  }
}

export function readBackup(storage: Storage, agencyId: string, year: number): Backup | undefined {
  const raw = storage.getItem(keyOf(agencyId, year));
  if (!raw) return undefined;
  try {
    const backup = JSON.parse(raw) as Backup;
    return typeof backup.baseVersion === 'number' && backup.report ? backup : undefined;
  } catch {
    return undefined;
  }
}

export function dropBackup(storage: Storage, agencyId: string, year: number): void {
  storage.removeItem(keyOf(agencyId, year));
}

const YEAR_KEY = 'nianbao.year';

export function rememberYear(storage: Storage, year: number): void {
  storage.setItem(YEAR_KEY, String(year));
}

export function rememberedYear(storage: Storage): number | undefined {
  const year = Number(storage.getItem(YEAR_KEY));
  return Number.isInteger(year) && year > 2000 ? year : undefined;
}
