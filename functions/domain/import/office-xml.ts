/**
 * The parts of an Office Open XML file (.docx, .xlsx) the readers need: the zip read with
 * fflate (only the XML parts inflated), each part's XML with htmlparser2 in XML mode, and the
 * relationships that say where the main part, styles or sheets are.
 */
import { unzipSync } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';

type XmlDocument = ReturnType<typeof parseDocument>;
export type XmlNode = XmlDocument['children'][number];
export type XmlElement = Extract<XmlNode, { attribs: unknown }>;

export type Parts = Record<string, Uint8Array>;

/** The XML parts and relationships of a zip; throws on a damaged one (fflate's message). */
export function xmlParts(bytes: Uint8Array): Parts {
  return unzipSync(bytes, { filter: (file) => file.name.endsWith('.rels') || file.name.endsWith('.xml') });
}

/** A part's root element, or undefined when the part is missing. */
export function partRoot(parts: Parts, path: string | undefined): XmlElement | undefined {
  const bytes = path ? parts[path] : undefined;
  return bytes ? elements(parseDocument(xmlText(bytes), { xmlMode: true }).children)[0] : undefined;
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
