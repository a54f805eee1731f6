/**
 * The parts of an Office Open XML file (.docx, .xlsx) the readers need: the zip read with
 * fflate, each part inflated only when a reader asks for it (a report's theme, fonts, headers
 * and footnotes never are), its XML read into htmlparser2's DOM (domhandler nodes, as
 * htmlparser2's XML mode gives them) by parseXml below, and the relationships that say where
 * the main part, styles or sheets are.
 */
import { unzipSync } from 'fflate';
import { DomHandler, DomUtils } from 'htmlparser2';

type XmlDocument = DomHandler['root'];
export type XmlNode = XmlDocument['children'][number];
export type XmlElement = Extract<XmlNode, { attribs: unknown }>;

/** A zip's parts by path, each inflated on first use. */
export interface Parts {
  get(path: string): Uint8Array | undefined;
}

/** The parts of a zip; throws on a damaged one (fflate's message). */
export function xmlParts(bytes: Uint8Array): Parts {
  const names = new Set<string>();
  // Reads the central directory only (the filter declines every entry), so a damaged zip is
  // refused here rather than on a later part.
  unzipSync(bytes, { filter: (file) => (names.add(file.name), false) });
  const inflated = new Map<string, Uint8Array | undefined>();
  return {
    get(path) {
      if (!names.has(path)) return undefined;
      if (!inflated.has(path)) inflated.set(path, unzipSync(bytes, { filter: (file) => file.name === path })[path]);
      return inflated.get(path);
    },
  };
}

/** A part's root element, or undefined when the part is missing. */
export function partRoot(parts: Parts, path: string | undefined): XmlElement | undefined {
  const bytes = path ? parts.get(path) : undefined;
  return bytes ? elements(parseXml(xmlText(bytes)).children)[0] : undefined;
}

/**
 * XML text → the same domhandler tree as htmlparser2's `parseDocument(text, { xmlMode: true })`
 * (elements with their prefixed names and attributes, text including whitespace, the five XML
 * entities and character references decoded, CDATA, comments, processing instructions; a
 * closing tag closes the elements left open inside it, a stray one is ignored). A regular
 * expression finds each tag or text run where htmlparser2's tokenizer steps through every
 * character: for the 100 KB document part of a report, the tokenizer was most of the time of
 * a first .docx read (before the JIT has warmed to it), the regular expression runs as
 * compiled code from the start (`npm run bench:import`).
 */
export function parseXml(text: string): XmlDocument {
  const handler = new DomHandler(undefined, { xmlMode: true });
  const open: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    const [, comment, cdata, declaration, closing, name, attributes, selfClosing, run] = match;
    if (run !== undefined) handler.ontext(decodeXml(run));
    else if (name !== undefined) {
      handler.onopentag(name, readAttributes(attributes!));
      if (selfClosing) handler.onclosetag();
      else open.push(name);
    } else if (closing !== undefined) {
      const index = open.lastIndexOf(closing);
      if (index < 0) continue;
      while (open.length > index) {
        open.pop();
        handler.onclosetag();
      }
    } else if (comment !== undefined) {
      handler.oncomment(comment);
      handler.oncommentend();
    } else if (cdata !== undefined) {
      handler.oncdatastart();
      handler.ontext(cdata);
      handler.oncdataend();
    } else if (declaration !== undefined) {
      handler.onprocessinginstruction(/^[?!][^\s?>/]*/.exec(declaration)![0], declaration);
    } else handler.ontext('<'); // a `<` that starts no tag
  }
  while (open.pop() !== undefined) handler.onclosetag();
  handler.onend();
  return handler.root;
}

// One alternative per token: comment, CDATA, declaration or processing instruction, closing
// tag, opening tag (name, attributes, `/`), text; a lone `<` last. Sticky, so tokens are taken
// one after another from the start.
const TOKEN =
  /<!--([\s\S]*?)(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<([?!][^>]*)>|<\/([^\s>]+)\s*>|<([^\s/>?!][^\s/>]*)((?:\s*[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>|([^<]+)|</y;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!text) return attributes;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(text); match; match = ATTRIBUTE.exec(text)) {
    const [, name, double, single, bare] = match;
    if (!(name! in attributes)) attributes[name!] = decodeXml(double ?? single ?? bare ?? '');
  }
  return attributes;
}

const ENTITY = /&(?:#(\d+)|#[xX]([\da-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const code = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Relationship id → zip path of a part's relationships (from `<folder>/_rels/<name>.rels`). */
export function relations(parts: Parts, part: string): Map<string, { type: string; path: string }> {
  const folder = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const root = partRoot(parts, `${folder}_rels/${part.slice(folder.length)}.rels`);
  const result = new Map<string, { type: string; path: string }>();
  for (const relation of elements(root?.children ?? [])) {
    const { Id: id, Type: type = '', Target: target } = relation.attribs;
    if (!id || !target || relation.attribs.TargetMode === 'External') continue;
    result.set(id, { type, path: target.startsWith('/') ? target.slice(1) : resolvePath(folder + target) });
  }
  return result;
}

/** The path of a part's first relationship whose type ends with `/<type>` (officeDocument, styles…). */
export function relatedPath(parts: Parts, part: string, type: string): string | undefined {
  for (const relation of relations(parts, part).values()) if (relation.type.endsWith(`/${type}`)) return relation.path;
  return undefined;
}

function resolvePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function elements(nodes: readonly XmlNode[]): XmlElement[] {
  return nodes.filter((n): n is XmlElement => DomUtils.isTag(n));
}

/** Child elements by local name, whatever the prefix. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return elements(element?.children ?? []).filter((e) => localName(e.name) === name);
}

/** An attribute by its local name (w:val, r:id…), whatever the prefix. */
export function attribute(element: XmlElement, name: string): string | undefined {
  for (const [key, value] of Object.entries(element.attribs)) if (localName(key) === name) return value;
  return undefined;
}

/** The text of an element's text nodes, its own and its descendants', skipping `skip` elements. */
export function textOf(element: XmlElement, skip?: (e: XmlElement) => boolean): string {
  let text = '';
  for (const node of element.children) {
    if (DomUtils.isText(node)) text += node.data;
    else if (DomUtils.isTag(node) && !skip?.(node)) text += textOf(node, skip);
  }
  return text;
}
