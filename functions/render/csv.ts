/**
 * CSV as Excel and WPS read it: UTF-8 with a BOM (else they guess GBK and show mojibake),
 * CRLF line ends, RFC 4180 quoting, and text that a spreadsheet would run as a formula
 * defused with a leading apostrophe (OWASP's CSV injection advice).
 */

export const BOM = '\uFEFF';

/** A field that is text from somebody (never a number we formatted). */
export function textField(text: string): string {
  const defused = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text;
  return quote(defused);
}

/** A field we produced ourselves from a number: never defused, so negatives stay numbers. */
export function numberField(text: string): string {
  return quote(text);
}

function quote(field: string): string {
  return /[",\r\n]|^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Joins rows of already-encoded fields, with the BOM in front. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}
