/**
 * What the page shows: its own findings, and the server's only for rules the page cannot decide
 * (SERVER_READ_RULES). A save's answer is about the report as sent; the clerk may have typed on
 * since, so a server finding of a rule the page runs itself (a balance, a total) can be stale and
 * must not come back once the page's own check has cleared it.
 */
import { SERVER_READ_RULES, findingKey, type Finding } from '../../functions/domain/finding.js';

const SERVER_READ = new Set<string>(SERVER_READ_RULES);

export function withServerFindings(local: readonly Finding[], server: readonly Finding[]): { findings: Finding[]; serverOnly: Finding[] } {
  const localKeys = new Set(local.map(findingKey));
  const serverOnly = server.filter((f) => SERVER_READ.has(f.rule) && !localKeys.has(findingKey(f)));
  return { findings: [...local, ...serverOnly], serverOnly };
}
