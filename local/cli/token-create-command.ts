/** `nianbao token create --agency ID | --reviewer REGION [--days N]`: prints {"token","url",…}. */
import { createToken } from '../../functions/services/tokens.js';
import type { Command } from './command.js';
import { UsageError, parseOptions } from './command.js';
import { withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE = '用法：nianbao token create --agency 统一社会信用代码 | --reviewer 行政区划代码 [--days 天数]\n';

export const tokenCreateCommand: Command = {
  words: ['token', 'create'],
  usage: HELP.tokenCreate,
  async run(args) {
    const { options } = parseOptions(args, ['agency', 'reviewer', 'days'], USAGE);
    if ((options.agency === undefined) === (options.reviewer === undefined)) throw new UsageError('', USAGE);
    const days = options.days === undefined ? undefined : Number(options.days);
    if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 366)) throw new UsageError('--days 应为 1–366 的整数');
    {
      const created = await withStore(({ store, clock, config }) =>
        createToken(
          store,
          clock,
          { publicUrl: config.NIANBAO_PUBLIC_URL, days: days ?? config.NIANBAO_TOKEN_DAYS },
          options.agency !== undefined ? { agencyId: options.agency.toUpperCase() } : { region: options.reviewer! },
        ),
      );
      process.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
      return 0;
    }
  },
};
