/**
 * The search index pass's Lambda carries Pagefind's Linux x64 binary (infra/bundling/pagefind-binary.ts):
 * the afterBundling commands copy it into the bundle's folder, executable, and it runs there.
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPagefindBinary, pagefindLinuxBinary } from '../../infra/bundling/pagefind-binary.js';

describe("Pagefind's binary in the repair pass's bundle", () => {
  it('is copied executable into the bundle folder and runs', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pagefind-bundle-'));
    try {
      for (const command of copyPagefindBinary(out)) execSync(command);
      const copied = path.join(out, 'pagefind_extended');
      expect(statSync(copied).mode & 0o111).toBe(0o111);
      expect(statSync(copied).size).toBe(statSync(pagefindLinuxBinary()).size);
      expect(execFileSync(copied, ['--version'], { encoding: 'utf8' })).toMatch(/^pagefind \d+\.\d+\.\d+/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
