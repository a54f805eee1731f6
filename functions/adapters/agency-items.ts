/**
 * How an agency is written, shared by the filing store's `putAgency` (CLI import, seed) and the
 * registry's transactions: an update of the registry fields only, so the deactivation, its
 * GSI1 sort key and the last sign-in survive every edit and re-import.
 */
import type { Agency } from '../domain/agency.js';
import { KEYS } from './dynamodb-table.js';
import { KEY, part } from './table-keys.js';

export interface AgencyUpdate {
  Key: Record<string, string>;
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
}

export function agencyUpdate(agency: Agency): AgencyUpdate {
  return {
    Key: KEY.agency(agency.id),
    // A new agency sorts as active; an existing one keeps its sort key (deactivated or not).
    UpdateExpression: 'SET #type = :type, #id = :id, #name = :name, #region = :region, #kind = :kind, #emails = :emails, #g1pk = :g1pk, #g1sk = if_not_exists(#g1sk, :g1sk)',
    ExpressionAttributeNames: {
      '#type': 'type',
      '#id': 'id',
      '#name': 'name',
      '#region': 'region',
      '#kind': 'kind',
      '#emails': 'emails',
      '#g1pk': KEYS.gsi1pk,
      '#g1sk': KEYS.gsi1sk,
    },
    ExpressionAttributeValues: {
      ':type': 'agency',
      ':id': agency.id,
      ':name': agency.name,
      ':region': agency.region,
      ':kind': agency.kind,
      ':emails': agency.emails,
      ':g1pk': part.region(agency.region),
      ':g1sk': part.agency(agency.id),
    },
  };
}

/** The sign-in address item of one of an agency's addresses. */
export function agencyAddressItem(email: string, agencyId: string): Record<string, unknown> {
  return { ...KEY.signInAgency(email, agencyId), type: 'sign-in', agencyId };
}

/** The reviewer's address item, listed under its region in GSI1 (sort key: the address). */
export function reviewerAddressItem(email: string, region: string): Record<string, unknown> {
  const address = email.toLowerCase();
  return { ...KEY.signInReviewer(address, region), [KEYS.gsi1pk]: part.reviewers(region), [KEYS.gsi1sk]: address, type: 'sign-in', region, email: address };
}

/** Addresses of `after` not in `before`, and of `before` not in `after` (lower-cased). */
export function addressChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const was = new Set(before.map((e) => e.toLowerCase()));
  const now = new Set(after.map((e) => e.toLowerCase()));
  return { added: [...now].filter((e) => !was.has(e)), removed: [...was].filter((e) => !now.has(e)) };
}

/** An agency item (base table) as the domain's Agency. */
export function agencyOf(item: Record<string, unknown>): Agency {
  return {
    id: item.id as string,
    name: item.name as string,
    region: item.region as string,
    kind: item.kind as Agency['kind'],
    emails: (item.emails as string[] | undefined) ?? [],
    ...(item.deactivatedAt ? { deactivatedAt: item.deactivatedAt as string } : {}),
  };
}
