/**
 * What the page shows: its own findings, and those of the server's last answer that it did not
 * find itself. An answer is about the report as sent; when the clerk has typed on since, only
 * the rules the page cannot decide (SERVER_READ_RULES) are taken from it: a balance or a total
 * the page has since put right must not come back. An answer about what the page still shows
 * (`fresh`) is taken whole, so that a server whose rules differ from the page's (a form loaded
 * before a deploy) still marks the cells it refused.
 */
import { SERVER_READ_RULES, findingKey, type Finding } from '../../functions/domain/finding.js';

const SERVER_READ = new Set<string>(SERVER_READ_RULES);
/** the page reads the cells as typed ("1." is a number there): its own verdict on these stands */
const PAGE_ONLY = new Set<string>(['required.missing', 'number.format']);

export function withServerFindings(
  local: readonly Finding[],
  server: readonly Finding[],
  fresh: boolean,
): { findings: Finding[]; serverOnly: Finding[] } {
  const localKeys = new Set(local.map(findingKey));
  const taken = (f: Finding) => (fresh ? !PAGE_ONLY.has(f.rule) : SERVER_READ.has(f.rule));
  const serverOnly = server.filter((f) => taken(f) && !localKeys.has(findingKey(f)));
  return { findings: [...local, ...serverOnly], serverOnly };
}
