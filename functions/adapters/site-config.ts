/** Publishing's own settings, parsed once; the table, bucket and endpoints come from config.ts. */
import { z } from 'zod';

export const SiteConfig = z.object({
  /** the public site's origin, written into the sitemaps (the CloudFront domain on AWS) */
  NIANBAO_SITE_URL: z.string().url().default('http://127.0.0.1:3001'),
});
export type SiteConfig = z.infer<typeof SiteConfig>;

export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  return SiteConfig.parse(env);
}
