import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Finding, ERROR_RULES, WARNING_RULES } from '../../functions/domain/finding.js';
import { cellRefs, type Report, type TableData } from '../../functions/domain/report.js';
import { hasErrors, validateReport } from '../../functions/domain/validate-report.js';
import {
  appeals,
  applications,
  cleanReport,
  consistentReportArbitrary,
} from '../support/consistent-report.js';

const rulesOf = (findings: readonly Finding[]) => [...new Set(findings.map((f) => f.rule))].sort();
const byRule = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('a clean report', () => {
  it.each(['2021', '2019'] as const)('of the %s template has no finding at all', (template) => {
    expect(validateReport(cleanReport(template))).toEqual([]);
  });

  it('passes with a fee of six decimals and, in 2019, a negative 本年增/减', () => {
    const report = cleanReport('2019');
    const proactive = report.sections.proactive as Record<string, TableData>;
    proactive.fees!.administrativeFees!.change = -3;
    proactive.procurement!.centralizedProcurement!.amount = 24252.311082;
    expect(validateReport(report)).toEqual([]);
  });
});

describe('number.format', () => {
  it.each([
    ['a negative count', -1],
    ['a fractional count', 1.5],
    ['text in a count cell', '约10'],
  ])('flags %s and names the cell', (_name, value) => {
    const report = cleanReport();
    applications(report).disclosed!.natural = value;
    const findings = byRule(validateReport(report), 'number.format');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      path: 'applications.disclosed.natural',
      label: '三、本年度办理结果 （一）予以公开 / 自然人',
      actual: value,
    });
  });

  it('flags a negative fee but accepts a decimal one', () => {
    const report = cleanReport();
    const fees = (report.sections.proactive as Record<string, TableData>).fees!;
    fees.administrativeFees!.amount = 0.35;
    expect(validateReport(report)).toEqual([]);
    fees.administrativeFees!.amount = -0.35;
    expect(byRule(validateReport(report), 'number.format')[0]).toMatchObject({
      path: 'proactive.fees.administrativeFees.amount',
      label: '第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）',
    });
  });

  it('flags a fractional 本年增/减 in the 2019 format', () => {
    const report = cleanReport('2019');
    (report.sections.proactive as Record<string, TableData>).licensing!.administrativeLicensing!.change = 2.5;
    expect(rulesOf(validateReport(report))).toEqual(['number.format']);
  });
});

describe('required.missing', () => {
  it('names a blank cell', () => {
    const report = cleanReport();
    appeals(report).litigationAfterReview!.pending = null;
    expect(validateReport(report)).toEqual([
      expect.objectContaining({
        rule: 'required.missing',
        severity: 'error',
        path: 'appeals.litigationAfterReview.pending',
        label: '行政诉讼 复议后起诉 / 尚未审结',
      }),
    ]);
  });

  it.each(['overview', 'problems', 'other'] as const)('names the empty text section %s', (section) => {
    const report = cleanReport();
    report.sections[section] = '  \n ';
    expect(validateReport(report)).toEqual([
      expect.objectContaining({ rule: 'required.missing', path: section }),
    ]);
  });

  it('reports every blank cell of an empty report, not just the first', () => {
    const report = cleanReport();
    for (const ref of cellRefs('2021')) {
      const data = ref.table.subTable
        ? (report.sections.proactive as Record<string, TableData>)[ref.table.subTable]!
        : (report.sections as unknown as Record<string, TableData>)[ref.table.path]!;
      data[ref.row.id]![ref.column.id] = null;
    }
    expect(byRule(validateReport(report), 'required.missing')).toHaveLength(cellRefs('2021').length);
  });
});

describe('applications.column-total', () => {
  it('flags a row whose 总计 is not the sum of the six applicant columns', () => {
    const report = cleanReport();
    const data = applications(report);
    // natural stays balanced (1 + 0 = 0 + 1), only the 总计 column is left unchanged
    data.newReceived!.natural = 1;
    data.carriedForward!.natural = 1;
    const findings = validateReport(report);
    expect(rulesOf(findings)).toEqual(['applications.column-total']);
    expect(findings.map((f) => f.path).sort()).toEqual([
      'applications.carriedForward.total',
      'applications.newReceived.total',
    ]);
    expect(findings[0]).toMatchObject({ expected: 1, actual: 0 });
  });
});

describe('applications.results-total', () => {
  it('flags a （七）总计 that is not the sum of the result rows', () => {
    const report = cleanReport();
    const data = applications(report);
    data.disclosed!.natural = 1;
    data.disclosed!.total = 1;
    const findings = validateReport(report);
    expect(rulesOf(findings)).toEqual(['applications.results-total']);
    expect(findings[0]).toMatchObject({
      path: 'applications.resultsTotal.natural',
      label: '三、本年度办理结果 （七）总计 / 自然人',
      expected: 1,
      actual: 0,
    });
  });

  it('counts the three 其他处理 rows of 2021 and the single one of 2019', () => {
    for (const [template, row] of [
      ['2021', 'otherOther'],
      ['2019', 'otherHandling'],
    ] as const) {
      const report = cleanReport(template);
      const data = applications(report);
      data[row]!.legal = 2;
      data[row]!.total = 2;
      data.resultsTotal!.legal = 2;
      data.resultsTotal!.total = 2;
      data.newReceived!.legal = 2;
      data.newReceived!.total = 2;
      expect(validateReport(report)).toEqual([]);
    }
  });
});

describe('applications.balance', () => {
  it('flags a column where 一 + 二 differs from 三（七） + 四', () => {
    const report = cleanReport();
    const data = applications(report);
    data.newReceived!.business = 3;
    data.newReceived!.total = 3;
    const findings = validateReport(report);
    expect(rulesOf(findings)).toEqual(['applications.balance']);
    expect(findings.map((f) => f.path)).toEqual([
      'applications.carriedForward.business',
      'applications.carriedForward.total',
    ]);
    expect(findings[0]!.message).toContain('本年新收 3');
  });
});

describe('appeals.total', () => {
  it('flags a group whose 总计 is not 维持 + 纠正 + 其他 + 尚未审结', () => {
    const report = cleanReport();
    appeals(report).litigationDirect!.corrected = 2;
    expect(validateReport(report)).toEqual([
      expect.objectContaining({
        rule: 'appeals.total',
        path: 'appeals.litigationDirect.total',
        label: '行政诉讼 未经复议直接起诉 / 总计',
        expected: 2,
        actual: 0,
      }),
    ]);
  });
});

describe('carryover.continuity', () => {
  const previousWithPending = (): Report => {
    const previous = cleanReport('2021', '某县自然资源局', 2022);
    const data = applications(previous);
    data.newReceived!.natural = 2;
    data.newReceived!.total = 2;
    data.carriedForward!.natural = 2;
    data.carriedForward!.total = 2;
    previous.sections.problems = '上年存在的问题：网站栏目更新不及时，依申请公开答复文书不够规范，培训覆盖面窄。';
    return previous;
  };

  it('flags this year’s 二 that differs from last year’s 四', () => {
    const findings = validateReport(cleanReport(), { previous: previousWithPending() });
    expect(rulesOf(findings)).toEqual(['carryover.continuity']);
    expect(findings[0]).toMatchObject({ path: 'applications.carriedOver.natural', expected: 2, actual: 0 });
  });

  it('is silent without last year’s report, or with a report of another year', () => {
    expect(validateReport(cleanReport())).toEqual([]);
    const older = previousWithPending();
    older.year = 2020;
    expect(validateReport(cleanReport(), { previous: older })).toEqual([]);
  });

  it('crosses from the 2019 trial format to the 2021 format', () => {
    const previous = cleanReport('2019', '某县自然资源局', 2020);
    applications(previous).carriedForward!.research = 1;
    const findings = validateReport(cleanReport('2021', '某县自然资源局', 2021), { previous });
    expect(findings.map((f) => `${f.rule} ${f.path}`)).toContain('carryover.continuity applications.carriedOver.research');
  });
});

describe('warnings', () => {
  it('overview.length: 总体情况 over 1000 characters', () => {
    const report = cleanReport();
    report.sections.overview = '政'.repeat(1001);
    const findings = validateReport(report);
    expect(findings).toEqual([expect.objectContaining({ rule: 'overview.length', severity: 'warning', actual: 1001 })]);
    expect(hasErrors(findings)).toBe(false);
    report.sections.overview = '政'.repeat(1000);
    expect(validateReport(report)).toEqual([]);
  });

  it('overview.length: a first paragraph that only states the report’s period (the 导语’s, kept by the import) does not count', () => {
    const report = cleanReport('2021', '某县自然资源局', 2023);
    const period = '本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。';
    report.sections.overview = `${period}\n\n${'政'.repeat(1000)}`;
    expect(validateReport(report)).toEqual([]);
    report.sections.overview = `${period}\n\n${'政'.repeat(1001)}`;
    expect(validateReport(report)).toEqual([expect.objectContaining({ rule: 'overview.length', actual: 1001 })]);
    // a paragraph that says more than the period counts in full
    report.sections.overview = `${period}全年主动公开信息300条。\n\n${'政'.repeat(1000)}`;
    expect(validateReport(report)).toEqual([expect.objectContaining({ rule: 'overview.length' })]);
  });

  it('scope.regulations: a 镇 reporting 规章', () => {
    const report = cleanReport('2021', '王店镇人民政府');
    (report.sections.proactive as Record<string, TableData>).regulations!.rules!.issued = 1;
    expect(validateReport(report)).toEqual([
      expect.objectContaining({ rule: 'scope.regulations', path: 'proactive.regulations.rules.issued' }),
    ]);
    expect(validateReport(report, { agencyKind: 'department' })).toEqual([]);
    const county = cleanReport('2021', '某县自然资源局');
    (county.sections.proactive as Record<string, TableData>).regulations!.rules!.issued = 1;
    expect(validateReport(county)).toEqual([]);
  });

  it('narrative.mismatch: the text claims 75 applications, the table 74', () => {
    const report = cleanReport();
    const data = applications(report);
    data.newReceived!.natural = 74;
    data.newReceived!.total = 74;
    data.disclosed!.natural = 74;
    data.disclosed!.total = 74;
    data.resultsTotal!.natural = 74;
    data.resultsTotal!.total = 74;
    report.sections.overview = '2023年，我局共收到政府信息公开申请75件，均已按时答复。';
    const findings = validateReport(report);
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'narrative.mismatch', path: 'overview', expected: 74, actual: 75 }),
    ]);
    report.sections.overview = '2023年，我局共收到政府信息公开申请74件，均已按时答复。';
    expect(validateReport(report)).toEqual([]);
  });

  it('narrative.contradiction: "未发生…行政复议" against a table with a review', () => {
    const report = cleanReport();
    appeals(report).review!.upheld = 1;
    appeals(report).review!.total = 1;
    report.sections.overview = '全年未收到政府信息公开申请，也未发生因政府信息公开申请行政复议、行政诉讼的情况。';
    expect(validateReport(report).map((f) => f.rule)).toEqual(['narrative.contradiction']);
    expect(validateReport(report)[0]).toMatchObject({ expected: 1, actual: 0 });
  });

  describe('narrative rules on phrasings of published reports', () => {
    /** received, handled (all as 予以公开), carried forward and over, as the natural column and the total */
    const withApplications = (overview: string, received: number, handled: number, forward: number, carriedOver = 0) => {
      const report = cleanReport();
      const data = applications(report);
      for (const [row, n] of [['newReceived', received], ['disclosed', handled], ['resultsTotal', handled], ['carriedForward', forward], ['carriedOver', carriedOver]] as const) {
        data[row]!.natural = n;
        data[row]!.total = n;
      }
      report.sections.overview = overview;
      return validateReport(report).filter((f) => f.rule.startsWith('narrative.'));
    };

    it('a count settled in time may be fewer than all settled, not more', () => {
      expect(withApplications('全年收到申请10件，按时办结8件，2件申请人撤回。', 10, 10, 0)).toEqual([]);
      expect(withApplications('全年收到申请10件，按时办结12件。', 10, 10, 0)).toEqual([
        expect.objectContaining({ rule: 'narrative.mismatch', expected: 10, actual: 12 }),
      ]);
    });

    it('"均已办结" after a clause of last year\'s carried-over ones still speaks of all', () => {
      expect(withApplications('共受理申请5件，上年结转1件，共办结5件，均已按时办结。', 5, 5, 1, 1)).toEqual([
        expect.objectContaining({ rule: 'narrative.contradiction', expected: 1 }),
      ]);
      // of last year's only: in its own clause, or the one right before
      expect(withApplications('共受理申请5件，办结5件，上年结转的1件均已办结。', 5, 5, 1, 1)).toEqual([]);
      expect(withApplications('共受理申请5件，上年结转1件，均已办结。', 5, 5, 1, 1)).toEqual([]);
    });

    it('"其他处理N件" beside the overdue ones named apart is row 3.其他 of （六）', () => {
      const report = cleanReport();
      const data = applications(report);
      for (const [row, n] of [['newReceived', 10], ['disclosed', 7], ['otherOverdueCorrection', 1], ['otherOther', 2], ['resultsTotal', 10]] as const) {
        data[row]!.natural = n;
        data[row]!.total = n;
      }
      report.sections.overview = '全年受理申请10件，予以公开7件，逾期未补正1件，其他处理2件。';
      expect(validateReport(report)).toEqual([]);
      report.sections.overview = '全年受理申请10件，予以公开7件，其他处理4件。';
      expect(validateReport(report)).toEqual([expect.objectContaining({ rule: 'narrative.mismatch', expected: 3, actual: 4 })]);
    });

    it('"均已办结" of last year’s by its number, and a later "无结转" of this year’s', () => {
      expect(withApplications('2022年结转至本年的2件申请均已办结。', 5, 6, 1, 2)).toEqual([]);
      expect(withApplications('收到申请5件，上年结转2件，均已办结，无结转下年度。', 5, 6, 1, 2)).toEqual([
        expect.objectContaining({ rule: 'narrative.contradiction', actual: '无结转' }),
      ]);
    });

    it('a next year named only to say none went there does not excuse "均已办结"', () => {
      expect(withApplications('本年度申请均已办结，无结转下年度的申请。', 3, 2, 1)).toEqual([
        expect.objectContaining({ rule: 'narrative.contradiction', expected: 1 }),
      ]);
      expect(withApplications('本年度收到申请3件，无下年度结转。', 3, 2, 1)).toEqual([
        expect.objectContaining({ rule: 'narrative.contradiction', expected: 1 }),
      ]);
      // the pending ones admitted
      expect(withApplications('本年度收到申请3件，另有1件结转下年度，其余申请均已办结。', 3, 2, 1)).toEqual([]);
    });

    it('"全部办结" as of the report’s publication speaks of the carried-forward ones too', () => {
      expect(withApplications('本年度收到申请3件，截至报告发布时已全部办结。', 3, 2, 1)).toEqual([]);
      expect(withApplications('本年度收到申请3件，截至12月31日已全部办结。', 3, 2, 1)).toEqual([
        expect.objectContaining({ rule: 'narrative.contradiction', expected: 1 }),
      ]);
    });
  });

  it('text.repeated: 五 copied from last year', () => {
    const previous = cleanReport('2021', '某县自然资源局', 2022);
    previous.sections.problems =
      '存在问题：一是宣传教育培训不足，具体工作人员业务不熟。二是政府信息公开发布量还有待提高。下一步，我们将加强培训，创新途径，强化考核。';
    const report = cleanReport();
    report.sections.problems = previous.sections.problems.replace('二是', '其二，');
    expect(validateReport(report, { previous })).toEqual([
      expect.objectContaining({ rule: 'text.repeated', severity: 'warning', path: 'problems' }),
    ]);
  });
});

describe('every finding', () => {
  it('carries a known rule id, severity, cell path, Chinese label and Chinese message; one run reports them all', () => {
    const report = cleanReport('2021', '王店镇人民政府');
    const data = applications(report);
    data.disclosed!.natural = -1;
    data.withheldThirdParty!.research = null;
    data.newReceived!.legal = 5;
    appeals(report).review!.pending = 4;
    (report.sections.proactive as Record<string, TableData>).regulations!.rules!.inForce = 2;
    report.sections.problems = '';
    const findings = validateReport(report);
    expect(rulesOf(findings)).toEqual(
      [
        'applications.balance',
        'applications.column-total',
        'applications.results-total',
        'appeals.total',
        'number.format',
        'required.missing',
        'scope.regulations',
      ].sort(),
    );
    for (const finding of findings) {
      expect(() => Finding.parse(finding)).not.toThrow();
      expect([...ERROR_RULES, ...WARNING_RULES]).toContain(finding.rule);
      expect(finding.label).toMatch(/[\u4e00-\u9fff]/);
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('properties', () => {
  it.each(['2021', '2019'] as const)('random consistent %s reports pass without errors', (template) => {
    fc.assert(
      fc.property(consistentReportArbitrary(template), (report) => {
        expect(validateReport(report).filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('any single-cell change to table 三 or 四 of a consistent report is caught', () => {
    const tableCells = cellRefs('2021').filter((r) => r.table.path === 'applications' || r.table.path === 'appeals');
    fc.assert(
      fc.property(
        consistentReportArbitrary('2021'),
        fc.constantFrom(...tableCells),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (report, ref, delta, down) => {
          const data = (report.sections as unknown as Record<string, TableData>)[ref.table.path]!;
          const before = data[ref.row.id]![ref.column.id] as number;
          const after = down && before >= delta ? before - delta : before + delta;
          data[ref.row.id]![ref.column.id] = after;
          const errors = validateReport(report).filter((f) => f.severity === 'error');
          expect(errors.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('recognising a 乡/镇/街道 by its name', () => {
  it.each([
    ['王店镇人民政府', true],
    ['赤眉镇政府', true],
    ['城关街道办事处', true],
    ['七里坪乡', true],
    ['某县自然资源局', false],
    ['内乡县人民政府办公室', false],
  ])('%s → %s', async (name, township) => {
    const { isTownship } = await import('../../functions/domain/agency.js');
    expect(isTownship(name)).toBe(township);
  });
});
