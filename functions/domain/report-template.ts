/**
 * The one definition of the annual report's structure: every section, table, row and column
 * of the 2021 national format (国办公开办函〔2021〕30号) and of the 2019 trial format, with the
 * official labels verbatim. The zod schema, the rules, the importer, the form, the public pages
 * and the CSV are all derived from this file; nothing else spells a label.
 */

export const TEMPLATE_IDS = ['2021', '2019'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** How a cell's value is checked by `number.format`. */
export type CellKind =
  /** a count: a non-negative integer */
  | 'count'
  /** a money amount (万元): a non-negative decimal */
  | 'amount'
  /** a year-on-year change (本年增/减, 2019 trial format only): an integer, may be negative */
  | 'delta';

export interface ColumnDef {
  readonly id: string;
  /** the column's own header text, verbatim */
  readonly label: string;
  /** header cells above this one (e.g. 法人或其他组织), outermost first */
  readonly groups: readonly string[];
  readonly kind: CellKind;
  /** the form computes it (the 总计 column) instead of asking for it */
  readonly computed?: boolean;
}

export interface RowDef {
  readonly id: string;
  /** the row's own label text, verbatim */
  readonly label: string;
  /** labels of the row groups that hold this row (e.g. 三、本年度办理结果, （三）不予公开), outermost first */
  readonly groups: readonly string[];
  /** the form computes it (the （七）总计 row) instead of asking for it */
  readonly computed?: boolean;
  /** a leaf row of 三、本年度办理结果: (七) is the sum of these */
  readonly result?: boolean;
}

export type SectionId = 'overview' | 'proactive' | 'applications' | 'appeals' | 'problems' | 'other';

export interface TableDef {
  /** where the table's data sits: `applications`, `appeals`, or `proactive.<id>` */
  readonly path: string;
  readonly section: SectionId;
  /** the sub-table id inside 二 (e.g. `regulations`); absent for 三 and 四 */
  readonly subTable?: string;
  /** caption above the table, e.g. 第二十条第（一）项 */
  readonly caption?: string;
  /** the corner header cell (信息内容 in 二, 申请人情况 corner note in 三) */
  readonly corner?: string;
  readonly rows: readonly RowDef[];
  readonly columns: readonly ColumnDef[];
}

export interface TextSectionDef {
  readonly id: 'overview' | 'problems' | 'other';
  readonly title: string;
  /** the template's hint for the text, verbatim */
  readonly hint: string;
}

export interface TemplateDef {
  readonly id: TemplateId;
  readonly name: string;
  readonly sectionTitles: Readonly<Record<SectionId, string>>;
  readonly textSections: readonly TextSectionDef[];
  readonly tables: readonly TableDef[];
}

const SECTION_TITLES: Record<SectionId, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  appeals: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/** The 勾稽 note printed over table 三 in both formats. */
export const APPLICATIONS_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const PROACTIVE_CORNER = '信息内容';

const count = (id: string, label: string, groups: readonly string[] = []): ColumnDef => ({
  id,
  label,
  groups,
  kind: 'count',
});

// ---- 三、收到和处理政府信息公开申请情况 ----------------------------------------------------

const ORG = '法人或其他组织';
const APPLICANT_COLUMNS: readonly ColumnDef[] = [
  count('natural', '自然人'),
  count('business', '商业企业', [ORG]),
  count('research', '科研机构', [ORG]),
  count('nonprofit', '社会公益组织', [ORG]),
  count('legal', '法律服务机构', [ORG]),
  count('otherOrg', '其他', [ORG]),
  { ...count('total', '总计'), computed: true },
];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER_HANDLING = '（六）其他处理';

const result = (id: string, label: string, group?: string): RowDef => ({
  id,
  label,
  groups: group ? [RESULTS, group] : [RESULTS],
  result: true,
});

function applicationRows(otherHandling: readonly RowDef[]): readonly RowDef[] {
  return [
    { id: 'newReceived', label: '一、本年新收政府信息公开申请数量', groups: [] },
    { id: 'carriedOver', label: '二、上年结转政府信息公开申请数量', groups: [] },
    result('disclosed', '（一）予以公开'),
    result('partiallyDisclosed', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'),
    result('withheldStateSecret', '1.属于国家秘密', WITHHELD),
    result('withheldProhibitedByLaw', '2.其他法律行政法规禁止公开', WITHHELD),
    result('withheldThreeSecurities', '3.危及“三安全一稳定”', WITHHELD),
    result('withheldThirdParty', '4.保护第三方合法权益', WITHHELD),
    result('withheldInternalAffairs', '5.属于三类内部事务信息', WITHHELD),
    result('withheldProcessInformation', '6.属于四类过程性信息', WITHHELD),
    result('withheldEnforcementFiles', '7.属于行政执法案卷', WITHHELD),
    result('withheldQueryMatters', '8.属于行政查询事项', WITHHELD),
    result('unavailableNotHeld', '1.本机关不掌握相关政府信息', UNAVAILABLE),
    result('unavailableNeedsCreation', '2.没有现成信息需要另行制作', UNAVAILABLE),
    result('unavailableStillUnclear', '3.补正后申请内容仍不明确', UNAVAILABLE),
    result('notProcessedPetition', '1.信访举报投诉类申请', NOT_PROCESSED),
    result('notProcessedRepeated', '2.重复申请', NOT_PROCESSED),
    result('notProcessedPublication', '3.要求提供公开出版物', NOT_PROCESSED),
    result('notProcessedExcessive', '4.无正当理由大量反复申请', NOT_PROCESSED),
    result('notProcessedConfirmation', '5.要求行政机关确认或重新出具已获取信息', NOT_PROCESSED),
    ...otherHandling,
    { id: 'resultsTotal', label: '（七）总计', groups: [RESULTS], computed: true },
    { id: 'carriedForward', label: '四、结转下年度继续办理', groups: [] },
  ];
}

const APPLICATION_ROWS_2021 = applicationRows([
  result(
    'otherOverdueCorrection',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    OTHER_HANDLING,
  ),
  result(
    'otherUnpaidFees',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    OTHER_HANDLING,
  ),
  result('otherOther', '3.其他', OTHER_HANDLING),
]);

// The 2019 trial format has one 其他处理 row with no sub-rows.
const APPLICATION_ROWS_2019 = applicationRows([result('otherHandling', OTHER_HANDLING)]);

const applicationsTable = (rows: readonly RowDef[]): TableDef => ({
  path: 'applications',
  section: 'applications',
  corner: APPLICATIONS_NOTE,
  rows,
  columns: APPLICANT_COLUMNS,
});

// ---- 四、政府信息公开行政复议、行政诉讼情况 ------------------------------------------------

const LITIGATION = '行政诉讼';
const APPEALS_TABLE: TableDef = {
  path: 'appeals',
  section: 'appeals',
  rows: [
    { id: 'review', label: '行政复议', groups: [] },
    { id: 'litigationDirect', label: '未经复议直接起诉', groups: [LITIGATION] },
    { id: 'litigationAfterReview', label: '复议后起诉', groups: [LITIGATION] },
  ],
  columns: [
    count('upheld', '结果维持'),
    count('corrected', '结果纠正'),
    count('other', '其他结果'),
    count('pending', '尚未审结'),
    { ...count('total', '总计'), computed: true },
  ],
};

// ---- 二、主动公开政府信息情况 --------------------------------------------------------------

const proactive = (
  subTable: string,
  caption: string,
  rows: readonly [string, string][],
  columns: readonly ColumnDef[],
): TableDef => ({
  path: `proactive.${subTable}`,
  section: 'proactive',
  subTable,
  caption,
  corner: PROACTIVE_CORNER,
  rows: rows.map(([id, label]) => ({ id, label, groups: [] })),
  columns,
});

const PROACTIVE_2021: readonly TableDef[] = [
  proactive(
    'regulations',
    '第二十条第（一）项',
    [
      ['rules', '规章'],
      ['normativeDocuments', '行政规范性文件'],
    ],
    [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('inForce', '现行有效件数')],
  ),
  proactive('licensing', '第二十条第（五）项', [['administrativeLicensing', '行政许可']], [
    count('decisions', '本年处理决定数量'),
  ]),
  proactive(
    'enforcement',
    '第二十条第（六）项',
    [
      ['administrativePenalty', '行政处罚'],
      ['administrativeCoercion', '行政强制'],
    ],
    [count('decisions', '本年处理决定数量')],
  ),
  proactive('fees', '第二十条第（八）项', [['administrativeFees', '行政事业性收费']], [
    { id: 'amount', label: '本年收费金额（单位：万元）', groups: [], kind: 'amount' },
  ]),
];

const PREVIOUS_COUNT = count('previousCount', '上一年项目数量');
const CHANGE: ColumnDef = { id: 'change', label: '本年增/减', groups: [], kind: 'delta' };

const PROACTIVE_2019: readonly TableDef[] = [
  proactive(
    'regulations',
    '第二十条第（一）项',
    [
      ['rules', '规章'],
      ['normativeDocuments', '规范性文件'],
    ],
    [count('made', '本年新制作数量'), count('published', '本年新公开数量'), count('totalPublished', '对外公开总数量')],
  ),
  proactive(
    'licensing',
    '第二十条第（五）项',
    [
      ['administrativeLicensing', '行政许可'],
      ['otherServices', '其他对外管理服务事项'],
    ],
    [PREVIOUS_COUNT, CHANGE, count('decisions', '处理决定数量')],
  ),
  proactive(
    'enforcement',
    '第二十条第（六）项',
    [
      ['administrativePenalty', '行政处罚'],
      ['administrativeCoercion', '行政强制'],
    ],
    [PREVIOUS_COUNT, CHANGE, count('decisions', '处理决定数量')],
  ),
  proactive('fees', '第二十条第（八）项', [['administrativeFees', '行政事业性收费']], [PREVIOUS_COUNT, CHANGE]),
  proactive('procurement', '第二十条第（九）项', [['centralizedProcurement', '政府集中采购']], [
    count('projects', '采购项目数量'),
    { id: 'amount', label: '采购总金额', groups: [], kind: 'amount' },
  ]),
];

const TEXT_SECTIONS_2021: readonly TextSectionDef[] = [
  { id: 'overview', title: SECTION_TITLES.overview, hint: '（文字描述）' },
  { id: 'problems', title: SECTION_TITLES.problems, hint: '（文字描述）' },
  { id: 'other', title: SECTION_TITLES.other, hint: '（文字描述，收取信息处理费情况在此处报告。）' },
];

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef>> = {
  '2021': {
    id: '2021',
    name: '中华人民共和国政府信息公开工作年度报告格式（2021年）',
    sectionTitles: SECTION_TITLES,
    textSections: TEXT_SECTIONS_2021,
    tables: [...PROACTIVE_2021, applicationsTable(APPLICATION_ROWS_2021), APPEALS_TABLE],
  },
  '2019': {
    id: '2019',
    name: '中华人民共和国政府信息公开工作年度报告格式（试行）',
    sectionTitles: SECTION_TITLES,
    textSections: TEXT_SECTIONS_2021.map((s) => (s.id === 'other' ? { ...s, hint: '（文字描述）' } : s)),
    tables: [...PROACTIVE_2019, applicationsTable(APPLICATION_ROWS_2019), APPEALS_TABLE],
  },
};

/** The order the six sections appear in. */
export const SECTION_ORDER: readonly SectionId[] = [
  'overview',
  'proactive',
  'applications',
  'appeals',
  'problems',
  'other',
];

const tablesByPath = new Map<TemplateId, ReadonlyMap<string, TableDef>>();

export function tableByPath(template: TemplateId, path: string): TableDef {
  // every rule looks its tables up on every validation: a map, built once per template
  let tables = tablesByPath.get(template);
  if (!tables) tablesByPath.set(template, (tables = new Map(TEMPLATES[template].tables.map((t) => [t.path, t]))));
  const table = tables.get(path);
  if (!table) throw new Error(`unknown table ${path} in template ${template}`);
  return table;
}

const resultRowsOf = new WeakMap<TableDef, readonly RowDef[]>();
const inputColumnsOf = new WeakMap<TableDef, readonly ColumnDef[]>();

/** The rows of 三 whose sum is （七）总计. */
export function resultRows(table: TableDef): readonly RowDef[] {
  let rows = resultRowsOf.get(table);
  if (!rows) resultRowsOf.set(table, (rows = table.rows.filter((r) => r.result)));
  return rows;
}

/** The columns a person fills in, whose sum is the computed 总计 (in 三 and 四). */
export function inputColumns(table: TableDef): readonly ColumnDef[] {
  let columns = inputColumnsOf.get(table);
  if (!columns) inputColumnsOf.set(table, (columns = table.columns.filter((c) => !c.computed)));
  return columns;
}

/** The six applicant columns of 三 whose sum is 总计. */
export const applicantColumns = inputColumns;

/**
 * The Chinese label of one cell, as a person reads it off the printed table:
 * row groups and row, then " / ", then column groups and column.
 * e.g. "三、本年度办理结果 （七）总计 / 自然人".
 */
export function cellLabel(table: TableDef, row: RowDef, column: ColumnDef): string {
  const prefix = table.caption ? [table.caption] : [];
  const rowPart = [...prefix, ...row.groups, row.label].join(' ');
  const columnPart = [...column.groups, column.label].join(' ');
  return `${rowPart} / ${columnPart}`;
}

/** The stable machine path of one cell, e.g. `applications.resultsTotal.natural`. */
export function cellPath(table: TableDef, row: RowDef, column: ColumnDef): string {
  return `${table.path}.${row.id}.${column.id}`;
}
