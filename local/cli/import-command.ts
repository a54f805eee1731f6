/** `nianbao import FILE`: prints a published report (text or HTML) as the public JSON form. */
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { readReportFile } from './read-report.js';

export const importCommand: Command = {
  words: ['import'],
  usage: 'import FILE                      把已发布的年度报告（文本或HTML）转换为 JSON',
  async run(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new UsageError('', '用法：nianbao import FILE');
    const report = await readReportFile(file);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  },
};
