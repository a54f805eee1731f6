/**
 * The Lambdas' `zod` (an esbuild alias, see BUNDLE in constructs/handler-function.ts), as the
 * filing form does for the browser (web/form/shims/zod.ts): zod's own classic schemas, only the
 * members the server code uses, and one locale. `import { z } from 'zod'` keeps the whole
 * namespace (every locale, JSON-schema tooling, the compiler): 370 KB of a 750 KB bundle.
 * A member missing here is an esbuild "no matching export" warning, which
 * test/infra/bundles.test.ts and `npm run bench:bundles` turn into a failure: add it to the list.
 */
import zhCN from '../../node_modules/zod/v4/locales/zh-CN.js';

// The constructors the domain uses: the browser's list, so the two cannot drift apart.
export * from '../../web/form/shims/zod.js';
export { ZodType } from '../../node_modules/zod/v4/classic/schemas.js';
export { ZodError } from '../../node_modules/zod/v4/classic/errors.js';
export * as coerce from '../../node_modules/zod/v4/classic/coerce.js';
export const locales = { zhCN };
export * as z from './zod-lambda.js';
