/**
 * Every setting of nianbao, read from the environment by this one schema: the Lambdas (the CDK
 * stack sets the AWS names), the local runtime (`npm start`, which adds its stand-ins'
 * endpoints explicitly with `useSettings`) and the CLI. Defaults are for the local runtime.
 * A bad value fails at start (cold start on Lambda), never mid-request.
 */
import path from 'node:path';
import { z } from 'zod';
import { ReminderPolicy } from './domain/reminders/deadline-policy.js';

const OptionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));
const Port = z.coerce.number().int().min(1).max(65535);

export const Settings = z.object({
  // ---- AWS resources (set by the CDK stack) ----
  /** the single DynamoDB table */
  NIANBAO_TABLE: z.string().min(3).default('nianbao'),
  /** the public site's bucket */
  NIANBAO_SITE_BUCKET: z.string().min(3).default('nianbao-site'),
  /** the private bucket: stamped copies (盖章件); never served by the public site */
  NIANBAO_PRIVATE_BUCKET: z.string().min(3).default('nianbao-private'),
  /** the AWS region (Lambda sets it; any value works against the stand-ins) */
  AWS_REGION: z.string().min(1).default('us-east-1'),
  // ---- where the API, the form and the site are reached ----
  /** the filing API's and form's origin: sign-in and reminder links point here */
  NIANBAO_PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** the public site's origin, written into sitemaps (the CloudFront domain on AWS) */
  NIANBAO_SITE_URL: z.string().url().default('http://127.0.0.1:3001'),
  // ---- sign-in ----
  /** days a new API token stays valid */
  NIANBAO_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  /** hours a session opened by an e-mail code stays valid */
  NIANBAO_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  // ---- mail ----
  /** the verified SES identity mail is sent from */
  NIANBAO_MAIL_FROM: z.string().min(3).default('nianbao@example.org'),
  /** the SES configuration set whose event destination (SNS) reports bounces and complaints */
  NIANBAO_SES_CONFIGURATION_SET: z.string().min(1).default('nianbao'),
  /** the reminder policy as JSON (domain/reminders/deadline-policy.ts); empty: the legal defaults */
  NIANBAO_REMINDER_POLICY: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return ReminderPolicy.parse(text ? JSON.parse(text) : {});
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: `NIANBAO_REMINDER_POLICY: ${(error as Error).message}` });
        return z.NEVER;
      }
    }),
  // ---- the stand-ins (absent on AWS) ----
  /** DynamoDB Local's endpoint */
  NIANBAO_DYNAMODB_ENDPOINT: OptionalUrl,
  /** s3rver's endpoint */
  NIANBAO_S3_ENDPOINT: OptionalUrl,
  /** the SES emulator's endpoint */
  NIANBAO_SES_ENDPOINT: OptionalUrl,
  /** `aws`: CLI commands work against real AWS (credentials from the usual AWS variables) */
  NIANBAO_TARGET: z.enum(['local', 'aws']).default('local'),
  // ---- the local runtime (`npm start`) ----
  /** its data folder: the table, the bucket, checkpoints, runtime.json */
  NIANBAO_DATA_DIR: z.string().min(1).default('.nianbao'),
  /** the address it listens on */
  NIANBAO_HOST: z.string().min(1).default('127.0.0.1'),
  /** the API, the form (/file/) and the review page (/review/) */
  NIANBAO_API_PORT: Port.default(3000),
  /** the public site, served from the bucket as CloudFront would */
  NIANBAO_SITE_PORT: Port.default(3001),
  /** the SES emulator (its mail viewer) */
  NIANBAO_SES_PORT: Port.default(8005),
  /** DynamoDB Local */
  NIANBAO_DYNAMODB_PORT: Port.default(8000),
  /** s3rver */
  NIANBAO_S3_PORT: Port.default(4568),
});
export type Settings = z.infer<typeof Settings>;

/** Parses an environment; the error lists every bad setting in one message. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const parsed = Settings.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new Error(`配置有误 (bad settings):\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}

let current: Settings | undefined;

/** The process's settings: given by `useSettings`, else read from the environment once. */
export function settings(): Settings {
  current ??= readSettings(process.env);
  return current;
}

/**
 * The local runtime and the tests start their stand-ins first and then hand the entry points
 * the finished settings, instead of writing endpoints into `process.env`.
 */
export function useSettings(next: Settings): Settings {
  current = next;
  return next;
}

/** The settings with some values replaced (validated again). */
export function withSettings(base: Settings, overrides: Partial<Record<keyof Settings, string | number | undefined>>): Settings {
  const raw: Record<string, unknown> = { ...base, NIANBAO_REMINDER_POLICY: JSON.stringify(base.NIANBAO_REMINDER_POLICY) };
  for (const [k, v] of Object.entries(overrides)) raw[k] = v === undefined ? undefined : String(v);
  return Settings.parse(raw);
}

/** The data folder as an absolute path. */
export function dataDir(s: Settings): string {
  return path.resolve(s.NIANBAO_DATA_DIR);
}

/** Static credentials for the local stand-ins: s3rver accepts only these; the others accept any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
