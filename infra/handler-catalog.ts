/**
 * Which handler modules become Lambdas, and what each may touch. HTTP routes come from
 * functions/handlers/routes.ts (one Lambda per route module); event handlers are wired only when
 * their entry file exists, so the infrastructure follows the code without stub handlers.
 */
import { ROUTES } from '../functions/handlers/routes.js';
import { handlerExists } from './constructs/handler-function.js';
import type { TableAccess } from './constructs/table-access.js';

/**
 * Least privilege per route module. A route missing here gets read/write and a synth warning
 * (`nianbao:route-access`), which the infra tests turn into a failure.
 */
export const ROUTE_ACCESS: Readonly<Record<string, TableAccess>> = {
  health: 'none',
  'get-filing': 'read',
  'list-region-filings': 'read',
  'save-draft': 'readWrite',
  'submit-filing': 'readWrite',
  'review-board': 'read',
  'review-filing': 'read',
  'region-rollup': 'read',
  'return-filing': 'readWrite',
  'approve-filing': 'readWrite',
  'sign-in-code': 'readWrite',
  'sign-in-verify': 'readWrite',
  'sign-out': 'readWrite',
  registry: 'read',
  'agency-save': 'readWrite',
  'agency-status': 'readWrite',
  'agency-sign-out': 'readWrite',
  'agencies-import': 'readWrite',
  reviewers: 'readWrite',
  'stamped-copy-upload': 'read',
  'stamped-copy-confirm': 'readWrite',
  'region-settings': 'readWrite',
};

/**
 * The private bucket (stamped copies), per route module, on `stamped-copies/*` only: presigning
 * needs the signer's own right to the action (a presigned PUT acts with the function's role).
 * ListBucket lets a confirmation of a missing object see a 404 rather than a 403.
 */
export const PRIVATE_BUCKET_ACCESS: Readonly<Record<string, { objects: readonly string[]; list?: boolean }>> = {
  'stamped-copy-upload': { objects: ['s3:PutObject'] },
  'stamped-copy-confirm': { objects: ['s3:GetObject', 's3:DeleteObject'], list: true },
  'review-filing': { objects: ['s3:GetObject'] },
};

/** Route modules that send mail (the sign-in code): granted SES send and given the sender. */
export const MAILING_ROUTES: readonly string[] = ['sign-in-code'];

/** Event handler modules, by role (docs/architecture.md, the flows). */
export const EVENT_HANDLERS = {
  /** table stream → site bucket */
  publish: 'publish-stream',
  /** table stream → failed-check e-mails */
  notify: 'notify-stream',
  /** daily schedule → reminder e-mails */
  remind: 'remind',
  /** schedule every 5 minutes → the repair pass (accepted revisions still without a page) */
  repair: 'repair',
  /** SES bounces and complaints via SNS */
  bounce: 'ses-events',
} as const;
export type EventRole = keyof typeof EVENT_HANDLERS;

export interface RouteModule {
  module: string;
  routes: { method: 'GET' | 'PUT' | 'POST'; path: string }[];
}

/** Route modules in ROUTES order, each with its routes (a module may serve several). */
export function routeModules(): RouteModule[] {
  const byModule = new Map<string, RouteModule>();
  for (const route of ROUTES) {
    const entry = byModule.get(route.module) ?? { module: route.module, routes: [] };
    entry.routes.push({ method: route.method, path: route.path });
    byModule.set(route.module, entry);
  }
  return [...byModule.values()];
}

/** The event handlers whose entry file exists. */
export function presentEventHandlers(exists: (module: string) => boolean = handlerExists): Partial<Record<EventRole, string>> {
  const present: Partial<Record<EventRole, string>> = {};
  for (const [role, module] of Object.entries(EVENT_HANDLERS) as [EventRole, string][]) {
    if (exists(module)) present[role] = module;
  }
  return present;
}

/** `submit-filing` → `SubmitFiling`, for construct ids. */
export const pascal = (module: string): string =>
  module.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase());
