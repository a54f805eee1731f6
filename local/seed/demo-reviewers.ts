/** The demo county's reviewing office (政务公开办): it gets the digests and bounce notices. */
import type { RegionContacts } from '../../functions/services/reminder-ports.js';
import { DEMO_REGION, DEMO_REGION_NAME } from './demo-county.js';

export const DEMO_CONTACTS: RegionContacts = {
  region: DEMO_REGION,
  name: DEMO_REGION_NAME,
  reviewers: ['gongkaiban@neixiang.example.org'],
};
