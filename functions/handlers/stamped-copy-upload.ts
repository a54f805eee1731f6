/**
 * POST /api/filings/{year}/stamped-copy/upload (filers): checks the declared file and answers
 * with a presigned PUT to the private bucket whose signature fixes its type and size.
 */
import { StampedUploadRequest } from '../contract/stamped-copy.js';
import { requestStampedUpload } from '../services/stamped-copy.js';
import { YearPath, authenticatedRoute } from './http-stack.js';
import { stampedFiles } from './compose/stamped-files.js';

export const handler = authenticatedRoute({ path: YearPath, body: StampedUploadRequest }, async (request, caller, deps) => {
  const ticket = await requestStampedUpload({ ...deps, files: stampedFiles() }, caller, { year: request.path.year, ...request.body });
  return { status: 200, body: ticket };
});
