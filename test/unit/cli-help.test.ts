/**
 * `nianbao --help` lists every command from local/cli/usage.ts without loading the commands'
 * modules; each command's own usage is the same line.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../local/cli/command.js';
import { HELP } from '../../local/cli/usage.js';
import { nianbao, ROOT } from '../support/run-cli.js';

describe('nianbao --help', () => {
  it('prints one line per command, the line each command prints with its usage errors', async () => {
    const { code, stderr } = await nianbao('--help');
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual(['用法 (usage):', ...Object.values(HELP).map((line) => `  nianbao ${line}`)]);

    const modules = readdirSync(join(ROOT, 'local/cli')).filter((f) => f.endsWith('-command.ts'));
    const usages: string[] = [];
    for (const file of modules) {
      const exported = (await import(join(ROOT, 'local/cli', file))) as Record<string, unknown>;
      for (const value of Object.values(exported)) {
        if (value && typeof value === 'object' && 'run' in value) usages.push((value as Command).usage);
      }
    }
    expect(usages.sort()).toEqual(Object.values(HELP).sort());
  });
});
