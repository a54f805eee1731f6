/**
 * The filing API as the form uses it (docs in README / docs/api.md): read a filing, save a
 * draft under If-Match, submit with an Idempotency-Key. Errors come back as `ApiError` with
 * the server's Chinese message, and the findings or current version where the server sends them.
 */
import type { Explanations, Finding } from '../../functions/domain/finding.js';
import type { Report } from '../../functions/domain/report.js';
import type { FilingView, SaveDraftResult, SubmitResponse } from '../../functions/contract/filing-api.js';
import type { FilingStatus } from '../../functions/domain/filing-status.js';
import type { StampedCopyInfo, StampedUploadRequest, StampedUploadTicket } from '../../functions/contract/stamped-copy.js';

// The API contract's own types (type-only imports: nothing but types reaches the bundle).
export type { FilingStatus, FilingView };
export type SaveResult = SaveDraftResult;
export type SubmitResult = SubmitResponse;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly findings: Finding[] = [],
    readonly currentVersion?: number,
  ) {
    super(message);
  }
}

export interface ApiClient {
  getFiling(year: number): Promise<FilingView>;
  /** `explanations`: the filer's 说明 of warnings, sent beside the report's fields */
  saveDraft(year: number, report: Report, version: number, options?: { keepalive?: boolean; explanations?: Explanations }): Promise<SaveResult>;
  submit(year: number, report: Report, version: number, idempotencyKey: string, explanations?: Explanations): Promise<SubmitResult>;
  /** the region's roll-up (the government office starts its own report from it) */
  rollup(year: number): Promise<{ report: Report; coverage: { included: number; of: number } }>;
  /** a presigned PUT for the stamped copy (盖章件) of the newest revision */
  stampedUpload(year: number, file: StampedUploadRequest): Promise<StampedUploadTicket>;
  /** the upload finished: the server checks the stored file and records it */
  stampedConfirm(year: number, uploadId: string, fileName: string): Promise<StampedCopyInfo>;
}

export function apiClient(base: string, token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): ApiClient {
  async function call<T>(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; keepalive?: boolean } = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.keepalive ? { keepalive: true } : {}),
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试；填写的内容仍保留在本页。');
    }
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = (body as { error?: { code?: string; message?: string; findings?: Finding[]; currentVersion?: number } } | undefined)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? 'http',
        error?.message ?? `服务器返回错误（HTTP ${response.status}）`,
        error?.findings ?? [],
        error?.currentVersion,
      );
    }
    return body as T;
  }

  return {
    getFiling: (year) => call<FilingView>('GET', `/api/filings/${year}`),
    rollup: (year) => call('GET', `/api/filings/${year}/rollup`),
    stampedUpload: (year, file) => call<StampedUploadTicket>('POST', `/api/filings/${year}/stamped-copy/upload`, { body: file }),
    stampedConfirm: (year, uploadId, fileName) =>
      call<StampedCopyInfo>('POST', `/api/filings/${year}/stamped-copy`, { body: { uploadId, fileName } }),
    saveDraft: (year, report, version, options = {}) =>
      call<SaveResult>('PUT', `/api/filings/${year}/draft`, {
        body: withExplanations(report, options.explanations),
        headers: { 'if-match': String(version) },
        ...(options.keepalive ? { keepalive: true } : {}),
      }),
    submit: (year, report, version, idempotencyKey, explanations) =>
      call<SubmitResult>('POST', `/api/filings/${year}/submit`, {
        body: withExplanations(report, explanations),
        headers: { 'if-match': String(version), 'idempotency-key': idempotencyKey },
      }),
  };
}

/** The request body (contract FilingBody): the report with the explanations beside its fields. */
function withExplanations(report: Report, explanations: Explanations | undefined): Report | (Report & { explanations: Explanations }) {
  return explanations ? { ...report, explanations } : report;
}
