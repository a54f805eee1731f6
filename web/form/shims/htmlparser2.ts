/**
 * The browser build's `htmlparser2`: only what the importer uses (parseDocument, DomHandler for
 * the Office XML reader, and three DomUtils predicates). The package's DomUtils namespace pulls
 * in dom-serializer and the entity encoder, ≈30 KB gzipped the form never runs.
 */
import { DomHandler, isTag, isText, type DomHandlerOptions } from 'domhandler';
import { Parser, type ParserOptions } from '../../../node_modules/htmlparser2/dist/esm/Parser.js';
import { findOne } from '../../../node_modules/domutils/lib/esm/querying.js';

export function parseDocument(data: string, options?: ParserOptions & DomHandlerOptions) {
  const handler = new DomHandler(undefined, options);
  new Parser(handler, options).end(data);
  return handler.root;
}

export { DomHandler };

export const DomUtils = { isTag, isText, findOne };
