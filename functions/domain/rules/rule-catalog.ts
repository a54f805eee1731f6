/**
 * Every rule as a clerk reads it: id, severity, what it checks, why, and the passage of the
 * official notice it comes from (quoted verbatim). docs/rules.md is generated from this
 * (`npm run docs:rules`; a unit test fails when it is out of date) and so is the site's
 * `/rules/` page (render/site/rules-page.ts).
 */
import { ERROR_RULES, WARNING_RULES, severityOf, type RuleId, type Severity } from '../finding.js';

export type NoticeId = '2021' | '2019';

export const NOTICES: Readonly<Record<NoticeId, string>> = {
  '2021': '国务院办公厅政府信息与政务公开办公室关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知（国办公开办函〔2021〕30号）',
  '2019': '《中华人民共和国政府信息公开工作年度报告格式（试行）》（2019年）',
};

export interface NoticePassage {
  readonly notice: NoticeId;
  /** verbatim, short: a test holds it against the notice's text */
  readonly passage: string;
}

export interface RuleDefinition {
  readonly id: RuleId;
  /** a short Chinese name */
  readonly name: string;
  /** what the rule checks, in a clerk's words */
  readonly checks: string;
  /** why: what goes wrong in a published report without it */
  readonly why: string;
  readonly sources: readonly NoticePassage[];
}

export interface CatalogEntry extends RuleDefinition {
  readonly severity: Severity;
}

const ACCURATE: NoticePassage = { notice: '2021', passage: '此项内容重在数据准确、要素齐备，全面客观反映政府信息公开申请接收和办理情况' };
const BALANCE: NoticePassage = { notice: '2021', passage: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' };
const COMPLETE: NoticePassage = { notice: '2021', passage: '相关情况和数据做到应报尽报，全面准确。' };
const VERIFIABLE: NoticePassage = { notice: '2021', passage: '确保年度报告所需数据统得出、报得准、可核查' };
const NOT_REPEATED: NoticePassage = { notice: '2021', passage: '不得出现敷衍了事甚至年年雷同现象' };
const INACCURATE: NoticePassage = { notice: '2021', passage: '出现不按时发布、发布内容不准确不全面或者内容雷同、敷衍塞责等问题' };

const DEFINITIONS: readonly RuleDefinition[] = [
  {
    id: 'number.format',
    name: '数字格式',
    checks: '表格中每个数字格：件数为0或正整数，金额（万元）为0或正数，2019年格式的“本年增/减”为整数。',
    why: '“约10”“—”或负的件数无法汇总，上级汇总和公开页面都会出错。',
    sources: [VERIFIABLE],
  },
  {
    id: 'required.missing',
    name: '必填项',
    checks: '表格的每一格和一、五、六三段文字都已填写；没有发生的填0，六没有事项的写明。',
    why: '空格无法区分“没有发生”和“漏填”。',
    sources: [COMPLETE],
  },
  {
    id: 'applications.column-total',
    name: '表三 各行总计',
    checks: '表三每一行的“总计”等于自然人与五类法人或其他组织之和。',
    why: '总计列是各类申请人之和，格式表头即如此排列。',
    sources: [ACCURATE],
  },
  {
    id: 'applications.results-total',
    name: '表三 办理结果总计',
    checks: '“（七）总计”等于（一）至（六）各项办理结果之和，逐列核对。',
    why: '每件申请恰有一种办理结果，（七）是它们的合计。',
    sources: [ACCURATE],
  },
  {
    id: 'applications.balance',
    name: '表三 勾稽关系',
    checks: '每一列：一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。',
    why: '格式在表三上方印明的勾稽关系。',
    sources: [BALANCE],
  },
  {
    id: 'appeals.total',
    name: '表四 总计',
    checks: '表四行政复议、未经复议直接起诉、复议后起诉各组的“总计”等于结果维持、结果纠正、其他结果、尚未审结之和。',
    why: '每件复议或诉讼恰有一种结果。',
    sources: [{ notice: '2021', passage: '一是政府信息公开行政复议处理结果情况；二是政府信息公开行政诉讼处理结果情况。' }],
  },
  {
    id: 'carryover.continuity',
    name: '跨年结转',
    checks: '本年“二、上年结转政府信息公开申请数量”逐列等于上年报告的“四、结转下年度继续办理”（有上年报告时）。',
    why: '上年转入本年的申请，就是上年留待下年办理的那些。',
    sources: [BALANCE, VERIFIABLE],
  },
  {
    id: 'overview.length',
    name: '总体情况篇幅',
    checks: '“一、总体情况”不计空白超过1000字时提醒；开头只说明报告统计期限的一段（导入时从导语移入）不计。',
    why: '格式要求总体情况聚焦主题、简明客观。',
    sources: [{ notice: '2021', passage: '重在聚焦主题、简明客观，篇幅原则上不超过一千字。' }],
  },
  {
    id: 'scope.regulations',
    name: '乡镇不制定规章',
    checks: '乡镇人民政府、街道办事处的“规章”一行不为0时提醒。',
    why: '依《立法法》，规章由国务院部门和省级、设区的市级人民政府制定；乡镇填写的多半应计入“行政规范性文件”。',
    sources: [
      {
        notice: '2021',
        passage: '这一项主要报告《中华人民共和国政府信息公开条例》第二十条规定的法定主动公开内容中，适宜以数据方式呈现且具备统计汇总价值的内容',
      },
    ],
  },
  {
    id: 'narrative.mismatch',
    name: '文字与表格数字不一致',
    checks:
      '“一、总体情况”中写出的数字与表格核对：收到/受理申请数（“受理申请36件”或“受理36件政府信息公开申请”“收到1条政府信息公开申请”“依申请公开共受理2件”“收到1项依申请公开事项”“共收到12件信息依申请公开”（数字在前、名称结束分句），紧接申请之后用阿拉伯数字写的“受理依申请信息56条”“收到申请3项”“受理依申请公开政府信息数量共计0条”也算，申请人或事项之间有顿号的“收到公民、法人或其他组织提出的政府信息公开申请12件”“收到来自公民、法人或者其他组织对本机关政府信息公开的申请2件”也算，对表三一，或写明含上年结转（“含上年结转2件”“含2022年结转2件”）时的一加二；紧接“收到政府信息公开申请，”之后的“受理的5件”只在多于一加二时提醒；“收到申请人意见5条”“申请公开的信息12条”和某一渠道的件数如“网上申请105件”“其他渠道受理13件”不算，“通过线上、信函等渠道收到…”算全部）、办结/答复数（（七）总计，“19件已答复”也算；“按时办结”“当场答复”、某一原因的“因…等情形依规答复8件”等部分数，以及同一句写了申请人撤回、放弃、逾期未补正或不予受理的“答复3000件”，只在多于（七）总计时提醒）、上年结转数（二，“上年结转政府信息公开申请数量2件”“结转上年9件”也算）、结转/顺延下年度数（“结转下年度”“结转到2025年”“下年度继续办理0件”“结转下年度办理的政府信息公开申请数量为3件”，对四；不写年度的“结转政府信息公开申请数量0件”与二、四都不符时才提醒）、予以公开等各类办理结果数（“其他处理N件”也可对（六）中“3.其他”一行；紧接的“其中……”“办理结果……”“处理结果中……”句、以“办结”“答复”“年内共办结”“结转下年”开头的句子和分号后未另提主语的分句按上句的申请读，分号后只读办理结果和结转；“部分予以公开”算部分公开；写明原因的某一行如“因本机关不掌握相关政府信息无法提供1件”不核对）、行政复议和行政诉讼件数（表四；“发生1起…行政复议案件”也算；分句开头不带“行政”的“涉及复议0件”“全年复议3件”也算；“行政复议、行政诉讼均为0件”“复议、诉讼均为0件”对两者；紧接读出的行政复议件数之后、以“诉讼”开头的分句，如“行政复议9件、诉讼1件”，算行政诉讼；“未经复议直接提起行政诉讼的案件26件”“复议后起诉的行政诉讼20件”只是一种起诉途径，只在多于行政诉讼总计时提醒），以及文字给出的比例（按文字印出的位数四舍五入或截断后比较）。与上年比较的增减数（“同比增加5件”“比例较上年下降2.1%”）、行政诉讼某一审级的件数（“一审2件”）、几类合计（“予以公开或部分公开59件”“予以公开12件（其中部分公开3件）”）、其他事项的申请（“办理挖掘城市道路申请77件”）、逐年对比中较早年份的件数（“2019年办理政府信息公开申请1件，2020年办理3件，2021年办理2件”）和统计本机关行政许可、行政处罚件数而未提信息公开的句子中的行政复议、行政诉讼（“办理行政许可415件、行政处罚7件、行政复议1件”）不核对。',
    why: '同一报告的文字与表格互相矛盾，读者无从判断哪个正确；评估和比对工具会逐项核对。',
    sources: [ACCURATE, INACCURATE],
  },
  {
    id: 'narrative.contradiction',
    name: '文字与表格相矛盾',
    checks:
      '“一、总体情况”写“未收到/未受理申请”“本年度无政府信息公开申请”“2022年我无依申请公开事项”（以年份开句、句中其后无数字）“未收到公民、法人或其他组织提出的申请”“未收到个人、法人或者其他组织…申请”“没有接到群众主动要求公开政府信息的申请”而表三一大于0（只说某一类申请人、某一渠道或某一类申请的，如“未收到法人申请”“未收到网上申请”“未收到需收费的申请”，或说的是关于申请的投诉、意见的，如“未收到依申请公开方面的投诉”，不算）；写“均已办结”“均在法定期限内办结”“均已按要求受理办结”“无结转”“无下年度结转”“无转结下年度”（或紧接关于申请的句子单独成句的“无下年度结转。”）而四、结转下年度大于0（说上年结转的或“上年度无结转”（同句写明“没有结转到2023年的…”即本报告下一年度的仍算）、只说某一类结果或某一渠道的如“部分公开的申请2件已全部办结”“网上申请均已办结”、承认尚有在办的如“其余均已办结”“除2件外均已办结”、或“截至报告发布时已全部办结”的不算）；写复议、诉讼“均被维持”“均获维持”“均被复议机关维持”“复议机关均已作出维持决定”“均被法院依法判决维持”而表四有结果纠正或尚未审结（同时写出其他结果的如“均被维持或纠正”不算；承认尚有在审的，如“1件尚在审理，其余均被维持”“已审结的均被维持”，只对结果纠正）；写“未发生行政复议/行政诉讼”“无一起行政诉讼案件”而表四总计大于0（句中不带“行政”的“未发生…诉讼复议等情况”“未收到…行政复议和诉讼”也算；只说某一结果的，如“未发生被纠错的行政复议”“无一起行政复议被纠正”，或“未发生新的行政复议”，说起诉途径的“未经复议直接起诉”、民事诉讼、公益诉讼，或统计本机关行政许可、行政处罚件数而未提信息公开的句子中的“无投诉举报、行政诉讼”，不算）。',
    why: '这类整句断言多是沿用往年文字，与本年数据相反。',
    sources: [ACCURATE, INACCURATE],
  },
  {
    id: 'text.repeated',
    name: '问题与改进年年雷同',
    checks: '“五、存在的主要问题及改进情况”与上年报告相似度达90%以上时提醒（有上年报告时）。',
    why: '格式明确禁止年年雷同。',
    sources: [NOT_REPEATED],
  },
  {
    id: 'text.stale-year',
    name: '沿用上年年份',
    checks:
      '文字把另一年写成本报告的年度：“现将…2022年度…报告如下”（或“…汇报如下”）、“现公布…2022年政府信息公开工作年度报告”（或“现公开…”“现向社会公开…”）、“统计期限自2022年1月1日…”（或“统计数据的期限自…”“统计期自…”“统计数据从…”“统计时段为…”“统计期限为2022年度”“数据统计起止时间为…”）、“数据核定时间点为2022年12月31日”、总体情况开头（或其第一个小标题“（一）…”、序号“1.”之后，小标题后只隔空格的也算）“2022年，…”“在2022年，…”“截至2022年12月31日，…”，或年份（或“截止2022年12月31日”）后不加逗号直接接本机关（“2022年我镇…”“2022年砲里街道…”，名称须与本单位名称相符）、“全区/全年…”“共受理…”“未收到…”，或直接写所做的事而句中写本期数字（“2022年通过政府网站主动公开信息300条”“2022年度有1件…”；句中有比较、结转或本年年份的不提醒）；总体情况中以更早年份开头的段落（“2022年，我镇主动公开…”“截至2022年底，…”，或小标题之后的“（二）…。2022年，…”；以下一年开头的计划不提醒）；段落中间以更早年份（或“截至2022年12月31日，”后接本期收到、办结申请，如“截至2019年12月31日，17件申请全部办结”）开头、写本期数字（申请件数也可用汉字写，如“收到申请三件”）或“未收到”的句子（“…。2022年，我镇共主动公开信息223条。”；句中有比较（较、同比、今年…）、同时写本年年份或“截至…累计”的不提醒）。导入文件时，导语中说明报告期间的句子移到总体情况开头，一并检查。以往年所获荣誉开头的（“2019年我局被评为…”“2019年，我镇荣获…”）、与往年比较（“较2022年增加”）或引用往年数字不提醒。',
    why: '照抄上年报告改漏年份，是公开后最常被指出的错误之一。',
    sources: [{ notice: '2019', passage: '这一项主要报告本机关上一年度政府信息公开工作总体情况' }, INACCURATE],
  },
  {
    id: 'data.repeated',
    name: '数据与上年完全相同',
    checks: '表三、表四的每一个数字都与上年报告相同、且不全为0时提醒（有上年报告时；空白格或文字格按0比较；上年为2020年试行格式时，其“（六）其他处理”一行与本年（六）三行之和相比）。',
    why: '年年雷同的数字形式：多半误用了上年的表格。',
    sources: [NOT_REPEATED, INACCURATE],
  },
  {
    id: 'trend.outlier',
    name: '关键数字异常变化',
    checks:
      '本年新收申请总计、行政许可、行政处罚、行政强制处理决定数、行政复议总计、行政诉讼总计（直接起诉与复议后起诉之和，空白的一项按0计），本年与上年都不少于10且本年超过上年5倍或不到上年五分之一时，请核实（有上年报告时）。',
    why: '一位之差（多填或漏填一个0）、单位错误常表现为数量级的跳变；确有变化的应在文字中说明。',
    sources: [VERIFIABLE, { notice: '2021', passage: '包括已公开和依法未公开的全部处理决定' }],
  },
  {
    id: 'proactive.in-force',
    name: '现行有效件数衔接',
    checks:
      '规章、行政规范性文件的“现行有效件数”不等于上年现行有效 + 本年制发 − 本年废止时提醒（2021年格式，有上年报告时；本年制发、本年废止空白按0计）。文件也会因有效期届满而失效，这时请说明，不必改数。',
    why: '现行有效件数是逐年累计的存量，数据核定时间点为报告年度末。',
    sources: [{ notice: '2021', passage: '各项数据核定时间点为报告年度的12月31日。' }, VERIFIABLE],
  },
  {
    id: 'other.fee-report',
    name: '信息处理费情况',
    checks:
      '2021年格式“六、其他需要报告的事项”既没有写收取信息处理费的金额，也没有写明未收取时提醒。小标题“收取信息处理费情况”下一行写“无”或“0元”算写明；只写“严格执行《政府信息公开信息处理费管理办法》”或“无违规收费”不算。',
    why: '格式要求收取信息处理费的情况在第六部分专门报告；只写“无”说不清是否收取。',
    sources: [
      { notice: '2021', passage: '各行政机关依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，在此处专门报告。' },
      { notice: '2021', passage: '（文字描述，收取信息处理费情况在此处报告。）' },
    ],
  },
  {
    id: 'rollup.mismatch',
    name: '汇总数与各单位合计不一致',
    checks:
      '本级政府（政府信息公开工作主管部门）的汇总报告中，表二、表三、表四每个数字与本地区已通过审核的各单位报告之和不一致时提醒，并写明还有几个单位未计入。合计不含本机关（政府办公室）自身的数据：差额恰为本机关自身的数据时属正常，请附说明。尚无单位通过审核时不作比较。',
    why: '汇总报告的数据应由所属部门和乡镇的报告逐级汇总而来。',
    sources: [
      { notice: '2021', passage: '县级以上地方人民政府年度报告，应当逐级汇总相关情况和数据。' },
      { notice: '2021', passage: '县级政府的政府信息公开工作主管部门汇总所属部门和乡镇政府的年度报告' },
    ],
  },
];

const ORDER: readonly RuleId[] = [...ERROR_RULES, ...WARNING_RULES];

/** Every rule, errors first, in the order of finding.ts. */
export const RULE_CATALOG: readonly CatalogEntry[] = ORDER.map((id) => {
  const definition = DEFINITIONS.find((d) => d.id === id);
  if (!definition) throw new Error(`rule ${id} has no catalog entry`);
  return { ...definition, severity: severityOf(id) };
});

export const SEVERITY_NAME: Readonly<Record<Severity, string>> = { error: '错误（须改正后才能提交）', warning: '提醒（请核实，可说明后提交）' };

/** docs/rules.md, generated: `npm run docs:rules`. */
export function renderRulesMarkdown(catalog: readonly CatalogEntry[] = RULE_CATALOG): string {
  const lines = [
    '<!-- Generated from functions/domain/rules/rule-catalog.ts by `npm run docs:rules`; do not edit by hand. -->',
    '',
    '# 检查规则',
    '',
    '填报表单、提交接口和 `nianbao validate` 对每份年度报告运行同一组规则（functions/domain/validate-report.ts）。',
    '“错误”须改正后才能提交；“提醒”请核实，确实无误的可以提交。每条规则的编号是公开约定，表单、接口和邮件都使用它。',
    '',
    '| 编号 | 名称 | 级别 |',
    '|---|---|---|',
    ...catalog.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.name} | ${r.severity === 'error' ? '错误' : '提醒'} |`),
    '',
  ];
  for (const r of catalog) {
    lines.push(
      `## ${r.id}`,
      '',
      `**${r.name}** · ${SEVERITY_NAME[r.severity]}`,
      '',
      `- 检查什么：${r.checks}`,
      `- 为什么：${r.why}`,
      '- 依据：',
      ...r.sources.map((s) => `  - ${NOTICES[s.notice]}：“${s.passage}”`),
      '',
    );
  }
  lines.push(
    '## 说明（对提醒的解释）',
    '',
    '提醒不阻止提交。填报人可以对每条提醒附一段说明（不超过500字），随草稿和提交的版本保存，审核人在审核页面的提醒旁看到它。',
    '说明按“规则编号|单元格路径”保存（如 `trend.outlier|appeals.review.total`），即 `finding.ts` 的 `findingKey`；',
    '数据形状是 `finding.ts` 的 `Explanations`，`unexplainedWarnings` 给出尚未说明的提醒。',
    '',
  );
  return lines.join('\n');
}

/** The id as a heading anchor (GitHub's rule: lower case, dots dropped). */
export function anchor(id: RuleId): string {
  return id.replaceAll('.', '');
}
