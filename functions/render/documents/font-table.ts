/**
 * The .docx font table (word/fontTable.xml). The `docx` library writes it empty; ours names
 * each Chinese font with the GB2312 character set and the font Word and WPS substitute when it
 * is missing (`w:altName`), so that a PC without 仿宋_GB2312 prints in 仿宋, not in the
 * default Latin font.
 */
import type { DocFont } from './document-text.js';

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fontTableXml(fonts: readonly DocFont[]): string {
  const entries = new Map<string, string>();
  for (const f of fonts) {
    const alt = f.altName ? `<w:altName w:val="${escapeXml(f.altName)}"/>` : '';
    // charset 86 = GB2312; CJK fonts are fixed-pitch in their ideographs
    entries.set(f.eastAsia, `<w:font w:name="${escapeXml(f.eastAsia)}">${alt}<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`);
    entries.set(f.latin, `<w:font w:name="${escapeXml(f.latin)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${[...entries.values()].join('')}</w:fonts>`;
}
