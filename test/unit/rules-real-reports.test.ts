/**
 * Precision on real published reports: each new rule stays silent on the reports as published
 * (controls) and fires on an edited copy carrying the one defect it is about.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WARNING_RULES, type Finding } from '../../functions/domain/finding.js';
import { importReport } from '../../functions/domain/import/import-report.js';
import type { Report, TableData } from '../../functions/domain/report.js';
import { narrativeClaims } from '../../functions/domain/rules/narrative-claims.js';
import { validateReport, type ValidationContext } from '../../functions/domain/validate-report.js';
import { huaian2024, suqian } from '../support/real-reports.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const wangdian = () => importReport(fixture('wangdian-2023-report.txt'));
const trial = () => importReport(fixture('trial-2019-report.txt'));

// the rules issue 15 added (rollup.mismatch is not one of validateReport's)
const EARLIER = ['overview.length', 'scope.regulations', 'narrative.mismatch', 'text.repeated', 'rollup.mismatch'];
const NEW_RULES: readonly string[] = WARNING_RULES.filter((r) => !EARLIER.includes(r));

const rules = (findings: readonly Finding[]) => findings.map((f) => f.rule).sort();
const of = (report: Report, rule: string, context: ValidationContext = {}) =>
  validateReport(report, context).filter((f) => f.rule === rule);
const table = (report: Report, path: 'applications' | 'appeals') => report.sections[path] as TableData;
const proactive = (report: Report) => report.sections.proactive as Record<string, TableData>;

describe('the real reports as published', () => {
  it('淮安市人民政府 2024: the text’s figures are all read and all match; only the overview’s length is noted', () => {
    const report = huaian2024();
    // the silence means something only if the claims were read
    expect(narrativeClaims(report.sections.overview).map((c) => `${c.subject}=${c.value}`)).toEqual([
      'applications=3119',
      'handled=3050',
      'carriedOver=34',
      'carriedForward=103',
      'review=351',
      'litigation=46',
    ]);
    // 一、总体情况 runs to about 1,290 characters; the notice asks for 原则上不超过一千字: a
    // reviewer would note it too.
    expect(rules(validateReport(report))).toEqual(['overview.length']);
  });

  it('宿迁市 2024 against 2023: 复议134件 / 诉讼57件 against 170 and 77; continuity and 现行有效 hold', () => {
    const report = suqian(2024);
    const findings = validateReport(report, { previous: suqian(2023) });
    // the two figures the comparison tool also found wrong; 一、总体情况 runs past 一千字 (as 淮安's)
    expect(rules(findings)).toEqual(['narrative.mismatch', 'narrative.mismatch', 'overview.length']);
    const mismatches = findings.filter((f) => f.rule === 'narrative.mismatch');
    expect(mismatches.map((f) => [f.actual, f.expected])).toEqual([
      [134, 170],
      [57, 77],
    ]);
    expect(mismatches[0]!.message).toContain('行政复议案件134件');
    expect(mismatches[0]!.message).toContain('170');
    expect(mismatches[1]!.message).toContain('77');
  });

  it('宿迁市 2023: its 收办3607件 (3511 new + 96 carried over) and the six result groups match', () => {
    const report = suqian(2023);
    expect(narrativeClaims(report.sections.overview).length).toBeGreaterThanOrEqual(8);
    // every figure read matches; only the overview's length (over 一千字) is worth a reviewer's note
    expect(rules(validateReport(report))).toEqual(['overview.length']);
  });

  it('王店镇 2023: only 六 saying “无” instead of whether 信息处理费 was collected', () => {
    expect(validateReport(wangdian())).toEqual([
      expect.objectContaining({ rule: 'other.fee-report', severity: 'warning', path: 'other', actual: '无' }),
    ]);
  });

  it('平川县自然资源局 2020 (trial format): nothing', () => {
    expect(validateReport(trial())).toEqual([]);
  });

  it('no new rule fires on any of them', () => {
    expect(NEW_RULES).toHaveLength(6);
    const all: [Report, ValidationContext][] = [
      [huaian2024(), {}],
      [suqian(2023), {}],
      [suqian(2024), { previous: suqian(2023) }],
      [trial(), {}],
    ];
    for (const [report, context] of all) {
      expect(validateReport(report, context).filter((f) => NEW_RULES.includes(f.rule))).toEqual([]);
    }
  });
});

describe('narrative.contradiction on edited copies', () => {
  it('“均已办结” while 103 applications go on to next year', () => {
    const report = huaian2024();
    report.sections.overview += '全年受理的政府信息公开申请均已办结。';
    const [finding] = of(report, 'narrative.contradiction');
    expect(finding).toMatchObject({ path: 'overview', label: '一、总体情况', expected: 103, actual: '均已办结' });
    expect(finding!.message).toContain('结转下年度继续办理');
  });

  it('“均已在法定期限内办结” says all settled too', () => {
    const report = huaian2024();
    report.sections.overview += '今年收到的申请均已在法定期限内办结。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103, actual: '均已在法定期限内办结' })]);
  });

  it('“均被维持” while 表四 has corrected and pending cases', () => {
    const report = suqian(2024);
    report.sections.overview += '政府信息公开行政复议、行政诉讼案件均被维持。';
    // 纠正 18 + 0 + 0, 尚未审结 36 + 7 + 13
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 74, actual: '均被维持' })]);
  });

  it('“均获维持” (上海市政府办公厅 2019: "信息公开类行政复议7件，诉讼9件，均获维持") while 表四 has corrected cases', () => {
    const report = suqian(2024);
    report.sections.overview += '信息公开类行政复议134件，诉讼57件，均获维持。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ actual: '均获维持' })]);
  });

  it('“未发生…行政诉讼” while 表四 counts 46 suits', () => {
    const report = huaian2024();
    report.sections.overview += '本年度未发生政府信息公开行政诉讼案件。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 46, actual: 0 })]);
  });

  it('“未受理到依申请公开件” while 表三 counts one', () => {
    const report = wangdian();
    const data = table(report, 'applications');
    for (const row of ['newReceived', 'disclosed', 'resultsTotal']) {
      data[row]!.natural = 1;
      data[row]!.total = 1;
    }
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 1, actual: 0 })]);
  });

  it.each(['今年收到申请若干，上年度无结转申请。', '今年有2件申请正在办理，其余均已办结。', '今年的申请除2件外均已办结。'])(
    'silent on “%s” (none carried over from last year; some admitted pending)',
    (sentence) => {
      const report = huaian2024();
      report.sections.overview += sentence;
      expect(of(report, 'narrative.contradiction')).toEqual([]);
    },
  );

  it('fires on this year’s “均已办结” after last year’s none', () => {
    const report = huaian2024();
    report.sections.overview += '上年无结转，今年的申请均已办结。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103, actual: '均已办结' })]);
  });

  it('silent on “上年结转的申请均已办结” and on upheld-only appeals', () => {
    const report = huaian2024();
    report.sections.overview += '上年结转的政府信息公开申请均已办结。';
    expect(of(report, 'narrative.contradiction')).toEqual([]);
    report.sections.overview += '截至目前，上述申请已全部办结。';
    expect(of(report, 'narrative.contradiction')).toEqual([]);
    const upheld = suqian(2024);
    const appeals = table(upheld, 'appeals');
    for (const row of ['review', 'litigationDirect', 'litigationAfterReview']) {
      appeals[row] = { upheld: 5, corrected: 0, other: 0, pending: 0, total: 5 };
    }
    upheld.sections.overview += '政府信息公开行政复议案件均被维持。';
    expect(of(upheld, 'narrative.contradiction')).toEqual([]);
  });
});

describe('text.stale-year on edited copies', () => {
  it('fires on the overview opening with last year', () => {
    const report = huaian2024();
    report.sections.overview = report.sections.overview.replace(/^2024 年，/u, '2023 年，');
    expect(of(report, 'text.stale-year')).toEqual([
      expect.objectContaining({ path: 'overview', expected: '2024年', actual: '2023年' }),
    ]);
  });

  it('fires on “现将…2022年度…报告如下” and on a stale 统计期限 in a 2023 report', () => {
    const report = wangdian();
    report.sections.overview = report.sections.overview.replace('现将我镇 2023 年度', '现将我镇 2022 年度');
    expect(of(report, 'text.stale-year')[0]!.message).toContain('2022');
    const period = wangdian();
    period.sections.overview = `本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。${period.sections.overview}`;
    expect(of(period, 'text.stale-year')).toHaveLength(1);
  });

  it('reads the 导语: the import keeps its statements of the period at the head of the overview', () => {
    // a 导语 between the title and 一、总体情况, as most published reports have
    const withPreface = (preface: string) =>
      importReport(fixture('wangdian-2023-report.txt').replace('\n### 一、总体情况', `\n${preface}\n\n### 一、总体情况`));
    const preface = (year: number) =>
      `根据《中华人民共和国政府信息公开条例》规定，现公布王店镇${year}年政府信息公开工作年度报告。本报告所列数据统计期限自${year}年1月1日起至${year}年12月31日止。如对本报告有疑问，请与镇党政办联系。`;
    const current = withPreface(preface(2023));
    expect(current.sections.overview).toMatch(/^根据《中华人民共和国政府信息公开条例》规定，现公布王店镇2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n\n在县委、县政府/u);
    expect(of(current, 'text.stale-year')).toEqual([]);
    // last year's 导语 copied: the report's title says 2023
    const copied = withPreface(preface(2022));
    expect(copied.year).toBe(2023);
    expect(of(copied, 'text.stale-year')).toEqual([
      expect.objectContaining({ path: 'overview', expected: '2023年', actual: '2022年' }),
    ]);
    // a sentence wrapped over lines (a PDF's text layer) is read whole; the title line is not joined to it
    const wrapped = withPreface('本报告由王店镇人民政府根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自2022年\n1月1日起至2022年12月31日止。');
    expect(wrapped.sections.overview).toMatch(/^本报告由王店镇人民政府根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限自2022年1月1日起至2022年12月31日止。\n\n/u);
    expect(of(wrapped, 'text.stale-year')).toEqual([expect.objectContaining({ actual: '2022年' })]);
    // a page's chrome before the 导语 is not joined to it
    const chrome = withPreface('来源：原创 发布时间：2024-01-31 13:24 浏览次数：次\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。');
    expect(chrome.sections.overview).toMatch(/^本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n\n在县委/u);
    // the overview's own first words are still read after the 导语's sentence
    const opening = wangdian();
    opening.sections.overview = `本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n\n2022年，我镇高度重视政府信息公开工作。${opening.sections.overview}`;
    expect(of(opening, 'text.stale-year')).toEqual([expect.objectContaining({ actual: '2022年' })]);
  });

  it('reads the year’s end that opens the overview or a paragraph (截至2022年12月31日，) as the period', () => {
    const opening = (text: string) => {
      const report = wangdian();
      report.sections.overview = text;
      return of(report, 'text.stale-year');
    };
    expect(opening('截至2022年12月31日，我镇本年度主动公开政府信息31条。')).toEqual([expect.objectContaining({ actual: '2022年' })]);
    expect(opening('（一）主动公开\n截至2022年底，我镇主动公开政府信息31条。')).toEqual([expect.objectContaining({ actual: '2022年' })]);
    expect(opening('2023年，我镇认真落实《条例》。\n（二）依申请公开。截至2022年12月31日，共收到申请3件。')).toEqual([
      expect.objectContaining({ actual: '2022年' }),
    ]);
    // the report's own year, or a date inside a sentence, is not a finding
    expect(opening('截至2023年12月31日，我镇本年度主动公开政府信息31条。')).toEqual([]);
    expect(opening('2023年，我镇认真落实《条例》，截至2022年12月31日的规范性文件已清理。')).toEqual([]);
  });

  it('reads the period as real 导语s phrase it: 统计数据的期限, 统计数据从, the agency between the year and the report', () => {
    // 濂溪区 2024, 晋安区 2016 and 龙潭区 2017's 导语s, with the reference township's year
    const phrasings = (year: number) => [
      `本报告所列统计数据的期限自${year}年1月1日起，至${year}年12月31日止。`,
      `本报告统计数据从${year}年1月1日至${year}年12月31日止。`,
      `根据《条例》的规定，我镇特向社会公布${year}年度王店镇政府信息公开年度报告。`,
      // 利辛县望疃镇 2023 and 昭化区 2023's
      `根据《条例》规定，现发布《王店镇${year}年政府信息公开工作年度报告》。`,
      `本报告所列数据的统计周期为${year}年1月1日至${year}年12月31日。`,
      // 八楞乡 2021 and 嵩明县卫生健康局 2025 say 汇报如下; 黄腊乡 2021 names a 统计时段
      `现将本镇${year}年政务公开工作汇报如下：`,
      `除另有说明外，本报告数据的统计时段为${year}年1月1日至${year}年12月31日。`,
      // the whole year named, without its first and last days
      `本报告统计期限为${year}年度。`,
      // 翔安区应急管理局 2022: 起止 between 统计 and 时间
      `本报告数据统计起止时间为${year}年1月1日至${year}年12月31日。`,
      // an agency's long name between 现将 and the year
      `现将国家税务总局宿迁市宿城区税务局第一税务分局（办税服务厅）${year}年度政府信息公开工作情况报告如下：`,
      `现公布杭州市余杭区司法局（区行政复议局）机关事务中心${year}年政府信息公开工作年度报告。`,
    ];
    const withPreface = (preface: string) => {
      const report = wangdian();
      report.sections.overview = `${preface}\n\n${report.sections.overview}`;
      return report;
    };
    for (const [k, stale] of phrasings(2022).entries()) {
      expect(of(withPreface(stale), 'text.stale-year'), stale).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
      expect(of(withPreface(phrasings(2023)[k]!), 'text.stale-year')).toEqual([]);
    }
    // 统计 elsewhere is not the report's period: "据统计，2022年1月1日起施行的…"
    expect(of(withPreface('据统计，2022年1月1日起施行的《办法》已全面落实。'), 'text.stale-year')).toEqual([]);
    expect(of(withPreface('统计数据显示，2022年1月1日至今共公开信息300条。'), 'text.stale-year')).toEqual([]);
    // last year's report published this year is an event, not the report's period
    expect(of(withPreface('按时编制发布2022年政府信息公开工作年度报告。'), 'text.stale-year')).toEqual([]);
  });

  it('reads the first words under the overview’s first sub-heading (区统计局 2023, 和顺街道 2023) and after 在', () => {
    const opening = (text: string) => {
      const report = wangdian();
      report.sections.overview = `${text}\n\n${report.sections.overview}`;
      return of(report, 'text.stale-year');
    };
    for (const heading of ['（一）主动公开情况\n\n', '（一）主动公开方面。', '(一)主动公开：']) {
      expect(opening(`${heading}2022年，我镇主动公开信息40条。`), heading).toEqual([expect.objectContaining({ actual: '2022年' })]);
      expect(opening(`${heading}2023年，我镇主动公开信息40条。`), heading).toEqual([]);
    }
    // "在2022年，…" opens with the year as well (平阴县卫生健康局 2024)
    expect(opening('在2022年，我镇主动公开信息40条。')).toEqual([expect.objectContaining({ actual: '2022年' })]);
    expect(opening('在2023年，我镇主动公开信息40条。')).toEqual([]);
    expect(opening('在2022年基础上，我镇主动公开信息增加了。')).toEqual([]);
    // after the 导语's period, too
    expect(opening('本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n\n（一）主动公开情况\n\n2022年，我镇主动公开信息40条。')).toEqual([
      expect.objectContaining({ actual: '2022年' }),
    ]);
    // a comparison after the sub-heading is no finding
    expect(opening('（一）主动公开情况\n\n与2022年相比，公开信息有所增加。')).toEqual([]);
  });

  it('reads a later paragraph of the overview that opens with an earlier year (云湖桥镇 2023 as published)', () => {
    const withParagraph = (paragraph: string) => {
      const report = wangdian();
      report.sections.overview = `${report.sections.overview}\n\n${paragraph}`;
      return of(report, 'text.stale-year');
    };
    for (const paragraph of [
      '2022年，我镇主动公开政府信息223条。',
      '（二）依申请公开情况\n\n2022年，我镇收到申请2件。',
      '（三）政府信息管理方面。2022年度，我镇清理文件12件。',
      '在2022年，我镇更新公开目录。',
    ]) {
      expect(withParagraph(paragraph), paragraph).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
      // the report's own year there is what every real overview read does
      expect(withParagraph(paragraph.replace('2022', '2023')), paragraph).toEqual([]);
    }
    // a plan names a later year; a span or a comparison is not the paragraph's year
    expect(withParagraph('2024年，我镇将进一步规范公开目录。')).toEqual([]);
    expect(withParagraph('2022年以来，我镇持续规范公开目录。')).toEqual([]);
    expect(withParagraph('与2022年相比，公开信息有所增加。')).toEqual([]);
    // 五 may look back at last year's problems at a paragraph's start
    const report = wangdian();
    report.sections.problems = `${report.sections.problems}\n\n2022年，我镇公开栏目更新不够及时，今年已整改。`;
    expect(of(report, 'text.stale-year')).toEqual([]);
  });

  it('reads a numbered point’s year and a year followed by the agency without a comma', () => {
    const overview = (text: string) => {
      const report = wangdian();
      report.sections.overview = text;
      return of(report, 'text.stale-year');
    };
    const stale = [expect.objectContaining({ expected: '2023年', actual: '2022年' })];
    for (const opening of [
      // a numbered point opens the overview
      '1.2022年度，我镇主动公开信息40条。',
      '1、2022年，我镇主动公开信息40条。',
      // the year, then who speaks, without a comma
      '2022年王店镇主动公开信息40条。',
      '2022年我镇主动公开信息40条。',
      '2022年度全镇共收到申请3件。',
      '2022年未收到政府信息公开申请。',
      // the year's end, then who speaks, without a comma
      '截止2022年12月31日我镇共主动公开信息40条。',
    ]) {
      expect(overview(opening), opening).toEqual(stale);
      expect(overview(opening.replace('2022', '2023')), opening).toEqual([]);
      // the same as a later paragraph
      expect(overview(`我镇认真落实《条例》。\n${opening}`), opening).toEqual(stale);
    }
    expect(overview('我镇认真落实《条例》。\n2、依申请公开情况。2022年，我镇收到申请2件。')).toEqual(stale);
    // a span, a month, another body, or a name that is not the agency's: not the text's own period
    for (const text of ['2022年以来，我镇持续规范公开目录。', '2022年12月，我镇更新公开目录。', '2022年市政府出台《办法》。', '2022年李店镇主动公开信息40条。', '2022年我国出台新规。']) {
      expect(overview(`我镇认真落实《条例》。\n${text}`), text).toEqual([]);
    }
  });

  it('reads a sentence inside an overview paragraph that opens with an earlier year and states its figures', () => {
    const inParagraph = (sentence: string) => {
      const report = wangdian();
      report.sections.overview = `2023年，我镇认真落实《条例》。${sentence}我镇将继续做好公开工作。`;
      return of(report, 'text.stale-year');
    };
    for (const sentence of ['2022年，我镇共主动公开信息223条。', '2022年度我镇未收到政府信息公开申请。', '在2022年，全镇办结申请5件。']) {
      expect(inParagraph(sentence), sentence).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
      expect(inParagraph(sentence.replace('2022', '2023')), sentence).toEqual([]);
    }
    // history without figures, a comparison, both years, a sum up to a date, a plan: no finding
    for (const sentence of [
      '2022年，我镇获评政务公开先进单位。',
      '2022年，我镇受理申请8件，今年增加4件。',
      '2022年，我镇受理申请8件，2023年受理12件。',
      '截至2022年底，我镇累计公开信息300条。',
      '2024年，我镇将公开信息300条。',
    ]) {
      expect(inParagraph(sentence), sentence).toEqual([]);
    }
  });

  it('reads the year’s end inside a paragraph when the applications of the year follow it', () => {
    const inParagraph = (sentence: string) => {
      const report = wangdian();
      report.sections.overview = `2023年，我镇共收到申请12件。${sentence}我镇将继续做好公开工作。`;
      return of(report, 'text.stale-year');
    };
    // 北京市交通执法总队 2019 ("截至2019年12月31日，17件申请全部办结") and 黄石市卫健委 2019 with last year's date
    for (const sentence of ['截至2022年12月31日，12件申请全部办结。', '截止2022年12月31日，未收到政府信息公开申请。']) {
      expect(inParagraph(sentence), sentence).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
      expect(inParagraph(sentence.replace('2022', '2023')), sentence).toEqual([]);
    }
    // a sum, the ones still open, other work up to that date: no finding
    for (const sentence of ['截至2022年底，累计收到申请300件。', '截至2022年12月31日，尚有1件申请未办结。', '截至2022年12月31日，我镇主动公开信息40条。', '截至2022年12月31日，我镇共设申请受理点3个。']) {
      expect(inParagraph(sentence), sentence).toEqual([]);
    }
  });

  it('is silent on comparisons with earlier years and on last year’s figures cited', () => {
    const report = huaian2024();
    report.sections.overview +=
      '全年受理申请数量较2023年增加12%；2023年全市受理申请2890件。按时发布2023年政府信息公开工作年度报告。截至2023年底，累计公开文件1万余件。';
    report.sections.problems = `2023年存在的问题已整改到位。${report.sections.problems}`;
    expect(of(report, 'text.stale-year')).toEqual([]);
    const reference = wangdian();
    expect(of(reference, 'text.stale-year')).toEqual([]);
  });
});

describe('data.repeated', () => {
  it('fires when 表三 and 表四 equal last year’s, figure for figure', () => {
    const report = suqian(2024);
    const previous = suqian(2023);
    previous.sections.applications = structuredClone(report.sections.applications);
    previous.sections.appeals = structuredClone(report.sections.appeals);
    const [finding] = of(report, 'data.repeated', { previous });
    expect(finding).toMatchObject({ severity: 'warning', path: 'applications' });
    expect(finding!.message).toContain('2023');
  });

  it('reads 2020’s trial format against 2021’s: its one 其他处理 row is the three rows of （六） together', () => {
    const report = suqian(2024);
    report.year = 2021;
    const previous = trial();
    previous.year = 2020;
    const now = table(report, 'applications');
    const then = table(previous, 'applications');
    for (const [row, cells] of Object.entries(now)) {
      if (row.startsWith('other')) continue;
      then[row] = { ...cells };
    }
    // last year's 其他处理 is this year's three rows added up, column by column
    then.otherHandling = Object.fromEntries(
      Object.keys(now.otherOther!).map((c) => [c, ['otherOverdueCorrection', 'otherUnpaidFees', 'otherOther'].reduce((sum, r) => sum + (now[r]![c] as number), 0)]),
    );
    previous.sections.appeals = structuredClone(report.sections.appeals);
    expect(of(report, 'data.repeated', { previous })).toEqual([expect.objectContaining({ path: 'applications' })]);
    // one figure of 其他处理 different: no copy
    (then.otherHandling.natural as number) += 1;
    expect(of(report, 'data.repeated', { previous })).toEqual([]);
  });

  it('is silent on the real previous year, and on two years of zeros', () => {
    expect(of(suqian(2024), 'data.repeated', { previous: suqian(2023) })).toEqual([]);
    const previous = wangdian();
    previous.year = 2022;
    expect(of(wangdian(), 'data.repeated', { previous })).toEqual([]);
  });
});

describe('trend.outlier', () => {
  it('fires when last year’s 行政许可 lost a digit (1,573,179 against 180,859)', () => {
    const previous = suqian(2023);
    proactive(previous).licensing!.administrativeLicensing!.decisions = 180859;
    expect(of(suqian(2024), 'trend.outlier', { previous })).toEqual([
      expect.objectContaining({ path: 'proactive.licensing.administrativeLicensing.decisions', actual: 1573179 }),
    ]);
  });

  it('fires on a 行政复议 total thirty times last year’s', () => {
    const report = suqian(2024);
    table(report, 'appeals').review = { upheld: 88, corrected: 18, other: 28, pending: 13066, total: 13200 };
    const [finding] = of(report, 'trend.outlier', { previous: suqian(2023) });
    expect(finding).toMatchObject({ path: 'appeals.review.total', actual: 13200 });
    expect(finding!.message).toContain('440');
  });

  it('is silent on the real change from 2023 to 2024 and on small counts', () => {
    expect(of(suqian(2024), 'trend.outlier', { previous: suqian(2023) })).toEqual([]);
    const previous = suqian(2023);
    table(previous, 'appeals').litigationDirect = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
    table(previous, 'appeals').litigationAfterReview = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
    expect(of(suqian(2024), 'trend.outlier', { previous })).toEqual([]);
  });
});

describe('proactive.in-force', () => {
  it('is silent on 宿迁 (11 + 2 − 1 = 12, 597 + 50 − 227 = 420)', () => {
    expect(of(suqian(2024), 'proactive.in-force', { previous: suqian(2023) })).toEqual([]);
  });

  it('fires on a gap of lapsed documents, naming last year’s, issued and repealed', () => {
    const report = suqian(2024);
    proactive(report).regulations!.normativeDocuments!.inForce = 380;
    const [finding] = of(report, 'proactive.in-force', { previous: suqian(2023) });
    expect(finding).toMatchObject({
      path: 'proactive.regulations.normativeDocuments.inForce',
      label: '第二十条第（一）项 行政规范性文件 / 现行有效件数',
      expected: 420,
      actual: 380,
    });
    expect(finding!.message).toMatch(/597.*50.*227.*420/u);
  });
});

describe('other.fee-report', () => {
  it('fires when 六 names the 办法 but neither an amount nor none', () => {
    const report = huaian2024();
    report.sections.other = '2024 年，市政府严格落实《政府信息公开信息处理费管理办法》。';
    expect(of(report, 'other.fee-report')).toEqual([expect.objectContaining({ path: 'other', severity: 'warning' })]);
    const suqianNone = suqian(2024);
    suqianNone.sections.other = '无';
    expect(of(suqianNone, 'other.fee-report')).toHaveLength(1);
  });

  it.each([
    '本年度未收取信息处理费。',
    '全年收取政府信息公开信息处理费 3940 元。',
    '本机关未产生信息处理费。',
    '信息处理费：无。',
    '本年度收取信息处理费0元。',
    '本机关办理政府信息公开申请均未收费。',
    '信息处理费收取情况：无。',
  ])('is silent on “%s”', (text) => {
    const report = huaian2024();
    report.sections.other = text;
    expect(of(report, 'other.fee-report')).toEqual([]);
  });
});

describe('narrative.mismatch reads more of the text (edited 淮安)', () => {
  const edited = (from: RegExp, to: string) => {
    const report = huaian2024();
    expect(report.sections.overview).toMatch(from);
    report.sections.overview = report.sections.overview.replace(from, to);
    return of(report, 'narrative.mismatch').map((f) => [f.actual, f.expected]);
  };

  it('答复 against （七）总计', () => expect(edited(/答复 3050 件/u, '答复 3005 件')).toEqual([[3005, 3050]]));
  it('顺延 against 四', () => expect(edited(/103 件顺延/u, '130 件顺延')).toEqual([[130, 103]]));
  it('上年结转 against 二', () => expect(edited(/结转申请 34 件/u, '结转申请 43 件')).toEqual([[43, 34]]));
  it('行政复议 against 表四', () => expect(edited(/行政复议 351/u, '行政复议 315')).toEqual([[315, 351]]));
  it('one 0 for both appeals against 表四', () => {
    const base = /均在法定期限内予以答复。/u;
    const found = edited(base, '均在法定期限内予以答复。全年政府信息公开行政复议、行政诉讼均为0件。');
    expect(found.map(([actual]) => actual)).toEqual([0, 0]);
    expect(found.every(([, expected]) => typeof expected === 'number' && expected > 0)).toBe(true);
  });
  it('受理 “含上年结转” against 一 + 二 only', () => {
    expect(edited(/受理政府信息公开申请 3119 件/u, '受理政府信息公开申请 3153 件（含上年结转 34 件）')).toEqual([]);
    expect(edited(/受理政府信息公开申请 3119 件/u, '受理政府信息公开申请 3119 件（含上年结转 34 件）')).toEqual([[3119, 3153]]);
  });
  it('a share of the results, to the digits printed', () => {
    // 予以公开 1362 of （七） 3050 = 44.66%
    const base = /均在法定期限内予以答复。/u;
    expect(edited(base, '均在法定期限内予以答复，其中予以公开占44.7%。')).toEqual([]);
    expect(edited(base, '均在法定期限内予以答复，其中予以公开占45%。')).toEqual([]);
    expect(edited(base, '均在法定期限内予以答复，其中予以公开占54.7%。')).toEqual([['54.7%', '44.7%']]);
  });
  it('a share of two groups together is not read as one group’s', () => {
    // (1362 + 454) / 3050 = 59.5%: not 部分公开's 14.9%
    const base = /均在法定期限内予以答复。/u;
    expect(edited(base, '均在法定期限内予以答复，予以公开和部分公开占59.5%。')).toEqual([]);
    expect(edited(base, '均在法定期限内予以答复，予以公开（含部分公开）占59.5%。')).toEqual([]);
    // 丽水's 2024 report: "其中予以公开或部分公开占58.5%"
    expect(edited(base, '均在法定期限内予以答复，其中予以公开或部分公开占59.5%。')).toEqual([]);
  });
  it('a percentage belongs to the subject after the one before it, not to that one', () => {
    // 丽水: "…无法提供占28.9%，其他情况占5.2%": 5.2% is not a share of 无法提供
    const base = /均在法定期限内予以答复。/u;
    expect(edited(base, '均在法定期限内予以答复，其中予以公开占44.7%，其他情况占5.2%。')).toEqual([]);
  });
  it('a share of the applicants; a 同比 rate is not a share', () => {
    // 自然人 3001 of 3119 = 96.2%
    const base = /均在法定期限内予以答复。/u;
    expect(edited(base, '均在法定期限内予以答复，自然人申请占96.2%，同比增长5.3%。')).toEqual([]);
    expect(edited(base, '均在法定期限内予以答复，自然人申请占69.2%。')).toEqual([['69.2%', '96.2%']]);
  });
});

describe('one defect in a real report adds exactly its own warning', () => {
  // Each edit carries one defect; everything else the control reports stays the same.
  const fingerprint = (findings: readonly Finding[]) => findings.map((f) => `${f.rule} ${f.path}`).sort();
  const withLastYear = (): [Report, ValidationContext] => [suqian(2024), { previous: suqian(2023) }];
  const cases: [string, () => [Report, ValidationContext], (report: Report, context: ValidationContext) => void][] = [
    ['narrative.contradiction', () => [huaian2024(), {}], (r) => (r.sections.overview += '本年度未收到政府信息公开申请。')],
    ['text.stale-year', withLastYear, (r) => (r.sections.overview = r.sections.overview.replace(/^2024年，/u, '2023年，'))],
    [
      'data.repeated',
      withLastYear,
      // last year's tables 三 and 四 the same as this year's: a copy also carries last year's 四 into
      // 二, so carryover.continuity comes with it (the one defect shows in both places)
      (r, context) => {
        const previous = context.previous!;
        previous.sections.applications = structuredClone(r.sections.applications);
        previous.sections.appeals = structuredClone(r.sections.appeals);
      },
    ],
    [
      'trend.outlier',
      withLastYear,
      // 行政处罚 with three digits lost
      (r) => {
        const cell = proactive(r).enforcement!.administrativePenalty!;
        cell.decisions = Math.round((cell.decisions as number) / 1000);
      },
    ],
    ['proactive.in-force', withLastYear, (r) => (proactive(r).regulations!.rules!.inForce = 10)],
    ['other.fee-report', withLastYear, (r) => (r.sections.other = '各级政府及其部门严格执行政府信息公开信息处理费有关要求。')],
  ];

  it.each(cases)('%s', (rule, make, edit) => {
    const [control, context] = make();
    const before = validateReport(control, context);
    expect(before.filter((f) => f.rule === rule)).toEqual([]);
    const edited = structuredClone(control);
    const editedContext = structuredClone(context);
    edit(edited, editedContext);
    const after = validateReport(edited, editedContext);
    expect(after.filter((f) => f.rule === rule).length).toBeGreaterThanOrEqual(1);
    const companion = rule === 'data.repeated' ? 'carryover.continuity' : rule;
    expect(fingerprint(after.filter((f) => f.rule !== rule && f.rule !== companion))).toEqual(fingerprint(before));
  });
});

describe('how unseen reports phrase things: read right, no false warning', () => {
  const newFindings = (report: Report, context: ValidationContext = {}) =>
    validateReport(report, context).filter((f) => NEW_RULES.includes(f.rule) || f.rule === 'narrative.mismatch');

  // Each sentence is true of 淮安 2024 (一 3119, （七） 3050, 予以公开 1362, 四 103, 复议 351 of
  // which 纠正 64, 诉讼 46) or says nothing the tables can deny.
  it.each([
    '所有办结的申请中同意公开答复1362件，不予公开答复178件。', // a result's 答复, not the total handled
    '转下一年度办理答复的有103件。', // carried forward, not handled
    '共办理政府信息公开申请3050件。', // 办理 may count the ones handled
    '全年收到政府信息公开申请和咨询共5000件。', // more than the applications
    '全年未收到申请人投诉。', // 申请人, not 申请
    '未发生依申请公开答复超期的情况。', // not "no application"
    '做到事事无遗漏，依法做好行政复议应诉工作。', // 无 of another clause
    '无一起行政复议案件因答复不当被纠正。', // an outcome, not "no review"
    '行政复议被纠错64件。', // one outcome's count
    '制作行政复议答复书12份。', // documents, not appeals
    '行政复议、行政诉讼案件共397件。', // one figure for both
    '依申请公开做到件件有回音、无积压。', // a slogan
  ])('淮安 2024 with “%s”', (sentence) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    expect(newFindings(report)).toEqual([]);
  });

  it('“均被维持” speaks of the appeals named just before it', () => {
    const report = suqian(2024);
    table(report, 'appeals').review = { upheld: 150, corrected: 0, other: 20, pending: 0, total: 170 };
    report.sections.overview += '行政复议案件均被维持，行政诉讼案件尚有部分未审结。';
    expect(of(report, 'narrative.contradiction')).toEqual([]);
    report.sections.overview += '行政诉讼案件均被维持。';
    // 直接起诉 尚未审结 7 + 复议后起诉 尚未审结 13
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 20, actual: '均被维持' })]);
  });

  it('“其余均被维持” after a pending case speaks of the decided ones: only 结果纠正 denies it', () => {
    const report = suqian(2024);
    table(report, 'appeals').review = { upheld: 2, corrected: 0, other: 0, pending: 1, total: 3 };
    report.sections.overview += '今年行政复议3件，1件尚在审理，其余均被维持。';
    expect(of(report, 'narrative.contradiction')).toEqual([]);
    table(report, 'appeals').review = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 };
    const [finding] = of(report, 'narrative.contradiction');
    expect(finding).toMatchObject({ expected: 1, actual: '均被维持' });
    expect(finding!.message).not.toContain('尚未审结');
  });

  it('“均被复议机关维持” names who upheld them: still all upheld (安阳县住建局 2025, edited)', () => {
    const report = suqian(2024);
    table(report, 'appeals').review = { upheld: 2, corrected: 1, other: 0, pending: 0, total: 3 };
    report.sections.overview += '今年被申请行政复议3件，均被复议机关维持。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 1, actual: '均被复议机关维持' })]);
  });

  it.each([
    ['本年度未收到政府信息公开申请。', [3119]],
    ['本年度未发生行政复议和行政诉讼。', [351, 46]],
    ['全年没有受理政府信息公开申请，未发生因政府信息公开引起的行政复议、行政诉讼。', [3119, 351, 46]],
  ])('fires on “%s” against the tables', (sentence, expected) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    expect(of(report, 'narrative.contradiction').map((f) => f.expected)).toEqual(expected);
  });

  it.each([
    '本年度无信息处理费收取。',
    '本年度未收取信息处理费。',
    '本机关没有收取任何费用。',
    '不存在收费情况。',
    '本年度信息处理费收费情况\n2024年，本机关未发生政府信息公开收费事项。',
    '依申请公开政府信息一律免费提供。',
    '信息处理费：0元。',
    '信息处理费：0',
    '收取信息处理费：0次，0元。',
    '2023年度本单位信息处理费收费金额:0',
    '本机关本年度发出收费通知的件数和总金额以及实际收取的总金额均为0。',
    '全市实际收取信息处理费共计400元。',
    '本年度发出收费通知书0份。', // no notice to pay: nothing collected
    '信息处理费：¥0',
    '本年度未收到政府信息公开申请，无其他需要报告的事项。', // no application: no fee could be charged
    '本年度共收取信息处理费1笔，金额100元。', // the amount in the clause after
    '共收取信息处理费2件，合计300元。',
  ])('六 “%s” states the fees', (text) => {
    const report = huaian2024();
    report.sections.other = text;
    expect(of(report, 'other.fee-report')).toEqual([]);
  });

  it.each(['无', '本年度无其他需要报告的事项。', '严格落实《政府信息公开信息处理费管理办法》。', '不断规范收费行为。', '严格规范收费行为，全年办理申请20件，涉及金额100元。', '严格按照收费标准（按件计收）执行，共受理申请20件。'])(
    '六 “%s” does not say whether fees were collected',
    (text) => {
      const report = huaian2024();
      report.sections.other = text;
      expect(of(report, 'other.fee-report')).toHaveLength(1);
    },
  );
});
