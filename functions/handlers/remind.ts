/**
 * EventBridge Scheduler target: daily 09:00 Asia/Shanghai. The schedule may pass
 * `{"date": "YYYY-MM-DD", "dryRun": true}` as input; without it the pass runs for today in
 * Shanghai. A retried or doubled invocation sends nothing twice (claims, services/remind.ts).
 */
import { z } from 'zod';
import { IsoDate } from '../domain/reminders/calendar.js';
import { formatMailLine, runReminderPass, type RemindDeps, type RemindSummary } from '../services/remind.js';
import { reminderRuntime } from './compose/mail.js';
import { count, flushMetrics, logger } from './observability.js';

const RemindInput = z.object({ date: IsoDate.optional(), dryRun: z.boolean().optional() }).passthrough();

export function createRemindHandler(deps: () => RemindDeps) {
  return async (event: unknown): Promise<Omit<RemindSummary, 'mails'> & { sent: number; failed: number }> => {
    const input = RemindInput.parse(event && typeof event === 'object' ? event : {});
    const started = Date.now();
    try {
      const summary = await runReminderPass(deps(), { ...(input.date ? { date: input.date } : {}), ...(input.dryRun ? { dryRun: true } : {}) });
      for (const line of summary.mails) console.log(formatMailLine(line));
      const { mails, ...rest } = summary;
      const failed = mails.filter((m) => m.outcome === 'failed').length;
      const sent = mails.filter((m) => m.outcome === 'sent').length;
      count('RemindersSent', sent);
      count('ReminderFailures', failed);
      // Counts only: the addresses and the e-mails' text stay out of the structured log.
      logger.info('reminder pass', { date: summary.date, outcome: failed ? 'some_failed' : 'ok', sent, failed, dryRun: Boolean(input.dryRun), latencyMs: Date.now() - started });
      // Failed sends are retried by the next run; an error here would only make the scheduler resend the rest.
      if (failed > 0) console.error(`remind ${summary.date}: ${failed} e-mail(s) failed, retried on the next run`);
      return { ...rest, sent, failed };
    } finally {
      flushMetrics();
    }
  };
}

export const handler = createRemindHandler(reminderRuntime);
