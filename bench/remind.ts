/**
 * `npm run bench:remind`: 10,000 agencies in 100 counties, the reporting year opened (the
 * once-a-year registry scan), 99% submitted, then one reminder pass on a day with both a
 * reminder step and a digest (21 days overdue) against its own in-memory DynamoDB Local and
 * SES emulator. Prints what the opening and the pass read; the pass should read in proportion
 * to the 100 outstanding filings, not the 10,000 agencies.
 * Last line: `remind: <N> items read` (the pass's items read).
 */
import { readSettings, Settings } from '../functions/settings.js';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, createDynamoDbClient } from '../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbReminderStore } from '../functions/adapters/dynamodb-reminder-store.js';
import { KEYS, ensureTable } from '../functions/adapters/dynamodb-table.js';
import { KEY } from '../functions/adapters/table-keys.js';
import { withCheckCharacter } from '../functions/domain/credit-code.js';
import { reminderDepsFor } from '../functions/handlers/compose/mail.js';
import type { Agency } from '../functions/domain/agency.js';
import { runReminderPass } from '../functions/services/remind.js';
import { openReportingYear } from '../functions/services/reporting-years.js';
import { freePort, startDynamoDbLocal, startSesLocal } from '../local/stand-ins.js';

const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 10_000);
const REGIONS = 100;
const OUTSTANDING_EVERY = 100; // 1%
const YEAR = 2031;
const PASS_DATE = '2032-02-21'; // 21 days after 31 January: overdue-21 and a digest day

const [dynamodb, ses] = await Promise.all([
  startDynamoDbLocal({ port: await freePort() }),
  freePort().then((port) => startSesLocal({ port })),
]);
try {
  const cfg = readSettings({
    NIANBAO_TABLE: 'nianbao-bench-remind',
    NIANBAO_DYNAMODB_ENDPOINT: dynamodb.endpoint,
    NIANBAO_SES_ENDPOINT: ses.endpoint,
  });
  const raw = createDynamoDbClient(cfg);
  await ensureTable(raw, cfg.NIANBAO_TABLE);
  raw.destroy();
  const db = createDocumentClient(cfg);

  const writeAll = async (items: Record<string, unknown>[]) => {
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (pending.length > 0) {
          const out = await db.send(new BatchWriteCommand({ RequestItems: { [cfg.NIANBAO_TABLE]: pending } }));
          pending = (out.UnprocessedItems?.[cfg.NIANBAO_TABLE] as typeof pending | undefined) ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  };

  // The registry, as `nianbao agencies import` writes it, and each county's reviewing office.
  let t = performance.now();
  const regionCode = (r: number) => `9${String(r + 1).padStart(4, '0')}1`;
  const agencies: Agency[] = Array.from({ length: AGENCIES }, (_, i) => {
    // Counties in blocks, so the 1% outstanding (every 100th) falls one or so in each county.
    const region = regionCode(Math.floor((i * REGIONS) / AGENCIES));
    return {
      id: withCheckCharacter(`11${region}MB${String(i).padStart(7, '0')}`),
      name: `测试县第${i}号单位`,
      region,
      kind: i % 3 === 0 ? 'township' : 'department',
      emails: [`a${i}@bench.example.org`],
    };
  });
  await writeAll(
    agencies.map((a) => ({
      ...KEY.agency(a.id),
      [KEYS.gsi1pk]: `REGION#${a.region}`,
      [KEYS.gsi1sk]: `AGENCY#${a.id}`,
      type: 'agency',
      ...a,
    })),
  );
  const store = new DynamoDbReminderStore(db, cfg.NIANBAO_TABLE);
  for (let r = 0; r < REGIONS; r++) {
    await store.putRegionContacts({ region: regionCode(r), name: `测试县${r}`, reviewers: [`r${r}a@bench.example.org`, `r${r}b@bench.example.org`] });
  }
  process.stdout.write(`seeded ${AGENCIES} agencies in ${REGIONS} counties: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  // Once a year: every agency gets a not_started filing (in the outstanding index).
  const policy = Settings.parse({}).NIANBAO_REMINDER_POLICY;
  t = performance.now();
  const opened = await openReportingYear(store, policy, YEAR, new Date().toISOString());
  process.stdout.write(
    `year opening (once a year): scanned ${store.stats.itemsRead} items, wrote ${opened.filings} not_started filings: ${((performance.now() - t) / 1000).toFixed(1)} s\n`,
  );

  // 99% submit: their filing items are replaced without the outstanding keys, as the submit transaction does.
  t = performance.now();
  const submitted = agencies.filter((_, i) => i % OUTSTANDING_EVERY !== 0);
  await writeAll(
    submitted.map((a) => ({
      ...KEY.filing(a.id, YEAR),
      [KEYS.gsi1pk]: `REGION#${a.region}#${YEAR}`,
      [KEYS.gsi1sk]: `STATUS#submitted#${a.id}`,
      type: 'filing',
      agencyId: a.id,
      region: a.region,
      year: YEAR,
      status: 'submitted',
      version: 1,
      latestRevision: 1,
      lastSubmittedAt: '2032-01-20T02:00:00.000Z',
      updatedAt: '2032-01-20T02:00:00.000Z',
    })),
  );
  process.stdout.write(`submitted ${submitted.length} (${AGENCIES - submitted.length} outstanding): ${((performance.now() - t) / 1000).toFixed(1)} s\n`);

  const deps = { ...reminderDepsFor(cfg, Settings.parse({})), store: new DynamoDbReminderStore(db, cfg.NIANBAO_TABLE) };
  t = performance.now();
  const summary = await runReminderPass(deps, { date: PASS_DATE });
  const ms = performance.now() - t;
  const { itemsRead, readUnits, requests } = deps.store.stats;
  const reminders = summary.mails.filter((m) => m.kind === 'reminder').length;
  const digests = summary.mails.filter((m) => m.kind === 'digest').length;
  process.stdout.write(
    `pass ${PASS_DATE}: ${summary.outstanding} outstanding of ${AGENCIES}; sent ${reminders} reminders and ${digests} digests; ` +
      `${itemsRead} items read in ${requests} requests (${readUnits} read capacity units reported); ${ms.toFixed(0)} ms\n`,
  );

  // The scheduler fires twice: the second pass reads the same, sends nothing.
  const again = { ...deps, store: new DynamoDbReminderStore(db, cfg.NIANBAO_TABLE) };
  t = performance.now();
  const second = await runReminderPass(again, { date: PASS_DATE });
  process.stdout.write(
    `second pass, same day: sent ${second.mails.length}, ${second.alreadyClaimed} already claimed; ${again.store.stats.itemsRead} items read; ${(performance.now() - t).toFixed(0)} ms\n`,
  );
  process.stdout.write(`items read per outstanding filing: ${(itemsRead / Math.max(1, summary.outstanding)).toFixed(2)}; per agency in the registry: ${(itemsRead / AGENCIES).toFixed(4)}\n`);
  process.stdout.write(`remind: ${itemsRead} items read\n`);
} finally {
  await Promise.all([dynamodb.stop(), ses.stop()]);
}
