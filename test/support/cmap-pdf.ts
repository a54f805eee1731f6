/**
 * A PDF as older Chinese office software writes it: a non-embedded CJK font (STSong-Light)
 * named with a predefined CMap (UniGB-UCS2-H), so no reader gets any text without that CMap.
 * Chromium embeds its fonts and cannot print one, so the file is written here: each line of a
 * text-layout report (cells separated by tabs) at its own baseline, cells of a table in columns
 * as wide as their widest cell, so blank cells stay in their column.
 */
const FONT_SIZE = 8;
const LINE_HEIGHT = 14;
const GAP = 12;
const LEFT = 40;
const TOP = 800;
const LINES_PER_PAGE = 52;

/** Every character of STSong-Light is 1000 units wide (DW), so a cell is its length in ems. */
const width = (text: string) => [...text].length * FONT_SIZE;

function hexUcs2(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/** x of each column of each line: lines of several cells in a row form a table. */
function columnsOf(lines: readonly string[][]): number[][] {
  const result: number[][] = [];
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    if (lines[start]!.length > 1) while (end < lines.length && lines[end]!.length > 1) end++;
    const block = lines.slice(start, end);
    const widths: number[] = [];
    for (const line of block) line.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
    const xs = [LEFT];
    for (const w of widths) xs.push(xs[xs.length - 1]! + w + GAP);
    for (let i = start; i < end; i++) result.push(xs);
    start = end;
  }
  return result;
}

export function cMapEncodedPdf(text: string): Uint8Array {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').split('\t').map((c) => c.replace(/\s+/g, '')))
    .filter((cells) => cells.some(Boolean));
  const columns = columnsOf(lines);
  const pages: string[] = [];
  for (let first = 0; first < lines.length; first += LINES_PER_PAGE) {
    const ops = ['BT', `/F1 ${FONT_SIZE} Tf`];
    lines.slice(first, first + LINES_PER_PAGE).forEach((cells, i) => {
      const y = TOP - i * LINE_HEIGHT;
      cells.forEach((cell, c) => {
        if (cell) ops.push(`1 0 0 1 ${columns[first + i]![c]} ${y} Tm <${hexUcs2(cell)}> Tj`);
      });
    });
    ops.push('ET');
    pages.push(ops.join('\n'));
  }
  // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, then a page and its content each.
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${6 + 2 * i} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
    ...pages.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ]),
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
