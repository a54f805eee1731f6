/**
 * The HTTP API: one Lambda integration per route, a throttled `$default` stage with JSON access
 * logs, and CORS only for the origins named (none: the site calls `/api/*` on its own origin
 * through CloudFront, so no browser needs CORS unless the form is served elsewhere).
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

/** One JSON line per request; no headers or bodies (they carry tokens and reports). */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    route: '$context.routeKey',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export interface ApiRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** with `{name}` parameters, including the `/api` prefix CloudFront routes on */
  path: string;
  fn: IFunction;
}

export interface FilingApiProps {
  /** more can be added with `addRoute`. @default none */
  routes?: readonly ApiRoute[];
  /** origins allowed cross-origin. @default none (no CORS configuration) */
  corsOrigins?: readonly string[];
  /** @default 50 requests per second, burst 100 */
  throttle?: { rateLimit: number; burstLimit: number };
  /** @default one month */
  logRetention?: RetentionDays;
}

export class FilingApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;

  constructor(scope: Construct, id: string, props: FilingApiProps) {
    super(scope, id);
    const origins = [...(props.corsOrigins ?? [])];
    this.api = new HttpApi(this, 'Api', {
      description: 'nianbao filing API',
      createDefaultStage: false,
      ...(origins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: origins,
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST],
              allowHeaders: ['authorization', 'content-type', 'if-match', 'idempotency-key'],
              exposeHeaders: ['etag'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    for (const route of props.routes ?? []) this.addRoute(route);
    acknowledgeNag(
      this.api,
      'APIG4',
      'callers present a bearer sign-in token that the shared middy stack checks (hashed lookup, expiry, revocation) before any route runs; /api/health is public by design',
    );
  }

  addRoute(route: ApiRoute): void {
    this.api.addRoutes({
      path: route.path,
      methods: [HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${route.method}${route.path}`, route.fn),
    });
  }

  /** `abc123.execute-api.<region>.amazonaws.com`, CloudFront's origin for `/api/*`. */
  get domainName(): string {
    return `${this.api.apiId}.execute-api.${this.api.stack.region}.${this.api.stack.urlSuffix}`;
  }
}
