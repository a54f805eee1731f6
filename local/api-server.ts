/**
 * The local stand-in for API Gateway's HTTP API: turns each HTTP request into the
 * APIGatewayProxyEventV2 AWS would send and calls the same handler the Lambda runs.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { ROUTES, type Route } from '../functions/handlers/routes.js';
import { serveForm } from './web-apps/serve-form.js';
import { serveReview } from './web-apps/serve-review.js';
import { API_NAME, ensurePortFree } from './stand-ins.js';
import { listen, type RunningServer } from './listen.js';

/** API Gateway's HTTP API refuses bodies over 10 MB before any Lambda runs. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > GATEWAY_MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lambdaContext(name: string, requestId: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `nianbao-local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:nianbao-local-${name}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/nianbao-local-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const TEXT_TYPE = /^(application\/([\w.+-]*\+)?json|text\/|application\/x-www-form-urlencoded)/i;

export function toEvent(
  req: IncomingMessage,
  url: URL,
  route: Route,
  pathParameters: Record<string, string>,
  body: Buffer,
  requestId: string,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') cookies.push(...value.split(/;\s*/));
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const now = new Date();
  const text = TEXT_TYPE.test(headers['content-type'] ?? 'application/json');
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: (headers.host ?? '127').split('.')[0]!,
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(body.byteLength > 0 ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.byteLength > 0 && !text,
  };
}

/** Local only: the form and the site run on other ports, so the browser needs CORS. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, if-match, idempotency-key',
  'access-control-allow-methods': 'GET, PUT, POST, OPTIONS',
  'access-control-expose-headers': 'etag, idempotent-replayed',
};

export async function handleRequest(req: IncomingMessage, res: ServerResponse, routes: readonly CompiledRoute[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...CORS, 'access-control-max-age': '600' });
    res.end();
    return;
  }
  const matches = routes
    .map((r) => ({ r, m: r.pattern.exec(url.pathname) }))
    .filter((x): x is { r: CompiledRoute; m: RegExpExecArray } => x.m !== null);
  if (matches.length === 0) {
    await readBody(req);
    send(res, 404, { error: { code: 'not-found', message: `没有这个接口：${url.pathname}` } }, CORS);
    return;
  }
  const match = matches.find((x) => x.r.route.method === req.method);
  if (!match) {
    await readBody(req);
    const allow = matches.map((x) => x.r.route.method).join(', ');
    send(res, 405, { error: { code: 'method-not-allowed', message: `该接口不支持 ${req.method} 方法（可用：${allow}）` } }, { ...CORS, allow });
    return;
  }
  const pathParameters: Record<string, string> = {};
  try {
    match.r.names.forEach((name, i) => (pathParameters[name] = decodeURIComponent(match.m[i + 1]!)));
  } catch {
    send(res, 400, { error: { code: 'bad-request', message: '地址中含有无效的百分号编码' } }, CORS);
    return;
  }
  const body = await readBody(req);
  if (body === 'too-large') {
    send(res, 413, { error: { code: 'payload-too-large', message: '请求体超过 10 MB' } }, CORS);
    return;
  }
  const requestId = randomUUID();
  const event = toEvent(req, url, match.r.route, pathParameters, body, requestId);
  const result = await match.r.route.handler(event, lambdaContext(match.r.route.module, requestId));
  const headers: Record<string, string> = { ...CORS, 'x-request-id': requestId };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

export type ApiServer = RunningServer;

export async function startApiServer(options: {
  port: number;
  host?: string;
  routes?: readonly Route[];
  /** the public site's origin, for the form's link to a published report */
  siteBase?: string;
}): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1';
  await ensurePortFree(options.port, API_NAME, 'NIANBAO_API_PORT');
  const routes = (options.routes ?? ROUTES).map(compile);
  const server = createServer((req, res) => {
    // The filing form's static files at /file/ (web/form/serve-form.ts), as the CDN serves them on AWS.
    serveForm(req, res, { siteBase: options.siteBase ?? '' })
      .then((served) => served || serveReview(req, res))
      .then((served) => (served ? undefined : handleRequest(req, res, routes)))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, CORS);
        else res.destroy();
      });
  });
  return listen(server, options.port, host);
}
