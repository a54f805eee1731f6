/**
 * The layers' import rules (.dependency-cruiser.cjs, docs/architecture.md) hold over the whole
 * tree, and each rule still bites: a probe file that breaks it is reported.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise, type IReporterOutput, type ICruiseResult } from 'dependency-cruiser';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const ruleSet = require(path.join(root, '.dependency-cruiser.cjs'));

async function violations(files: string[]): Promise<{ rule: string; from: string; to: string }[]> {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const out: IReporterOutput = await cruise(files, { ...ruleSet.options, ruleSet, validate: true, outputType: 'json' }, {}, {
      tsConfig: { fileName: path.join(root, 'tsconfig.json') },
    } as never);
    const result = (typeof out.output === 'string' ? JSON.parse(out.output) : out.output) as ICruiseResult;
    return result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
  } finally {
    process.chdir(cwd);
  }
}

// Probe files live in the tree (the rules are about paths) and are removed afterwards.
const probes: string[] = [];
function probe(relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  probes.push(file);
  return relative;
}
afterAll(() => {
  for (const f of probes) rmSync(f, { force: true });
});

describe('the layers', () => {
  it('hold over the whole tree: no forbidden import, no cycle, nothing unresolved', async () => {
    expect(await violations(['functions', 'web', 'local', 'infra', 'bench', 'bin'])).toEqual([]);
  }, 120_000);

  it.each([
    ['domain-is-pure', 'functions/domain/zz-probe.ts', "import { h } from '../../web/form/dom.js';\nexport const x = h;\n"],
    ['domain-has-no-io', 'functions/domain/zz-probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['render-imports-domain-and-contract-only', 'functions/render/zz-probe.ts', "import { settings } from '../settings.js';\nexport const x = settings;\n"],
    ['services-use-ports', 'functions/services/zz-probe.ts', "import { KEY } from '../adapters/table-keys.js';\nexport const x = KEY;\n"],
    ['functions-never-import-web-or-local', 'functions/handlers/zz-probe.ts', "import { localConfig } from '../../local/local-config.js';\nexport const x = localConfig;\n"],
    ['browser-stays-in-the-browser', 'web/form/zz-probe.ts', "import { getFiling } from '../../functions/services/filings.js';\nexport const x = getFiling;\n"],
    ['browser-stays-in-the-browser', 'web/review/zz-probe.ts', "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const x = DynamoDBClient;\n"],
  ])('%s: a probe that breaks it is reported (%s)', async (rule, file, text) => {
    const rel = probe(file, text);
    try {
      const found = await violations([rel]);
      expect(found.map((v) => v.rule)).toContain(rule);
    } finally {
      rmSync(path.join(root, rel), { force: true });
    }
  }, 60_000);

  it('a cycle is reported, the CLI included', async () => {
    const a = probe('local/cli/zz-probe-a.ts', "import { b } from './zz-probe-b.js';\nexport const a = () => b;\n");
    const b = probe('local/cli/zz-probe-b.ts', "import { a } from './zz-probe-a.js';\nexport const b = () => a;\n");
    try {
      expect((await violations([a, b])).map((v) => v.rule)).toContain('no-cycles');
    } finally {
      rmSync(path.join(root, a), { force: true });
      rmSync(path.join(root, b), { force: true });
    }
  }, 60_000);
});

describe('the repository stands alone', () => {
  it('no tracked file points at anything outside it (../shared, a design file beside the repository)', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const outside: string[] = [];
    for (const f of files) {
      if (/\.(png|jpe?g|pdf|docx|xlsx|ico|woff2?)$/i.test(f) || f === 'test/unit/architecture.test.ts') continue;
      let text: string;
      try {
        text = readFileSync(path.join(root, f), 'utf8');
      } catch {
        continue;
      }
      text.split('\n').forEach((line, i) => {
        if (/\.\.\/shared\b|DESIGN\.md/.test(line)) outside.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(outside).toEqual([]);
  });
});
