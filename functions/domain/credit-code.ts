/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, Z, S,
 * V); the 18th is a check character over the first 17. Pure: also bundled into the browser.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or undefined if they are not well-formed. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i]!);
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'length' | 'characters' | 'check';

/** Why a code is not a valid 统一社会信用代码, or undefined if it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? undefined : 'check';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}

/** A Chinese sentence for a problem, for import reports and API errors. */
export function creditCodeMessage(code: string, problem: CreditCodeProblem): string {
  switch (problem) {
    case 'length':
      return `统一社会信用代码“${code}”应为18位，实为${code.length}位`;
    case 'characters':
      return `统一社会信用代码“${code}”含有不允许的字符（只允许数字和除 I、O、Z、S、V 以外的大写字母，第3至8位为行政区划代码）`;
    case 'check':
      return `统一社会信用代码“${code}”校验位错误，应为“${creditCodeCheckCharacter(code.slice(0, 17))}”`;
  }
}

/** Completes 17 characters with their check character (for demo data and tests). */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === undefined) throw new Error(`not a credit code body: ${first17}`);
  return first17 + check;
}
