/** `nianbao region set REGION --review none|required` and `nianbao region show REGION`: a region's settings. */
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb-review-store.js';
import { RegionSettings } from '../../functions/contract/filing-api.js';
import { RegionCode } from '../../functions/domain/agency.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { Command } from './main.js';
import { UsageError, parseOptions, withStore } from './local-store.js';

const USAGE = '用法：nianbao region set 行政区划代码 --review none|required；nianbao region show 行政区划代码\n';

export const regionCommand: Command = {
  words: ['region'],
  usage: 'region set REGION --review none|required | region show REGION   区域设置（required：报告经主管部门审核后公开）',
  async run(args) {
    let parsed: { options: Record<string, string>; positional: string[] };
    try {
      parsed = parseOptions(args, ['review']);
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`${error.message}\n${USAGE}`);
        return 2;
      }
      throw error;
    }
    const [verb, code] = parsed.positional;
    const region = RegionCode.safeParse(code);
    if ((verb !== 'set' && verb !== 'show') || !region.success || (verb === 'set' && parsed.options.review === undefined)) {
      process.stderr.write(USAGE);
      return 2;
    }
    const review = RegionSettings.shape.review.safeParse(parsed.options.review ?? 'none');
    if (!review.success) {
      process.stderr.write(`--review 应为 none 或 required\n${USAGE}`);
      return 2;
    }
    const settings = await withStore(async ({ config, clock }) => {
      const store = new DynamoDbReviewStore(createDocumentClient(config), config.NIANBAO_TABLE);
      if (verb === 'set') await setRegionSettings({ settings: store, clock }, region.data, { review: review.data }, 'cli');
      return store.getRegionSettings(region.data);
    });
    process.stdout.write(`${JSON.stringify({ region: region.data, ...settings })}\n`);
    return 0;
  },
};
