/** The composition root: one store and clock per Lambda container (or local server process). */
import { config } from '../adapters/config.js';
import { DynamoDbFilingStore, createDocumentClient } from '../adapters/dynamodb-filing-store.js';
import { DynamoDbReviewStore } from '../adapters/dynamodb-review-store.js';
import type { Clock, FilingStore } from '../services/ports.js';
import type { ReviewStore } from '../services/review-ports.js';

export interface Runtime {
  store: FilingStore;
  clock: Clock;
  /** region settings (the publish gate), return and approval, the board's extra reads */
  settings: ReviewStore;
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  if (!current) {
    const cfg = config();
    const db = createDocumentClient(cfg);
    current = {
      store: new DynamoDbFilingStore(db, cfg.NIANBAO_TABLE),
      settings: new DynamoDbReviewStore(db, cfg.NIANBAO_TABLE),
      clock: () => new Date(),
    };
  }
  return current;
}
