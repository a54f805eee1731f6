#!/usr/bin/env node
/**
 * Run by `npm install` / `npm ci` (package.json "postinstall"): adds one option, `textOnly`, to
 * the PDF.js that unpdf ships (node_modules/unpdf/dist/pdfjs.mjs, one minified file, pinned
 * version in package.json).
 *
 * Why: PDF.js runs the glyph program of every glyph of a Type 3 font when it loads the font,
 * for text extraction as well as for drawing, though only drawing uses them. Chromium on Linux
 * prints CJK text (Noto CJK, CFF outlines) as Type 3 fonts, hundreds per report, and those
 * programs were a quarter of reading a six-page printed report (`npm run bench:import`). With
 * `getDocument({ textOnly: true })` the font gets an empty set of glyph programs; text, widths,
 * ToUnicode and the page's operator list (for table borders) are unchanged. A test in
 * test/e2e/import-pdf.test.ts reads a Chromium-printed report with and without the option.
 *
 * A line-based patch tool (patch-package) would store the whole 160 KB minified line; this
 * replaces two exact fragments instead. If unpdf changes and a fragment is not found, it says
 * so and leaves the file alone: PDF.js ignores the unknown option and reads as before, slower.
 * Idempotent: a patched file is recognised and left as is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARK = 'textOnly:e.textOnly===!0,';
const EDITS = [
  // getDocument passes the option on to the worker's evaluator options.
  ['evaluatorOptions:{maxImageSize:y,', `evaluatorOptions:{${MARK}maxImageSize:y,`],
  // TranslatedFont#loadType3Data: with textOnly, no glyph program is run.
  [
    'loadType3Data(e,t,n,r=null){if(this.#t)return this.#t;',
    'loadType3Data(e,t,n,r=null){if(this.#t)return this.#t;if(e.options.textOnly)return this.font.charProcOperatorList=Object.create(null),this.#t=Promise.resolve();',
  ],
];

let file;
try {
  // unpdf's exports map hides package.json; its main entry sits beside pdfjs.mjs in dist/.
  file = path.join(path.dirname(createRequire(import.meta.url).resolve('unpdf')), 'pdfjs.mjs');
} catch {
  console.log('patch-pdfjs: unpdf is not installed; nothing to patch');
  process.exit(0);
}
const source = readFileSync(file, 'utf8');
if (source.includes(MARK)) {
  console.log('patch-pdfjs: unpdf PDF.js already has the textOnly option');
  process.exit(0);
}
let patched = source;
for (const [from, to] of EDITS) {
  if (patched.split(from).length !== 2) {
    console.warn(`patch-pdfjs: unpdf's PDF.js changed (fragment not found once: ${from.slice(0, 40)}…); not patched, PDFs read slower`);
    process.exit(0);
  }
  patched = patched.replace(from, to);
}
writeFileSync(file, patched);
console.log('patch-pdfjs: added the textOnly option to unpdf PDF.js');
