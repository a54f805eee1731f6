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
 * The AWS SDK v3 is bundled (tree-shaken and minified with the code), not taken from the Node.js
 * 22 runtime: chosen by measured start-up. `npm run bench:bundles` imports each bundle in fresh
 * Node processes: with the SDK bundled the import takes a half to a third of the time it takes
 * with the runtime's SDK (one file to parse instead of the SDK's many modules to resolve and
 * load): median 3.3x faster over the 18 functions, 1.6x for the two publishers whose docx and
 * exceljs weigh on both (docs/deploy.md, Lambda bundles). The bundles are larger (510–620 KB against 140–205 KB;
 * the budgets: infra/bundling/bundle-budget.ts), which costs far less than loading the SDK from
 * disk, and the SDK version is our lockfile's, tested with the code; AWS's SDK patches arrive
 * with a redeploy instead of silently. To use the runtime's SDK, set `external: ['@aws-sdk/*']`.
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
  external: [] as string[],
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
  /** @default Architecture.ARM_64 */
  architecture?: Architecture;
  /** shell commands run after esbuild, given the bundle's folder (e.g. to add a native binary) */
  afterBundling?: (outputDir: string) => string[];
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
      architecture: props.architecture ?? Architecture.ARM_64,
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
        ...(props.afterBundling
          ? { commandHooks: { beforeBundling: () => [], beforeInstall: () => [], afterBundling: (_: string, outputDir: string) => props.afterBundling!(outputDir) } }
          : {}),
      },
    });
    this.module = props.module;
    acknowledgeNag(this, 'L1', 'Node.js 22 is the chosen runtime (issue 7): the local runtime and tests run Node 20/22 semantics; Node 24 after a deliberate upgrade');
  }
}
