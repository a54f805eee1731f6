/**
 * `nianbao reviewers add REGION EMAIL`: registers a reviewer's address, who then signs in by
 * e-mail code on /review/. `nianbao reviewers repair`: writes the address items sign-in looks up
 * for every agency and reviewer (agencies registered before sign-in existed have none; `npm
 * start` runs it at each start, on AWS run it once with NIANBAO_TARGET=aws).
 */
import { addReviewer } from '../../functions/services/sign-in.js';
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE = '用法：nianbao reviewers add 行政区划代码 电子邮箱\n';

export const reviewersCommand: Command = {
  words: ['reviewers', 'add'],
  usage: HELP.reviewersAdd,
  async run(args) {
    const [region, email, ...rest] = args;
    if (!region || !email || rest.length > 0) throw new UsageError('', USAGE);
    const added = await withStore(({ signIn }) => addReviewer(signIn, region, email));
    process.stdout.write(`${JSON.stringify(added)}\n`);
    return 0;
  },
};

export const registrationsRepairCommand: Command = {
  words: ['reviewers', 'repair'],
  usage: HELP.reviewersRepair,
  async run(args) {
    if (args.length > 0) throw new UsageError('', '用法：nianbao reviewers repair\n');
    const counts = await withStore(({ signIn }) => signIn.repairRegistrations());
    process.stdout.write(`已补写：${counts.agencies} 个单位的 ${counts.addresses} 个邮箱，${counts.reviewers} 个审核人员邮箱\n`);
    return 0;
  },
};
