/** The composition root: one store and clock per Lambda container (or local server process). */
import { config } from '../adapters/config.js';
import { DynamoDbFilingStore, createDocumentClient } from '../adapters/dynamodb-filing-store.js';
import type { Clock, FilingStore } from '../services/ports.js';

export interface Runtime {
  store: FilingStore;
  clock: Clock;
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  if (!current) {
    const cfg = config();
    current = { store: new DynamoDbFilingStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE), clock: () => new Date() };
  }
  return current;
}
