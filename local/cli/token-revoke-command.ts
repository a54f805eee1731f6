/** `nianbao token revoke TOKEN | --agency ID | --reviewer REGION`: revokes one token or all of one holder. */
import { revokeAllTokens, revokeToken } from '../../functions/services/tokens.js';
import type { Command } from './command.js';
import { UsageError, parseOptions } from './command.js';
import { withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE = '用法：nianbao token revoke 令牌（或其SHA-256） | --agency 统一社会信用代码 | --reviewer 行政区划代码\n';

export const tokenRevokeCommand: Command = {
  words: ['token', 'revoke'],
  usage: HELP.tokenRevoke,
  async run(args) {
    const { options, positional } = parseOptions(args, ['agency', 'reviewer'], USAGE);
    const chosen = [positional.length > 0, options.agency !== undefined, options.reviewer !== undefined].filter(Boolean);
    if (chosen.length !== 1 || positional.length > 1) throw new UsageError('', USAGE);
    const revoked = await withStore(async ({ store, clock }) => {
      if (positional[0] !== undefined) return (await revokeToken(store, clock, positional[0])) ? 1 : 0;
      if (options.agency !== undefined) return revokeAllTokens(store, clock, 'filer', options.agency.toUpperCase());
      return revokeAllTokens(store, clock, 'reviewer', options.reviewer!);
    });
    process.stdout.write(`${JSON.stringify({ revoked })}\n`);
    if (revoked === 0) {
      process.stderr.write('没有找到可撤销的令牌\n');
      return 1;
    }
    return 0;
  },
};
