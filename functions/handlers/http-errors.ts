/**
 * The one table from error class to HTTP status. Below 500 the message is shown to the
 * caller (it is Chinese and written for them); anything else is a 500 with a fixed message.
 */
import {
  AuthenticationError,
  CheckFailedError,
  CsvFormatError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  InputError,
  MethodNotAllowedError,
  NianbaoError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionRequiredError,
  ReportTooLargeError,
  StateConflictError,
  StampedCopyRequiredError,
  TooManyRequestsError,
  VersionConflictError,
} from '../services/errors.js';

import type { ErrorBody } from '../contract/filing-api.js';

type ErrorClass = abstract new (...args: never[]) => NianbaoError;

const STATUS: readonly (readonly [ErrorClass, number, string])[] = [
  [InputError, 400, 'bad-request'],
  [CsvFormatError, 400, 'bad-csv'],
  [AuthenticationError, 401, 'unauthorized'],
  [ForbiddenError, 403, 'forbidden'],
  [NotFoundError, 404, 'not-found'],
  [MethodNotAllowedError, 405, 'method-not-allowed'],
  [VersionConflictError, 409, 'version-conflict'],
  [StateConflictError, 409, 'state-conflict'],
  [StampedCopyRequiredError, 409, 'stamped-copy-required'],
  [PayloadTooLargeError, 413, 'payload-too-large'],
  [ReportTooLargeError, 413, 'report-too-large'],
  [CheckFailedError, 422, 'check-failed'],
  [IdempotencyKeyReuseError, 422, 'idempotency-key-reused'],
  [PreconditionRequiredError, 428, 'precondition-required'],
  [TooManyRequestsError, 429, 'too-many-requests'],
];

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

export function errorResponse(error: unknown): ErrorResponse {
  for (const [type, status, code] of STATUS) {
    if (error instanceof type) {
      return { status, body: { error: { code, message: error.message, ...details(error) } }, headers: headersOf(error) };
    }
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, headers: {} };
}

function headersOf(error: NianbaoError): Record<string, string> {
  if (error instanceof AuthenticationError) return { 'www-authenticate': 'Bearer' };
  if (error instanceof TooManyRequestsError) return { 'retry-after': String(error.retryAfterSeconds) };
  return {};
}

function details(error: NianbaoError): Record<string, unknown> {
  if (error instanceof CheckFailedError) {
    const errorCount = error.findings.filter((f) => f.severity === 'error').length;
    return { errorCount, warningCount: error.findings.length - errorCount, findings: error.findings };
  }
  if (error instanceof InputError && error.issues.length > 0) return { issues: error.issues };
  if (error instanceof VersionConflictError) return { currentVersion: error.currentVersion };
  if (error instanceof TooManyRequestsError) return { retryAfterSeconds: error.retryAfterSeconds };
  return {};
}
