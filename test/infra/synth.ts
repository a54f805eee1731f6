/**
 * Synthesizes the app for the infra tests: no bundling (the code assets are placeholders; bundles
 * have their own test), no stack traces in metadata, fixed static files, cdk-nag registered as in
 * `npm run synth` (an unacknowledged finding fails the synth). One synth per test file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addNagChecks, addStacks, type NianbaoStacks } from '../../infra/app.js';
import type { SiteFile } from '../../infra/constructs/site-files.js';
import type { EventRole } from '../../infra/handler-catalog.js';
import type { StageConfig } from '../../infra/stage-config.js';

export const FIXTURE_FILES: readonly SiteFile[] = [
  { key: 'file/index.html', body: '<!doctype html><title>填报</title>', contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=60' },
  { key: 'file/form.js', body: 'export {}', contentType: 'text/javascript; charset=utf-8', cacheControl: 'public, max-age=60' },
  { key: 'assets/site.css', body: 'body{}', contentType: 'text/css; charset=utf-8', cacheControl: 'public, max-age=3600' },
];

export interface Synthesized extends NianbaoStacks {
  app: App;
  stateful: NianbaoStacks['stateful'];
  statefulTemplate: Template;
  statelessTemplate: Template;
  /** cdk.out/validation-report.json: one report per validation plugin (cdk-nag, CDK's own) */
  validation: { pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string }[] }[] };
}

export function synth(config: StageConfig, eventHandlers?: Partial<Record<EventRole, string>>): Synthesized {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [], 'aws:cdk:disable-stack-trace': true },
  });
  const stacks = addStacks(app, config, { files: FIXTURE_FILES, ...(eventHandlers ? { eventHandlers } : {}) });
  addNagChecks(app);
  const assembly = app.synth();
  const report = join(assembly.directory, 'validation-report.json');
  if (!existsSync(report)) throw new Error('no validation report: were the plugins registered?');
  return {
    app,
    validation: JSON.parse(readFileSync(report, 'utf8')),
    ...stacks,
    statefulTemplate: Template.fromStack(stacks.stateful),
    statelessTemplate: Template.fromStack(stacks.stateless),
  };
}

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }>;

/** The resources of one type, by logical id. */
export function resourcesOf(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** Every IAM policy statement of the template's AWS::IAM::Policy resources, with the policy's logical id. */
export function policyStatements(template: Template): { policy: string; statement: { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown } }[] {
  const out = [];
  for (const [policy, resource] of Object.entries(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const document = resource.Properties?.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown; Effect: string }[] };
    for (const statement of document.Statement) out.push({ policy, statement });
  }
  return out;
}

export const actionsOf = (statement: { Action: string | string[] }): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
