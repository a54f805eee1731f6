/**
 * Configuration, parsed once from the environment. On AWS the CDK stack passes the real
 * resource names; the defaults below are for the local runtime only.
 */
import { z } from 'zod';

const OptionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

export const Config = z.object({
  NIANBAO_TABLE: z.string().min(3).default('nianbao'),
  NIANBAO_SITE_BUCKET: z.string().min(3).default('nianbao-site'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** set for the local stand-ins; absent on AWS */
  NIANBAO_DYNAMODB_ENDPOINT: OptionalUrl,
  NIANBAO_S3_ENDPOINT: OptionalUrl,
  NIANBAO_SES_ENDPOINT: OptionalUrl,
  /** where sign-in links point (the filing form's origin) */
  NIANBAO_PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** days a new sign-in token stays valid */
  NIANBAO_TOKEN_DAYS: z.coerce.number().int().min(1).max(366).default(90),
});
export type Config = z.infer<typeof Config>;

let cached: Config | undefined;

/** The process's configuration; a bad environment fails at cold start, not mid-request. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (env !== process.env) return Config.parse(env);
  cached ??= Config.parse(env);
  return cached;
}

/** Static credentials for the local stand-ins: s3rver accepts only these; the others accept any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
