/** The local runtime's own settings (ports, data folder), parsed once from the environment. */
import path from 'node:path';
import { z } from 'zod';

const Port = z.coerce.number().int().min(1).max(65535);

export const LocalConfig = z
  .object({
    NIANBAO_DATA_DIR: z.string().min(1).default('.nianbao'),
    NIANBAO_HOST: z.string().min(1).default('127.0.0.1'),
    NIANBAO_API_PORT: Port.default(3000),
    /** the public site (publishing issue); reserved so nothing else takes it */
    NIANBAO_SITE_PORT: Port.default(3001),
    NIANBAO_SES_PORT: Port.default(8005),
    NIANBAO_DYNAMODB_PORT: Port.default(8000),
    NIANBAO_S3_PORT: Port.default(4568),
  })
  .superRefine((c, ctx) => {
    const ports = Object.entries(c).filter(([k]) => k.endsWith('_PORT'));
    const seen = new Map<unknown, string>();
    for (const [name, port] of ports) {
      const other = seen.get(port);
      if (other) ctx.addIssue({ code: 'custom', path: [name], message: `${name} 与 ${other} 同为端口 ${port}` });
      seen.set(port, name);
    }
  });
export type LocalConfig = z.infer<typeof LocalConfig>;

export function localConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig & { dataDir: string } {
  const parsed = LocalConfig.safeParse(env);
  if (!parsed.success) {
    throw new Error(`本地运行配置有误 (bad local runtime settings):\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.NIANBAO_DATA_DIR) };
}
