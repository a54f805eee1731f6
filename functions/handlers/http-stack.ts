/**
 * The one middy stack every HTTP route uses: body size limit (413), authentication (401),
 * JSON parsing and zod input (400), error mapping, JSON responses. A route only parses, calls a service and
 * returns.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { InputError, PayloadTooLargeError } from '../services/errors.js';
import type { Caller } from '../services/model.js';
import type { TokenOwner } from '../services/ports.js';
import { authenticate, bearerHash } from '../services/tokens.js';
import { errorResponse } from './http-errors.js';
import { runtime, type Runtime } from './compose/http.js';
import { flushMetrics, logger } from './observability.js';

export const MAX_BODY_BYTES = 512 * 1024;

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** sent as is instead of `body` as JSON (CSV downloads); `headers` give its content type */
  text?: string;
}

export interface RouteRequest<B, Q, P> {
  event: APIGatewayProxyEventV2;
  body: B;
  query: Q;
  path: P;
  header(name: string): string | undefined;
}

interface RouteOptions<B, Q, P> {
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  path?: z.ZodType<P>;
  /** a smaller body limit than MAX_BODY_BYTES (413 above it) */
  maxBodyBytes?: number;
}

/**
 * Reads a route starts in the same tick as the token read, so they share its round trip (one
 * BatchGetItem). Only for a token this process has seen (its owner is fixed); the results reach
 * the route only after the token checks out, and only reads may start here, never writes.
 */
type Prefetch<W> = (owner: TokenOwner, event: APIGatewayProxyEventV2, deps: Runtime) => W | undefined;

/** What the request log line says of the caller: ids only (never the token or its hash). */
interface LogFields {
  role?: string;
  agencyId?: string;
  region?: string;
}

type Parsed = { raw?: Buffer; started?: number; log?: LogFields };

const zhCN = z.locales.zhCN();

function issuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** zod issues as Chinese sentences, one per field, naming unknown fields plainly. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return { path, message: `未知字段：${issue.keys.join('、')}${path ? `（位于 ${path}）` : ''}` };
    }
    if (issue.code === 'invalid_union' && issue.path.length >= 3 && issue.path[0] === 'sections') {
      return { path, message: `${path}：单元格应为数字、文字或 null` };
    }
    return { path, message: path ? `${path}：${issue.message}` : issue.message };
  });
}

export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value, { error: zhCN.localeError });
  if (result.success) return result.data;
  const issues = describeIssues(result.error);
  throw new InputError(`${what}有误：${issues.map((i) => i.message).slice(0, 5).join('；')}`, issues);
}

function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  // API Gateway's HTTP API lower-cases header names; be lenient for hand-built events.
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Size is checked first, as API Gateway would; parsing waits until the caller is known. */
const bodyLimit = (max: number): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context & Parsed> => ({
  before: (request) => {
    const { body, isBase64Encoded } = request.event;
    if (body === undefined || body === null || body === '') return;
    const bytes = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
    if (bytes.byteLength > max) {
      throw new PayloadTooLargeError(`请求体 ${Math.ceil(bytes.byteLength / 1024)} KB，超过上限 ${Math.floor(max / 1024)} KB`);
    }
    request.context.raw = bytes;
  },
});

function parseJson(event: APIGatewayProxyEventV2, raw: Buffer | undefined): unknown {
  if (raw === undefined) throw new InputError('缺少请求体（JSON）');
  const type = header(event, 'content-type');
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new InputError(`请求体应为 JSON（Content-Type: application/json），收到的是 ${type}`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new InputError(`请求体不是合法的 JSON：${(error as Error).message}`);
  }
}

const errorMapping: middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> = {
  onError: (request) => {
    const { status, body, headers } = errorResponse(request.error);
    if (status >= 500) console.error(request.error);
    request.response = jsonResponse(status, body, headers);
  },
};

/**
 * One structured line per request (Powertools Logger, functions/handlers/observability.ts):
 * request id, route, caller's agency and region, status, outcome, latency. Outermost, so it
 * sees the mapped error's status too; then the request's metrics are flushed.
 */
const requestLog: middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context & Parsed> = {
  before: (request) => {
    request.context.started = Date.now();
    request.context.log = {};
  },
  after: (request) => logRequest(request),
  // Runs after errorMapping's onError (middy calls onError from the innermost), so the response is set.
  onError: (request) => logRequest(request),
};

function logRequest(request: middy.Request<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context & Parsed>): void {
    const { event, context, response } = request;
    const status = response?.statusCode ?? 0;
    const fields = {
      requestId: context.awsRequestId ?? event.requestContext?.requestId,
      route: event.routeKey,
      status,
      outcome: status >= 500 ? 'error' : status >= 400 ? 'refused' : 'ok',
      latencyMs: Date.now() - (context.started ?? Date.now()),
      ...context.log,
    };
    if (status >= 500) logger.error('request', fields);
    else logger.info('request', fields);
    flushMetrics();
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

export type HttpHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** What the stack hands a route: the event, and parsers it calls once the caller is known. */
interface Incoming {
  event: APIGatewayProxyEventV2;
  raw: Buffer | undefined;
  /** filled in once the caller is known, for the request's log line */
  log: LogFields;
}

function stack(run: (incoming: Incoming) => Promise<HttpResult>, maxBodyBytes = MAX_BODY_BYTES): HttpHandler {
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context & Parsed>()
    .use(requestLog)
    .use(errorMapping)
    .use(bodyLimit(Math.min(maxBodyBytes, MAX_BODY_BYTES)))
    .handler(async (event, context) => {
      const result = await run({ event, raw: context.raw, log: (context.log ??= {}) });
      if (result.text !== undefined) {
        return { statusCode: result.status, headers: { 'cache-control': 'no-store', ...result.headers }, body: result.text };
      }
      return jsonResponse(result.status, result.body, result.headers);
    });
  return handler as unknown as HttpHandler;
}

function parseRequest<B, Q, P>(options: RouteOptions<B, Q, P>, { event, raw }: Incoming): RouteRequest<B, Q, P> {
  return {
    event,
    path: (options.path ? parseWith(options.path, event.pathParameters ?? {}, '地址') : {}) as P,
    query: (options.query ? parseWith(options.query, event.queryStringParameters ?? {}, '查询参数') : {}) as Q,
    body: (options.body ? parseWith(options.body, parseJson(event, raw), '请求内容') : undefined) as B,
    header: (name) => header(event, name),
  };
}

/** A route anyone may call. */
export function publicRoute<B = undefined, Q = object, P = object>(
  options: RouteOptions<B, Q, P>,
  handle: (request: RouteRequest<B, Q, P>) => Promise<HttpResult>,
): HttpHandler {
  return stack(async (incoming) => handle(parseRequest(options, incoming)), options.maxBodyBytes);
}

/**
 * A route that needs `Authorization: Bearer …`. Order of answers: 413 (size), 401 (token),
 * 400 (path, query, JSON, schema), then whatever the service decides (403, 409, 422 …).
 */
export function authenticatedRoute<B = undefined, Q = object, P = object, W = never>(
  options: RouteOptions<B, Q, P> & { prefetch?: Prefetch<W> },
  handle: (request: RouteRequest<B, Q, P>, caller: Caller, deps: Runtime, prefetched: W | undefined) => Promise<HttpResult>,
): HttpHandler {
  return stack(async (incoming) => {
    const deps = runtime();
    const authorization = header(incoming.event, 'authorization');
    const authenticating = authenticate(deps.store, deps.clock, authorization);
    const hash = options.prefetch ? bearerHash(authorization) : undefined;
    const owner = hash ? deps.store.tokenOwner?.(hash) : undefined;
    const prefetched = owner ? options.prefetch!(owner, incoming.event, deps) : undefined;
    const caller = await authenticating;
    Object.assign(incoming.log, { role: caller.role, region: caller.region, ...(caller.role === 'filer' ? { agencyId: caller.agencyId } : {}) });
    return handle(parseRequest(options, incoming), caller, deps, prefetched);
  }, options.maxBodyBytes);
}

/** The caller's address as API Gateway saw it (the local API server fills it the same way). */
export function clientIp(event: APIGatewayProxyEventV2): string {
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}

/** `If-Match: 3`, `"3"` or `W/"3"`. */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) throw new InputError(`If-Match 应为版本号（整数），收到“${value}”`);
  return Number(match[1]);
}

export function parseIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(value)) {
    throw new InputError('Idempotency-Key 应为 1–200 个可见 ASCII 字符');
  }
  return value;
}

export const YearPath = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, '年度应为四位数字')
    .transform(Number)
    .pipe(z.number().int().min(2008, '年度不早于2008').max(2100)),
});
