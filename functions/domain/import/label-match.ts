/**
 * Normalising labels as real reports print them, and looking them up strictly enough that two
 * different rows never match the same text.
 */

const QUOTES = /["'“”‘’「」『』〝〞＂＇]/g;
const CN_NUMERAL = '[一二三四五六七八九十]+';
const ARABIC_NUMBERING = /^(\d+)[、,.]/;
const CN_NUMBERING = new RegExp(`^(${CN_NUMERAL})[、,.]`);

const BARE_LEVEL = 3;
const MIN_CLOSE_LENGTH = 5;
const MAX_CLOSE_LENGTH = 40;
const CJK = /[\u4e00-\u9fff]/;

/** One character wrong, missing or extra, or two neighbours swapped (上年转结 for 上年结转). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** No label, even flattened with its groups, is longer; longer cells are prose. */
export const MAX_LABEL_LENGTH = 120;

// Reports repeat the same few hundred labels; NFKC dominates the import's time without this.
const normaliseCache = new Map<string, string>();
const CACHE_SIZE = 4096;

/** One canonical spelling: full-width → half-width, no spaces or quotes, 其它 → 其他, 合计 → 总计. */
export function normaliseLabel(text: string): string {
  let result = normaliseCache.get(text);
  if (result === undefined) {
    result = normalise(text);
    if (normaliseCache.size >= CACHE_SIZE) normaliseCache.clear();
    normaliseCache.set(text, result);
  }
  return result;
}

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(QUOTES, '')
    .replace(/其它/g, '其他')
    // some reports print 合计 for the template's 总计
    .replace(/合计/g, '总计')
    .replace(ARABIC_NUMBERING, '$1.')
    .replace(CN_NUMBERING, '$1、')
    .replace(/[:;。]+$/, '');
}

const NUMBERING = new RegExp(`^(?:\\d+\\.|\\(${CN_NUMERAL}\\)|${CN_NUMERAL}、)`);
const TRAILING_NOTE = /\([^()]*\)$/;

/**
 * Keys from strictest to loosest: as printed; without a trailing note such as
 * （区分处理的，…）; without the numbering; without both. Both sides of a comparison use the same
 * level, so "（六）其他处理" and "3.其他" stay apart at every level.
 */
export function labelKeys(text: string): readonly string[] {
  const full = normaliseLabel(text);
  const noNote = full.replace(TRAILING_NOTE, '');
  const noNumber = full.replace(NUMBERING, '');
  const bare = noNote.replace(NUMBERING, '');
  return [full, noNote, noNumber, bare];
}

/**
 * Maps label text to targets. A key claimed by two different targets (e.g. "总计", which is
 * both the column and, without its numbering, the row （七）总计) matches nothing at that level,
 * and the lookup stops there rather than trying looser keys.
 */
export class LabelIndex<T> {
  private readonly levels: Map<string, { key: string; target: T } | null>[] = [new Map(), new Map(), new Map(), new Map()];
  private readonly prefixes: string[] = [];

  /** `id` tells whether two registrations are the same target. */
  add(label: string, id: string, target: T): void {
    labelKeys(label).forEach((key, level) => {
      if (!key) return;
      const map = this.levels[level]!;
      const existing = map.get(key);
      if (existing === undefined) map.set(key, { key: id, target });
      else if (existing !== null && existing.key !== id) map.set(key, null);
    });
  }

  /**
   * A group label that may be printed in the same cell as its row's label, as when merged
   * cells are flattened: "（三）不予公开1.属于国家秘密".
   */
  addPrefix(label: string): void {
    const prefix = normaliseLabel(label);
    if (prefix && !this.prefixes.includes(prefix)) this.prefixes.push(prefix);
  }

  find(text: string): T | undefined {
    if (text.length > MAX_LABEL_LENGTH) return undefined;
    const whole = this.findExact(text);
    if (whole !== undefined) return whole;
    const normalised = normaliseLabel(text);
    const prefix = this.prefixes.find((p) => normalised.length > p.length && normalised.startsWith(p));
    return prefix === undefined ? undefined : this.find(normalised.slice(prefix.length));
  }

  /**
   * A label printed with one character wrong, missing or extra (行政事业型收费 for 行政事业性收费),
   * when exactly one label is that close. Only for labels long enough that one character does
   * not make another label: callers use it for a row of figures whose label is otherwise unknown.
   */
  findClose(text: string): T | undefined {
    const key = labelKeys(text)[BARE_LEVEL]!;
    if (key.length < MIN_CLOSE_LENGTH || key.length > MAX_CLOSE_LENGTH || !CJK.test(key)) return undefined;
    let found: { key: string; target: T } | undefined;
    for (const [candidate, hit] of this.levels[BARE_LEVEL]!) {
      if (!hit || !withinOneEdit(key, candidate)) continue;
      if (found && found.key !== hit.key) return undefined;
      found = hit;
    }
    return found?.target;
  }

  private findExact(text: string): T | undefined {
    if (!text.trim()) return undefined;
    const keys = labelKeys(text);
    for (let level = 0; level < keys.length; level++) {
      const key = keys[level]!;
      if (!key) continue;
      const hit = this.levels[level]!.get(key);
      if (hit === null) return undefined;
      if (hit) return hit.target;
    }
    return undefined;
  }
}
