/**
 * The reminders half of the local runtime: a stream pump calling the notify handler (failed-check
 * e-mails; a second consumer of the stream, as on AWS a second event source mapping) and the
 * daily 09:00 Asia/Shanghai reminder pass. `npm start` calls startReminders once the table exists.
 */
import { settings, withSettings } from '../functions/settings.js';
import path from 'node:path';
import { createNotifyHandler } from '../functions/handlers/notify-stream.js';
import { reminderDepsFor, type ReminderDeps } from '../functions/handlers/compose/mail.js';
import { formatMailLine, runReminderPass, type RemindSummary } from '../functions/services/remind.js';
import type { RegionContacts } from '../functions/services/reminder-ports.js';
import { startDailySchedule, type DailySchedule } from './daily-schedule.js';
import { startStreamPump, type StreamPump } from './stream-pump.js';

export interface RemindersOptions {
  dynamodbEndpoint: string;
  sesEndpoint: string;
  table: string;
  /** the stream checkpoint and the last run's date live here */
  dataDir?: string;
  /** reviewing offices to write if missing (the demo county's) */
  regions?: readonly RegionContacts[];
  log?: (line: string) => void;
}

export interface Reminders {
  deps: ReminderDeps;
  pump: StreamPump;
  schedule: DailySchedule;
  runNow(date?: string): Promise<RemindSummary>;
  stop(): Promise<void>;
}

export async function startReminders(options: RemindersOptions): Promise<Reminders> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const cfg = withSettings(settings(), {
    NIANBAO_TABLE: options.table,
    NIANBAO_DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    NIANBAO_SES_ENDPOINT: options.sesEndpoint,
  });
  const deps = reminderDepsFor(cfg);
  const regions = options.regions ?? [];
  const known = await deps.store.getRegionContacts(regions.map((r) => r.region));
  for (const r of regions) if (!known.has(r.region)) await deps.store.putRegionContacts(r);

  const pump = await startStreamPump({
    dynamodbEndpoint: options.dynamodbEndpoint,
    table: options.table,
    handler: createNotifyHandler(() => deps),
    ...(options.dataDir ? { checkpointFile: path.join(options.dataDir, 'notify-checkpoint.json') } : {}),
    log,
  });
  const runNow = async (date?: string) => {
    const summary = await runReminderPass(deps, date ? { date } : {});
    for (const line of summary.mails) log(`remind: ${formatMailLine(line)}`);
    return summary;
  };
  const schedule = startDailySchedule({
    hour: 9,
    minute: 0,
    run: async () => {
      await runNow();
    },
    ...(options.dataDir ? { lastRunFile: path.join(options.dataDir, 'remind-last-run.json') } : {}),
    log,
  });
  return {
    deps,
    pump,
    schedule,
    runNow,
    async stop() {
      schedule.stop();
      await pump.stop();
    },
  };
}
