/**
 * The submit path reads token, region gate and last year's filing in one BatchGetItem once the
 * API process has seen a token. These check that nothing it reads is stale: the test's store is
 * another process (another Lambda container) writing behind the API server's back.
 */
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb-review-store.js';
import type { Report } from '../../functions/domain/report.js';
import { setRegionSettings } from '../../functions/services/review.js';
import { revokeToken } from '../../functions/services/tokens.js';
import { api, clock, fileLastYear, filerToken, newAgency, newRegion, reportFor, store, testConfig, withCarry } from './helpers.js';

const submit = (token: string, body: Report) => api('/api/filings/2024/submit', { method: 'POST', token, body });

describe('batched reads on the submit path stay fresh', () => {
  it('counts a report of last year filed late in another process at once, and its amendment too', async () => {
    const agency = await newAgency(newRegion(), 'township');
    const token = await filerToken(agency);
    // The API process now knows the token and has seen no report of 2023.
    expect((await submit(token, reportFor(agency, 2024))).status).toBe(201);

    await fileLastYear(agency, 2);
    const ignoresCarry = await submit(token, reportFor(agency, 2024));
    expect(ignoresCarry.status).toBe(422);
    expect(ignoresCarry.body.error.findings.map((f: { rule: string }) => f.rule)).toContain('carryover.continuity');
    expect((await submit(token, withCarry(reportFor(agency, 2024), 2, 0))).status).toBe(201);

    // An amendment of 2023 (revision 2) replaces revision 1 as the carry-over source at once.
    await fileLastYear(agency, 3);
    const stale = await submit(token, withCarry(reportFor(agency, 2024), 2, 0));
    expect(stale.status).toBe(422);
    expect((await submit(token, withCarry(reportFor(agency, 2024), 3, 0))).status).toBe(201);
  });

  it('refuses a token revoked right after it was used (its owner is remembered, its validity never)', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    expect((await submit(token, reportFor(agency, 2024))).status).toBe(201);
    await revokeToken(store(), clock, token);
    const res = await submit(token, reportFor(agency, 2024));
    expect(res.status).toBe(401);
  });

  it('holds the next submission for approval as soon as the region turns review on', async () => {
    const region = newRegion();
    const agency = await newAgency(region, 'township');
    const token = await filerToken(agency);
    expect((await submit(token, reportFor(agency, 2024))).body.status).toBe('submitted');
    const cfg = testConfig();
    const review = new DynamoDbReviewStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
    await setRegionSettings({ settings: review, clock }, region, { review: 'required' }, 'test');
    const held = await submit(token, reportFor(agency, 2024));
    expect(held.status).toBe(201);
    expect(held.body.status).toBe('awaiting_approval');
  });
});
