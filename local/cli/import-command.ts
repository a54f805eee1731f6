/**
 * `nianbao import FILE`: prints a published report (Word, Excel, PDF, HTML or text) as the public
 * JSON form. Exit 0, or 2 when the file cannot be read (an incomplete report names what it lacks).
 */
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { missingNote, readReportDocument } from './read-report.js';
import { HELP } from './usage.js';

export const importCommand: Command = {
  words: ['import'],
  usage: HELP.import,
  async run(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new UsageError('', '用法：nianbao import FILE');
    const { report, missing } = await readReportDocument(file);
    if (missing.length > 0) process.stderr.write(missingNote(file, missing));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  },
};
