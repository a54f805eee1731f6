/**
 * Some PDF producers (Chromium with Noto CJK among them) map common characters to the
 * look-alike code points of the Kangxi Radicals and CJK Radicals Supplement blocks in the
 * text layer: "⼈⺠政府" for 人民政府. Labels would never match, so they are mapped back: Kangxi
 * radicals by Unicode's own compatibility mapping (NFKC), the supplement by this table of the
 * forms that stand for an ordinary character.
 */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    '⺁厂', '⺇几', '⺊卜', '⺌小', '⺎兀', '⺒巳', '⺓幺', '⺝月', '⺞歹', '⺟母', '⺠民', '⺩王', '⺪疋',
    '⺫罒', '⺬示', '⺮竹', '⺶羊', '⺻聿', '⺼月', '⻁虎', '⻄西', '⻅见', '⻆角', '⻉贝', '⻊足', '⻋车',
    '⻑長', '⻓长', '⻔门', '⻗雨', '⻘青', '⻚页', '⻛风', '⻜飞', '⻝食', '⻢马', '⻣骨', '⻤鬼', '⻥鱼',
    '⻦鸟', '⻧卤', '⻨麦', '⻩黄', '⻬齐', '⻮齿', '⻰龙', '⻳龟',
  ].map((pair) => [pair[0]!, pair[1]!]),
);

const RADICAL = /[\u2E80-\u2EFF\u2F00-\u2FDF]/g;

export function normaliseRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? ch.normalize('NFKC'));
}
