/**
 * The local stand-in for an EventBridge Scheduler schedule `cron(0 9 * * ? *)` in
 * Asia/Shanghai: runs the job daily at that time while the runtime is up, and once at start if
 * today's run was missed (the machine was off at 09:00); the claims make an extra run harmless.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { shanghaiDate } from '../functions/domain/reminders/calendar.js';

/** Shanghai is UTC+8 all year. */
const OFFSET_HOURS = 8;

export interface DailySchedule {
  /** when the next run is due */
  readonly next: Date;
  stop(): void;
}

/** The next instant at `hour:minute` Shanghai time after `now`. */
export function nextShanghaiTime(now: Date, hour: number, minute: number): Date {
  const [y, m, d] = shanghaiDate(now).split('-').map(Number) as [number, number, number];
  let at = Date.UTC(y, m - 1, d, hour - OFFSET_HOURS, minute);
  if (at <= now.getTime()) at += 86_400_000;
  return new Date(at);
}

export function startDailySchedule(options: {
  hour: number;
  minute: number;
  run: () => Promise<void>;
  /** remembers the date of the last run, to catch up a missed one at start */
  lastRunFile?: string;
  clock?: () => Date;
  log?: (line: string) => void;
}): DailySchedule {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let next = nextShanghaiTime(clock(), options.hour, options.minute);

  const fire = async () => {
    const today = shanghaiDate(clock());
    try {
      await options.run();
      if (options.lastRunFile) writeFileSync(options.lastRunFile, JSON.stringify({ date: today }));
    } catch (error) {
      log(`daily run failed (retried tomorrow or at the next start): ${(error as Error).message}`);
    }
  };
  const arm = () => {
    if (stopped) return;
    next = nextShanghaiTime(clock(), options.hour, options.minute);
    timer = setTimeout(() => void fire().then(arm), next.getTime() - clock().getTime());
    timer.unref();
  };

  const last = options.lastRunFile && existsSync(options.lastRunFile) ? (JSON.parse(readFileSync(options.lastRunFile, 'utf8')) as { date?: string }).date : undefined;
  const now = clock();
  const todaysRun = nextShanghaiTime(new Date(now.getTime() - 86_400_000), options.hour, options.minute);
  if (todaysRun <= now && last !== shanghaiDate(now)) void fire().then(arm);
  else arm();

  return {
    get next() {
      return next;
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
