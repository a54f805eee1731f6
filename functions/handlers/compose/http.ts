/**
 * The HTTP entry points' composition root: the only place their adapters are built. Routes get
 * them through `authenticatedRoute` (http-stack.ts); the CLI uses `httpDepsFor`.
 */
import { settings, type Settings } from '../../settings.js';
import type { ReviewDeps } from '../../services/review.js';
import { DynamoDbFilingStore, createDocumentClient } from '../../adapters/dynamodb-filing-store.js';
import { DynamoDbReviewStore } from '../../adapters/dynamodb-review-store.js';
import type { Clock, FilingStore } from '../../services/ports.js';
import type { ReviewStore } from '../../services/review-ports.js';
import { DynamoDbSignInStore } from '../../adapters/dynamodb-sign-in-store.js';
import { SesMailer, createSesClient } from '../../adapters/ses-mailer.js';
import type { SignInDeps } from '../../services/sign-in.js';
import type { SignInStore } from '../../services/sign-in-ports.js';
import { DynamoDbRegistryStore } from '../../adapters/dynamodb-registry-store.js';
import { DynamoDbReminderStore } from '../../adapters/dynamodb-reminder-store.js';
import type { RegistryStore } from '../../services/registry-ports.js';
import type { RegistryDeps } from '../../services/registry.js';
import type { ReminderStore } from '../../services/reminder-ports.js';
import { openYearsForAgency } from '../../services/reporting-years.js';
import { storeProbes, type StoreProbes } from '../../adapters/store-probes.js';
import { DynamoDbStampedCopyStore } from '../../adapters/dynamodb-stamped-copy-store.js';
import type { StampedCopyStore } from '../../services/stamped-copy-ports.js';

export interface Runtime {
  store: FilingStore;
  clock: Clock;
  /** region settings (the publish gate), return and approval, the board's extra reads */
  settings: ReviewStore;
  /** sign-in registrations, codes and limit counters */
  signIn: SignInStore;
  /** the registry's reads and transactional writes (review page) */
  registry: RegistryStore;
  /** the reporting years a newly registered agency owes */
  years: ReminderStore;
  /** the stamped copies' records (revision, the board's index); the files: compose/stamped-files.ts */
  stamped: StampedCopyStore;
}

/** The HTTP routes' adapters for explicit settings (the CLI builds its own from these too). */
export function httpDepsFor(cfg: Settings): Runtime {
  const db = createDocumentClient(cfg);
  return {
    store: new DynamoDbFilingStore(db, cfg.NIANBAO_TABLE),
    settings: new DynamoDbReviewStore(db, cfg.NIANBAO_TABLE),
    signIn: new DynamoDbSignInStore(db, cfg.NIANBAO_TABLE),
    registry: new DynamoDbRegistryStore(db, cfg.NIANBAO_TABLE),
    years: new DynamoDbReminderStore(db, cfg.NIANBAO_TABLE),
    stamped: new DynamoDbStampedCopyStore(db, cfg.NIANBAO_TABLE),
    clock: () => new Date(),
  };
}

let current: Runtime | undefined;

/** One store and clock per Lambda container (or local server process), from the process's settings. */
export function runtime(): Runtime {
  current ??= httpDepsFor(settings());
  return current;
}

/** The reviewer routes' dependencies: the runtime plus the deadline policy (for the board). */
export function reviewDeps(deps: Runtime): ReviewDeps {
  return { ...deps, policy: settings().NIANBAO_REMINDER_POLICY };
}

let signIn: SignInDeps | undefined;

/** The sign-in routes' dependencies: the runtime's store and clock, the sign-in table items, SES. */
export function signInDeps(deps: Runtime, cfg: Settings = settings()): SignInDeps {
  signIn ??= {
    store: deps.store,
    clock: deps.clock,
    signIn: deps.signIn,
    mailer: new SesMailer(createSesClient(cfg), cfg.NIANBAO_MAIL_FROM, cfg.NIANBAO_SES_CONFIGURATION_SET),
    config: { publicUrl: cfg.NIANBAO_PUBLIC_URL, sessionHours: cfg.NIANBAO_SESSION_HOURS },
  };
  return signIn;
}

/** The registry routes' dependencies: a new or reactivated agency owes the years already opened. */
export function registryDeps(deps: Runtime, cfg: Settings = settings()): RegistryDeps {
  const policy = cfg.NIANBAO_REMINDER_POLICY;
  return {
    store: deps.store,
    registry: deps.registry,
    signIn: deps.signIn,
    clock: deps.clock,
    openYears: (agency) => openYearsForAgency(deps.years, policy, agency, deps.clock().toISOString()),
  };
}

let probes: StoreProbes | undefined;

/** GET /api/health's checks, one set per process: the stand-ins' table and bucket; none on AWS. */
export function healthChecks(cfg: Settings = settings()): StoreProbes {
  probes ??= storeProbes(cfg);
  return probes;
}
