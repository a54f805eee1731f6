/**
 * `nianbao remind [--date YYYY-MM-DD] [--dry-run]`: one reminder pass now, as if on that date,
 * printing each e-mail it sends (or would send) as a line. Sends to the SES emulator of a
 * running `npm start` (or NIANBAO_SES_ENDPOINT; real SES with NIANBAO_TARGET=aws).
 */
import { withSettings } from '../../functions/settings.js';
import { isRealDate } from '../../functions/domain/reminders/calendar.js';
import { reminderDepsFor } from '../../functions/handlers/compose/mail.js';
import { formatMailLine, runReminderPass } from '../../functions/services/remind.js';
import type { Command } from './command.js';
import { CliError, UsageError, parseOptions } from './command.js';
import { sesEndpoint, withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE = '用法：nianbao remind [--date YYYY-MM-DD] [--dry-run]';

export const remindCommand: Command = {
  words: ['remind'],
  usage: HELP.remind,
  async run(args) {
    const dryRun = args.includes('--dry-run');
    const { options, positional } = parseOptions(args.filter((a) => a !== '--dry-run'), ['date'], USAGE);
    if (positional.length > 0) throw new UsageError(`多余的参数：${positional.join(' ')}`, USAGE);
    const date = options.date;
    if (date !== undefined && !isRealDate(date)) throw new UsageError(`日期“${date}”无效，应为 YYYY-MM-DD`, USAGE);
    const ses = sesEndpoint();
    if (!dryRun && !ses && process.env.NIANBAO_TARGET !== 'aws') {
      throw new CliError('没有可用的 SES：请先运行 npm start，或设置 NIANBAO_SES_ENDPOINT，或加 --dry-run 只看不发', 2);
    }
    const summary = await withStore(async ({ config }) => {
      const deps = reminderDepsFor(withSettings(config, { NIANBAO_SES_ENDPOINT: ses ?? config.NIANBAO_SES_ENDPOINT }));
      return runReminderPass(deps, { ...(date ? { date } : {}), dryRun });
    });
    for (const line of summary.mails) process.stdout.write(`${formatMailLine(line)}\n`);
    const sent = summary.mails.filter((m) => m.outcome !== 'failed').length;
    const failed = summary.mails.length - sent;
    const years = summary.years.length ? `${summary.years.join('、')} 年度` : '无年度在提醒期内';
    const opened = [
      ...summary.opened.map((o) => `；开启 ${o.year} 年度，写入 ${o.filings} 个未开始的报告`),
      ...summary.unopened.map((y) => `；${y} 年度尚未开启（实际运行时先为各单位写入未开始的报告，未计入）`),
    ].join('');
    process.stdout.write(
      `remind ${summary.date}${dryRun ? '（演练 dry run，未发送）' : ''}：${years}，未提交 ${summary.outstanding}，` +
        `${dryRun ? '将发送' : '发送'} ${sent} 封${failed ? `，失败 ${failed} 封（下次运行重试）` : ''}，此前已发送 ${summary.alreadyClaimed} 封，无有效邮箱 ${summary.noRecipient}${opened}\n`,
    );
    return failed > 0 ? 1 : 0;
  },
};
