/**
 * The compiled `nianbao` command (bin/built-cli.mjs): the same results as through tsx, rebuilt
 * when a source changes, reused when none does, and modules still find the files beside their
 * sources.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve('.');

describe('the compiled nianbao command', () => {
  it('prints what the TypeScript sources print through tsx', async () => {
    const args = [path.join(ROOT, 'bin/nianbao.mjs'), 'import', path.join(ROOT, 'test/fixtures/wangdian-2023-report.html')];
    const built = await run(process.execPath, args, { cwd: tmpdir() });
    const throughTsx = await run(process.execPath, args, { env: { ...process.env, NIANBAO_CLI_TSX: '1' } });

    expect(JSON.parse(built.stdout)).toMatchObject({ agencyName: '王店镇人民政府', year: 2023 });
    expect(built.stdout).toBe(throughTsx.stdout);
  });

  describe('in a project of its own', () => {
    // A small project with the real build script: a CLI whose message comes from another
    // module, and a file it finds beside its source by import.meta.url.
    const project = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-build-'));
    mkdirSync(path.join(project, 'bin'));
    mkdirSync(path.join(project, 'local', 'cli'), { recursive: true });
    cpSync(path.join(ROOT, 'bin/built-cli.mjs'), path.join(project, 'bin/built-cli.mjs'));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
    writeFileSync(path.join(project, 'local/cli/message.ts'), "export const MESSAGE: string = 'first';\n");
    writeFileSync(path.join(project, 'local/cli/beside.txt'), '旁边的文件');
    writeFileSync(
      path.join(project, 'local/cli/main.ts'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { MESSAGE } from './message.js';",
        'export async function main(): Promise<number> {',
        "  console.log(MESSAGE + ' ' + readFileSync(new URL('./beside.txt', import.meta.url), 'utf8'));",
        '  return 0;',
        '}',
      ].join('\n'),
    );
    writeFileSync(
      path.join(project, 'bin/run.mjs'),
      [
        "import { pathToFileURL } from 'node:url';",
        "import { builtCli } from './built-cli.mjs';",
        'const entry = await builtCli();',
        "console.log(entry ?? 'no build');",
        'await (await import(pathToFileURL(entry).href)).main();',
      ].join('\n'),
    );
    afterAll(() => rmSync(project, { recursive: true, force: true }));

    // Run from another folder, deeper than the project, as a person runs `nianbao` from anywhere.
    const outside = mkdtempSync(path.join(tmpdir(), 'nianbao-cli-cwd-'));
    const elsewhere = path.join(outside, 'a', 'b', 'c');
    mkdirSync(elsewhere, { recursive: true });
    afterAll(() => rmSync(outside, { recursive: true, force: true }));
    const runCli = async () => {
      const { stdout } = await run(process.execPath, [path.join(project, 'bin/run.mjs')], { cwd: elsewhere });
      const [entry, output] = stdout.trim().split('\n');
      return { entry: entry!, output };
    };

    it('builds once, reuses the build, and builds again when a source changes', async () => {
      const first = await runCli();
      const again = await runCli();
      writeFileSync(path.join(project, 'local/cli/message.ts'), "export const MESSAGE: string = 'second';\n");
      const edited = await runCli();

      expect(first.output).toBe('first 旁边的文件');
      expect(first.entry.startsWith(path.join(project, 'dist', 'cli'))).toBe(true);
      expect(again).toEqual(first);
      expect(edited.output).toBe('second 旁边的文件');
      expect(edited.entry).not.toBe(first.entry);
      expect(JSON.parse(readFileSync(path.join(project, 'dist/cli/current.json'), 'utf8')).build).toBe(path.basename(path.dirname(edited.entry)));
    });
  });
});
