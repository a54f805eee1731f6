/**
 * POST /api/filings/{year}/stamped-copy (filers): the upload is done; the stored object's size,
 * type and magic number are checked and the copy is recorded on its revision (201).
 */
import { StampedConfirmRequest } from '../contract/stamped-copy.js';
import { confirmStampedUpload } from '../services/stamped-copy.js';
import { YearPath, authenticatedRoute } from './http-stack.js';
import { stampedFiles } from './compose/stamped-files.js';

export const handler = authenticatedRoute({ path: YearPath, body: StampedConfirmRequest }, async (request, caller, deps) => {
  const copy = await confirmStampedUpload({ ...deps, files: stampedFiles() }, caller, { year: request.path.year, ...request.body });
  return { status: 201, body: copy };
});
