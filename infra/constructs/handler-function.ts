/**
 * One Lambda per handler module under functions/handlers/: Node.js 22 on arm64, JSON logs into
 * its own log group with retention, bundled locally by esbuild (never Docker). The esbuild
 * settings are exported so bench/bundles.ts measures exactly what is deployed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, ApplicationLogLevel, LoggingFormat, Runtime, SystemLogLevel } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The entry file of a handler module, e.g. `submit-filing` → functions/handlers/submit-filing.ts. */
export const handlerEntry = (module: string): string => fileURLToPath(new URL(`../../functions/handlers/${module}.ts`, import.meta.url));

export const handlerExists = (module: string): boolean => existsSync(handlerEntry(module));

/**
 * The AWS SDK v3 is NOT bundled: the Node.js 22 runtime ships it. Bundled (DynamoDB, lib-dynamodb,
 * S3, SES and the credential chain) every bundle is 450–630 KB, over the 300 KB budget; external,
 * 115–150 KB. The costs of that choice, measured by `npm run bench:bundles`: a fresh import takes
 * about 2x longer (the SDK loads from many files instead of one tree-shaken bundle), and the
 * runtime's SDK version, not our lockfile's, runs on AWS (it also gets AWS's patches without a
 * redeploy). To pin and load faster instead, empty `external`.
 * `charset: utf8` keeps the Chinese messages as UTF-8 instead of \u escapes (a third of their size).
 */
export const BUNDLE = {
  target: 'node22',
  format: 'esm',
  platform: 'node',
  minify: true,
  mainFields: ['module', 'main'],
  charset: 'utf8',
  /** CommonJS dependencies inside an ESM bundle still call require() for Node built-ins. */
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  external: ['@aws-sdk/*'] as string[],
  /** zod with only the zh-CN locale (see infra/bundling/zod-lambda.ts) */
  alias: { zod: fileURLToPath(new URL('../bundling/zod-lambda.ts', import.meta.url)) },
} as const;

export interface HandlerFunctionProps {
  /** module under functions/handlers/ exporting `handler` */
  module: string;
  environment?: Record<string, string>;
  /** @default 512 MB (more memory is more CPU: faster cold starts for the same cost) */
  memorySize?: number;
  /** @default 10 seconds (API Gateway gives up at 30) */
  timeout?: Duration;
  /** @default one month */
  logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY (logs go with the function) */
  logRemovalPolicy?: RemovalPolicy;
  description?: string;
}

export class HandlerFunction extends NodejsFunction {
  readonly module: string;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    const entry = handlerEntry(props.module);
    if (!existsSync(entry)) throw new Error(`no handler module ${entry}`);
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // Its own role, allowed to write its own log group only (no AWSLambdaBasicExecutionRole).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry,
      role,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: fileURLToPath(new URL('../../package-lock.json', import.meta.url)),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      logGroup,
      environment: props.environment ?? {},
      description: props.description ?? `nianbao ${props.module}`,
      bundling: {
        forceDockerBundling: false,
        target: BUNDLE.target,
        format: OutputFormat.ESM,
        minify: BUNDLE.minify,
        mainFields: [...BUNDLE.mainFields],
        charset: Charset.UTF8,
        banner: BUNDLE.banner,
        externalModules: [...BUNDLE.external],
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE.alias).map(([name, path]) => [`--alias:${name}`, path])),
      },
    });
    this.module = props.module;
    acknowledgeNag(this, 'L1', 'Node.js 22 is the chosen runtime (issue 7): the local runtime and tests run Node 20/22 semantics; Node 24 after a deliberate upgrade');
  }
}
