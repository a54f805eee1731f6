/**
 * `nianbao region set REGION [--review none|required] [--stamped-copy none|required] [--publish-stamped-copy yes|no]` and
 * `nianbao region show REGION`: a region's settings. `set` changes only the settings named.
 */
import { RegionSettings } from '../../functions/contract/filing-api.js';
import { RegionCode } from '../../functions/domain/agency.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { Command } from './command.js';
import { UsageError, parseOptions } from './command.js';
import { withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE =
  '用法：nianbao region set 行政区划代码 [--review none|required] [--stamped-copy none|required] [--publish-stamped-copy yes|no]；nianbao region show 行政区划代码\n';

export const regionCommand: Command = {
  words: ['region'],
  usage: HELP.region,
  async run(args) {
    const parsed = parseOptions(args, ['review', 'stamped-copy', 'publish-stamped-copy'], USAGE);
    const [verb, code] = parsed.positional;
    const region = RegionCode.safeParse(code);
    const { review, 'stamped-copy': stampedCopy, 'publish-stamped-copy': publish } = parsed.options;
    if ((verb !== 'set' && verb !== 'show') || !region.success || (verb === 'set' && review === undefined && stampedCopy === undefined && publish === undefined)) {
      throw new UsageError('', USAGE);
    }
    const change: Partial<RegionSettings> = {};
    if (review !== undefined) {
      const parsedReview = RegionSettings.shape.review.safeParse(review);
      if (!parsedReview.success) throw new UsageError('--review 应为 none 或 required', USAGE);
      change.review = parsedReview.data;
    }
    if (stampedCopy !== undefined) {
      const parsedStamped = RegionSettings.shape.stampedCopy.safeParse(stampedCopy);
      if (!parsedStamped.success) throw new UsageError('--stamped-copy 应为 none 或 required', USAGE);
      change.stampedCopy = parsedStamped.data;
    }
    if (publish !== undefined) {
      if (publish !== 'yes' && publish !== 'no') throw new UsageError('--publish-stamped-copy 应为 yes 或 no', USAGE);
      change.publishStampedCopy = publish === 'yes';
    }
    const settings = await withStore(async ({ review: store, clock }) => {
      if (verb === 'set') return setRegionSettings({ settings: store, clock }, region.data, change, 'cli');
      return store.getRegionSettings(region.data);
    });
    process.stdout.write(`${JSON.stringify({ region: region.data, ...settings })}\n`);
    return 0;
  },
};
