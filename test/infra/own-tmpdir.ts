/**
 * Each infra test file synthesizes into a temporary folder of its own, removed when the file is
 * done. Without an outdir, CDK writes every synth (Template.fromStack included) to a new
 * os.tmpdir()/cdk.outXXXX of about 20 MB and never removes it: hundreds of them after a few
 * runs. os.tmpdir() reads TMPDIR when called, and this runs before the test file loads CDK.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const own = mkdtempSync(join(tmpdir(), 'nianbao-infra-'));
const before = process.env['TMPDIR'];
process.env['TMPDIR'] = own;

afterAll(() => {
  if (before === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = before;
  rmSync(own, { recursive: true, force: true });
});
