/**
 * An Office file (.docx, .xlsx) as its parts, for the writers that fill a cached template: the
 * library writes a template once per process, and each report rewrites only the parts that
 * carry its figures and words, then zips them with fflate (the libraries' own zippers, JSZip and
 * pako, cost more than the XML). See report-docx.ts and report-xlsx.ts for why.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface PackageParts {
  /** every file of the package, in the library's order, without directory entries */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export function readPackage(bytes: Uint8Array): PackageParts {
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(unzipSync(bytes))) if (!path.endsWith('/')) files.set(path, data);
  return { files };
}

export function partText(parts: PackageParts, path: string): string {
  const data = parts.files.get(path);
  if (!data) throw new Error(`${path} is not in the package`);
  return strFromU8(data);
}

/** The package with `changed` parts (text) in place of the template's. */
export function writePackage(parts: PackageParts, changed: ReadonlyMap<string, string>): Uint8Array {
  const zippable: Zippable = {};
  for (const [path, data] of parts.files) {
    const text = changed.get(path);
    zippable[path] = text === undefined ? data : strToU8(text);
  }
  return zipSync(zippable, { level: 6 });
}

/**
 * A template part cut at each match of `pattern` (global): the text between the matches
 * (`pieces`, one more than the matches) and what each match stands for (`slots`). A report's
 * part is then the pieces joined with each slot's value.
 */
export function cutAtMarkers<S>(xml: string, pattern: RegExp, slot: (match: RegExpMatchArray) => S): { pieces: string[]; slots: S[] } {
  const pieces: string[] = [];
  const slots: S[] = [];
  let at = 0;
  for (const m of xml.matchAll(pattern)) {
    pieces.push(xml.slice(at, m.index));
    at = m.index! + m[0].length;
    slots.push(slot(m));
  }
  pieces.push(xml.slice(at));
  return { pieces, slots };
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const entity = (c: string) => ENTITIES[c] ?? '';

/** How docx writes text: &, <, >, quotes escaped, control characters other than tab and line breaks dropped. */
export const escapeWordText = (value: string): string => value.replace(/[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F]/g, entity);

/** How exceljs writes text: quotes escaped too, and DEL dropped. */
export const escapeExcelText = (value: string): string => value.replace(/[&<>"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, entity);

/** Replaces exactly one occurrence of `marker`, or says the template is not what the writer expects. */
export function replaceOnce(xml: string, marker: string, value: string, what: string): string {
  const at = xml.indexOf(marker);
  if (at < 0 || xml.indexOf(marker, at + marker.length) >= 0) throw new Error(`template: ${what} found ${at < 0 ? 'nowhere' : 'twice'}`);
  return xml.slice(0, at) + value + xml.slice(at + marker.length);
}

/** The package's core.xml (title, author, dates) with the markers and the instants replaced. */
export function coreProperties(template: string, values: ReadonlyMap<string, string>, escape: (text: string) => string, instant: string): string {
  let xml = template;
  for (const [marker, value] of values) xml = replaceOnce(xml, marker, escape(value), 'a document property');
  return xml.replace(/(<dcterms:(?:created|modified) xsi:type="dcterms:W3CDTF">)[^<]*(<\/dcterms:)/g, (_, open: string, close: string) => `${open}${instant}${close}`);
}

/**
 * `build` run once per template and kept for the process (a failed build is not kept: the next
 * call tries again, and fails with the same message).
 */
export function oncePerTemplate<K, T>(build: (template: K) => Promise<T>): (template: K) => Promise<T> {
  const built = new Map<K, Promise<T>>();
  return (template) => {
    let t = built.get(template);
    if (!t) {
      t = build(template);
      t.catch(() => built.delete(template));
      built.set(template, t);
    }
    return t;
  };
}
