/** `nianbao import FILE`: prints a published report (text or HTML) as the public JSON form. */
import type { Command } from './main.js';
import { readReportFile, UnreadableReportError } from './read-report.js';

export const importCommand: Command = {
  words: ['import'],
  usage: 'import FILE                      把已发布的年度报告（文本或HTML）转换为 JSON',
  async run(args) {
    const file = args[0];
    if (!file || args.length > 1) {
      process.stderr.write('用法：nianbao import FILE\n');
      return 2;
    }
    try {
      const report = await readReportFile(file);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof UnreadableReportError) {
        process.stderr.write(`错误：${error.message}\n`);
        return 2;
      }
      throw error;
    }
  },
};
