/** `nianbao seed`: writes the demo county (what the first `npm start` does), if not there yet. */
import { UsageError, type Command } from './command.js';
import { withStore } from './local-store.js';
import { DEMO_AGENCIES, DEMO_REGION, isSeeded, seedDemoCounty } from '../seed/demo-county.js';
import { demoAddressLines, registerDemoReviewers } from '../seed/demo-reviewers.js';
import { HELP } from './usage.js';

export const seedCommand: Command = {
  words: ['seed'],
  usage: HELP.seed,
  async run(args) {
    if (args.length > 0) throw new UsageError('', '用法：nianbao seed');
    const seeded = await withStore(async ({ store, clock, signIn }) => {
      // The demo reviewer each time (an older data folder too): sign-in by e-mail code on /review/.
      await registerDemoReviewers(signIn);
      if (await isSeeded(store)) return false;
      await seedDemoCounty(store, clock);
      return true;
    });
    process.stdout.write(
      seeded
        ? `已写入示范县 ${DEMO_REGION}：${DEMO_AGENCIES.map((a) => a.name).join('、')}\n`
        : `示范县 ${DEMO_REGION} 已存在，未改动\n`,
    );
    process.stdout.write(`${demoAddressLines().join('\n')}\n`);
    return 0;
  },
};
