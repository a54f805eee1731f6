/** The reminders' composition root: one store, mailer, policy and clock per container. */
import { settings, type Settings } from '../../settings.js';
import { DynamoDbFilingStore, createDocumentClient } from '../../adapters/dynamodb-filing-store.js';
import { DynamoDbReminderStore } from '../../adapters/dynamodb-reminder-store.js';
import { SesMailer, createSesClient } from '../../adapters/ses-mailer.js';
import type { NotifyDeps } from '../../services/notify.js';
import type { Mailer } from '../../services/reminder-ports.js';
import type { RemindDeps } from '../../services/remind.js';
import { signInLink } from '../../services/sign-in.js';

export type ReminderDeps = RemindDeps & NotifyDeps & { store: DynamoDbReminderStore };

/** Deps for an explicit configuration (the CLI, tests and the benchmark pick their own). */
export function reminderDepsFor(cfg: Settings, mail: Settings = settings(), mailer?: Mailer): ReminderDeps {
  const db = createDocumentClient(cfg);
  const filings = new DynamoDbFilingStore(db, cfg.NIANBAO_TABLE);
  const base = cfg.NIANBAO_PUBLIC_URL.replace(/\/$/, '');
  return {
    store: new DynamoDbReminderStore(db, cfg.NIANBAO_TABLE),
    getAgency: (id) => filings.getAgency(id),
    mailer: mailer ?? new SesMailer(createSesClient(cfg), mail.NIANBAO_MAIL_FROM, mail.NIANBAO_SES_CONFIGURATION_SET),
    policy: mail.NIANBAO_REMINDER_POLICY,
    clock: () => new Date(),
    // Links carry no token: they open the e-mail code sign-in with the agency's address filled in.
    links: { signIn: (agency) => signInLink(base, 'filer', agency.emails[0]), board: (region, year) => `${base}/review/#region=${region}&year=${year}` },
    formUrl: (_agencyId, _year, email) => signInLink(base, 'filer', email),
  };
}

let current: ReminderDeps | undefined;

export function reminderRuntime(): ReminderDeps {
  current ??= reminderDepsFor(settings());
  return current;
}
