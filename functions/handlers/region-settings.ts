/** PUT /api/regions/{region}/settings (reviewers): the review page's switch for the stamped copy. */
import { z } from 'zod';
import { RegionCode } from '../domain/agency.js';
import { RegionSettingsPatch } from '../contract/stamped-copy.js';
import { updateRegionSettings } from '../services/review.js';
import { authenticatedRoute } from './http-stack.js';

const Path = z.strictObject({ region: RegionCode });

export const handler = authenticatedRoute({ path: Path, body: RegionSettingsPatch }, async (request, caller, deps) => {
  const settings = await updateRegionSettings(deps, caller, request.path.region, request.body);
  return { status: 200, body: { region: request.path.region, ...settings } };
});
