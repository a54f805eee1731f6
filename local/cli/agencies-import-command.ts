/** `nianbao agencies import FILE.csv`: the agency registry (id,name,region,kind,emails). */
import { readFile } from 'node:fs/promises';
import { decodeReportBytes } from '../../functions/domain/import/decode-bytes.js';
import { importAgencies } from '../../functions/services/import-agencies.js';
import { CliError, UsageError, type Command } from './command.js';
import { reportingYearsOpener, withStore } from './local-store.js';
import { HELP } from './usage.js';

export const agenciesImportCommand: Command = {
  words: ['agencies', 'import'],
  usage: HELP.agenciesImport,
  async run(args) {
    const file = args[0];
    if (!file || args.length > 1) throw new UsageError('', '用法：nianbao agencies import FILE.csv');
    let text: string;
    try {
      // Excel saves CSV as GBK on Chinese Windows; the decoder falls back to GB18030.
      text = decodeReportBytes(await readFile(file));
    } catch (error) {
      throw new CliError(`无法读取 ${file}：${(error as Error).message}`, 2);
    }
    {
      const result = await withStore(async ({ store, config }) => {
        // A new agency owes the reporting years already opened (reminders, docs/reminders.md).
        const years = reportingYearsOpener(config);
        return importAgencies(
          store,
          text,
          (done, total) => {
            if (total >= 200) process.stderr.write(`\r已导入 ${done}/${total}`);
            if (total >= 200 && done === total) process.stderr.write('\n');
          },
          years,
        );
      });
      for (const p of result.problems) process.stderr.write(`第${p.line}行：${p.message}\n`);
      process.stdout.write(
        `已导入 ${result.imported} 个单位${result.problems.length ? `；${result.problems.length} 行有误，未导入` : ''}\n`,
      );
      return result.problems.length ? 1 : 0;
    }
  },
};
