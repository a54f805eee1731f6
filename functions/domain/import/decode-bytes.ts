/**
 * Turns a file's bytes into text. Agencies' pages and Word exports are often GBK/GB18030
 * rather than UTF-8: a byte sequence that is not valid UTF-8 is read as GB18030 (a superset of
 * GBK and GB2312); "Unicode" text saved by Notepad is UTF-16 with a byte-order mark. Uses
 * TextDecoder, so it works in Node and in the browser alike.
 */
export function decodeReportBytes(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  return text.replace(/^\uFEFF/, '');
}
