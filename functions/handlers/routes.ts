/**
 * Every HTTP route, as API Gateway's HTTP API route keys. The local server dispatches on this
 * table and the CDK stack creates one route (and Lambda) per entry from it.
 */
import type { HttpHandler } from './http-stack.js';
import { handler as health } from './health.js';
import { handler as getFiling } from './get-filing.js';
import { handler as saveDraft } from './save-draft.js';
import { handler as submitFiling } from './submit-filing.js';
import { handler as listRegionFilings } from './list-region-filings.js';
import { handler as reviewBoard } from './review-board.js';
import { handler as reviewFiling } from './review-filing.js';
import { handler as returnFiling } from './return-filing.js';
import { handler as approveFiling } from './approve-filing.js';
import { handler as regionRollup } from './region-rollup.js';
import { handler as signInCode } from './sign-in-code.js';
import { handler as signInVerify } from './sign-in-verify.js';
import { handler as signOut } from './sign-out.js';
import { handler as registry } from './registry.js';
import { handler as agencySave } from './agency-save.js';
import { handler as agencyStatus } from './agency-status.js';
import { handler as agencySignOut } from './agency-sign-out.js';
import { handler as agenciesImport } from './agencies-import.js';
import { handler as reviewers } from './reviewers.js';
import { handler as stampedCopyUpload } from './stamped-copy-upload.js';
import { handler as stampedCopyConfirm } from './stamped-copy-confirm.js';
import { handler as regionSettings } from './region-settings.js';

export interface Route {
  method: 'GET' | 'PUT' | 'POST';
  /** API Gateway path with `{name}` parameters */
  path: string;
  /** module under functions/handlers/ that exports `handler` (for bundling) */
  module: string;
  handler: HttpHandler;
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/health', module: 'health', handler: health },
  { method: 'POST', path: '/api/sign-in/code', module: 'sign-in-code', handler: signInCode },
  { method: 'POST', path: '/api/sign-in/verify', module: 'sign-in-verify', handler: signInVerify },
  { method: 'POST', path: '/api/sign-out', module: 'sign-out', handler: signOut },
  { method: 'GET', path: '/api/filings/{year}', module: 'get-filing', handler: getFiling },
  { method: 'PUT', path: '/api/filings/{year}/draft', module: 'save-draft', handler: saveDraft },
  { method: 'POST', path: '/api/filings/{year}/submit', module: 'submit-filing', handler: submitFiling },
  { method: 'GET', path: '/api/regions/{region}/filings', module: 'list-region-filings', handler: listRegionFilings },
  { method: 'GET', path: '/api/filings/{year}/rollup', module: 'region-rollup', handler: regionRollup },
  { method: 'POST', path: '/api/filings/{year}/stamped-copy/upload', module: 'stamped-copy-upload', handler: stampedCopyUpload },
  { method: 'POST', path: '/api/filings/{year}/stamped-copy', module: 'stamped-copy-confirm', handler: stampedCopyConfirm },
  { method: 'PUT', path: '/api/regions/{region}/settings', module: 'region-settings', handler: regionSettings },
  { method: 'GET', path: '/api/regions/{region}/board', module: 'review-board', handler: reviewBoard },
  { method: 'GET', path: '/api/regions/{region}/rollup', module: 'region-rollup', handler: regionRollup },
  { method: 'GET', path: '/api/regions/{region}/filings/{agencyId}/{year}', module: 'review-filing', handler: reviewFiling },
  { method: 'POST', path: '/api/regions/{region}/filings/{agencyId}/{year}/return', module: 'return-filing', handler: returnFiling },
  { method: 'POST', path: '/api/regions/{region}/filings/{agencyId}/{year}/approve', module: 'approve-filing', handler: approveFiling },
  { method: 'GET', path: '/api/regions/{region}/registry', module: 'registry', handler: registry },
  { method: 'POST', path: '/api/regions/{region}/agencies', module: 'agency-save', handler: agencySave },
  { method: 'PUT', path: '/api/regions/{region}/agencies/{agencyId}', module: 'agency-save', handler: agencySave },
  { method: 'POST', path: '/api/regions/{region}/agencies/import', module: 'agencies-import', handler: agenciesImport },
  { method: 'POST', path: '/api/regions/{region}/agencies/{agencyId}/status', module: 'agency-status', handler: agencyStatus },
  { method: 'POST', path: '/api/regions/{region}/agencies/{agencyId}/sign-out', module: 'agency-sign-out', handler: agencySignOut },
  { method: 'POST', path: '/api/regions/{region}/reviewers', module: 'reviewers', handler: reviewers },
  { method: 'POST', path: '/api/regions/{region}/reviewers/remove', module: 'reviewers', handler: reviewers },
];
