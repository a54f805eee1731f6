/**
 * The Word reader (docx/read-docx.ts) on WordprocessingML written here by hand, for what the
 * documents of office-documents.ts do not contain: tracked changes, fields, content controls,
 * alternative content, text boxes, hyperlinks, rows that skip grid columns, another prefix.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxToHtml } from '../../functions/domain/import/docx/read-docx.js';
import { ImportError } from '../../functions/domain/import/import-error.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

function docx(body: string, { prefix = 'w', styles }: { prefix?: string; styles?: string } = {}): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<${prefix}:document xmlns:${prefix}="${W}" xmlns:mc="${MC}"><${prefix}:body>${body}</${prefix}:body></${prefix}:document>`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
    ),
    'word/main.xml': strToU8(document),
  };
  if (styles) {
    files['word/_rels/main.xml.rels'] = strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    );
    files['word/styles.xml'] = strToU8(`<w:styles xmlns:w="${W}">${styles}</w:styles>`);
  }
  return zipSync(files);
}

const p = (runs: string, properties = '') => `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}${runs}</w:p>`;
const r = (text: string, properties = '') => `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (content: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(r(content))}</w:tc>`;

describe('docxToHtml', () => {
  it('joins runs, keeps inserted and drops deleted or moved-away text, and skips field instructions', async () => {
    const html = await docxToHtml(
      docx(
        p(
          r('申请') +
            `<w:ins w:id="1">${r('总')}</w:ins><w:del w:id="2"><w:r><w:delText>合</w:delText></w:r></w:del>` +
            `<w:moveFrom>${r('旧')}</w:moveFrom>` +
            `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('数')}<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
            `<w:hyperlink r:id="x">${r('（件）')}</w:hyperlink>`,
        ),
      ),
    );
    expect(html).toBe('<p>申请总数（件）</p>\n');
  });

  it('reads one version of alternative content, text boxes after their paragraph, and content controls', async () => {
    const box = (text: string) => `<w:txbxContent>${p(r(text))}</w:txbxContent>`;
    const html = await docxToHtml(
      docx(
        p(r('正文') + `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('文本框')}</mc:Choice><mc:Fallback>${box('文本框')}</mc:Fallback></mc:AlternateContent></w:r>`) +
          `<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>${p(r('控件内容'))}</w:sdtContent></w:sdt>`,
      ),
    );
    expect(html).toBe('<p>正文</p>\n<p>文本框</p>\n<p>控件内容</p>\n');
  });

  it('gives heading styles by their names, bold runs unless switched off, and escapes text', async () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Body Text"/></w:style>';
    const html = await docxToHtml(
      docx(p(r('一、总体情况'), '<w:pStyle w:val="1"/>') + p(r('加粗', '<w:b/>') + r('不粗', '<w:b w:val="0"/>') + r(' a&lt;b &amp; c'), '<w:pStyle w:val="a3"/>'), { styles }),
    );
    expect(html).toBe('<h1>一、总体情况</h1>\n<p><strong>加粗</strong>不粗 a&lt;b &amp; c</p>\n');
  });

  it('merges cells across (gridSpan) and down (vMerge) in grid columns, also after skipped columns and inside content controls', async () => {
    const row = (cells: string, properties = '') => `<w:tr>${properties ? `<w:trPr>${properties}</w:trPr>` : ''}${cells}</w:tr>`;
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${
      row(tc('甲', '<w:gridSpan w:val="2"/>') + tc('乙', '<w:vMerge w:val="restart"/>')) +
      `<w:sdt><w:sdtContent>${row(tc('丙') + `<w:sdt><w:sdtContent>${tc('丁')}</w:sdtContent></w:sdt>` + tc('', '<w:vMerge/>'))}</w:sdtContent></w:sdt>` +
      row(tc('戊') + tc('', '<w:vMerge/>'), '<w:gridBefore w:val="1"/>')
    }</w:tbl>`;
    const html = await docxToHtml(docx(table));
    expect(html).toBe('<table>\n<tr><td colspan="2"><p>甲</p></td><td rowspan="3"><p>乙</p></td></tr>\n<tr><td><p>丙</p></td><td><p>丁</p></td></tr>\n<tr><td><p>戊</p></td></tr>\n</table>\n');
  });

  it('reads a document written with another namespace prefix', async () => {
    const html = await docxToHtml(docx('<x:p><x:r><x:t>正文</x:t></x:r></x:p>', { prefix: 'x' }));
    expect(html).toBe('<p>正文</p>\n');
  });

  it('refuses a damaged file or one without a document part with a Chinese message', async () => {
    await expect(docxToHtml(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toThrow(ImportError);
    await expect(docxToHtml(zipSync({ 'a.txt': strToU8('x') }))).rejects.toThrow(/Word 文件已损坏或无法读取/);
  });
});
