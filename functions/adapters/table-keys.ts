/**
 * The primary keys of every item in the single table, in one place (the table's layout is in
 * dynamodb-table.ts). Each store builds its keys here; nothing else spells `AGENCY#…`.
 */
import { KEYS } from './dynamodb-table.js';

type Key = Record<string, string>;
const item = (pk: string, sk: string): Key => ({ [KEYS.pk]: pk, [KEYS.sk]: sk });

/** Partition and sort key values shared by keys and by queries over a partition. */
export const part = {
  agency: (id: string) => `AGENCY#${id}`,
  region: (region: string) => `REGION#${region}`,
  filing: (year: number) => `FILING#${year}`,
  /** a revision's sort key; zero-padded so revisions sort in order under their filing */
  revision: (year: number, revision: number) => `FILING#${year}#REV#${String(revision).padStart(6, '0')}`,
  revisionPrefix: (year: number) => `FILING#${year}#REV#`,
  eventPrefix: 'EVENT#',
  agencyPrefix: 'AGENCY#',
  /** a deactivated agency's GSI1 sort key: out of the region's `AGENCY#` listing (board, roll-up, filings) */
  inactiveAgency: (id: string) => `INACTIVE#${id}`,
  /** GSI1: a region's reviewers, sorted by address */
  reviewers: (region: string) => `REVIEWERS#${region}`,
  outstanding: (year: number) => `OUTSTANDING#${year}`,
  /** GSI1: a region's agencies, and a region-year's filings by status */
  regionYear: (region: string, year: number) => `REGION#${region}#${year}`,
  statusSk: (status: string, agencyId: string) => `STATUS#${status}#${agencyId}`,
  statusPrefix: (status: string) => `STATUS#${status}#`,
  /** the index partition of a region-year's sent reminders */
  sentReminders: (region: string, year: number) => `REMINDERS#${region}#${year}`,
  /** GSI2: the sparse index of accepted filings whose newest revision has no page yet */
  unpublished: 'UNPUBLISHED',
  /** GSI1: a region-year's newest stamped copies (盖章件), one per agency */
  stampedCopies: (region: string, year: number) => `STAMPED#${region}#${year}`,
  /** the partition of an address's sign-in registrations */
  signIn: (email: string) => `SIGNIN#${email.toLowerCase()}`,
} as const;

/**
 * The GSI2 keys a filing carries from its acceptance (a submission in a region without review,
 * or an approval) until its newest revision is published: sorted by the acceptance instant, so
 * the repair pass finds what waits longer than a grace period with one range query.
 */
export function unpublishedKeys(agencyId: string, year: number, acceptedAt: string): Key {
  return { [KEYS.gsi2pk]: part.unpublished, [KEYS.gsi2sk]: `${acceptedAt}#${agencyId}#${year}` };
}

export const KEY = {
  agency: (id: string) => item(part.agency(id), 'AGENCY'),
  filing: (agencyId: string, year: number) => item(part.agency(agencyId), part.filing(year)),
  revision: (agencyId: string, year: number, revision: number) => item(part.agency(agencyId), part.revision(year, revision)),
  token: (hash: string) => item(`TOKEN#${hash}`, 'TOKEN'),
  idempotency: (scope: string, k: string) => item(`IDEMPOTENCY#${scope}#${k}`, 'IDEMPOTENCY'),
  regionSettings: (region: string) => item(part.region(region), 'SETTINGS'),
  reminder: (agencyId: string, year: number, step: string) => item(part.agency(agencyId), `REMINDER#${year}#${step}`),
  digest: (region: string, year: number, date: string) => item(part.region(region), `DIGEST#${year}#${date}`),
  checkFail: (agencyId: string, year: number) => item(part.agency(agencyId), `CHECKFAIL#${year}`),
  contacts: (region: string) => item(part.region(region), 'CONTACTS'),
  undeliverable: (address: string) => item(`EMAIL#${address.toLowerCase()}`, 'UNDELIVERABLE'),
  returned: (agencyId: string, year: number, eventId: string) => item(part.agency(agencyId), `RETURNED#${year}#${eventId}`),
  openYear: (year: number) => item('YEARS', `YEAR#${year}`),
  /** an agency-year's newest stamped copy (the copy itself is recorded on its revision) */
  stampedCopy: (agencyId: string, year: number) => item(part.agency(agencyId), `STAMPED#${year}`),
  /** an address's registrations (sign-in): one item per agency listing it and per reviewer region */
  signInAgency: (email: string, agencyId: string) => item(part.signIn(email), `AGENCY#${agencyId}`),
  signInReviewer: (email: string, region: string) => item(part.signIn(email), `REVIEWER#${region}`),
  /** the live sign-in code of an address and role (ttl) */
  signInCode: (email: string, role: string) => item(`SIGNINCODE#${email.toLowerCase()}`, `CODE#${role}`),
  /** a rate-limit counter of one fixed window (ttl) */
  limit: (key: string, windowSeconds: number, window: number) => item(`LIMIT#${key}`, `W#${windowSeconds}#${window}`),
} as const;
