/**
 * PDFs whose Chinese font is not embedded and is named with a predefined CMap (UniGB-UCS2-H):
 * no text comes out without PDF.js's character maps. In Node they are read from pdfjs-dist;
 * a caller may give its own loader (the form: its lazy chunks, test/e2e/form.test.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../functions/domain/import/import-document.js';
import { pdfToText } from '../../functions/domain/import/pdf/read-pdf.js';
import { cMapEncodedPdf } from '../support/cmap-pdf.js';

const report = readFileSync(new URL('../fixtures/wangdian-2023-report.txt', import.meta.url), 'utf8');
// 一 and 二: title, paragraphs and 二's four small tables.
const pdf = cMapEncodedPdf(report.slice(0, report.indexOf('### 三、')));
const cmaps = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');

describe('a PDF in a non-embedded Chinese font with a predefined CMap', () => {
  it('gives its text in Node with pdfjs-dist’s maps', async () => {
    const text = await pdfToText(pdf);
    expect(text).toContain('王店镇人民政府2023年政府信息公开工作年度报告');
    expect(text).toMatch(/规章\t0\t0\t0/);
  });

  it('asks a loader given by the caller for the map by name', async () => {
    const asked: string[] = [];
    const text = await pdfToText(pdf, {
      cMaps: async (name) => {
        asked.push(name);
        return new Uint8Array(readFileSync(path.join(cmaps, `${name}.bcmap`)));
      },
    });
    expect(asked).toContain('UniGB-UCS2-H');
    expect(text).toContain('一、总体情况');
  });

  it('imports the sections it holds and names the others', async () => {
    const imported = await importDocument(pdf, { partial: true });
    expect(imported.kind).toBe('pdf');
    expect(imported.report).toMatchObject({ agencyName: '王店镇人民政府', year: 2023, template: '2021' });
    expect(imported.missing.map((m) => m.slice(0, 4))).toEqual(['第三部分', '第四部分', '第五部分', '第六部分']);
  });
});
