import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleHandler, type HandlerBundle } from '../../infra/bundling/bundle-handler.js';
import { budgetKb } from '../../infra/bundling/bundle-budget.js';
import { presentEventHandlers, routeModules } from '../../infra/handler-catalog.js';

const modules = [...routeModules().map((r) => r.module), ...Object.values(presentEventHandlers())];
// Under node_modules so that, were the SDK external, `@aws-sdk/*` imports would resolve as on Lambda.
const cache = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
let dir: string;
const bundles = new Map<string, HandlerBundle>();

beforeAll(async () => {
  await mkdir(cache, { recursive: true });
  dir = await mkdtemp(join(cache, 'nianbao-bundle-test-'));
  for (const module of modules) bundles.set(module, await bundleHandler(module, dir));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});


describe('Lambda bundles (the CDK app’s esbuild settings)', () => {
  for (const module of modules) {
    const budget = budgetKb(module);
    it(`${module}: bundles without warnings, under ${budget} KB minified, and exports handler`, async () => {
      const bundle = bundles.get(module)!;
      expect(bundle.bytes).toBeLessThan(budget * 1024);
      const loaded = (await import(bundle.file)) as { handler?: unknown };
      expect(typeof loaded.handler).toBe('function');
    });
  }

  it('the bundled health route answers through the shared middy stack (zod alias intact)', async () => {
    const { handler } = (await import(bundles.get('health')!.file)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const response = await handler(
      { version: '2.0', routeKey: 'GET /api/health', rawPath: '/api/health', headers: {}, requestContext: { http: { method: 'GET' } }, isBase64Encoded: false },
      {},
    );
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok' });
  });

  it('keeps the zod alias’s Chinese error messages (zh-CN locale) in the bundle as UTF-8', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(bundles.get('get-filing')!.file, 'utf8');
    expect(text).toContain('无效输入');
    expect(text).not.toMatch(/\\u65e0\\u6548/);
  });
});
