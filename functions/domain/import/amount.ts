/**
 * Money amounts as printed (`75394432.52元`, `7.5亿元`, `7539.44万元`) → the model's unit, 万元,
 * by moving the decimal point on the digits themselves: no binary floating point in between,
 * so `75394432.52元` is exactly `7539.443252`.
 */
export type AmountUnit = '元' | '万元' | '亿元';

/** Powers of ten from the unit to 万元. */
const SHIFT: Record<AmountUnit, number> = { 元: -4, 万元: 0, 亿元: 4 };
const WITH_UNIT = /^(?:人民币|¥)?(.*?)(万元|亿元|元)$/;
/** A unit named in a header or label: （单位：元）, (万元), 金额（亿元）. */
const UNIT_IN_LABEL = /[（(](?:单位[:：])?\s*(万元|亿元|元)\s*[)）]/;

/** `12.5万元` → digits `12.5`, unit `万元`; text without a unit comes back as it is. */
export function splitAmountUnit(text: string): { digits: string; unit?: AmountUnit } {
  const match = WITH_UNIT.exec(text);
  if (!match) return { digits: text.replace(/^¥/, '') };
  return { digits: match[1]!, unit: match[2] as AmountUnit };
}

/** The unit a header or row label names, if any. */
export function unitInLabel(text: string): AmountUnit | undefined {
  // Every unit ends in 元, and no other character becomes 元 under NFKC: most labels stop here.
  if (!text.includes('元')) return undefined;
  return UNIT_IN_LABEL.exec(text.normalize('NFKC').replace(/\s+/g, ''))?.[1] as AmountUnit | undefined;
}

/** A plain decimal (`-1234.5`) in `unit` → the same amount in 万元, as a canonical decimal string. */
export function amountInWan(decimal: string, unit: AmountUnit): string {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!match) throw new Error(`not a decimal: ${decimal}`);
  const sign = match[1] === '-' ? '-' : '';
  const digits = `${match[2] ?? ''}${match[3] ?? ''}`;
  // Where the decimal point falls in `digits` once the unit is applied.
  let point = (match[2] ?? '').length + SHIFT[unit];
  let all = digits;
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += '0'.repeat(point - all.length);
  const whole = all.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = all.slice(point).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return text === '0' ? '0' : sign + text;
}
