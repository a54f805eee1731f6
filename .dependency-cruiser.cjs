/**
 * The import rules of nianbao's layers (docs/architecture.md). `npm test` runs them
 * (test/unit/architecture.test.ts); `npx depcruise functions web local infra bench bin` prints
 * any violation. Paths are from the repository root.
 */
const OURS = '^(functions|web|local|infra|bench|test|bin)/';
// Browser code: the two apps, except their Node build scripts (build.ts, assets.ts).
const BROWSER = '^web/(form|review)/(?!build\\.ts$|assets\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycle anywhere (the CLI included): a cycle hides which module owns what.',
      // A zod shim re-exports itself as the `z` namespace (`export * as z from './zod.js'`): a
      // self-reference of one module, not a cycle between modules.
      from: { pathNot: '(^web/form/shims/zod|^infra/bundling/zod-lambda)\\.ts$' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'The domain (report, rules, importer, statuses, agencies, publications) imports nothing of ours outside itself.',
      from: { path: '^functions/domain/' },
      to: { path: OURS, pathNot: '^functions/domain/' },
    },
    {
      name: 'domain-has-no-io',
      severity: 'error',
      comment: 'The domain runs in the browser and in every Lambda: no Node built-ins, no AWS, no middy.',
      from: { path: '^functions/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contract-imports-domain-only',
      severity: 'error',
      comment: 'The API contract (JSON across HTTP) is built from domain types only.',
      from: { path: '^functions/contract/' },
      to: { path: OURS, pathNot: '^functions/(contract|domain)/' },
    },
    {
      name: 'render-imports-domain-and-contract-only',
      severity: 'error',
      comment: 'Rendering is pure: data in, pages, CSV, e-mails and documents out.',
      from: { path: '^functions/render/' },
      to: { path: OURS, pathNot: '^functions/(render|domain|contract)/' },
    },
    {
      name: 'render-has-no-io',
      severity: 'error',
      comment: 'Rendering reads no files and calls no service: whatever it needs comes in as data.',
      from: { path: '^functions/render/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-use-ports',
      severity: 'error',
      comment: 'Use cases reach storage, mail and the bucket only through their ports: never adapters, handlers or AWS.',
      from: { path: '^functions/services/' },
      to: { path: ['^functions/(adapters|handlers)/', '^(web|local|infra)/', '@aws-sdk/', '@middy/'] },
    },
    {
      name: 'adapters-below-handlers',
      severity: 'error',
      comment: 'Adapters implement ports; they do not reach up into entry points.',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/handlers/' },
    },
    {
      name: 'functions-never-import-web-or-local',
      severity: 'error',
      comment: 'What runs on Lambda never depends on the browser apps, the local runtime, the CDK app, benches or tests.',
      from: { path: '^functions/' },
      to: { path: '^(web|local|infra|bench|test|bin)/' },
    },
    {
      name: 'browser-stays-in-the-browser',
      severity: 'error',
      comment: 'The form and the review page import the domain, the contract and rendering only: never use cases, adapters, handlers, AWS, middy or Node.',
      from: { path: BROWSER },
      to: { path: ['^functions/(services|adapters|handlers)/', '^(local|infra|bench|test)/', '@aws-sdk/', '@middy/'] },
    },
    {
      name: 'browser-has-no-node',
      severity: 'error',
      comment: 'Browser bundles cannot load Node built-ins.',
      from: { path: BROWSER },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nothing-outside-the-repository',
      severity: 'error',
      comment: 'Every import resolves inside the repository or to an installed package.',
      from: {},
      // aws-lambda is @types/aws-lambda: types only, nothing to resolve at run time.
      to: { couldNotResolve: true, pathNot: '^aws-lambda$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|cdk\\.out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
