/**
 * `nianbao ses bounce|complaint ADDRESS [--agency ID] [--region CODE]`: locally there is no
 * SNS, so this feeds the notification SES would send to the same handler as on AWS
 * (functions/handlers/ses-events.ts): the address is marked undeliverable and the region's
 * reviewers are told once.
 */
import { withSettings } from '../../functions/settings.js';
import { createSesEventsHandler } from '../../functions/handlers/ses-events.js';
import { reminderDepsFor } from '../../functions/handlers/compose/mail.js';
import { sesFeedbackEvent } from '../ses-feedback.js';
import type { Command } from './command.js';
import { UsageError, parseOptions } from './command.js';
import { sesEndpoint, withStore } from './local-store.js';
import { HELP } from './usage.js';

const USAGE = '用法：nianbao ses bounce|complaint ADDRESS [--agency ID] [--region CODE]';

export const sesCommand: Command = {
  words: ['ses'],
  usage: HELP.ses,
  async run(args) {
    const parsed = parseOptions(args, ['agency', 'region'], USAGE);
    const [reason, address, ...rest] = parsed.positional;
    if ((reason !== 'bounce' && reason !== 'complaint') || !address || rest.length > 0) throw new UsageError('', USAGE);
    const ses = sesEndpoint();
    const result = await withStore(async ({ config, store }) => {
      const agency = parsed.options.agency ? await store.getAgency(parsed.options.agency) : undefined;
      const region = parsed.options.region ?? agency?.region;
      const deps = reminderDepsFor(withSettings(config, { NIANBAO_SES_ENDPOINT: ses ?? config.NIANBAO_SES_ENDPOINT }));
      const handler = createSesEventsHandler(() => deps);
      return handler(sesFeedbackEvent({ address, reason, ...(agency ? { agencyId: agency.id } : {}), ...(region ? { region } : {}) }));
    });
    process.stdout.write(result.marked ? `已标记 ${address} 为无法投递\n` : `${address} 此前已标记（或不需标记）\n`);
    return 0;
  },
};
