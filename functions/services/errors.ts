/**
 * The errors use cases throw. Each is mapped to an HTTP status in one table
 * (functions/handlers/http-errors.ts); the message is Chinese and shown to the caller.
 */
import type { Finding } from '../domain/finding.js';

export class NianbaoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is not understood: malformed JSON, unknown fields, wrong types. */
export class InputError extends NianbaoError {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends NianbaoError {}

/** No token, an unknown token, an expired or revoked one. */
export class AuthenticationError extends NianbaoError {}

/** A valid token asking for someone else's data. */
export class ForbiddenError extends NianbaoError {}

export class NotFoundError extends NianbaoError {}

export class MethodNotAllowedError extends NianbaoError {}

/** `If-Match` names a version that is no longer current. */
export class VersionConflictError extends NianbaoError {
  constructor(
    message: string,
    readonly currentVersion: number,
  ) {
    super(message);
  }
}

/** A write that must say which version it replaces did not. */
export class PreconditionRequiredError extends NianbaoError {}

/** A reviewer's action on a filing that moved on meanwhile (a newer submission, already approved). */
export class StateConflictError extends NianbaoError {}

/** An approval in a region that requires the revision's stamped copy (盖章件) before it has one. */
export class StampedCopyRequiredError extends NianbaoError {}

/** The submitted report breaks rules that block submission. */
export class CheckFailedError extends NianbaoError {
  constructor(
    message: string,
    readonly findings: readonly Finding[],
  ) {
    super(message);
  }
}

/** An `Idempotency-Key` reused for a different request. */
export class IdempotencyKeyReuseError extends NianbaoError {}

/** The store could not hold the report (DynamoDB's 400 KB item limit, after compression). */
export class ReportTooLargeError extends NianbaoError {}

/** Bad rows in an agencies CSV; the good rows were imported. */
export class CsvFormatError extends NianbaoError {}

/** Too many requests for an address, a code or a client; `retryAfterSeconds` goes to `Retry-After`. */
export class TooManyRequestsError extends NianbaoError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
