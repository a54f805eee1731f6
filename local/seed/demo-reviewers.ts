/** The demo county's reviewing office (政务公开办): it gets the digests and bounce notices. */
import type { RegionContacts } from '../../functions/services/reminder-ports.js';
import type { SignInStore } from '../../functions/services/sign-in-ports.js';
import { DEMO_AGENCIES, DEMO_REGION, DEMO_REGION_NAME } from './demo-county.js';

export const DEMO_CONTACTS: RegionContacts = {
  region: DEMO_REGION,
  name: DEMO_REGION_NAME,
  reviewers: ['gongkaiban@neixiang.example.org'],
};

/** Registers the demo reviewers for the e-mail code sign-in on /review/ (idempotent). */
export async function registerDemoReviewers(signIn: Pick<SignInStore, 'addReviewer'>): Promise<void> {
  for (const email of DEMO_CONTACTS.reviewers) await signIn.addReviewer(DEMO_REGION, email);
}

/** The demo's addresses for the e-mail code sign-in (`npm start` and `nianbao seed` print them). */
export function demoAddressLines(): string[] {
  return [
    '邮箱验证码登录 (e-mail code sign-in) 的示范邮箱，验证码见 SES 邮件查看 (mail viewer):',
    ...DEMO_AGENCIES.map((a) => `  ${a.name.padEnd(12, '　')} ${a.emails.join(', ')}（/file/）`),
    ...DEMO_CONTACTS.reviewers.map((e) => `  ${`主管部门 ${DEMO_REGION}`.padEnd(12, '　')} ${e}（/review/）`),
  ];
}
