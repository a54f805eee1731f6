/**
 * Whether two reports say the same thing (texts and cells), whatever their key order: a draft
 * saved on the way out of the page comes back from the server with its keys reordered.
 */
import type { Report } from '../../functions/domain/report.js';

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameContent(a: Report | null | undefined, b: Report | null | undefined): boolean {
  if (!a || !b) return false;
  return a.template === b.template && stable(a.sections) === stable(b.sections);
}
