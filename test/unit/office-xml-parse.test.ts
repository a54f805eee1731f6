/**
 * office-xml.ts reads Office XML parts with its own tokenizer (parseXml) for speed, into the
 * tree htmlparser2's XML mode builds. This holds it to that: the same tree, node for node, for
 * every part of the Word and Excel files the tests write and for the odd corners of XML.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseXml, xmlParts } from '../../functions/domain/import/office-xml.js';
import { CLEAN_TEXTS, consistentReportArbitrary } from '../support/consistent-report.js';
import { reportDocx, reportXlsx } from '../support/office-documents.js';
import fc from 'fast-check';

type Tree = { type: string; name?: string; attribs?: Record<string, string>; data?: string; children?: Tree[] };
function shape(node: unknown): Tree {
  const n = node as { type: string; name?: string; attribs?: Record<string, string>; data?: string; children?: unknown[] };
  return { type: n.type, name: n.name, attribs: n.attribs, data: n.data, children: n.children?.map(shape) };
}
const expectSameTree = (xml: string) => expect(shape(parseXml(xml))).toEqual(shape(parseDocument(xml, { xmlMode: true })));

const [sample] = fc.sample(consistentReportArbitrary('2021'), { numRuns: 1, seed: 3 });
const report = { ...sample!, sections: { ...sample!.sections, ...CLEAN_TEXTS } };

describe('parseXml', () => {
  it('builds the tree htmlparser2 builds for every part of a Word file and of an Excel workbook', async () => {
    const files = [
      await reportDocx(report, { headings: 'bold', splitRuns: true, headerFooter: true }),
      await reportXlsx(report, { textSections: true, formulas: true }),
    ];
    let parts = 0;
    for (const file of files) {
      for (const [name, bytes] of Object.entries(unzipSync(file))) {
        if (!/\.(xml|rels)$/.test(name)) continue;
        expectSameTree(new TextDecoder().decode(bytes));
        parts++;
      }
    }
    expect(parts).toBeGreaterThan(15);
  });

  it.each([
    ['declaration, entities in text and attributes, spaced and self-closing tags', `<?xml version="1.0" standalone="yes"?>\n<a x="1 &amp; 2" y='&lt;q&gt;'><b/>t&#x4e2d;&#25991;&quot;<c  d = "e" >x</c ><d\n  e="1"\n/></a>`],
    ['CDATA and comments', '<a><![CDATA[<x>&amp;]]><!-- note -->y<!---->z</a>'],
    ['a closing tag that closes inner elements, a stray one, unclosed elements', '<a><b><c>x</b>y</a>z</q><d><e>open'],
    ['a doctype, unknown and invalid references', '<!DOCTYPE foo><r:a r:id="rId1" xmlns:r="u">&unknown; &AMP; &#0; &#xD800;</r:a>'],
    ['a lone <, a > in text and in an attribute, a repeated attribute, a bare value', '<a b=">">1 < 2 > 0</a><c d="1" d="2" e=f>x</c>'],
    ['whitespace kept as text', '<w:t xml:space="preserve">  两个  空格 </w:t>\n <x:y a="&#10;"/>'],
  ])('matches htmlparser2 on %s', (_name, xml) => expectSameTree(xml));
});

describe('xmlParts', () => {
  it('inflates a part when it is asked for, and gives undefined for a part the zip lacks', async () => {
    const parts = xmlParts(await reportXlsx(report, {}));
    expect(new TextDecoder().decode(parts.get('xl/workbook.xml'))).toContain('<workbook');
    expect(parts.get('xl/missing.xml')).toBeUndefined();
  });

  it('refuses a damaged zip at once', () => {
    expect(() => xmlParts(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow();
  });
});
