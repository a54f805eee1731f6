/**
 * The local runtime's view of the settings (functions/settings.ts): the same schema, plus the
 * data folder as an absolute path and a check that no two stand-ins share a port.
 */
import { dataDir, readSettings, type Settings } from '../functions/settings.js';

export type LocalConfig = Settings & { dataDir: string };

const PORTS = ['NIANBAO_API_PORT', 'NIANBAO_SITE_PORT', 'NIANBAO_SES_PORT', 'NIANBAO_DYNAMODB_PORT', 'NIANBAO_S3_PORT'] as const;

export function localConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const s = readSettings(env);
  const seen = new Map<number, string>();
  const clashes: string[] = [];
  for (const name of PORTS) {
    const other = seen.get(s[name]);
    if (other) clashes.push(`  ${name}: ${name} 与 ${other} 同为端口 ${s[name]}`);
    seen.set(s[name], name);
  }
  if (clashes.length) throw new Error(`本地运行配置有误 (bad local runtime settings):\n${clashes.join('\n')}`);
  return { ...s, dataDir: dataDir(s) };
}
