/** `nianbao reviewers add REGION EMAIL`: registers a reviewer's address, who then signs in by e-mail code on /review/. */
import { addReviewer } from '../../functions/services/sign-in.js';
import type { Command } from './command.js';
import { UsageError } from './command.js';
import { withStore } from './local-store.js';

const USAGE = '用法：nianbao reviewers add 行政区划代码 电子邮箱\n';

export const reviewersCommand: Command = {
  words: ['reviewers', 'add'],
  usage: 'reviewers add REGION EMAIL   登记主管部门审核人员的邮箱（在 /review/ 用邮箱验证码登录）',
  async run(args) {
    const [region, email, ...rest] = args;
    if (!region || !email || rest.length > 0) throw new UsageError('', USAGE);
    const added = await withStore(({ signIn }) => addReviewer(signIn, region, email));
    process.stdout.write(`${JSON.stringify(added)}\n`);
    return 0;
  },
};
