/** `nianbao region set REGION --review none|required` and `nianbao region show REGION`: a region's settings. */
import { RegionSettings } from '../../functions/contract/filing-api.js';
import { RegionCode } from '../../functions/domain/agency.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { Command } from './command.js';
import { UsageError, parseOptions } from './command.js';
import { withStore } from './local-store.js';

const USAGE = '用法：nianbao region set 行政区划代码 --review none|required；nianbao region show 行政区划代码\n';

export const regionCommand: Command = {
  words: ['region'],
  usage: 'region set REGION --review none|required | region show REGION   区域设置（required：报告经主管部门审核后公开）',
  async run(args) {
    const parsed = parseOptions(args, ['review'], USAGE);
    const [verb, code] = parsed.positional;
    const region = RegionCode.safeParse(code);
    if ((verb !== 'set' && verb !== 'show') || !region.success || (verb === 'set' && parsed.options.review === undefined)) {
      throw new UsageError('', USAGE);
    }
    const review = RegionSettings.shape.review.safeParse(parsed.options.review ?? 'none');
    if (!review.success) throw new UsageError('--review 应为 none 或 required', USAGE);
    const settings = await withStore(async ({ review: store, clock }) => {
      if (verb === 'set') await setRegionSettings({ settings: store, clock }, region.data, { review: review.data }, 'cli');
      return store.getRegionSettings(region.data);
    });
    process.stdout.write(`${JSON.stringify({ region: region.data, ...settings })}\n`);
    return 0;
  },
};
