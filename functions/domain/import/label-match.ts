/**
 * Normalising labels as real reports print them, and looking them up strictly enough that two
 * different rows never match the same text.
 */

const QUOTES = /["'“”‘’「」『』〝〞＂＇]/g;
const CN_NUMERAL = '[一二三四五六七八九十]+';
const ARABIC_NUMBERING = /^(\d+)[、,.]/;
const CN_NUMBERING = new RegExp(`^(${CN_NUMERAL})[、,.]`);

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
