/** What the reminder tests share: deps on the stand-ins, agencies with unique addresses, the SES store. */
import { readSettings, Settings } from '../../functions/settings.js';
import { randomBytes } from 'node:crypto';
import { DynamoDbReminderStore } from '../../functions/adapters/dynamodb-reminder-store.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import type { AgencyKind } from '../../functions/domain/agency.js';
import { ReminderPolicy } from '../../functions/domain/reminders/deadline-policy.js';
import { reminderDepsFor, type ReminderDeps } from '../../functions/handlers/compose/mail.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Mailer } from '../../functions/services/reminder-ports.js';
import { SIGN_IN_CODE_SUBJECT_PREFIX } from '../../functions/render/email/email-templates.js';
import { env, newCreditCode, store } from './helpers.js';

export function reminderConfig(): Settings {
  const e = env();
  return readSettings({
    NIANBAO_TABLE: e.table,
    NIANBAO_DYNAMODB_ENDPOINT: e.dynamodbEndpoint,
    NIANBAO_SES_ENDPOINT: e.sesEndpoint,
    NIANBAO_PUBLIC_URL: e.apiUrl,
  });
}

export function reminderDeps(policy: Partial<ReminderPolicy> = {}, mailer?: Mailer): ReminderDeps {
  const deps = reminderDepsFor(reminderConfig(), Settings.parse({}), mailer);
  return { ...deps, policy: ReminderPolicy.parse(policy) };
}

export function reminderStore(): DynamoDbReminderStore {
  const cfg = reminderConfig();
  return new DynamoDbReminderStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
}

/** An address no other test uses. */
export function newAddress(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@test.example.org`;
}

export async function newContactAgency(region: string, kind: AgencyKind, name: string, contacts = 2): Promise<Agency> {
  const agency: Agency = {
    id: newCreditCode(region),
    name,
    region,
    kind,
    emails: Array.from({ length: contacts }, (_, i) => newAddress(`filer${i + 1}`)),
  };
  await store().putAgency(agency);
  return agency;
}

/** Opens `year` for just these agencies, as the registration step does once the year is open. */
export async function openFor(year: number, agencies: readonly Agency[]): Promise<void> {
  const s = reminderStore();
  for (const a of agencies) await s.openFiling(a, year, new Date().toISOString());
}

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  at: number;
}

export async function sesStore(): Promise<StoredMail[]> {
  const response = await fetch(`${env().sesEndpoint}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** Mail the emulator holds for any of these addresses, oldest first. */
export async function mailTo(...addresses: string[]): Promise<StoredMail[]> {
  const wanted = new Set(addresses.map((a) => a.toLowerCase()));
  return (await sesStore()).filter((m) => m.destination.to.some((t) => wanted.has(t.toLowerCase())));
}

/**
 * The sign-in code mails to the address, oldest first. Only these: other files' reminder passes
 * over the shared table may mail any agency that owes a report, this test's too.
 */
export async function codeMailsTo(address: string): Promise<StoredMail[]> {
  return (await mailTo(address)).filter((m) => m.subject.startsWith(SIGN_IN_CODE_SUBJECT_PREFIX));
}

/** The message as the emulator would deliver it (MIME, built by nodemailer), decoded again. */
export async function decodedMime(messageId: string): Promise<{ subject: string; text: string; html: string }> {
  const response = await fetch(`${env().sesEndpoint}/get-emlContent?messageId=${encodeURIComponent(messageId)}`);
  const { body } = (await response.json()) as { body: { data: number[] } };
  const raw = Buffer.from(body.data).toString('latin1');
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const part = (type: string) => {
    const at = raw.search(new RegExp(`Content-Type: ${type}`, 'i'));
    if (at < 0) return '';
    const rest = raw.slice(at);
    const encoding = /Content-Transfer-Encoding: ([\w-]+)/i.exec(rest)?.[1]?.toLowerCase();
    const bodyStart = rest.search(/\r?\n\r?\n/);
    const content = rest.slice(bodyStart).trimStart().split(/\r?\n--/)[0] ?? '';
    return decodeTransfer(content, encoding);
  };
  return { subject, text: part('text/plain'), html: part('text/html') };
}

function decodeTransfer(content: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(content, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`). */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeTransfer(data.replace(/_/g, ' '), 'quoted-printable'),
    );
}
