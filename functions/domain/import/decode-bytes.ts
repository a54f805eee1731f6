/**
 * Turns a file's bytes into text. Agencies' pages and Word exports are often GBK/GB18030
 * rather than UTF-8: a byte sequence that is not valid UTF-8 is read as GB18030 (a superset of
 * GBK and GB2312). Uses TextDecoder, so it works in Node and in the browser alike.
 */
export function decodeReportBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
