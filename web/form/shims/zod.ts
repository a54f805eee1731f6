/**
 * The browser build's `zod`: zod's own classic schemas, only the constructors the domain calls.
 * `import { z } from 'zod'` drags in every locale and the JSON-schema tooling (≈100 KB gzipped
 * against ≈15 KB). Same classes, same behaviour: the domain's schemas parse as on the server.
 * The build fails on any "no matching export" warning, so a new constructor in the domain is
 * caught there: add it to this list.
 */
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  literal,
  null,
  number,
  object,
  partialRecord,
  record,
  strictObject,
  string,
  unknown,
  union,
} from '../../../node_modules/zod/v4/classic/schemas.js';
export * as z from './zod.js';
