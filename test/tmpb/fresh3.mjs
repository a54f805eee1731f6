// .scratch/sub/fresh3.ts
import { readFileSync as readFileSync2 } from "node:fs";

// functions/domain/report-template.ts
var TEMPLATE_IDS = ["2021", "2019"];
var SECTION_TITLES = {
  overview: "\u4E00\u3001\u603B\u4F53\u60C5\u51B5",
  proactive: "\u4E8C\u3001\u4E3B\u52A8\u516C\u5F00\u653F\u5E9C\u4FE1\u606F\u60C5\u51B5",
  applications: "\u4E09\u3001\u6536\u5230\u548C\u5904\u7406\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u60C5\u51B5",
  appeals: "\u56DB\u3001\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u884C\u653F\u590D\u8BAE\u3001\u884C\u653F\u8BC9\u8BBC\u60C5\u51B5",
  problems: "\u4E94\u3001\u5B58\u5728\u7684\u4E3B\u8981\u95EE\u9898\u53CA\u6539\u8FDB\u60C5\u51B5",
  other: "\u516D\u3001\u5176\u4ED6\u9700\u8981\u62A5\u544A\u7684\u4E8B\u9879"
};
var APPLICATIONS_NOTE = "\uFF08\u672C\u5217\u6570\u636E\u7684\u52FE\u7A3D\u5173\u7CFB\u4E3A\uFF1A\u7B2C\u4E00\u9879\u52A0\u7B2C\u4E8C\u9879\u4E4B\u548C\uFF0C\u7B49\u4E8E\u7B2C\u4E09\u9879\u52A0\u7B2C\u56DB\u9879\u4E4B\u548C\uFF09";
var APPLICANT_HEADER = "\u7533\u8BF7\u4EBA\u60C5\u51B5";
var PROACTIVE_CORNER = "\u4FE1\u606F\u5185\u5BB9";
var count = (id, label, groups = []) => ({
  id,
  label,
  groups,
  kind: "count"
});
var ORG = "\u6CD5\u4EBA\u6216\u5176\u4ED6\u7EC4\u7EC7";
var APPLICANT_COLUMNS = [
  count("natural", "\u81EA\u7136\u4EBA"),
  count("business", "\u5546\u4E1A\u4F01\u4E1A", [ORG]),
  count("research", "\u79D1\u7814\u673A\u6784", [ORG]),
  count("nonprofit", "\u793E\u4F1A\u516C\u76CA\u7EC4\u7EC7", [ORG]),
  count("legal", "\u6CD5\u5F8B\u670D\u52A1\u673A\u6784", [ORG]),
  count("otherOrg", "\u5176\u4ED6", [ORG]),
  { ...count("total", "\u603B\u8BA1"), computed: true }
];
var RESULTS = "\u4E09\u3001\u672C\u5E74\u5EA6\u529E\u7406\u7ED3\u679C";
var WITHHELD = "\uFF08\u4E09\uFF09\u4E0D\u4E88\u516C\u5F00";
var UNAVAILABLE = "\uFF08\u56DB\uFF09\u65E0\u6CD5\u63D0\u4F9B";
var NOT_PROCESSED = "\uFF08\u4E94\uFF09\u4E0D\u4E88\u5904\u7406";
var OTHER_HANDLING = "\uFF08\u516D\uFF09\u5176\u4ED6\u5904\u7406";
var result = (id, label, group) => ({
  id,
  label,
  groups: group ? [RESULTS, group] : [RESULTS],
  result: true
});
function applicationRows(otherHandling) {
  return [
    { id: "newReceived", label: "\u4E00\u3001\u672C\u5E74\u65B0\u6536\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF", groups: [] },
    { id: "carriedOver", label: "\u4E8C\u3001\u4E0A\u5E74\u7ED3\u8F6C\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF", groups: [] },
    result("disclosed", "\uFF08\u4E00\uFF09\u4E88\u4EE5\u516C\u5F00"),
    result("partiallyDisclosed", "\uFF08\u4E8C\uFF09\u90E8\u5206\u516C\u5F00\uFF08\u533A\u5206\u5904\u7406\u7684\uFF0C\u53EA\u8BA1\u8FD9\u4E00\u60C5\u5F62\uFF0C\u4E0D\u8BA1\u5176\u4ED6\u60C5\u5F62\uFF09"),
    result("withheldStateSecret", "1.\u5C5E\u4E8E\u56FD\u5BB6\u79D8\u5BC6", WITHHELD),
    result("withheldProhibitedByLaw", "2.\u5176\u4ED6\u6CD5\u5F8B\u884C\u653F\u6CD5\u89C4\u7981\u6B62\u516C\u5F00", WITHHELD),
    result("withheldThreeSecurities", "3.\u5371\u53CA\u201C\u4E09\u5B89\u5168\u4E00\u7A33\u5B9A\u201D", WITHHELD),
    result("withheldThirdParty", "4.\u4FDD\u62A4\u7B2C\u4E09\u65B9\u5408\u6CD5\u6743\u76CA", WITHHELD),
    result("withheldInternalAffairs", "5.\u5C5E\u4E8E\u4E09\u7C7B\u5185\u90E8\u4E8B\u52A1\u4FE1\u606F", WITHHELD),
    result("withheldProcessInformation", "6.\u5C5E\u4E8E\u56DB\u7C7B\u8FC7\u7A0B\u6027\u4FE1\u606F", WITHHELD),
    result("withheldEnforcementFiles", "7.\u5C5E\u4E8E\u884C\u653F\u6267\u6CD5\u6848\u5377", WITHHELD),
    result("withheldQueryMatters", "8.\u5C5E\u4E8E\u884C\u653F\u67E5\u8BE2\u4E8B\u9879", WITHHELD),
    result("unavailableNotHeld", "1.\u672C\u673A\u5173\u4E0D\u638C\u63E1\u76F8\u5173\u653F\u5E9C\u4FE1\u606F", UNAVAILABLE),
    result("unavailableNeedsCreation", "2.\u6CA1\u6709\u73B0\u6210\u4FE1\u606F\u9700\u8981\u53E6\u884C\u5236\u4F5C", UNAVAILABLE),
    result("unavailableStillUnclear", "3.\u8865\u6B63\u540E\u7533\u8BF7\u5185\u5BB9\u4ECD\u4E0D\u660E\u786E", UNAVAILABLE),
    result("notProcessedPetition", "1.\u4FE1\u8BBF\u4E3E\u62A5\u6295\u8BC9\u7C7B\u7533\u8BF7", NOT_PROCESSED),
    result("notProcessedRepeated", "2.\u91CD\u590D\u7533\u8BF7", NOT_PROCESSED),
    result("notProcessedPublication", "3.\u8981\u6C42\u63D0\u4F9B\u516C\u5F00\u51FA\u7248\u7269", NOT_PROCESSED),
    result("notProcessedExcessive", "4.\u65E0\u6B63\u5F53\u7406\u7531\u5927\u91CF\u53CD\u590D\u7533\u8BF7", NOT_PROCESSED),
    result("notProcessedConfirmation", "5.\u8981\u6C42\u884C\u653F\u673A\u5173\u786E\u8BA4\u6216\u91CD\u65B0\u51FA\u5177\u5DF2\u83B7\u53D6\u4FE1\u606F", NOT_PROCESSED),
    ...otherHandling,
    { id: "resultsTotal", label: "\uFF08\u4E03\uFF09\u603B\u8BA1", groups: [RESULTS], computed: true },
    { id: "carriedForward", label: "\u56DB\u3001\u7ED3\u8F6C\u4E0B\u5E74\u5EA6\u7EE7\u7EED\u529E\u7406", groups: [] }
  ];
}
var APPLICATION_ROWS_2021 = applicationRows([
  result(
    "otherOverdueCorrection",
    "1.\u7533\u8BF7\u4EBA\u65E0\u6B63\u5F53\u7406\u7531\u903E\u671F\u4E0D\u8865\u6B63\u3001\u884C\u653F\u673A\u5173\u4E0D\u518D\u5904\u7406\u5176\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7",
    OTHER_HANDLING
  ),
  result(
    "otherUnpaidFees",
    "2.\u7533\u8BF7\u4EBA\u903E\u671F\u672A\u6309\u6536\u8D39\u901A\u77E5\u8981\u6C42\u7F34\u7EB3\u8D39\u7528\u3001\u884C\u653F\u673A\u5173\u4E0D\u518D\u5904\u7406\u5176\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7",
    OTHER_HANDLING
  ),
  result("otherOther", "3.\u5176\u4ED6", OTHER_HANDLING)
]);
var APPLICATION_ROWS_2019 = applicationRows([result("otherHandling", OTHER_HANDLING)]);
var applicationsTable = (rows) => ({
  path: "applications",
  section: "applications",
  corner: APPLICATIONS_NOTE,
  rows,
  columns: APPLICANT_COLUMNS
});
var LITIGATION = "\u884C\u653F\u8BC9\u8BBC";
var APPEALS_TABLE = {
  path: "appeals",
  section: "appeals",
  rows: [
    { id: "review", label: "\u884C\u653F\u590D\u8BAE", groups: [] },
    { id: "litigationDirect", label: "\u672A\u7ECF\u590D\u8BAE\u76F4\u63A5\u8D77\u8BC9", groups: [LITIGATION] },
    { id: "litigationAfterReview", label: "\u590D\u8BAE\u540E\u8D77\u8BC9", groups: [LITIGATION] }
  ],
  columns: [
    count("upheld", "\u7ED3\u679C\u7EF4\u6301"),
    count("corrected", "\u7ED3\u679C\u7EA0\u6B63"),
    count("other", "\u5176\u4ED6\u7ED3\u679C"),
    count("pending", "\u5C1A\u672A\u5BA1\u7ED3"),
    { ...count("total", "\u603B\u8BA1"), computed: true }
  ]
};
var proactive = (subTable, caption, rows, columns) => ({
  path: `proactive.${subTable}`,
  section: "proactive",
  subTable,
  caption,
  corner: PROACTIVE_CORNER,
  rows: rows.map(([id, label]) => ({ id, label, groups: [] })),
  columns
});
var PROACTIVE_2021 = [
  proactive(
    "regulations",
    "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E00\uFF09\u9879",
    [
      ["rules", "\u89C4\u7AE0"],
      ["normativeDocuments", "\u884C\u653F\u89C4\u8303\u6027\u6587\u4EF6"]
    ],
    [count("issued", "\u672C\u5E74\u5236\u53D1\u4EF6\u6570"), count("repealed", "\u672C\u5E74\u5E9F\u6B62\u4EF6\u6570"), count("inForce", "\u73B0\u884C\u6709\u6548\u4EF6\u6570")]
  ),
  proactive("licensing", "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E94\uFF09\u9879", [["administrativeLicensing", "\u884C\u653F\u8BB8\u53EF"]], [
    count("decisions", "\u672C\u5E74\u5904\u7406\u51B3\u5B9A\u6570\u91CF")
  ]),
  proactive(
    "enforcement",
    "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516D\uFF09\u9879",
    [
      ["administrativePenalty", "\u884C\u653F\u5904\u7F5A"],
      ["administrativeCoercion", "\u884C\u653F\u5F3A\u5236"]
    ],
    [count("decisions", "\u672C\u5E74\u5904\u7406\u51B3\u5B9A\u6570\u91CF")]
  ),
  proactive("fees", "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516B\uFF09\u9879", [["administrativeFees", "\u884C\u653F\u4E8B\u4E1A\u6027\u6536\u8D39"]], [
    { id: "amount", label: "\u672C\u5E74\u6536\u8D39\u91D1\u989D\uFF08\u5355\u4F4D\uFF1A\u4E07\u5143\uFF09", groups: [], kind: "amount" }
  ])
];
var PREVIOUS_COUNT = count("previousCount", "\u4E0A\u4E00\u5E74\u9879\u76EE\u6570\u91CF");
var CHANGE = { id: "change", label: "\u672C\u5E74\u589E/\u51CF", groups: [], kind: "delta" };
var PROACTIVE_2019 = [
  proactive(
    "regulations",
    "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E00\uFF09\u9879",
    [
      ["rules", "\u89C4\u7AE0"],
      ["normativeDocuments", "\u89C4\u8303\u6027\u6587\u4EF6"]
    ],
    [count("made", "\u672C\u5E74\u65B0\u5236\u4F5C\u6570\u91CF"), count("published", "\u672C\u5E74\u65B0\u516C\u5F00\u6570\u91CF"), count("totalPublished", "\u5BF9\u5916\u516C\u5F00\u603B\u6570\u91CF")]
  ),
  proactive(
    "licensing",
    "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E94\uFF09\u9879",
    [
      ["administrativeLicensing", "\u884C\u653F\u8BB8\u53EF"],
      ["otherServices", "\u5176\u4ED6\u5BF9\u5916\u7BA1\u7406\u670D\u52A1\u4E8B\u9879"]
    ],
    [PREVIOUS_COUNT, CHANGE, count("decisions", "\u5904\u7406\u51B3\u5B9A\u6570\u91CF")]
  ),
  proactive(
    "enforcement",
    "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516D\uFF09\u9879",
    [
      ["administrativePenalty", "\u884C\u653F\u5904\u7F5A"],
      ["administrativeCoercion", "\u884C\u653F\u5F3A\u5236"]
    ],
    [PREVIOUS_COUNT, CHANGE, count("decisions", "\u5904\u7406\u51B3\u5B9A\u6570\u91CF")]
  ),
  proactive("fees", "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516B\uFF09\u9879", [["administrativeFees", "\u884C\u653F\u4E8B\u4E1A\u6027\u6536\u8D39"]], [PREVIOUS_COUNT, CHANGE]),
  proactive("procurement", "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E5D\uFF09\u9879", [["centralizedProcurement", "\u653F\u5E9C\u96C6\u4E2D\u91C7\u8D2D"]], [
    count("projects", "\u91C7\u8D2D\u9879\u76EE\u6570\u91CF"),
    { id: "amount", label: "\u91C7\u8D2D\u603B\u91D1\u989D", groups: [], kind: "amount" }
  ])
];
var TEXT_SECTIONS_2021 = [
  { id: "overview", title: SECTION_TITLES.overview, hint: "\uFF08\u6587\u5B57\u63CF\u8FF0\uFF09" },
  { id: "problems", title: SECTION_TITLES.problems, hint: "\uFF08\u6587\u5B57\u63CF\u8FF0\uFF09" },
  { id: "other", title: SECTION_TITLES.other, hint: "\uFF08\u6587\u5B57\u63CF\u8FF0\uFF0C\u6536\u53D6\u4FE1\u606F\u5904\u7406\u8D39\u60C5\u51B5\u5728\u6B64\u5904\u62A5\u544A\u3002\uFF09" }
];
var TEMPLATES = {
  "2021": {
    id: "2021",
    name: "\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u5DE5\u4F5C\u5E74\u5EA6\u62A5\u544A\u683C\u5F0F\uFF082021\u5E74\uFF09",
    sectionTitles: SECTION_TITLES,
    textSections: TEXT_SECTIONS_2021,
    tables: [...PROACTIVE_2021, applicationsTable(APPLICATION_ROWS_2021), APPEALS_TABLE]
  },
  "2019": {
    id: "2019",
    name: "\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u5DE5\u4F5C\u5E74\u5EA6\u62A5\u544A\u683C\u5F0F\uFF08\u8BD5\u884C\uFF09",
    sectionTitles: SECTION_TITLES,
    textSections: TEXT_SECTIONS_2021.map((s) => s.id === "other" ? { ...s, hint: "\uFF08\u6587\u5B57\u63CF\u8FF0\uFF09" } : s),
    tables: [...PROACTIVE_2019, applicationsTable(APPLICATION_ROWS_2019), APPEALS_TABLE]
  }
};
var SECTION_ORDER = [
  "overview",
  "proactive",
  "applications",
  "appeals",
  "problems",
  "other"
];
var tablesByPath = /* @__PURE__ */ new Map();
function tableByPath(template, path) {
  let tables = tablesByPath.get(template);
  if (!tables) tablesByPath.set(template, tables = new Map(TEMPLATES[template].tables.map((t2) => [t2.path, t2])));
  const table = tables.get(path);
  if (!table) throw new Error(`unknown table ${path} in template ${template}`);
  return table;
}
var resultRowsOf = /* @__PURE__ */ new WeakMap();
var inputColumnsOf = /* @__PURE__ */ new WeakMap();
function resultRows(table) {
  let rows = resultRowsOf.get(table);
  if (!rows) resultRowsOf.set(table, rows = table.rows.filter((r) => r.result));
  return rows;
}
function inputColumns(table) {
  let columns = inputColumnsOf.get(table);
  if (!columns) inputColumnsOf.set(table, columns = table.columns.filter((c) => !c.computed));
  return columns;
}
var applicantColumns = inputColumns;
function cellLabel(table, row, column) {
  const prefix = table.caption ? [table.caption] : [];
  const rowPart = [...prefix, ...row.groups, row.label].join(" ");
  const columnPart = [...column.groups, column.label].join(" ");
  return `${rowPart} / ${columnPart}`;
}
function cellPath(table, row, column) {
  return `${table.path}.${row.id}.${column.id}`;
}

// functions/domain/report.ts
import { z } from "zod";
var Cell = z.union([z.number(), z.string(), z.null()]);
var MAX_TEXT_LENGTH = 5e4;
var SectionText = z.string().max(MAX_TEXT_LENGTH).default("");
function rowSchema(table) {
  return z.strictObject(Object.fromEntries(table.columns.map((c) => [c.id, Cell.default(null)])));
}
function tableSchema(table) {
  const row = rowSchema(table);
  return z.strictObject(Object.fromEntries(table.rows.map((r) => [r.id, row.prefault({})])));
}
function sectionsSchema(template) {
  const tables = TEMPLATES[template].tables;
  const proactive2 = Object.fromEntries(
    tables.filter((t2) => t2.subTable).map((t2) => [t2.subTable, tableSchema(t2).prefault({})])
  );
  const byPath = (path) => tableSchema(tables.find((t2) => t2.path === path)).prefault({});
  return z.strictObject({
    overview: SectionText,
    proactive: z.strictObject(proactive2).prefault({}),
    applications: byPath("applications"),
    appeals: byPath("appeals"),
    problems: SectionText,
    other: SectionText
  });
}
var AgencyId = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, "\u7EDF\u4E00\u793E\u4F1A\u4FE1\u7528\u4EE3\u7801\u5E94\u4E3A18\u4F4D\u6570\u5B57\u6216\u5927\u5199\u5B57\u6BCD");
var reportFields = {
  agencyName: z.string().trim().min(1, "\u5355\u4F4D\u540D\u79F0\u4E0D\u80FD\u4E3A\u7A7A").max(200),
  agencyId: AgencyId.optional(),
  year: z.number().int().min(2008).max(2100)
};
var Report2021 = z.strictObject({
  ...reportFields,
  template: z.literal("2021"),
  sections: sectionsSchema("2021").prefault({})
});
var Report2019 = z.strictObject({
  ...reportFields,
  template: z.literal("2019"),
  sections: sectionsSchema("2019").prefault({})
});
var Report = z.discriminatedUnion("template", [Report2021, Report2019]);
function templateForYear(year) {
  return year <= 2020 ? "2019" : "2021";
}
function tableData(report, table) {
  const sections = report.sections;
  if (table.subTable) {
    return sections.proactive[table.subTable] ?? {};
  }
  return sections[table.path] ?? {};
}
var cellRefCache = /* @__PURE__ */ new Map();
function cellRefs(template) {
  let refs = cellRefCache.get(template);
  if (!refs) {
    refs = TEMPLATES[template].tables.flatMap(
      (table) => table.rows.flatMap(
        (row) => table.columns.map((column) => ({
          table,
          row,
          column,
          path: cellPath(table, row, column),
          label: cellLabel(table, row, column),
          kind: column.kind
        }))
      )
    );
    cellRefCache.set(template, refs);
  }
  return refs;
}
function emptyReport(template, header, fill = null) {
  const sections = { overview: "", problems: "", other: "", proactive: {} };
  for (const table of TEMPLATES[template].tables) {
    const data = Object.fromEntries(
      table.rows.map((r) => [r.id, Object.fromEntries(table.columns.map((c) => [c.id, fill]))])
    );
    if (table.subTable) sections.proactive[table.subTable] = data;
    else sections[table.path] = data;
  }
  return Report.parse({ ...header, template, sections });
}
function setCell(report, table, row, column, value) {
  const data = tableData(report, table);
  const rowData = data[row.id];
  if (!rowData) throw new Error(`row ${row.id} missing from ${table.path}`);
  rowData[column.id] = value;
}

// functions/domain/import/amount.ts
var SHIFT = { \u5143: -4, \u4E07\u5143: 0, \u4EBF\u5143: 4 };
var WITH_UNIT = /^(?:人民币|¥)?(.*?)(万元|亿元|元)$/;
var UNIT_IN_LABEL = /[（(](?:单位[:：])?\s*(万元|亿元|元)\s*[)）]/;
function splitAmountUnit(text) {
  const match = WITH_UNIT.exec(text);
  if (!match) return { digits: text.replace(/^¥/, "") };
  return { digits: match[1], unit: match[2] };
}
function unitInLabel(text) {
  if (!text.includes("\u5143")) return void 0;
  return UNIT_IN_LABEL.exec(text.normalize("NFKC").replace(/\s+/g, ""))?.[1];
}
function amountInWan(decimal, unit) {
  const match = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!match) throw new Error(`not a decimal: ${decimal}`);
  const sign = match[1] === "-" ? "-" : "";
  const digits = `${match[2] ?? ""}${match[3] ?? ""}`;
  let point = (match[2] ?? "").length + SHIFT[unit];
  let all = digits;
  if (point < 0) {
    all = "0".repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all += "0".repeat(point - all.length);
  const whole = all.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = all.slice(point).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return text === "0" ? "0" : sign + text;
}

// functions/domain/import/cell-value.ts
var NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
var GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
var PLACEHOLDER = /^[-—―~/\\]+$/;
var NONE = /^无$/;
var COUNT_UNIT = /^([-+]?\d+)(?:件|个|条|次|项|宗|起|人次|人)$/;
function isBlankCell(text) {
  return text.trim() === "";
}
function parseCellValue(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (PLAIN_COUNT.test(trimmed)) return Number(trimmed);
  if (hasWordIdeograph(trimmed)) return trimmed;
  return parsePrintedCell(trimmed);
}
var PLAIN_COUNT = /^\d{1,15}$/;
var VALUE_IDEOGRAPHS = new Set("\u65E0\u4EF6\u4E2A\u6761\u6B21\u9879\u5B97\u8D77\u4EBA\u6C11\u5E01\u5143\u4E07\u4EBF");
function hasWordIdeograph(text) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 19968 && code <= 40959 && !VALUE_IDEOGRAPHS.has(text[i])) return true;
  }
  return false;
}
function parsePrintedCell(trimmed) {
  const ascii = trimmed.normalize("NFKC").replace(/[−–]/g, "-").replace(/\s+/g, "");
  if (PLACEHOLDER.test(ascii)) return null;
  if (NONE.test(ascii)) return 0;
  const count2 = COUNT_UNIT.exec(ascii);
  if (count2) return Number(count2[1]);
  const { digits: printed2, unit } = splitAmountUnit(ascii);
  const digits = NUMBER.test(printed2) ? printed2 : GROUPED.test(printed2) ? printed2.replace(/,/g, "") : void 0;
  if (digits === void 0) return trimmed;
  const value = Number(unit ? amountInWan(digits, unit) : digits);
  return Number.isFinite(value) ? value : trimmed;
}
function isNumericCell(text) {
  return typeof parseCellValue(text) === "number";
}
function isValueCell(text) {
  return typeof parseCellValue(text) !== "string";
}

// functions/domain/import/label-match.ts
var QUOTES = /["'“”‘’「」『』〝〞＂＇]/g;
var CN_NUMERAL = "[\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341]+";
var ARABIC_NUMBERING = /^(\d+)[、,.]/;
var CN_NUMBERING = new RegExp(`^(${CN_NUMERAL})[\u3001,.]`);
var BARE_LEVEL = 3;
var MIN_CLOSE_LENGTH = 5;
var MAX_CLOSE_LENGTH = 40;
var CJK = /[\u4e00-\u9fff]/;
function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
var MAX_LABEL_LENGTH = 120;
var normaliseCache = /* @__PURE__ */ new Map();
var CACHE_SIZE = 4096;
function normaliseLabel(text) {
  let result2 = normaliseCache.get(text);
  if (result2 === void 0) {
    result2 = normalise(text);
    if (normaliseCache.size >= CACHE_SIZE) normaliseCache.clear();
    normaliseCache.set(text, result2);
  }
  return result2;
}
function normalise(text) {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(QUOTES, "").replace(/其它/g, "\u5176\u4ED6").replace(/合计/g, "\u603B\u8BA1").replace(ARABIC_NUMBERING, "$1.").replace(CN_NUMBERING, "$1\u3001").replace(/[:;。]+$/, "");
}
var NUMBERING = new RegExp(`^(?:\\d+\\.|\\(${CN_NUMERAL}\\)|${CN_NUMERAL}\u3001)`);
var TRAILING_NOTE = /\([^()]*\)$/;
function labelKeys(text) {
  const full = normaliseLabel(text);
  const noNote = full.replace(TRAILING_NOTE, "");
  const noNumber = full.replace(NUMBERING, "");
  const bare = noNote.replace(NUMBERING, "");
  return [full, noNote, noNumber, bare];
}
var LabelIndex = class {
  levels = [/* @__PURE__ */ new Map(), /* @__PURE__ */ new Map(), /* @__PURE__ */ new Map(), /* @__PURE__ */ new Map()];
  prefixes = [];
  /** `id` tells whether two registrations are the same target. */
  add(label, id, target) {
    labelKeys(label).forEach((key, level) => {
      if (!key) return;
      const map = this.levels[level];
      const existing = map.get(key);
      if (existing === void 0) map.set(key, { key: id, target });
      else if (existing !== null && existing.key !== id) map.set(key, null);
    });
  }
  /**
   * A group label that may be printed in the same cell as its row's label, as when merged
   * cells are flattened: "（三）不予公开1.属于国家秘密".
   */
  addPrefix(label) {
    const prefix = normaliseLabel(label);
    if (prefix && !this.prefixes.includes(prefix)) this.prefixes.push(prefix);
  }
  find(text) {
    if (text.length > MAX_LABEL_LENGTH) return void 0;
    const whole = this.findExact(text);
    if (whole !== void 0) return whole;
    const normalised = normaliseLabel(text);
    const prefix = this.prefixes.find((p) => normalised.length > p.length && normalised.startsWith(p));
    return prefix === void 0 ? void 0 : this.find(normalised.slice(prefix.length));
  }
  /**
   * A label printed with one character wrong, missing or extra (行政事业型收费 for 行政事业性收费),
   * when exactly one label is that close. Only for labels long enough that one character does
   * not make another label: callers use it for a row of figures whose label is otherwise unknown.
   */
  findClose(text) {
    const key = labelKeys(text)[BARE_LEVEL];
    if (key.length < MIN_CLOSE_LENGTH || key.length > MAX_CLOSE_LENGTH || !CJK.test(key)) return void 0;
    let found;
    for (const [candidate, hit] of this.levels[BARE_LEVEL]) {
      if (!hit || !withinOneEdit(key, candidate)) continue;
      if (found && found.key !== hit.key) return void 0;
      found = hit;
    }
    return found?.target;
  }
  findExact(text) {
    if (!text.trim()) return void 0;
    const keys = labelKeys(text);
    for (let level = 0; level < keys.length; level++) {
      const key = keys[level];
      if (!key) continue;
      const hit = this.levels[level].get(key);
      if (hit === null) return void 0;
      if (hit) return hit.target;
    }
    return void 0;
  }
};

// functions/domain/import/detect-template.ts
function templateLabels(template) {
  const labels = /* @__PURE__ */ new Set();
  for (const table of TEMPLATES[template].tables) {
    if (table.caption) labels.add(table.caption);
    for (const row of table.rows) labels.add(row.label);
    for (const column of table.columns) labels.add(column.label);
  }
  return new Set([...labels].map(normaliseLabel));
}
var signatures;
function signatureLabels() {
  if (!signatures) {
    const [a, b] = TEMPLATE_IDS.map(templateLabels);
    const only = (x, y) => new Set([...x].filter((l) => !y.has(l)));
    signatures = { "2021": only(a, b), "2019": only(b, a) };
  }
  return signatures;
}
var OTHER_HANDLING2 = normaliseLabel("\uFF08\u516D\uFF09\u5176\u4ED6\u5904\u7406");
function detectTemplate(lines, year) {
  const signature = signatureLabels();
  const score = { "2021": 0, "2019": 0 };
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      if (isBlankCell(cell) || cell.length > MAX_LABEL_LENGTH) return;
      const label = normaliseLabel(cell);
      for (const id of TEMPLATE_IDS) if (signature[id].has(label)) score[id]++;
      if (label === OTHER_HANDLING2) {
        const next = line.cells.slice(i + 1).find((c) => !isBlankCell(c));
        if (next !== void 0 && isNumericCell(next)) score["2019"]++;
      }
    });
  }
  if (score["2019"] !== score["2021"]) return score["2019"] > score["2021"] ? "2019" : "2021";
  return templateForYear(year);
}

// functions/domain/import/html-to-lines.ts
import { DomUtils, parseDocument } from "htmlparser2";

// functions/domain/import/source-line.ts
var METADATA_LINE = 0;
function lineText(line) {
  return line.cells.map((c) => c.trim()).filter(Boolean).join(" ");
}
function isBlankLine(line) {
  return line.cells.every((c) => !c.trim());
}
function printedCells(line, start) {
  const continued = line.continued;
  if (!continued?.some(Boolean)) return void 0;
  const cells = [];
  let printedStart = 0;
  line.cells.forEach((cell, i) => {
    if (i === start) printedStart = cells.length;
    if (!continued[i]) cells.push(cell);
  });
  if (start >= line.cells.length) printedStart = cells.length;
  return { cells, start: printedStart };
}

// functions/domain/import/html-to-lines.ts
var SKIPPED = /* @__PURE__ */ new Set([
  "head",
  "title",
  "meta",
  "link",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "footer",
  "aside",
  "form",
  "select",
  "button",
  "input",
  "textarea",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "map"
]);
var BLOCKS = /* @__PURE__ */ new Set([
  "html",
  "body",
  "main",
  "article",
  "section",
  "header",
  "div",
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "center",
  "address",
  "figure",
  "figcaption",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "caption"
]);
var CHROME = /(?:^|[\s_-])(?:foot|footer|nav|navbar|menu|breadcrumbs?|crumbs?|share|copyright|sidebar|toolbar)(?:$|[\s_-])/i;
var CJK2 = "[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]";
var CJK_LINE_BREAK = new RegExp(`(${CJK2})[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=${CJK2})`, "g");
var MAX_SPAN = 100;
function looksLikeHtml(source, filename) {
  if (/<(?:!doctype\s+html|html|body|table|p|div|h[1-6]|br|span)[\s>/]/i.test(source)) return true;
  return filename !== void 0 && /\.x?html?$/i.test(filename) && /<[a-z!][^>]*>/i.test(source);
}
function htmlToLines(source) {
  const document = parseDocument(source, { withStartIndices: true });
  const lineStarts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (node) => {
    const index = node.startIndex ?? 0;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if (lineStarts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const lines = [];
  let buffer = "";
  let bufferLine = 0;
  const flush = () => {
    const text = inlineText(buffer);
    if (text) lines.push({ no: bufferLine, cells: [text] });
    buffer = "";
  };
  const walk = (node) => {
    if (DomUtils.isText(node)) {
      if (!buffer.trim()) bufferLine = lineOf(node);
      buffer += node.data;
      return;
    }
    if (!DomUtils.isTag(node) || isSkipped(node)) return;
    const block = BLOCKS.has(node.name);
    if (block) flush();
    if (node.name === "table" && !DomUtils.findOne((e) => e.name === "table", node.children)) {
      for (const { element, ...row } of tableRows(node)) lines.push({ no: lineOf(element), ...row });
      return;
    }
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  const title2 = DomUtils.findOne((e) => e.name === "title", document.children);
  const titleText = title2 ? inlineText(DomUtils.textContent(title2)) : "";
  if (titleText) lines.push({ no: METADATA_LINE, cells: [titleText] });
  for (const child of document.children) walk(child);
  flush();
  return lines;
}
function isSkipped(element) {
  if (SKIPPED.has(element.name)) return true;
  const { class: className = "", id = "", style = "", hidden } = element.attribs;
  if (hidden !== void 0 || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return CHROME.test(className) || CHROME.test(id);
}
function inlineText(text) {
  return text.replace(CJK_LINE_BREAK, "$1").replace(/\s+/g, " ").trim();
}
function cellText(element) {
  let text = "";
  const walk = (node) => {
    if (DomUtils.isText(node)) text += node.data;
    else if (DomUtils.isTag(node) && !isSkipped(node)) {
      if (BLOCKS.has(node.name)) text += " ";
      for (const child of node.children) walk(child);
      if (BLOCKS.has(node.name)) text += " ";
    }
  };
  for (const child of element.children) walk(child);
  return inlineText(text);
}
function tableRows(table) {
  const trs = [];
  const caption = [];
  const collect = (node) => {
    if (!DomUtils.isTag(node) || isSkipped(node)) return;
    if (node.name === "tr") trs.push(node);
    else if (node.name === "caption") caption.push(node);
    else for (const child of node.children) collect(child);
  };
  for (const child of table.children) collect(child);
  const grid = trs.map(() => []);
  const continuation = trs.map(() => []);
  const starts = [];
  trs.forEach((tr, r) => {
    let column = 0;
    for (const td of tr.children) {
      if (!DomUtils.isTag(td) || td.name !== "td" && td.name !== "th" || isSkipped(td)) continue;
      const row = grid[r];
      while (row[column] !== void 0) column++;
      const rowSpan = span(td.attribs.rowspan, trs.length - r);
      const colSpan = span(td.attribs.colspan, MAX_SPAN);
      const text = cellText(td);
      starts[column] = true;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr][column + dc] = dr === 0 && dc === 0 ? text : "";
          continuation[r + dr][column + dc] = dc > 0;
        }
      }
      column += colSpan;
    }
  });
  const kept2 = starts.flatMap((start, column) => start ? [column] : []);
  const rows = trs.map((element, r) => {
    const columns = kept2.filter((column) => column < grid[r].length);
    const continued = columns.map((column) => continuation[r][column] === true);
    const cells = columns.map((column) => grid[r][column] ?? "");
    return continued.some(Boolean) ? { element, cells, continued } : { element, cells };
  });
  const captions = caption.map((element) => ({ element, cells: [cellText(element)] }));
  return [...captions, ...rows];
}
function span(value, max) {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

// functions/domain/import/import-error.ts
var ImportError = class extends Error {
  name = "ImportError";
  line;
  section;
  constructor(message, where = {}) {
    super(message);
    if (where.line !== void 0) this.line = where.line;
    if (where.section !== void 0) this.section = where.section;
  }
};

// functions/domain/import/align-values.ts
function alignValues(cells, start, count2, expectedStart) {
  const region = cells.slice(start);
  const filled = region.map((c) => !isBlankCell(c));
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  if (first === -1) return { ok: true, values: Array.from({ length: count2 }, () => "") };
  if (region.length < count2) return { ok: false, found: region.length };
  if (last - first + 1 > count2) return { ok: false, found: last - first + 1 };
  const lowest = Math.max(0, last - count2 + 1);
  const highest = Math.min(first, region.length - count2);
  let best = lowest;
  if (expectedStart !== void 0) {
    let bestDistance = Infinity;
    for (let offset = lowest; offset <= highest; offset++) {
      const distance = Math.abs(start + offset - expectedStart);
      if (distance < bestDistance) {
        best = offset;
        bestDistance = distance;
      }
    }
  }
  return { ok: true, values: region.slice(best, best + count2) };
}

// functions/domain/import/wrapped-labels.ts
function splitSpacedValues(line) {
  const filled = line.cells.filter((c) => !isBlankCell(c));
  if (filled.length > 1) return splitLabelValues(line);
  if (filled.length !== 1) return line;
  const tokens = filled[0].trim().split(/\s+/);
  let first = tokens.length;
  while (first > 0 && isValueCell(tokens[first - 1])) first--;
  if (first === tokens.length || tokens.length === 1 || !tokens.slice(first).some(isNumericCell)) return line;
  const label = tokens.slice(0, first).join(" ");
  return { no: line.no, cells: label ? [label, ...tokens.slice(first)] : tokens.slice(first) };
}
function splitLabelValues(line) {
  const start = valueStart(line.cells);
  if (start <= 0) return line;
  const cell = line.cells[start - 1];
  const tokens = cell.trim().split(/\s+/);
  let first = tokens.length;
  while (first > 1 && isValueCell(tokens[first - 1])) first--;
  if (first === tokens.length || isValueCell(tokens[first - 1])) return line;
  const cells = [...line.cells.slice(0, start - 1), tokens.slice(0, first).join(" "), ...tokens.slice(first), ...line.cells.slice(start)];
  return { no: line.no, cells };
}
function valueStart(cells) {
  let start = cells.length;
  while (start > 0 && isValueCell(cells[start - 1])) start--;
  return cells.slice(start).some(isNumericCell) ? start : -1;
}
function labelPieces(cells) {
  return cells.flatMap((c) => c.trim().split(/\s+/)).filter(Boolean);
}
var WrappedLabels = class {
  constructor(index) {
    this.index = index;
  }
  index;
  pieces = [];
  add(cells) {
    this.pieces.push(...labelPieces(cells));
  }
  clear() {
    this.pieces = [];
  }
  /**
   * The row whose label is the value line's own words, extended backwards over the pieces
   * before it and then forwards over the label lines after it. The shortest extension wins,
   * so that a group label printed above (（三）不 / 予公开) or a column header never joins.
   */
  find(own, after) {
    for (let consumed = 0; consumed <= after.length; consumed++) {
      const tail = after.slice(0, consumed).flat();
      if (consumed > 0 && tail.length === 0) break;
      for (let back = 0; back <= this.pieces.length; back++) {
        const before = this.pieces.slice(this.pieces.length - back);
        if (before.join("").length > MAX_LABEL_LENGTH) break;
        for (let start = 0; start < Math.max(own.length, 1); start++) {
          const hit = this.row([...before, ...own.slice(start), ...tail]);
          if (hit) return { target: hit, consumed };
        }
      }
    }
    return void 0;
  }
  row(words) {
    if (words.length === 0) return void 0;
    const target = this.index.find(words.join(" "));
    return target?.kind === "row" ? target : void 0;
  }
};

// functions/domain/import/read-labelled-rows.ts
var MAX_FOLLOWING_LINES = 8;
function readLabelledRows(report, lines, index, section, options) {
  let rows = 0;
  let filledRows = 0;
  let expectedStart;
  const seen = /* @__PURE__ */ new Map();
  const wrapped = new WrappedLabels(index);
  const store = (line, target, valueCells, start) => {
    const { table, row } = target;
    rows++;
    const extra = options.extraColumnAt;
    const align = (cells, from, expected) => {
      if (extra !== void 0) {
        const wide = alignValues(cells, from, table.columns.length + 1, expected);
        if (wide.ok) return { ok: true, values: wide.values.filter((_, i) => i !== extra) };
      }
      return alignValues(cells, from, table.columns.length, expected);
    };
    let alignment = align(valueCells, start, expectedStart);
    const printed2 = alignment.ok ? void 0 : printedCells(line, start);
    if (printed2) {
      const retry = align(printed2.cells, printed2.start);
      if (retry.ok) alignment = retry;
    }
    if (!alignment.ok) throw wrongCount(line, row.label, table, alignment.found, section);
    if (alignment.values.every(isBlankCell)) return;
    filledRows++;
    const key = `${table.path}.${row.id}`;
    const previous2 = seen.get(key);
    if (previous2 !== void 0) {
      throw new ImportError(`\u7B2C${line.no}\u884C\uFF1A\u201C${row.label}\u201D\u4E00\u884C\u91CD\u590D\u51FA\u73B0\uFF08\u5DF2\u89C1\u4E8E\u7B2C${previous2}\u884C\uFF09`, {
        line: line.no,
        section
      });
    }
    seen.set(key, line.no);
    table.columns.forEach((column, i) => setCell(report, table, row, column, parseCellValue(alignment.values[i])));
  };
  for (let i = 0; i < lines.length; i++) {
    const line = splitSpacedValues(lines[i]);
    const targets = closeLabels(line, line.cells.map((cell) => index.find(cell)), index);
    const rowAt = findLastIndex(targets, (t2) => t2?.kind === "row");
    const columns = targets.flatMap((t2, position) => t2?.kind === "column" ? [position - t2.index] : []);
    if (columns.length > 0 && rowAt < 0) {
      expectedStart = mostCommon(columns);
      wrapped.clear();
      continue;
    }
    const labelEnd = findLastIndex(targets, (t2) => t2 !== void 0);
    const target = targets[rowAt];
    if (target?.kind === "row") {
      if (labelEnd === line.cells.length - 1 && line.cells.filter((c) => !isBlankCell(c)).length === 1) {
        rows++;
        wrapped.add(line.cells);
        continue;
      }
      wrapped.clear();
      store(line, target, line.cells, labelEnd + 1);
      continue;
    }
    const start = valueStart(line.cells);
    if (start < 0) {
      wrapped.add(line.cells);
      continue;
    }
    const found = wrapped.find(labelPieces(line.cells.slice(0, start)), following(lines, i + 1, index));
    if (!found) {
      wrapped.clear();
      if (options.rejectUnknownRows) rejectUnknownRow(line, Math.max(labelEnd, start - 1), section);
      continue;
    }
    i += found.consumed;
    wrapped.clear();
    store(line, found.target, line.cells, start);
  }
  return { rows, filledRows };
}
function closeLabels(line, targets, index) {
  if (targets.some((t2) => t2?.kind === "row")) return targets;
  const start = valueStart(line.cells);
  if (start <= 0) return targets;
  return targets.map((t2, i) => {
    if (i >= start || isBlankCell(line.cells[i])) return t2;
    const close = index.findClose(line.cells[i]);
    return close?.kind === "row" ? close : t2;
  });
}
function following(lines, from, index) {
  const result2 = [];
  for (let i = from; i < lines.length && result2.length < MAX_FOLLOWING_LINES; i++) {
    const line = splitSpacedValues(lines[i]);
    if (valueStart(line.cells) >= 0) break;
    if (line.cells.some((cell) => index.find(cell) !== void 0)) break;
    const pieces = labelPieces(line.cells);
    if (pieces.length === 0) break;
    result2.push(pieces);
  }
  return result2;
}
function rejectUnknownRow(line, labelEnd, section) {
  if (line.cells.filter((c) => !isBlankCell(c)).length < 2) return;
  if (!line.cells.slice(labelEnd + 1).some(isNumericCell)) return;
  const label = line.cells.find((c) => !isBlankCell(c) && !isNumericCell(c));
  const message = label ? `\u7B2C${line.no}\u884C\uFF1A\u65E0\u6CD5\u8BC6\u522B\u7684\u8868\u683C\u884C\u201C${label.trim()}\u201D` : `\u7B2C${line.no}\u884C\uFF1A\u8868\u683C\u884C\u7F3A\u5C11\u884C\u6807\u9898`;
  throw new ImportError(message, { line: line.no, section });
}
function wrongCount(line, label, table, found, section) {
  const expected = table.columns.length;
  const actual = found < expected ? `\u5B9E\u9645\u53EA\u6709${found}\u4E2A` : `\u5B9E\u9645\u6709${found}\u4E2A`;
  return new ImportError(`\u7B2C${line.no}\u884C\uFF08${label}\uFF09\uFF1A\u5E94\u6709${expected}\u4E2A\u6570\u503C\uFF0C${actual}`, { line: line.no, section });
}
function mostCommon(values) {
  const counts2 = /* @__PURE__ */ new Map();
  for (const v of values) counts2.set(v, (counts2.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [value, count2] of counts2) if (count2 > (counts2.get(best) ?? 0)) best = value;
  return best;
}
function findLastIndex(items, test) {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}

// functions/domain/import/sections.ts
var NUMERALS = ["\u4E00", "\u4E8C", "\u4E09", "\u56DB", "\u4E94", "\u516D"];
var KEY_PHRASES = {
  // 一、总体情况 / 一、概述 / 一、工作基本情况
  overview: [["\u603B\u4F53\u60C5\u51B5"], ["\u6982\u8FF0"], ["\u57FA\u672C\u60C5\u51B5"]],
  // 二、主动公开政府信息情况 / 二、主动公开政府信息
  proactive: [["\u4E3B\u52A8\u516C\u5F00\u653F\u5E9C\u4FE1\u606F"]],
  // 三、收到和处理政府信息公开申请情况 / 三、依申请公开政府信息情况
  applications: [["\u6536\u5230\u548C\u5904\u7406\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7"], ["\u6536\u5230\u548C\u5904\u7406", "\u7533\u8BF7"], ["\u4F9D\u7533\u8BF7\u516C\u5F00\u653F\u5E9C\u4FE1\u606F"]],
  // 四、政府信息公开行政复议、行政诉讼情况 / 四、因政府信息公开工作被申请行政复议、提起行政诉讼情况
  appeals: [["\u884C\u653F\u590D\u8BAE", "\u884C\u653F\u8BC9\u8BBC"]],
  // 五、存在的主要问题及改进情况 / 五、政府信息公开工作存在的主要问题及改进情况 / 五、存在问题及改进情况
  problems: [["\u5B58\u5728\u7684\u4E3B\u8981\u95EE\u9898"], ["\u5B58\u5728\u95EE\u9898", "\u6539\u8FDB"], ["\u4E3B\u8981\u95EE\u9898", "\u6539\u8FDB"]],
  other: [["\u5176\u4ED6\u9700\u8981\u62A5\u544A\u7684\u4E8B\u9879"], ["\u5176\u4ED6\u9700\u8981\u62A5\u544A"]]
};
var MAX_HEADING_LENGTH = 40;
var MAX_BARE_HEADING_LENGTH = 24;
var NUMBERED = /^(?:第([一二三四五六])部分|([一二三四五六])、)[:、]?(.+)$/;
var OTHER_NUMBERING = /^(?:[(（]|\d|[一二三四五六七八九十]+[、.]|第)/;
function headingSection(line) {
  const nonEmpty = line.cells.filter((c) => c.trim());
  if (nonEmpty.length !== 1) return void 0;
  const text = normaliseLabel(nonEmpty[0]);
  if (text.length > MAX_HEADING_LENGTH) return void 0;
  const match = NUMBERED.exec(text);
  if (!match) {
    const bare = bareHeading(text);
    return bare && { section: bare, bare: true };
  }
  const section = SECTION_ORDER[NUMERALS.indexOf(match[1] ?? match[2])];
  return section && names(section, match[3]) ? { section, bare: false } : void 0;
}
function names(section, title2) {
  return KEY_PHRASES[section].some((phrases) => phrases.every((p) => title2.includes(p)));
}
function bareHeading(text) {
  if (text.length > MAX_BARE_HEADING_LENGTH || OTHER_NUMBERING.test(text) || !/(?:情况|事项)$/.test(text)) return void 0;
  if (/^(?:无|没有|暂无|本年度?无)/.test(text)) return void 0;
  return SECTION_ORDER.find((section) => names(section, text));
}
function splitSections(lines) {
  const preamble = [];
  const sections = {};
  let current;
  let currentIndex = -1;
  for (const line of lines) {
    const heading = headingSection(line);
    const section = heading?.section;
    const index = section ? SECTION_ORDER.indexOf(section) : -1;
    if (section && (heading.bare ? index === currentIndex + 1 : index > currentIndex)) {
      current = { heading: line, lines: [] };
      sections[section] = current;
      currentIndex = index;
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  return { preamble, sections };
}
function sectionName(section) {
  const title2 = TEMPLATES["2021"].sectionTitles[section];
  const mark = title2.indexOf("\u3001");
  return `\u7B2C${title2.slice(0, mark)}\u90E8\u5206\u201C${title2.slice(mark + 1)}\u201D`;
}

// functions/domain/import/table-labels.ts
var GROUP = { kind: "group" };
var HEADER = { kind: "header" };
function tableLabelIndex(tables, extraHeaders = []) {
  const index = new LabelIndex();
  for (const table of tables) {
    for (const row of table.rows) {
      index.add(row.label, `row:${table.path}.${row.id}`, { kind: "row", table, row });
      for (const group of row.groups) {
        index.add(group, `group:${group}`, GROUP);
        index.addPrefix(group);
      }
    }
    table.columns.forEach((column, i) => {
      index.add(column.label, `column:${i}:${column.label}`, { kind: "column", index: i });
      for (const group of column.groups) index.add(group, `header:${group}`, HEADER);
    });
    for (const header of [table.corner, table.caption]) {
      if (header) index.add(header, `header:${header}`, HEADER);
    }
  }
  for (const header of extraHeaders) index.add(header, `header:${header}`, HEADER);
  return index;
}

// functions/domain/import/read-transposed-appeals.ts
var MIN_RESULT_LINES = 4;
function readTransposedAppeals(report, table, lines) {
  const index = tableLabelIndex([table]);
  const results = [];
  let order2 = [];
  for (const raw of lines) {
    const line = splitSpacedValues(raw);
    const first = line.cells.findIndex((c) => !isBlankCell(c));
    if (first < 0) continue;
    const target = index.find(line.cells[first]);
    const rest = line.cells.slice(first + 1);
    if (target?.kind === "column" && rest.some((c) => !isBlankCell(c) && index.find(c) === void 0)) {
      results.push({ line, column: target.index, start: first + 1 });
      continue;
    }
    if (results.length === 0) {
      const rows2 = line.cells.flatMap((c) => {
        const hit = isBlankCell(c) ? void 0 : index.find(c);
        return hit?.kind === "row" ? [hit.row] : [];
      });
      if (rows2.length > 0) order2 = rows2.length === table.rows.length ? rows2 : [...order2, ...rows2];
    }
  }
  if (new Set(results.map((r) => r.column)).size < MIN_RESULT_LINES) return false;
  const rows = new Set(order2).size === table.rows.length ? order2 : table.rows;
  for (const { line, column, start } of results) {
    let alignment = alignValues(line.cells, start, rows.length);
    const printed2 = alignment.ok ? void 0 : printedCells(line, start);
    if (printed2) alignment = alignValues(printed2.cells, printed2.start, rows.length);
    if (!alignment.ok) {
      const actual = alignment.found < rows.length ? `\u5B9E\u9645\u53EA\u6709${alignment.found}\u4E2A` : `\u5B9E\u9645\u6709${alignment.found}\u4E2A`;
      throw new ImportError(
        `\u7B2C${line.no}\u884C\uFF08${sectionName("appeals")}\uFF0C${table.columns[column].label}\uFF09\uFF1A\u5E94\u6709${rows.length}\u4E2A\u6570\u503C\uFF0C${actual}`,
        { line: line.no, section: "appeals" }
      );
    }
    rows.forEach((row, i) => setCell(report, table, row, table.columns[column], parseCellValue(alignment.values[i])));
  }
  return true;
}

// functions/domain/import/read-appeals.ts
var HEADER_WORDS = ["\u884C\u653F\u590D\u8BAE", "\u884C\u653F\u8BC9\u8BBC", "\u7EF4\u6301", "\u7EA0\u6B63", "\u7ED3\u679C", "\u5BA1\u7ED3", "\u603B\u8BA1", "\u8D77\u8BC9"];
function isHeaderCell(cell) {
  const label = normaliseLabel(cell);
  return HEADER_WORDS.some((w) => label.includes(w));
}
function spaceSeparated(line, width) {
  if (line.cells.length !== 1) return void 0;
  const tokens = line.cells[0].trim().split(/\s+/);
  if (tokens.length !== width || !tokens.every((t2) => /^-?[\d０-９][\d０-９.,]*$/.test(t2))) return void 0;
  return { ...line, cells: tokens };
}
function printsHeaders(lines) {
  const text = normaliseLabel(lines.map((l) => l.cells.join("")).join(""));
  return ["\u884C\u653F\u590D\u8BAE", "\u884C\u653F\u8BC9\u8BBC"].every((w) => text.includes(w)) && ["\u7EF4\u6301", "\u7EA0\u6B63", "\u5BA1\u7ED3"].every((w) => text.includes(w));
}
function printed(line) {
  return printedCells(line, 0)?.cells ?? line.cells;
}
function twoTables(numberLines, group, width) {
  const [first, second] = numberLines;
  if (!first || !second) return void 0;
  for (const [a, b] of [[group, width - group], [width - group, group]]) {
    const one = alignValues(printed(first), 0, a);
    const two = alignValues(printed(second), 0, b);
    if (one.ok && two.ok) return [...one.values, ...two.values];
  }
  return void 0;
}
function readAppeals(report, table, lines) {
  if (readTransposedAppeals(report, table, lines)) return;
  const width = table.rows.length * table.columns.length;
  const candidates = lines.map((l) => spaceSeparated(l, width) ?? l).filter((l) => l.cells.length >= 2 && !l.cells.some(isHeaderCell));
  const mostlyNumbers = (l) => {
    const filled = l.cells.filter((c) => !isBlankCell(c));
    return filled.length > 0 && filled.filter(isNumericCell).length * 2 >= filled.length;
  };
  const numberLines = candidates.filter(mostlyNumbers);
  const found = numberLines[0] ?? candidates.find((l) => l.cells.some((c) => !isBlankCell(c))) ?? candidates.find((l) => l.cells.length >= width);
  let valueLine = found;
  if (found && found === numberLines[0]) {
    let cells = found.cells;
    for (const next of numberLines.slice(1)) {
      if (cells.length >= width) break;
      cells = [...cells, ...next.cells];
    }
    valueLine = cells === found.cells ? found : { no: found.no, cells };
    const split = twoTables(numberLines, table.columns.length, width);
    if (split && !alignValues(cells, 0, width, 0).ok) valueLine = { no: found.no, cells: split };
  }
  if (!valueLine) {
    const index = tableLabelIndex([table]);
    const { filledRows } = readLabelledRows(report, lines, index, "appeals", { rejectUnknownRows: false });
    if (filledRows === 0 && !printsHeaders(lines)) throw new ImportError(`${sectionName("appeals")}\u672A\u627E\u5230\u8868\u683C`, { section: "appeals" });
    return;
  }
  let alignment = alignValues(valueLine.cells, 0, width, 0);
  if (!alignment.ok && valueLine.continued) {
    const retry = alignValues(printed(valueLine), 0, width, 0);
    if (retry.ok) alignment = retry;
  }
  if (!alignment.ok) {
    const actual = alignment.found < width ? `\u5B9E\u9645\u53EA\u6709${alignment.found}\u4E2A` : `\u5B9E\u9645\u6709${alignment.found}\u4E2A`;
    throw new ImportError(`\u7B2C${valueLine.no}\u884C\uFF08${sectionName("appeals")}\uFF09\uFF1A\u5E94\u6709${width}\u4E2A\u6570\u503C\uFF0C${actual}`, {
      line: valueLine.no,
      section: "appeals"
    });
  }
  table.rows.forEach(
    (row, r) => table.columns.forEach(
      (column, c) => setCell(report, table, row, column, parseCellValue(alignment.values[r * table.columns.length + c]))
    )
  );
}

// functions/domain/import/read-text-section.ts
var SEAL_PLACEHOLDER = /^[（(]\s*(单位)?(盖章|公章|印章)\s*[)）]$|^年\s*月\s*日$/u;
function readTextSection(def, body) {
  if (!body) return "";
  const hint = normaliseLabel(def.hint);
  const lines = body.lines.map(lineText).filter((t2) => t2 && normaliseLabel(t2) !== hint);
  while (lines.length && SEAL_PLACEHOLDER.test(lines.at(-1).trim())) lines.pop();
  const text = lines.join("\n\n").trim();
  if (text.length > MAX_TEXT_LENGTH) {
    throw new ImportError(`${sectionName(def.id)}\u8D85\u8FC7${MAX_TEXT_LENGTH}\u5B57\uFF0C\u65E0\u6CD5\u5BFC\u5165`, {
      line: body.heading.no,
      section: def.id
    });
  }
  return text;
}

// functions/domain/import/read-title.ts
var TITLE_WORDS = /(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
var YEAR = /((?:19|20)\d{2})\s*年(?:度)?/;
var CN_DIGITS = "\u3007\u96F6\u4E00\u4E8C\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D";
var CN_YEAR = new RegExp(`[${CN_DIGITS}]{4}(?=\\s*\u5E74)`, "g");
var YEAR_LINE = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
var PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日(?:起)?\s*(?:至|到|—|-|－|~)/;
var SENTENCE_LEAD = /^.*?(?:现予|现将|现向社会公布|现公布|公布|特编制|编制|发布|本报告为|本报告是)/;
var MORE_LEAD = /^(?:并|并且|和|及)?\s*(?:向社会|向社会公众)?\s*(?:公布|发布|公开)/;
var NAVIGATION = /[>»›]|当前位置|您的位置|首页/;
var SENTENCE_MARKS = /[,;。!?]/;
var MAX_TITLE_TAIL = 30;
var FIELD_LABEL = /^.*?(?:标题|名称|题目)\s*[:：]\s*/;
var NOT_A_NAME = /^(?:(?:本|我)(?:级|镇|乡|街道|局|委|办|厅|院|单位|部门|机关|区|县|市|政府)?|级|镇|乡|街道|局|委|办|厅|院|单位|部门|机关|区|县|市|政府|本单位|本部门)$/;
var AGENCY_IN_PROSE = [/由([^,，。；、由]{2,40}?)(?:负责)?编制/, /请与([^,，。；、]{2,40}?)联系/];
var MAX_AGENCY_LENGTH = 60;
var COMPILING_OFFICE = [
  /^(.+?(?:人民政府|政府|街道办事处))(?:党政综合办公室|党政办公室|党政综合办|党政办|综合办公室|综合办)$/,
  /^(.+?(?:镇|乡|街道)(?:人民政府|政府))办公室$/
];
var SIGN_OFF_DATE = /^((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
var AGENCY_ENDING = /(?:人民政府|政府|办事处|管理委员会|管委会|委员会|局|委|办公室|办|厅|院|署|中心|镇|乡|街道|所|站|队|馆|会|社|公司)$/;
var SIGN_OFF_NAME = /^[\u4e00-\u9fff()（）]{2,40}$/;
var OPENING_LINES = 5;
var MAX_TITLE_LENGTH = 120;
var MIN_YEAR = 2008;
var MAX_YEAR = 2100;
function clean(text) {
  return text.normalize("NFKC").replace(CN_YEAR, (digits) => [...digits].map((d) => String(Math.max(0, CN_DIGITS.indexOf(d) - 1))).join("")).replace(/\s+/g, " ").replace(/[《》“”"]/g, "").trim();
}
function trimAgency(text) {
  return text.replace(/^关于\s*/, "").replace(/\s*关于$/, "").replace(/[\s,.:;、_—-]+$/, "").replace(/^[\s,.:;、_—-]+/, "").trim();
}
function parseTitle(text) {
  const title2 = clean(text);
  const words = TITLE_WORDS.exec(title2);
  if (!words) return void 0;
  const head = title2.slice(0, words.index).replace(FIELD_LABEL, "");
  if (SENTENCE_MARKS.test(head) || NAVIGATION.test(head) || title2.length - words.index - words[0].length > MAX_TITLE_TAIL) return void 0;
  const year = YEAR.exec(head);
  if (!year && words[0].endsWith("\u5E74\u62A5")) return void 0;
  if (!year) return { year: NaN, agency: trimAgency(head) };
  const before = trimAgency(head.slice(0, year.index));
  const after = trimAgency(head.slice(year.index + year[0].length));
  const agency = before || after;
  return { year: Number(year[1]), agency: NOT_A_NAME.test(agency) ? "" : agency };
}
function parseSentence(text) {
  for (const sentence of clean(text).split(/[。；;]/)) {
    for (const words of sentence.matchAll(new RegExp(TITLE_WORDS.source, "g"))) {
      if (/^(?:有关|的通知|工作的通知)/.test(sentence.slice(words.index + words[0].length))) continue;
      const clause = sentence.slice(0, words.index).split(",").pop();
      if (!SENTENCE_LEAD.test(clause)) continue;
      const parsed = parseTitle(`${clause.replace(SENTENCE_LEAD, "").replace(MORE_LEAD, "")}\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u5DE5\u4F5C\u5E74\u5EA6\u62A5\u544A`);
      if (parsed && !Number.isNaN(parsed.year)) return parsed;
    }
  }
  return void 0;
}
function titleTexts(line) {
  const cells = line.cells.map((c) => c.trim()).filter((c) => TITLE_WORDS.test(clean(c)));
  return cells.length > 0 ? cells : [lineText(line)];
}
function readTitle(preamble, filename, context = [], ending = []) {
  const printed2 = preamble.filter((l) => lineText(l));
  const candidates = (lines) => lines.flatMap((line2) => titleTexts(line2).map((text) => ({ text, line: line2 })));
  const titleLike = (c) => c.text.length <= MAX_TITLE_LENGTH && parseTitle(c.text) !== void 0;
  const body = candidates(printed2.filter((l) => l.no !== METADATA_LINE));
  const metadata = candidates(printed2.filter((l) => l.no === METADATA_LINE));
  const withYear = (c) => titleLike(c) && !Number.isNaN(parseTitle(c.text).year);
  const found = body.find(withYear) ?? metadata.find(withYear) ?? body.find(titleLike) ?? metadata.find(titleLike);
  const fromFile = filename ? parseTitle(baseName(filename)) : void 0;
  const title2 = found ? parseTitle(found.text) : void 0;
  const opening = [...printed2, ...context.filter((l) => lineText(l)).slice(0, OPENING_LINES)];
  const sentence = opening.map((l) => parseSentence(lineText(l))).find(Boolean);
  const parsed = title2 && (title2.agency || !Number.isNaN(title2.year)) ? title2 : sentence ?? title2 ?? fromFile;
  const line = found?.line;
  let year = parsed?.year ?? NaN;
  const signedBy = signOff(ending);
  let agency = parsed && !(parsed === sentence && signedBy) ? parsed.agency : "";
  if (Number.isNaN(year)) year = yearNearby(printed2, line, opening) ?? sentence?.year ?? NaN;
  if (Number.isNaN(year) && fromFile && !Number.isNaN(fromFile.year)) year = fromFile.year;
  if (!parsed && (Number.isNaN(year) || !(signedBy ?? agencyInProse(opening)))) {
    throw new ImportError("\u672A\u627E\u5230\u62A5\u544A\u6807\u9898\uFF08\u5982\u201C\xD7\xD7\u9547\u4EBA\u6C11\u653F\u5E9C2023\u5E74\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u5DE5\u4F5C\u5E74\u5EA6\u62A5\u544A\u201D\uFF09");
  }
  if (Number.isNaN(year)) throw new ImportError("\u672A\u627E\u5230\u62A5\u544A\u6807\u9898\u4E2D\u7684\u5E74\u4EFD", { line: line?.no });
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ImportError(`\u62A5\u544A\u6807\u9898\u4E2D\u7684\u5E74\u4EFD${year}\u4E0D\u5728\u6709\u6548\u8303\u56F4\u5185`, { line: line?.no });
  }
  const index = line ? printed2.indexOf(line) : -1;
  const previous2 = index > 0 ? trimAgency(clean(lineText(printed2[index - 1]))) : "";
  if (!agency && previous2 && previous2.length <= MAX_AGENCY_LENGTH && !/\d/.test(previous2)) agency = previous2;
  if (!agency && signedBy) agency = signedBy;
  if (!agency && sentence) agency = sentence.agency;
  if (!agency && fromFile) agency = fromFile.agency;
  if (!agency) agency = agencyInProse(opening) ?? "";
  if (!agency) throw new ImportError("\u672A\u627E\u5230\u62A5\u544A\u6807\u9898\u4E2D\u7684\u5355\u4F4D\u540D\u79F0", { line: line?.no });
  if (agency.length > MAX_AGENCY_LENGTH) {
    throw new ImportError(`\u62A5\u544A\u6807\u9898\u4E2D\u7684\u5355\u4F4D\u540D\u79F0\u8FC7\u957F\uFF1A\u201C${agency.slice(0, 30)}\u2026\u201D`, { line: line?.no });
  }
  return { agencyName: agency, year };
}
function agencyInProse(printed2) {
  for (const line of printed2) {
    const text = clean(lineText(line));
    for (const pattern of AGENCY_IN_PROSE) {
      const agency = trimAgency(pattern.exec(text)?.[1] ?? "");
      if (agency && !NOT_A_NAME.test(agency)) return withoutCompilingOffice(agency);
    }
  }
  return void 0;
}
function withoutCompilingOffice(agency) {
  for (const office of COMPILING_OFFICE) {
    const match = office.exec(agency);
    if (match) return match[1];
  }
  return agency;
}
function signOff(ending) {
  const texts = ending.map((l) => clean(lineText(l))).filter(Boolean);
  for (let i = texts.length - 1; i >= 0; i--) {
    const text = texts[i];
    const sameLine = /^(\S+)\s+(\S.*)$/.exec(text);
    const name = SIGN_OFF_DATE.test(text) ? texts[i - 1] : sameLine && SIGN_OFF_DATE.test(sameLine[2]) ? sameLine[1] : void 0;
    if (name && SIGN_OFF_NAME.test(name) && AGENCY_ENDING.test(name) && !NOT_A_NAME.test(name)) return name;
  }
  return void 0;
}
function yearNearby(printed2, title2, opening) {
  const index = title2 ? printed2.indexOf(title2) : -1;
  for (const line of printed2.slice(index + 1, index + 3)) {
    const match = YEAR_LINE.exec(clean(lineText(line)));
    if (match) return Number(match[1]);
  }
  for (const line of opening) {
    const match = PERIOD.exec(clean(lineText(line)));
    if (match) return Number(match[1]);
  }
  return void 0;
}
function baseName(filename) {
  return (filename.split(/[\\/]/).pop() ?? filename).replace(/\.[A-Za-z0-9]+$/, "");
}

// functions/domain/import/label-units.ts
var PLAIN_NUMBER = /^[\s\d０-９.．,，+\-－]+$/;
function applyLabelUnits(lines) {
  let header;
  return lines.map((line) => {
    const filled = line.cells.flatMap((c, i) => c.trim() ? [i] : []);
    if (filled.length <= 1) {
      header = void 0;
      return line;
    }
    const units = /* @__PURE__ */ new Map();
    for (const i of filled) {
      const unit = isNumericCell(line.cells[i]) ? void 0 : unitInLabel(line.cells[i]);
      if (unit) units.set(i, unit);
    }
    const numbers2 = filled.filter((i) => isNumericCell(line.cells[i]));
    if (numbers2.length === 0) {
      if (units.size > 0) header = { byColumn: units, last: units.get(filled[filled.length - 1]) };
      return line;
    }
    const rowUnit = [...units.values()][0];
    const lastNumber = numbers2[numbers2.length - 1];
    const cells = line.cells.map((cell, i) => {
      if (!numbers2.includes(i) || !PLAIN_NUMBER.test(cell)) return cell;
      const unit = rowUnit ?? headerUnit(header, i, i === lastNumber);
      return unit && unit !== "\u4E07\u5143" ? `${cell.trim()}${unit}` : cell;
    });
    return { ...line, cells };
  });
}
function headerUnit(header, column, isLast) {
  if (!header) return void 0;
  if (header.last) return isLast ? header.last : void 0;
  return header.byColumn.get(column);
}

// functions/domain/import/text-layout.ts
var HEADING_MARKS = /^\s*#{1,6}\s*/;
var PIPE_SEPARATOR = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$/;
var PAGE_NUMBER = /^\s*(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$/;
function textToLines(text) {
  const lines = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (PIPE_SEPARATOR.test(raw) || PAGE_NUMBER.test(raw)) return;
    lines.push({ no: index + 1, cells: splitCells(raw) });
  });
  return lines;
}
function splitCells(raw) {
  const line = raw.replace(HEADING_MARKS, "");
  const trimmed = line.trim();
  if (trimmed.startsWith("|") && trimmed.endsWith("|") && trimmed.length > 1) {
    return trimmed.slice(1, -1).split("|").map(stripEmphasis);
  }
  return line.split("	").map(stripEmphasis);
}
function stripEmphasis(cell) {
  const match = /^\s*(\*\*|__)(.*)\1\s*$/.exec(cell);
  return match ? match[2] : cell;
}

// functions/domain/import/import-report.ts
function importReport(source, options = {}) {
  return importLines(sourceLines(source, options.filename), options).report;
}
function sourceLines(source, filename) {
  const text = source.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new ImportError("\u6587\u4EF6\u4E3A\u7A7A");
  return looksLikeHtml(text, filename) ? htmlToLines(text) : textToLines(text);
}
function importLines(source, options = {}) {
  if (source.every(isBlankLine)) throw new ImportError("\u6587\u4EF6\u4E2D\u6CA1\u6709\u53EF\u8BFB\u53D6\u7684\u6587\u5B57");
  const lines = applyLabelUnits(source);
  const missing = [];
  const layout = splitSections(lines);
  let header;
  try {
    header = readTitle(layout.preamble, options.filename, layout.sections.overview?.lines, lastLines(lines));
  } catch (error) {
    if (!(options.partial && options.header && error instanceof ImportError)) throw error;
    header = options.header;
    missing.push(`\u62A5\u544A\u6807\u9898\uFF08${error.message}\uFF09`);
  }
  const template = detectTemplate(lines, header.year);
  const report = emptyReport(template, header);
  const tables = TEMPLATES[template].tables;
  const readers = [
    ["proactive", (body) => readRowTable(report, body, "proactive")],
    ["applications", (body) => readRowTable(report, body, "applications", [APPLICANT_HEADER])],
    ["appeals", (body) => readAppeals(report, tables.find((t2) => t2.section === "appeals"), body.lines)]
  ];
  if (!options.partial) for (const [section] of readers) requireSection(layout, section);
  for (const [section, read] of readers) {
    const body = layout.sections[section];
    if (!body) {
      missing.push(sectionName(section));
      continue;
    }
    try {
      read(body);
    } catch (error) {
      if (!(options.partial && error instanceof ImportError)) throw error;
      missing.push(`${sectionName(section)}\uFF1A${error.message}`);
    }
  }
  const sections = report.sections;
  for (const def of TEMPLATES[template].textSections) {
    const body = layout.sections[def.id];
    if (!body) missing.push(sectionName(def.id));
    sections[def.id] = readTextSection(def, body);
  }
  const parsed = Report.safeParse(report);
  if (!parsed.success) throw new ImportError(`\u5BFC\u5165\u7ED3\u679C\u4E0D\u7B26\u5408\u62A5\u544A\u683C\u5F0F\uFF1A${parsed.error.issues[0]?.message ?? ""}`);
  return { report: parsed.data, missing: order(missing) };
}
var ENDING_LINES = 12;
function lastLines(lines) {
  return lines.filter((l) => !isBlankLine(l)).slice(-ENDING_LINES);
}
function order(missing) {
  const rank = (m) => {
    const i = SECTION_ORDER.findIndex((s) => m.startsWith(sectionName(s)));
    return i === -1 ? -1 : i;
  };
  return [...missing].sort((a, b) => rank(a) - rank(b));
}
var labelIndexes = /* @__PURE__ */ new Map();
function labelIndex(template, section, headers) {
  const key = `${template}:${section}`;
  let index = labelIndexes.get(key);
  if (!index) {
    index = tableLabelIndex(TEMPLATES[template].tables.filter((t2) => t2.section === section), headers);
    labelIndexes.set(key, index);
  }
  return index;
}
function readRowTable(report, body, section, headers = []) {
  const index = labelIndex(report.template, section, headers);
  const extraColumnAt = section === "applications" && printsSubtotalColumn(body.lines) ? SUBTOTAL_AT : void 0;
  const { rows } = readLabelledRows(report, body.lines, index, section, {
    rejectUnknownRows: true,
    ...extraColumnAt === void 0 ? {} : { extraColumnAt }
  });
  if (rows === 0) throw new ImportError(`${sectionName(section)}\u672A\u627E\u5230\u8868\u683C`, { section });
}
var SUBTOTAL_AT = 6;
var APPLICANT_WORDS = /商业企业|科研机构|社会公益组织|法律服务机构|法人或其他组织|其他/;
var MAX_HEADER_LENGTH = 80;
function printsSubtotalColumn(lines) {
  const firstFigures = lines.findIndex((line) => line.cells.some(isNumericCell));
  const header = firstFigures < 0 ? lines : lines.slice(0, firstFigures);
  const pieces = header.flatMap((line) => line.cells.flatMap((cell) => cell.split(/\s+/)).map(normaliseLabel).filter(Boolean));
  const small = pieces.indexOf("\u5C0F");
  if (small >= 0 && pieces.slice(small + 1).some((p) => p.startsWith("\u8BA1"))) return true;
  return header.some((line) => {
    const cells = line.cells.map(normaliseLabel);
    if (cells.includes("\u5C0F\u8BA1")) return true;
    const text = cells.join("");
    return text.length <= MAX_HEADER_LENGTH && text.includes("\u5C0F\u8BA1") && APPLICANT_WORDS.test(text);
  });
}
function requireSection(layout, section) {
  const body = layout.sections[section];
  if (!body) throw new ImportError(`\u672A\u627E\u5230${sectionName(section)}`, { section });
  return body;
}

// functions/domain/finding.ts
import { z as z2 } from "zod";
var ERROR_RULES = [
  "number.format",
  "required.missing",
  "applications.balance",
  "applications.results-total",
  "applications.column-total",
  "appeals.total",
  "carryover.continuity"
];
var WARNING_RULES = [
  "overview.length",
  "scope.regulations",
  "narrative.mismatch",
  "text.repeated",
  "narrative.contradiction",
  "text.stale-year",
  "data.repeated",
  "trend.outlier",
  "proactive.in-force",
  "other.fee-report",
  "rollup.mismatch"
];
var RuleId = z2.enum([...ERROR_RULES, ...WARNING_RULES]);
var Severity = z2.enum(["error", "warning"]);
var Finding = z2.object({
  rule: RuleId,
  severity: Severity,
  /** machine path of the cell or section, e.g. `applications.resultsTotal.natural` or `overview` */
  path: z2.string(),
  /** the cell's Chinese label, e.g. "三、本年度办理结果 （七）总计 / 自然人" */
  label: z2.string(),
  /** the value the rule expects there, where one can be computed */
  expected: z2.union([z2.number(), z2.string()]).optional(),
  /** the value found there */
  actual: z2.union([z2.number(), z2.string(), z2.null()]).optional(),
  /** a sentence a township clerk understands */
  message: z2.string()
});
function severityOf(rule) {
  return ERROR_RULES.includes(rule) ? "error" : "warning";
}
var EXPLANATION_MAX_LENGTH = 500;
var FINDING_KEY = /^[a-z][a-z-]*(?:\.[a-z-]+)*\|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
var Explanations = z2.record(
  z2.string().regex(FINDING_KEY, "\u8BF4\u660E\u7684\u952E\u5E94\u4E3A\u201C\u89C4\u5219\u7F16\u53F7|\u5355\u5143\u683C\u8DEF\u5F84\u201D"),
  z2.string().trim().min(1, "\u8BF4\u660E\u4E0D\u80FD\u4E3A\u7A7A").max(EXPLANATION_MAX_LENGTH, `\u8BF4\u660E\u4E0D\u8D85\u8FC7${EXPLANATION_MAX_LENGTH}\u5B57`)
);

// functions/domain/rules/cell-rules.ts
var FORMAT_ADVICE = {
  count: "\u5E94\u586B\u51990\u6216\u6B63\u6574\u6570",
  amount: "\u5E94\u586B\u51990\u6216\u6B63\u6570\uFF08\u5355\u4F4D\uFF1A\u4E07\u5143\uFF0C\u53EF\u4FDD\u7559\u5C0F\u6570\uFF09",
  delta: "\u5E94\u586B\u5199\u6574\u6570\uFF08\u51CF\u5C11\u65F6\u586B\u8D1F\u6570\uFF09"
};
function wellFormed(kind, value) {
  if (!Number.isFinite(value)) return false;
  if (kind === "amount") return value >= 0;
  if (kind === "delta") return Number.isInteger(value);
  return Number.isInteger(value) && value >= 0;
}
var COUNT = 0;
var AMOUNT = 1;
var DELTA = 2;
var KIND_CODE = { count: COUNT, amount: AMOUNT, delta: DELTA };
var layouts = /* @__PURE__ */ new Map();
function layoutOf(template) {
  let layout = layouts.get(template);
  if (!layout) {
    const tables = [];
    for (const ref of cellRefs(template)) {
      let table = tables.at(-1);
      if (table?.path !== ref.table.path) tables.push(table = { path: ref.table.path, refs: [] });
      table.refs.push(ref);
    }
    layout = tables.map((t2) => ({ ...t2, kinds: Uint8Array.from(t2.refs, (r) => KIND_CODE[r.kind]) }));
    layouts.set(template, layout);
  }
  return layout;
}
function wellFormedCode(kind, n) {
  return kind === COUNT ? n >= 0 && Number.isInteger(n) : kind === AMOUNT ? n >= 0 && n !== Infinity : Number.isInteger(n);
}
function scanCells(input) {
  const malformed = [];
  const missing = [];
  for (const table of layoutOf(input.report.template)) {
    const { values } = input.grid(table.path);
    const { refs, kinds } = table;
    for (let k = 0; k < refs.length; k++) {
      const n = values[k];
      if (n >= 0 && (n | 0) === n) continue;
      if (wellFormedCode(kinds[k], n)) continue;
      const ref = refs[k];
      const value = input.table(table.path).data[ref.row.id]?.[ref.column.id] ?? null;
      if (typeof value === "number" && wellFormed(ref.kind, value)) continue;
      if (value !== null) malformed.push({ ref, value });
      if (value === null || typeof value === "string" && value.trim() === "") missing.push(ref);
    }
  }
  return { malformed, missing };
}
var numberFormat = (input, findings) => {
  for (const { ref, value } of input.derive(scanCells).malformed) {
    findings.push({
      rule: "number.format",
      severity: "error",
      path: ref.path,
      label: ref.label,
      expected: ref.kind === "count" ? "\u975E\u8D1F\u6574\u6570" : ref.kind === "amount" ? "\u975E\u8D1F\u6570" : "\u6574\u6570",
      actual: value,
      message: `\u201C${ref.label}\u201D${FORMAT_ADVICE[ref.kind]}\uFF0C\u73B0\u586B\u7684\u662F\u201C${value}\u201D\u3002`
    });
  }
};
var requiredMissing = (input, findings) => {
  const { report } = input;
  for (const section of TEMPLATES[report.template].textSections) {
    if (report.sections[section.id].trim() === "") {
      findings.push({
        rule: "required.missing",
        severity: severityOf("required.missing"),
        path: section.id,
        label: section.title,
        actual: "",
        message: section.id === "other" ? `\u201C${section.title}\u201D\u672A\u586B\u5199\uFF1B\u6CA1\u6709\u9700\u8981\u62A5\u544A\u7684\u4E8B\u9879\u65F6\u8BF7\u586B\u201C\u65E0\u201D\u3002` : `\u201C${section.title}\u201D\u672A\u586B\u5199\uFF0C\u8BF7\u8865\u5145\u6587\u5B57\u5185\u5BB9\u3002`
      });
    }
  }
  for (const ref of input.derive(scanCells).missing) {
    findings.push({
      rule: "required.missing",
      severity: "error",
      path: ref.path,
      label: ref.label,
      actual: null,
      message: `\u201C${ref.label}\u201D\u672A\u586B\u5199\uFF1B\u6CA1\u6709\u53D1\u751F\u65F6\u8BF7\u586B0\u3002`
    });
  }
};

// functions/domain/rules/narrative-claims.ts
var NUMBER2 = "(\\d{1,3}(?:,\\d{3})+|\\d+|[\u96F6\u3007\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\u767E\u5343]+)";
var FIGURE = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
var UNIT = "\\s*(?:\u4EF6|\u4E2A|\u8D77|\u5B97|\u4EFD)";
var CASES = "\\s*(?:\u4EF6|\u5B97)";
var RECEIVE = "(?:\u6536\u5230|\u53D7\u7406|\u63A5\u6536|\u65B0\u6536|\u63A5\u5230|\u529E\u7406|\u6536\u529E)";
var APPLICATION_COUNT = new RegExp(`${RECEIVE}[^\\d]{0,15}?\u7533\u8BF7[^\\d]{0,8}?${NUMBER2}${UNIT}`, "u");
var MORE_THAN_APPLICATIONS = /[和及与、]|咨询|留言|来信|建议/u;
var APPLICATION_NONE = /(?:未|没有)(?:收到|受理|接到|接收)([^\d]{0,12}?)申请(?!人)/u;
var NOT_NONE_OF_APPLICATIONS = /投诉|举报|逾期|超期|更正|复议|诉讼|许可|当面|现场|网上|在线|信函|邮寄|快递|传真|电子邮件/u;
var APPEAL_UNIT = "\\s*(?:\u4EF6|\u8D77|\u5B97)";
var REVIEW_COUNT = new RegExp(`\u884C\u653F\u590D\u8BAE([^\\d\u8BC9]{0,6}?)${NUMBER2}${APPEAL_UNIT}`, "u");
var LITIGATION_COUNT = new RegExp(`\u884C\u653F\u8BC9\u8BBC([^\\d]{0,6}?)${NUMBER2}${APPEAL_UNIT}`, "u");
var OUTCOME = /维持|纠正|纠错|撤销|确认违法|败诉|胜诉|驳回|终止|审结|结案|尚未|书/u;
var BOTH_APPEALS = /(?:复议|诉讼)[^\d，,。；]{0,6}?(?:、|和|及|与|或)[^\d，,。；]{0,3}?(?:复议|诉讼)[^\d，,。；]{0,10}?\d/u;
var NONE_BEFORE = /(?:未|没有|无(?!论|缝|遗漏|死角|差错|纰漏|一))[^\d]{0,20}?$/u;
var CHANNEL = /当面|现场|网上|在线|信函|邮寄|快递|传真|电子邮件/u;
function afterLastClauseBreak(text) {
  const at = Math.max(text.lastIndexOf("\uFF0C"), text.lastIndexOf(","), text.lastIndexOf("\uFF1A"), text.lastIndexOf(":"));
  return at < 0 ? text : text.slice(at + 1);
}
var HANDLED_COUNT = new RegExp(`(?:(?<!\u672A)\u529E\u7ED3|(?<!\u516C\u5F00|\u63D0\u4F9B|\u5904\u7406)\u7B54\u590D|\u529E\u7406\u5B8C\u6BD5|\u5904\u7406\u5B8C\u6BD5)([^\\d\u7387]{0,10}?)${FIGURE}${CASES}`, "u");
var RESULT_BETWEEN = /公开|提供|处理|答复|告知/u;
var NEXT_YEAR_CLAUSE = /(?:结转|顺延|转)(?:到|至|入)?下一?年/u;
var CARRIED_OVER_COUNT = new RegExp(`\u4E0A\u4E00?\u5E74\u5EA6?\u7ED3\u8F6C[^\\d]{0,8}?${FIGURE}${CASES}`, "u");
var NEXT_YEAR = "(?:\u7ED3\u8F6C|\u987A\u5EF6|\u8F6C)(?:\u5230|\u81F3|\u5165)?\u4E0B\u4E00?\u5E74";
var CARRIED_FORWARD_AFTER = new RegExp(`${NEXT_YEAR}[^\\d]{0,10}?${FIGURE}${CASES}`, "u");
var CARRIED_FORWARD_BEFORE = new RegExp(`${FIGURE}${CASES}[^\\d\uFF0C]{0,6}?${NEXT_YEAR}`, "u");
var INCLUDES_CARRIED = /^[^\d，]{0,3}[（(]?(?:含|包括)(?:上一?年度?|往年)结转/u;
var RESULT_WORDS = [
  ["disclosed", "\u4E88\u4EE5\u516C\u5F00"],
  ["partiallyDisclosed", "\u90E8\u5206\u516C\u5F00"],
  ["withheld", "\u4E0D\u4E88\u516C\u5F00"],
  ["unavailable", "\u65E0\u6CD5\u63D0\u4F9B"],
  ["notProcessed", "\u4E0D\u4E88\u5904\u7406"],
  ["otherHandling", "\u5176\u4ED6\u5904\u7406"]
];
var RESULT_COUNT = new RegExp(
  `(${RESULT_WORDS.map(([, w]) => w).join("|")})([^\\d\uFF0C\u3002\uFF1B]{0,14}?)${FIGURE}\\s*\u4EF6`,
  "u"
);
var SHARE_WORDS = [
  ...RESULT_WORDS,
  ["natural", "\u81EA\u7136\u4EBA"],
  ["organisations", "\u6CD5\u4EBA\u6216\u5176\u4ED6\u7EC4\u7EC7"]
];
var SHARE_SUBJECT = new RegExp(SHARE_WORDS.map(([, w]) => w).join("|"), "gu");
var PERCENT = /(?:占|比例为?|比重为?|占比为?)[^\d。；%％]{0,8}?(\d+(?:\.\d+)?)\s*[%％]/gu;
var PERCENT_SIGNS = /[%％]/u;
var DIGIT = /\d/u;
var APPEAL_WORDS = [
  ["review", "\u884C\u653F\u590D\u8BAE"],
  ["litigation", "\u884C\u653F\u8BC9\u8BBC"]
];
var APPEAL_COUNTS = [
  ["review", "\u884C\u653F\u590D\u8BAE", REVIEW_COUNT],
  ["litigation", "\u884C\u653F\u8BC9\u8BBC", LITIGATION_COUNT]
];
var NOT_APPLICATIONS = /建议|提案|留言|热线|咨询|来信|投诉件/u;
var DIGITS = {
  \u96F6: 0,
  "\u3007": 0,
  \u4E00: 1,
  \u4E8C: 2,
  \u4E24: 2,
  \u4E09: 3,
  \u56DB: 4,
  \u4E94: 5,
  \u516D: 6,
  \u4E03: 7,
  \u516B: 8,
  \u4E5D: 9
};
var UNITS = { \u5341: 10, \u767E: 100, \u5343: 1e3 };
function parseChineseNumber(text) {
  if (/^[\d,]+$/.test(text)) return Number(text.replaceAll(",", ""));
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in UNITS) {
      total += (digit === 0 ? 1 : digit) * UNITS[ch];
      digit = 0;
    } else return void 0;
  }
  return total + digit;
}
var SENTENCE_BREAK = /[。；;！!？?\n]/u;
function splitSentences(text) {
  return text.split(SENTENCE_BREAK).filter((c) => c.trim() !== "");
}
var COUNTED = "[\\d\u96F6\u3007\u4E00\u4E8C\u4E24\u4E09\u56DB\u4E94\u516D\u4E03\u516B\u4E5D\u5341\u767E\u5343]\\s*[\u4EF6\u4E2A\u8D77\u5B97\u4EFD]";
var HAS_COUNT_OR_NONE = new RegExp(`${COUNTED}|\u672A|\u6CA1\u6709`, "u");
var HAS_COUNT = new RegExp(COUNTED, "u");
var SENTENCE_TRIGGER = /[件个起宗份未没行]/g;
var SENTENCE_ENDS = /[。；;！!？?\n]/g;
var NUMERAL = /[\d零〇一二两三四五六七八九十百千]/u;
var SPACE = /\s/u;
function triggers(text, i) {
  const ch = text[i];
  if (ch === "\u672A") return true;
  if (ch === "\u6CA1") return text[i + 1] === "\u6709";
  if (ch === "\u884C") return text.startsWith("\u653F\u590D\u8BAE", i + 1) || text.startsWith("\u653F\u8BC9\u8BBC", i + 1);
  let j = i - 1;
  while (j >= 0 && SPACE.test(text[j])) j--;
  return j >= 0 && NUMERAL.test(text[j]);
}
var isDigit = (c) => c >= 48 && c <= 57;
var SENTENCE_BREAK_FLAG = 1;
var CLAUSE_BREAK = 2;
var TRIGGER_UNIT = 4;
var UNIT_FLAGS = new Uint8Array(65536);
for (const c of "\u3002\uFF1B;\uFF01!\uFF1F?\n") UNIT_FLAGS[c.charCodeAt(0)] = SENTENCE_BREAK_FLAG;
for (const c of "\uFF0C\u3001") UNIT_FLAGS[c.charCodeAt(0)] = CLAUSE_BREAK;
for (const c of "\u4EF6\u4E2A\u8D77\u5B97\u4EFD\u672A\u6CA1") UNIT_FLAGS[c.charCodeAt(0)] = TRIGGER_UNIT;
var COMMA = 44;
var sentenceBreakAt = (text, i) => UNIT_FLAGS[text.charCodeAt(i)] === SENTENCE_BREAK_FLAG;
var clauseBreakAt = (text, i) => {
  const c = text.charCodeAt(i);
  return UNIT_FLAGS[c] === CLAUSE_BREAK || c === COMMA && !(isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)));
};
function spansWith(text, trigger, ends, breakAt, read) {
  trigger.lastIndex = 0;
  for (let found = trigger.exec(text); found; found = trigger.exec(text)) {
    if (!triggers(text, found.index)) continue;
    let start = found.index;
    while (start > 0 && !breakAt(text, start - 1)) start--;
    ends.lastIndex = found.index;
    const end = ends.exec(text)?.index ?? text.length;
    read(text.slice(start, end));
    trigger.lastIndex = end + 1;
  }
}
function push(claims, subject, match, extra = {}, group = 1) {
  if (!match) return;
  const value = parseChineseNumber(match[group]);
  if (value !== void 0) claims.push({ subject, value, quote: match[0].replace(/\s+/gu, ""), ...extra });
}
function resultClaim(claims, clause) {
  const match = RESULT_COUNT.exec(clause);
  if (!match) return;
  const [, word, gap] = match;
  if (/含|包括|和|及|与/u.test(gap) && RESULT_WORDS.some(([, w]) => w !== word && gap.includes(w.slice(0, 2)))) return;
  const subject = RESULT_WORDS.find(([, w]) => w === word)[0];
  const value = parseChineseNumber(match[3]);
  if (value !== void 0) claims.push({ subject, value, quote: match[0].replace(/\s+/gu, "") });
}
function clauseClaims(clause, unit, sentence, claims) {
  const application = clause.includes("\u7533\u8BF7");
  if (!clause.includes("\u590D\u8BAE") && !clause.includes("\u8BC9\u8BBC")) {
    const count2 = unit && application ? APPLICATION_COUNT.exec(clause) : null;
    const channel = count2 ? CHANNEL.test(count2[0].slice(0, count2[0].lastIndexOf("\u7533\u8BF7"))) : false;
    if (count2 && !channel && !MORE_THAN_APPLICATIONS.test(count2[0].slice(count2[0].lastIndexOf("\u7533\u8BF7") + 2))) {
      const rest = clause.slice(count2.index + count2[0].length);
      push(claims, "applications", count2, {
        includesCarriedOver: INCLUDES_CARRIED.test(rest),
        // "办理申请N件" may count the applications handled rather than received
        ...count2[0].startsWith("\u529E\u7406") ? { mayBeHandled: true } : {}
      });
    }
    const none = application ? APPLICATION_NONE.exec(clause) : null;
    if (none && !NOT_NONE_OF_APPLICATIONS.test(none[1])) {
      claims.push({ subject: "applications", value: 0, quote: none[0], none: true });
    }
    if (sentence.aboutApplications && unit && DIGIT.test(clause)) {
      const handled = NEXT_YEAR_CLAUSE.test(clause) ? null : HANDLED_COUNT.exec(clause);
      if (handled && !RESULT_BETWEEN.test(handled[1])) push(claims, "handled", handled, {}, 2);
      push(claims, "carriedOver", CARRIED_OVER_COUNT.exec(clause));
      push(claims, "carriedForward", CARRIED_FORWARD_AFTER.exec(clause) ?? CARRIED_FORWARD_BEFORE.exec(clause));
      resultClaim(claims, clause);
    }
    return;
  }
  if (!unit) return;
  if (sentence.bothAppeals ??= BOTH_APPEALS.test(sentence.text)) return;
  for (const [subject, word, pattern] of APPEAL_COUNTS) {
    const match = clause.includes(word) ? pattern.exec(clause) : null;
    if (match && !OUTCOME.test(match[1])) push(claims, subject, match, {}, 2);
  }
}
function sentenceClaims(sentence, counts2, claims) {
  if (counts2) {
    const context = {
      text: sentence,
      aboutApplications: sentence.includes("\u7533\u8BF7") && !NOT_APPLICATIONS.test(sentence)
    };
    let start = 0;
    let trigger = false;
    for (let i = 0; i <= sentence.length; i++) {
      const c = i < sentence.length ? sentence.charCodeAt(i) : COMMA;
      const flags = UNIT_FLAGS[c];
      if (flags === 0 && c !== COMMA) continue;
      if (i === sentence.length || flags === CLAUSE_BREAK || c === COMMA && clauseBreakAt(sentence, i)) {
        if (trigger) {
          const clause = sentence.slice(start, i);
          if (HAS_COUNT_OR_NONE.test(clause)) clauseClaims(clause, HAS_COUNT.test(clause), context, claims);
        }
        start = i + 1;
        trigger = false;
      } else if (flags === TRIGGER_UNIT && !trigger) trigger = triggers(sentence, i);
    }
  }
  for (const [subject, word] of APPEAL_WORDS) {
    const at = sentence.indexOf(word);
    if (at < 0) continue;
    const after = sentence.slice(at + word.length, at + word.length + 12);
    if (DIGIT.test(after) || OUTCOME.test(after)) continue;
    const before = afterLastClauseBreak(sentence.slice(Math.max(0, at - 24), at));
    const negation = NONE_BEFORE.exec(before);
    if (negation && !OUTCOME.test(negation[0])) {
      const quote = sentence.slice(at - negation[0].length, at + word.length).replace(/\s+/gu, "");
      claims.push({ subject, value: 0, quote, none: true });
    }
  }
}
function narrativeClaims(text) {
  const claims = [];
  spansWith(
    text,
    SENTENCE_TRIGGER,
    SENTENCE_ENDS,
    sentenceBreakAt,
    (sentence) => sentenceClaims(sentence, HAS_COUNT_OR_NONE.test(sentence), claims)
  );
  return claims;
}
function narrativeShares(text) {
  const shares = [];
  for (let at = text.search(PERCENT_SIGNS); at >= 0; ) {
    let start = at;
    while (start > 0 && !sentenceBreakAt(text, start - 1)) start--;
    let end = at;
    while (end < text.length && !sentenceBreakAt(text, end)) end++;
    sentenceShares(text.slice(start, end), shares);
    const next = text.slice(end).search(PERCENT_SIGNS);
    at = next < 0 ? -1 : end + next;
  }
  return shares;
}
function sentenceShares(sentence, shares) {
  if (NOT_APPLICATIONS.test(sentence)) return;
  {
    for (const percent of sentence.matchAll(PERCENT)) {
      const start = Math.max(0, percent.index - 30);
      const window = sentence.slice(start, percent.index);
      let subject;
      for (const m of window.matchAll(SHARE_SUBJECT)) subject = m;
      if (!subject) continue;
      if (/[和及与、加含]/u.test(window.charAt(subject.index - 1))) continue;
      const between = window.slice(subject.index + subject[0].length);
      if (/同比|增长|下降|减少|增加|较|上升/u.test(between)) continue;
      const part = SHARE_WORDS.find(([, w]) => w === subject[0])[0];
      const digits = percent[1];
      shares.push({
        part,
        percent: Number(digits),
        decimals: digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0,
        quote: (subject[0] + between + percent[0]).replace(/\s+/gu, "")
      });
    }
  }
}

// functions/domain/rules/text-similarity.ts
var IGNORED = /[\s\p{P}\p{S}]/u;
var unitClass = new Uint8Array(65536);
function classify(unit) {
  return unitClass[unit] = IGNORED.test(String.fromCharCode(unit)) ? 2 : 1;
}
var BigramCounts = class {
  size = 0;
  keys = new Uint32Array(0);
  counts = new Int32Array(0);
  stamps = new Uint32Array(0);
  generation = 0;
  reset(capacity) {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    if (size > this.size) {
      this.size = size;
      this.keys = new Uint32Array(size);
      this.counts = new Int32Array(size);
      this.stamps = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation++;
  }
  slot(key) {
    const mask = this.size - 1;
    let i = Math.imul(key, 2654435761) >>> 0 & mask;
    while (this.stamps[i] === this.generation && this.keys[i] !== key) i = i + 1 & mask;
    return i;
  }
  add(key) {
    const i = this.slot(key);
    if (this.stamps[i] !== this.generation) {
      this.stamps[i] = this.generation;
      this.keys[i] = key;
      this.counts[i] = 0;
    }
    this.counts[i]++;
  }
  /** Takes one occurrence of the key if there is one left; true if it did. */
  take(key) {
    const i = this.slot(key);
    if (this.stamps[i] !== this.generation || this.counts[i] === 0) return false;
    this.counts[i]--;
    return true;
  }
};
var counts = new BigramCounts();
var scratch = new Uint16Array(4096);
function keptUnits(text) {
  if (scratch.length < text.length) scratch = new Uint16Array(text.length);
  const units = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const c = unitClass[unit];
    if (c === 1 || c === 0 && classify(unit) === 1) units[n++] = unit;
  }
  return units.slice(0, n);
}
function keptIndex(text) {
  const index = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const c = unitClass[unit];
    if (c === 1 || c === 0 && classify(unit) === 1) n++;
    index[i + 1] = n;
  }
  return index;
}
function keptUnitsAgainst(text, like, likeUnits, likeIndex) {
  const shortest = Math.min(text.length, like.length);
  let prefix = 0;
  while (prefix < shortest && text.charCodeAt(prefix) === like.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && text.charCodeAt(text.length - 1 - suffix) === like.charCodeAt(like.length - 1 - suffix)) suffix++;
  if (prefix + suffix < shortest / 4) return keptUnits(text);
  const head = likeIndex[prefix];
  const tail = likeUnits.length - likeIndex[like.length - suffix];
  const middle = keptUnits(text.slice(prefix, text.length - suffix));
  const units = new Uint16Array(head + middle.length + tail);
  units.set(likeUnits.subarray(0, head), 0);
  units.set(middle, head);
  units.set(likeUnits.subarray(likeUnits.length - tail), head + middle.length);
  return units;
}
function unitSimilarity(A, B, atLeast = 0) {
  const na = A.length;
  const nb = B.length;
  const total = Math.max(na - 1, 0) + Math.max(nb - 1, 0);
  if (total === 0) return 1;
  const shortest = Math.min(na, nb);
  let prefix = 0;
  while (prefix < shortest && A[prefix] === B[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && A[na - 1 - suffix] === B[nb - 1 - suffix]) suffix++;
  let shared = Math.max(prefix - 1, 0) + Math.max(suffix - 1, 0);
  const from = Math.max(prefix - 1, 0);
  const toA = suffix > 0 ? na - suffix : na - 1;
  const toB = suffix > 0 ? nb - suffix : nb - 1;
  const middleA = Math.max(toA - from, 0);
  let left = Math.max(toB - from, 0);
  const needed = atLeast * total - 1e-9;
  if (2 * (shared + Math.min(middleA, left)) < needed) return 2 * (shared + Math.min(middleA, left)) / total;
  if (middleA > 0 && left > 0) {
    counts.reset(middleA);
    for (let i = from; i < toA; i++) counts.add((A[i] << 16 | A[i + 1]) >>> 0);
    for (let i = from; i < toB; i++, left--) {
      if (counts.take((B[i] << 16 | B[i + 1]) >>> 0)) shared++;
      else if (2 * (shared + left - 1) < needed) return 2 * (shared + left - 1) / total;
    }
  }
  return 2 * shared / total;
}

// functions/domain/rules/section-text.ts
var SPACE2 = new Uint8Array(65536);
for (const ch of "	\n\v\f\r \xA0\u1680\u2028\u2029\u202F\u205F\u3000\uFEFF") SPACE2[ch.charCodeAt(0)] = 1;
for (let c = 8192; c <= 8202; c++) SPACE2[c] = 1;
function visibleLength(text, atLeast = Infinity) {
  let n = 0;
  for (let i = 0; i < text.length && n < atLeast; i++) {
    const c = text.charCodeAt(i);
    if (SPACE2[c] === 0 && (c < 56320 || c > 57343)) n++;
  }
  return n;
}
var SectionText2 = class {
  constructor(text) {
    this.text = text;
  }
  text;
  length;
  split;
  claimList;
  shareList;
  units;
  index;
  readings;
  /**
   * `read(f)` is f(text), worked out on the first call for this text: the readings other
   * modules define (text-statements.ts, narrative-rules.ts) without this one importing them.
   */
  read(reader) {
    const readings = this.readings ??= /* @__PURE__ */ new Map();
    if (readings.has(reader)) return readings.get(reader);
    const value = reader(this.text);
    readings.set(reader, value);
    return value;
  }
  get visibleLength() {
    return this.length ??= visibleLength(this.text);
  }
  /** visibleLength >= n, without counting past n */
  hasVisibleLength(n) {
    return this.length !== void 0 ? this.length >= n : visibleLength(this.text, n) >= n;
  }
  /** the units `text.repeated` compares, punctuation and white space left out (text-similarity.ts) */
  get keptUnits() {
    return this.units ??= keptUnits(this.text);
  }
  /** keptUnits, worked out from `like`'s where the two texts begin and end alike (last year's text) */
  keptUnitsLike(like) {
    return this.units ??= keptUnitsAgainst(this.text, like.text, like.keptUnits, like.keptIndex);
  }
  /** for each position, how many units before it are kept (text-similarity.ts keptIndex) */
  get keptIndex() {
    return this.index ??= keptIndex(this.text);
  }
  /** sentences; a line break ends one too (a paragraph of the form's text box) */
  get sentences() {
    return this.split ??= splitSentences(this.text);
  }
  /** figures and statements of none the text makes about its tables (narrative-claims.ts) */
  get claims() {
    return this.claimList ??= narrativeClaims(this.text);
  }
  /** shares the text states ("予以公开…占45.2%") */
  get shares() {
    return this.shareList ??= narrativeShares(this.text);
  }
};
var KEPT = 8;
var kept = /* @__PURE__ */ new Map();
function sectionText(text) {
  let reading = kept.get(text);
  if (reading) {
    kept.delete(text);
  } else {
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value);
    reading = new SectionText2(text);
  }
  kept.set(text, reading);
  return reading;
}

// functions/domain/rules/table-grid.ts
var indexes = /* @__PURE__ */ new WeakMap();
function indexOf(def) {
  let index = indexes.get(def);
  if (!index) {
    index = {
      rows: new Map(def.rows.map((r, i) => [r.id, i])),
      columns: new Map(def.columns.map((c, j) => [c.id, j]))
    };
    indexes.set(def, index);
  }
  return index;
}
function rowIndex(def, id) {
  return indexOf(def).rows.get(id) ?? -1;
}
function columnIndex(def, id) {
  return indexOf(def).columns.get(id) ?? -1;
}
var lists = /* @__PURE__ */ new WeakMap();
function indexesOf(def, name, compute) {
  let named = lists.get(def);
  if (!named) lists.set(def, named = /* @__PURE__ */ new Map());
  let list = named.get(name);
  if (!list) named.set(name, list = compute());
  return list;
}
function readGrid(def, data) {
  const columns = def.columns;
  const rows = def.rows;
  const width = columns.length;
  const values = [];
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells = data[rows[i].id];
    let j = 0;
    if (cells) {
      for (const key in cells) {
        if (j === width || key !== columns[j].id) {
          j = -1;
          break;
        }
        const value = cells[key];
        values[k + j] = typeof value === "number" && Number.isFinite(value) ? value : NaN;
        j++;
      }
    }
    if (j !== width) {
      for (let c = 0; c < width; c++) {
        const value = cells?.[columns[c].id];
        values[k + c] = typeof value === "number" && Number.isFinite(value) ? value : NaN;
      }
    }
    k += width;
  }
  return { def, width, values };
}
function gridValue(grid, rowId, columnId) {
  const i = rowIndex(grid.def, rowId);
  const j = columnIndex(grid.def, columnId);
  return i < 0 || j < 0 ? NaN : grid.values[i * grid.width + j];
}
function defined(n) {
  return Number.isNaN(n) ? void 0 : n;
}

// functions/domain/rules/rule-context.ts
var RuleInput = class {
  constructor(report, context) {
    this.report = report;
    this.context = context;
    const previous2 = context.previous;
    this.lastYear = previous2 && previous2.year === report.year - 1 ? previous2 : void 0;
  }
  report;
  context;
  tables = /* @__PURE__ */ new Map();
  grids = /* @__PURE__ */ new Map();
  derived = /* @__PURE__ */ new Map();
  lastYearTables = /* @__PURE__ */ new Map();
  texts = {};
  lastYearTexts = {};
  /** last year's report when it is the year just before this one (the year-on-year rules' condition) */
  lastYear;
  /** a table of this report: its definition and data */
  table(path) {
    let table = this.tables.get(path);
    if (!table) this.tables.set(path, table = tableOf(this.report, path));
    return table;
  }
  /** a table of this report read once into numbers (table-grid.ts) */
  grid(path) {
    let grid = this.grids.get(path);
    if (!grid) {
      const { def, data } = this.table(path);
      this.grids.set(path, grid = readGrid(def, data));
    }
    return grid;
  }
  /** the reading of a text of this report (section-text.ts), looked up once per run */
  text(section) {
    return this.texts[section] ??= sectionText(this.report.sections[section]);
  }
  /** the reading of a text of `context.previous` (any earlier year), looked up once per run */
  previousText(section) {
    const previous2 = this.context.previous;
    if (!previous2) throw new Error("no previous report");
    return this.lastYearTexts[section] ??= sectionText(previous2.sections[section]);
  }
  /** a table's data in last year's report (`lastYear`), looked up once per run */
  lastYearTable(path) {
    let data = this.lastYearTables.get(path);
    if (!data) {
      if (!this.lastYear) throw new Error("no last year\u2019s report");
      this.lastYearTables.set(path, data = tableOf(this.lastYear, path).data);
    }
    return data;
  }
  /** `derive(f)` is f(this), computed on the first call of the run */
  derive(compute) {
    if (this.derived.has(compute)) return this.derived.get(compute);
    const value = compute(this);
    this.derived.set(compute, value);
    return value;
  }
};
function numeric(cell) {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : void 0;
}
function sumOf(cells) {
  let sum = 0;
  for (const cell of cells) {
    const n = numeric(cell);
    if (n === void 0) return void 0;
    sum += n;
  }
  return sum;
}
function tableOf(report, path) {
  const def = tableByPath(report.template, path);
  return { def, data: tableData(report, def) };
}
function cellFinding(rule, def, r, c, details) {
  return {
    rule,
    severity: severityOf(rule),
    path: cellPath(def, r, c),
    label: cellLabel(def, r, c),
    ...details
  };
}
function formatNumber(n) {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

// functions/domain/rules/table-rules.ts
var rowTotals = (path, message) => (input, findings) => {
  const { def, width, values } = input.grid(path);
  const total = columnIndex(def, "total");
  const parts = indexesOf(def, "inputColumns", () => inputColumns(def).map((c) => columnIndex(def, c.id)));
  for (let i = 0; i < def.rows.length; i++) {
    let sum = 0;
    for (const j of parts) sum += values[i * width + j];
    const actual = values[i * width + total];
    if (Number.isNaN(sum) || Number.isNaN(actual) || sum === actual) continue;
    const r = def.rows[i];
    findings.push(
      cellFinding(path === "applications" ? "applications.column-total" : "appeals.total", def, r, def.columns[total], {
        expected: sum,
        actual,
        message: message(path === "applications" ? r.label : [...r.groups, r.label].join(""), formatNumber(sum), formatNumber(actual))
      })
    );
  }
};
var applicationsColumnTotal = rowTotals(
  "applications",
  (name, sum, actual) => `\u201C${name}\u201D\u7684\u603B\u8BA1\u5E94\u7B49\u4E8E\u81EA\u7136\u4EBA\u4E0E\u5404\u7C7B\u6CD5\u4EBA\u6216\u5176\u4ED6\u7EC4\u7EC7\u4E4B\u548C ${sum}\uFF0C\u73B0\u586B ${actual}\u3002`
);
var applicationsResultsTotal = (input, findings) => {
  const { def, width, values } = input.grid("applications");
  const totalRow = rowIndex(def, "resultsTotal");
  const leaves = indexesOf(def, "resultRows", () => resultRows(def).map((r) => rowIndex(def, r.id)));
  for (let j = 0; j < width; j++) {
    let sum = 0;
    for (const i of leaves) sum += values[i * width + j];
    const actual = values[totalRow * width + j];
    if (Number.isNaN(sum) || Number.isNaN(actual) || sum === actual) continue;
    const c = def.columns[j];
    findings.push(
      cellFinding("applications.results-total", def, def.rows[totalRow], c, {
        expected: sum,
        actual,
        message: `\u201C${c.label}\u201D\u5217\uFF1A\u529E\u7406\u7ED3\u679C\uFF08\u4E03\uFF09\u603B\u8BA1\u5E94\u7B49\u4E8E\uFF08\u4E00\uFF09\u81F3\uFF08\u516D\uFF09\u5404\u9879\u4E4B\u548C ${formatNumber(sum)}\uFF0C\u73B0\u586B ${formatNumber(actual)}\u3002`
      })
    );
  }
};
var applicationsBalance = (input, findings) => {
  const { def, width, values } = input.grid("applications");
  const [newReceived, carriedOver, resultsTotal, carriedForward] = ["newReceived", "carriedOver", "resultsTotal", "carriedForward"].map(
    (id) => rowIndex(def, id) * width
  );
  for (let j = 0; j < width; j++) {
    const received = values[newReceived + j];
    const carried = values[carriedOver + j];
    const handled = values[resultsTotal + j];
    const pending = values[carriedForward + j];
    if (Number.isNaN(received + carried + handled + pending)) continue;
    if (received + carried === handled + pending) continue;
    const c = def.columns[j];
    findings.push(
      cellFinding("applications.balance", def, def.rows[carriedForward / width], c, {
        expected: received + carried - handled,
        actual: pending,
        message: `\u201C${c.label}\u201D\u5217\u4E0D\u5E73\u8861\uFF1A\u672C\u5E74\u65B0\u6536 ${formatNumber(received)} + \u4E0A\u5E74\u7ED3\u8F6C ${formatNumber(carried)} = ${formatNumber(received + carried)}\uFF0C\u5E94\u7B49\u4E8E\u529E\u7406\u7ED3\u679C\u603B\u8BA1 ${formatNumber(handled)} + \u7ED3\u8F6C\u4E0B\u5E74\u5EA6 ${formatNumber(pending)} = ${formatNumber(handled + pending)}\u3002`
      })
    );
  }
};
var appealsTotal = rowTotals(
  "appeals",
  (name, sum, actual) => `\u201C${name}\u201D\u7684\u603B\u8BA1\u5E94\u7B49\u4E8E\u7ED3\u679C\u7EF4\u6301\u3001\u7ED3\u679C\u7EA0\u6B63\u3001\u5176\u4ED6\u7ED3\u679C\u3001\u5C1A\u672A\u5BA1\u7ED3\u4E4B\u548C ${sum}\uFF0C\u73B0\u586B ${actual}\u3002`
);
var carryoverContinuity = (input, findings) => {
  const previous2 = input.lastYear;
  if (!previous2) return;
  const { def, width, values } = input.grid("applications");
  const last = input.lastYearTable("applications").carriedForward;
  const carriedOver = rowIndex(def, "carriedOver");
  for (let j = 0; j < width; j++) {
    const c = def.columns[j];
    const expected = numeric(last?.[c.id]);
    const actual = values[carriedOver * width + j];
    if (expected === void 0 || Number.isNaN(actual) || expected === actual) continue;
    findings.push(
      cellFinding("carryover.continuity", def, def.rows[carriedOver], c, {
        expected,
        actual,
        message: `\u201C${c.label}\u201D\u5217\uFF1A\u4E0A\u5E74\u7ED3\u8F6C\u5E94\u7B49\u4E8E${previous2.year}\u5E74\u62A5\u544A\u7684\u201C\u7ED3\u8F6C\u4E0B\u5E74\u5EA6\u7EE7\u7EED\u529E\u7406\u201D ${formatNumber(expected)}\uFF0C\u73B0\u586B ${formatNumber(actual)}\u3002`
      })
    );
  }
};

// functions/domain/rules/narrative-rules.ts
var RESULT_ROW_PREFIX = {
  disclosed: "disclosed",
  partiallyDisclosed: "partiallyDisclosed",
  withheld: "withheld",
  unavailable: "unavailable",
  notProcessed: "notProcessed",
  otherHandling: "other"
};
var RESULT_NAME = {
  disclosed: "\uFF08\u4E00\uFF09\u4E88\u4EE5\u516C\u5F00",
  partiallyDisclosed: "\uFF08\u4E8C\uFF09\u90E8\u5206\u516C\u5F00",
  withheld: "\uFF08\u4E09\uFF09\u4E0D\u4E88\u516C\u5F00",
  unavailable: "\uFF08\u56DB\uFF09\u65E0\u6CD5\u63D0\u4F9B",
  notProcessed: "\uFF08\u4E94\uFF09\u4E0D\u4E88\u5904\u7406",
  otherHandling: "\uFF08\u516D\uFF09\u5176\u4ED6\u5904\u7406"
};
var SUBJECT_NAME = {
  applications: "\u8868\u4E09\u201C\u4E00\u3001\u672C\u5E74\u65B0\u6536\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF\u201D\u603B\u8BA1",
  handled: "\u8868\u4E09\u201C\uFF08\u4E03\uFF09\u603B\u8BA1\u201D",
  carriedOver: "\u8868\u4E09\u201C\u4E8C\u3001\u4E0A\u5E74\u7ED3\u8F6C\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF\u201D\u603B\u8BA1",
  carriedForward: "\u8868\u4E09\u201C\u56DB\u3001\u7ED3\u8F6C\u4E0B\u5E74\u5EA6\u7EE7\u7EED\u529E\u7406\u201D\u603B\u8BA1",
  review: "\u8868\u56DB\u201C\u884C\u653F\u590D\u8BAE\u201D\u603B\u8BA1",
  litigation: "\u8868\u56DB\u201C\u884C\u653F\u8BC9\u8BBC\u201D\u603B\u8BA1\uFF08\u672A\u7ECF\u590D\u8BAE\u76F4\u63A5\u8D77\u8BC9\u4E0E\u590D\u8BAE\u540E\u8D77\u8BC9\u4E4B\u548C\uFF09"
};
var subjectName = (subject) => subject in RESULT_NAME ? `\u8868\u4E09\u201C${RESULT_NAME[subject]}\u201D\u603B\u8BA1` : SUBJECT_NAME[subject];
var groupRows = /* @__PURE__ */ new WeakMap();
function rowsOfGroups(def) {
  let rows = groupRows.get(def);
  if (!rows) {
    const leaves = resultRows(def);
    rows = Object.keys(RESULT_ROW_PREFIX).map(
      (group) => [group, leaves.filter((r) => r.id.startsWith(RESULT_ROW_PREFIX[group]))]
    );
    groupRows.set(def, rows);
  }
  return rows;
}
function groupTotals(grid) {
  let totals = groupTotalCells.get(grid.def);
  if (!totals) {
    const total = columnIndex(grid.def, "total");
    totals = rowsOfGroups(grid.def).map(([group, rows]) => [group, rows.map((r) => rowIndex(grid.def, r.id) * grid.width + total)]);
    groupTotalCells.set(grid.def, totals);
  }
  return totals;
}
var groupTotalCells = /* @__PURE__ */ new WeakMap();
function figures(input) {
  const grid = input.grid("applications");
  const appealsGrid = input.grid("appeals");
  const results = {};
  for (const [group, cells] of groupTotals(grid)) {
    let value = 0;
    for (const k of cells) value += grid.values[k];
    if (!Number.isNaN(value)) results[group] = value;
  }
  return {
    received: defined(gridValue(grid, "newReceived", "total")),
    carriedOver: defined(gridValue(grid, "carriedOver", "total")),
    handled: defined(gridValue(grid, "resultsTotal", "total")),
    carriedForward: defined(gridValue(grid, "carriedForward", "total")),
    review: defined(gridValue(appealsGrid, "review", "total")),
    litigation: defined(gridValue(appealsGrid, "litigationDirect", "total") + gridValue(appealsGrid, "litigationAfterReview", "total")),
    results,
    applications: input.table("applications").data,
    appeals: input.table("appeals").data
  };
}
function allowed(f, subject, includesCarriedOver, mayBeHandled) {
  const plus = (a, b) => a === void 0 || b === void 0 ? void 0 : a + b;
  const values = (() => {
    switch (subject) {
      // "共收到申请N件" often counts last year's carried-over applications too; when the text
      // says so ("含上年结转…"), only that sum is right.
      case "applications":
        if (includesCarriedOver) return [plus(f.received, f.carriedOver)];
        return [f.received, plus(f.received, f.carriedOver), ...mayBeHandled ? [f.handled] : []];
      case "handled":
        return [f.handled];
      case "carriedOver":
        return [f.carriedOver];
      case "carriedForward":
        return [f.carriedForward];
      case "review":
        return [f.review];
      case "litigation":
        return [f.litigation];
      default:
        return [f.results[subject]];
    }
  })();
  return values.filter((v) => v !== void 0);
}
var overviewFinding = (report, rule, details) => ({
  rule,
  severity: "warning",
  path: "overview",
  label: TEMPLATES[report.template].sectionTitles.overview,
  ...details
});
function sharesMatch(part, whole, percent, decimals) {
  if (whole <= 0) return false;
  const scale = 10 ** decimals;
  const ratio = part / whole * 100 * scale;
  return [Math.round(ratio), Math.floor(ratio + 1e-9)].some((v) => Math.abs(v / scale - percent) < 1e-9);
}
function shareFindings(input, f, findings) {
  const { report } = input;
  const { def } = input.table("applications");
  const orgColumns = applicantColumns(def).filter((c) => c.id !== "natural");
  const received = f.received;
  const receivedAll = received !== void 0 && f.carriedOver !== void 0 ? received + f.carriedOver : void 0;
  for (const share of input.text("overview").shares) {
    let pairs;
    if (share.part === "natural" || share.part === "organisations") {
      const ofRow = (row) => share.part === "natural" ? numeric(f.applications[row]?.natural) : sumOf(orgColumns.map((c) => f.applications[row]?.[c.id]));
      const withCarried = (() => {
        const a = ofRow("newReceived");
        const b = ofRow("carriedOver");
        return a === void 0 || b === void 0 ? void 0 : a + b;
      })();
      pairs = [
        [ofRow("newReceived"), received, "\u672C\u5E74\u65B0\u6536\u7533\u8BF7"],
        [withCarried, receivedAll, "\u672C\u5E74\u65B0\u6536\u4E0E\u4E0A\u5E74\u7ED3\u8F6C\u7533\u8BF7"]
      ];
    } else {
      const part2 = f.results[share.part];
      pairs = [
        [part2, f.handled, "\u529E\u7406\u7ED3\u679C\uFF08\u4E03\uFF09\u603B\u8BA1"],
        [part2, received, "\u672C\u5E74\u65B0\u6536\u7533\u8BF7"],
        [part2, receivedAll, "\u672C\u5E74\u65B0\u6536\u4E0E\u4E0A\u5E74\u7ED3\u8F6C\u7533\u8BF7"]
      ];
    }
    const usable = pairs.filter((p) => p[0] !== void 0 && p[1] !== void 0 && p[1] > 0);
    if (usable.length === 0) continue;
    if (usable.some(([part2, whole2]) => sharesMatch(part2, whole2, share.percent, share.decimals))) continue;
    const [part, whole, base] = usable[0];
    const expected = `${(part / whole * 100).toFixed(share.decimals)}%`;
    const name = share.part === "natural" ? "\u81EA\u7136\u4EBA\u7533\u8BF7" : share.part === "organisations" ? "\u6CD5\u4EBA\u6216\u5176\u4ED6\u7EC4\u7EC7\u7533\u8BF7" : RESULT_NAME[share.part];
    findings.push(
      overviewFinding(report, "narrative.mismatch", {
        expected,
        actual: `${formatNumber(share.percent)}%`,
        message: `\u603B\u4F53\u60C5\u51B5\u4E2D\u5199\u201C${share.quote}\u201D\uFF0C\u6309\u8868\u4E09\u8BA1\u7B97\uFF0C${name} ${formatNumber(part)} \u4EF6\u5360${base} ${formatNumber(whole)} \u4EF6\u7684 ${expected}\uFF0C\u4E0E\u6587\u5B57\u4E0D\u4E00\u81F4\uFF0C\u8BF7\u6838\u5BF9\u3002`
      })
    );
  }
}
var narrativeMismatch = (input, findings) => {
  const { report } = input;
  const overview = input.text("overview");
  const claims = overview.claims.filter((c) => !c.none);
  const shares = overview.shares;
  if (claims.length === 0 && shares.length === 0) return;
  const f = input.derive(figures);
  const seen = /* @__PURE__ */ new Set();
  for (const claim of claims) {
    const values = allowed(f, claim.subject, claim.includesCarriedOver === true, claim.mayBeHandled === true);
    if (values.length === 0 || values.includes(claim.value)) continue;
    const key = `${claim.subject}:${claim.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const expected = values[0];
    const what = claim.subject === "applications" && claim.includesCarriedOver ? `${SUBJECT_NAME.applications}\u4E0E\u201C\u4E8C\u3001\u4E0A\u5E74\u7ED3\u8F6C\u201D\u4E4B\u548C` : subjectName(claim.subject);
    findings.push(
      overviewFinding(report, "narrative.mismatch", {
        expected,
        actual: claim.value,
        message: `\u603B\u4F53\u60C5\u51B5\u4E2D\u5199\u201C${claim.quote}\u201D\uFF0C\u4E0E${what} ${formatNumber(expected)} \u4E0D\u4E00\u81F4\uFF0C\u8BF7\u6838\u5BF9\u6587\u5B57\u6216\u8868\u683C\u3002`
      })
    );
  }
  if (shares.length > 0) shareFindings(input, f, findings);
};
var ALL_SETTLED = /(?:均|全部|都)(?:已|已经)?(?:按时|按期|依法|如期)?(?:办结|办理完毕|处理完毕|办理完结)|(?:无|没有|未有|不存在)(?:申请)?结转/u;
var ALL_UPHELD = /(?:均|全部|都)(?:为|被|予以|已被)?(?:依法)?维持/u;
var SWEEPING = new RegExp(`${ALL_SETTLED.source}|${ALL_UPHELD.source}`, "u");
function sweepingStatements(text) {
  const sweeping = SWEEPING.test(text);
  return { settled: sweeping && ALL_SETTLED.test(text), upheld: sweeping && ALL_UPHELD.test(text) };
}
var NOT_THIS_YEAR = /上一?年度?结转|下一?年|建议|提案|留言|截至目前|目前已|现已/u;
var APPEAL_ROWS = ["review", "litigationDirect", "litigationAfterReview"];
function notUpheld(appeals, rows) {
  let sum = 0;
  for (const r of rows) {
    const n = sumOf([appeals[r]?.corrected, appeals[r]?.pending]);
    if (n === void 0) return void 0;
    sum += n;
  }
  return sum;
}
function upheldSubject(before) {
  const parts = before.split(/[，,；]/u);
  for (let i = parts.length - 1; i >= 0; i--) {
    const review = parts[i].includes("\u590D\u8BAE");
    const litigation = parts[i].includes("\u8BC9\u8BBC");
    if (review || litigation) return { review, litigation };
  }
  return { review: false, litigation: false };
}
var narrativeContradiction = (input, findings) => {
  const { report } = input;
  const overview = input.text("overview");
  const claims = overview.claims.filter((c) => c.none);
  const { settled: settledAnywhere, upheld: upheldAnywhere } = overview.read(sweepingStatements);
  if (claims.length === 0 && !settledAnywhere && !upheldAnywhere) return;
  const f = input.derive(figures);
  const seen = /* @__PURE__ */ new Set();
  const add = (key, details) => {
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(overviewFinding(report, "narrative.contradiction", details));
  };
  for (const claim of claims) {
    const actual = claim.subject === "applications" ? f.received : claim.subject === "review" ? f.review : f.litigation;
    if (actual === void 0 || actual === 0) continue;
    add(claim.subject, {
      expected: actual,
      actual: 0,
      message: `\u603B\u4F53\u60C5\u51B5\u4E2D\u5199\u201C${claim.quote}\u201D\uFF0C\u4F46${subjectName(claim.subject)}\u4E3A ${formatNumber(actual)}\uFF0C\u8BF7\u6838\u5BF9\u6587\u5B57\u6216\u8868\u683C\u3002`
    });
  }
  const pending = f.carriedForward;
  const readSettled = settledAnywhere && pending !== void 0 && pending > 0;
  const readUpheld = upheldAnywhere && notUpheld(f.appeals, APPEAL_ROWS) !== 0;
  if (!readSettled && !readUpheld) return;
  for (const sentence of overview.sentences) {
    const settled = readSettled ? ALL_SETTLED.exec(sentence) : null;
    if (settled && sentence.includes("\u7533\u8BF7") && !NOT_THIS_YEAR.test(sentence)) {
      add("settled", {
        expected: pending,
        actual: settled[0],
        message: `\u603B\u4F53\u60C5\u51B5\u4E2D\u5199\u201C${settled[0]}\u201D\uFF0C\u4F46${SUBJECT_NAME.carriedForward}\u4E3A ${formatNumber(pending)}\uFF0C\u8BF7\u6838\u5BF9\uFF1A\u7ED3\u8F6C\u4E0B\u5E74\u5EA6\u7684\u7533\u8BF7\u5C1A\u672A\u529E\u7ED3\u3002`
      });
    }
    const upheld = readUpheld ? ALL_UPHELD.exec(sentence) : null;
    if (upheld) {
      const { review, litigation } = upheldSubject(sentence.slice(0, upheld.index));
      if (!review && !litigation) continue;
      const rows = [...review ? ["review"] : [], ...litigation ? ["litigationDirect", "litigationAfterReview"] : []];
      const count2 = notUpheld(f.appeals, rows);
      if (count2 === void 0 || count2 === 0) continue;
      const which = review && litigation ? "\u884C\u653F\u590D\u8BAE\u3001\u884C\u653F\u8BC9\u8BBC" : review ? "\u884C\u653F\u590D\u8BAE" : "\u884C\u653F\u8BC9\u8BBC";
      add("upheld", {
        expected: count2,
        actual: upheld[0],
        message: `\u603B\u4F53\u60C5\u51B5\u4E2D\u5199\u201C${upheld[0]}\u201D\uFF0C\u4F46\u8868\u56DB${which}\u7684\u201C\u7ED3\u679C\u7EA0\u6B63\u201D\u4E0E\u201C\u5C1A\u672A\u5BA1\u7ED3\u201D\u5171 ${formatNumber(count2)} \u4EF6\uFF0C\u8BF7\u6838\u5BF9\u6587\u5B57\u6216\u8868\u683C\u3002`
      });
    }
  }
};

// functions/domain/rules/text-statements.ts
var YEAR2 = "((?:19|20)\\d{2})";
var OWN_PERIOD = [
  // 现将我局2022年度政府信息公开工作报告如下 / 现将…2022年…年度报告予以公布
  new RegExp(`\u73B0\u5C06[^\u3002\uFF1B\\d]{0,20}?${YEAR2}\\s*\u5E74\u5EA6?[^\u3002\uFF1B\\d]{0,30}?\u62A5\u544A(?:\u5982\u4E0B|\u4E88\u4EE5\u516C\u5E03|\u516C\u5E03\u5982\u4E0B)`, "u"),
  // 统计期限自2022年1月1日起至2022年12月31日止
  new RegExp(`\u7EDF\u8BA1(?:\u671F\u9650|\u65F6\u9650|\u671F\u95F4|\u65F6\u95F4|\u533A\u95F4)[^\u3002\uFF1B\\d]{0,6}?${YEAR2}\\s*\u5E74\\s*1\\s*\u6708\\s*1\\s*\u65E5`, "u"),
  new RegExp(`\u7EDF\u8BA1(?:\u671F\u9650|\u65F6\u9650|\u671F\u95F4|\u65F6\u95F4|\u533A\u95F4)[^\u3002\uFF1B]{0,30}?\u81F3\\s*${YEAR2}\\s*\u5E74\\s*12\\s*\u6708\\s*31\\s*\u65E5`, "u"),
  // the overview's first words: "2022年，我局…"
  new RegExp(`^\\s*${YEAR2}\\s*\u5E74\u5EA6?\\s*[\uFF0C,]`, "u")
];
var OWN_PERIOD_WORDS = ["\u73B0\u5C06", "\u7EDF\u8BA1", "\u7EDF\u8BA1", ""];
var FIRST_WORDS = OWN_PERIOD.length - 1;
var ANY_YEAR = /(?:19|20)\d{2}/u;
function ownPeriods(text) {
  if (!ANY_YEAR.test(text)) return [];
  const found = [];
  for (let k = 0; k < OWN_PERIOD.length; k++) {
    if (!text.includes(OWN_PERIOD_WORDS[k])) continue;
    const match = OWN_PERIOD[k].exec(text);
    if (match) found.push({ year: Number(match[1]), quote: match[0].trim().replace(/\s+/gu, ""), firstWords: k === FIRST_WORDS });
  }
  return found;
}
var SECTIONS = ["overview", "problems", "other"];
var textStaleYear = (input, findings) => {
  const { report } = input;
  const titles = TEMPLATES[report.template].sectionTitles;
  for (const section of SECTIONS) {
    for (const { year, quote, firstWords } of input.text(section).read(ownPeriods)) {
      if (firstWords && section !== "overview") continue;
      if (year === report.year) continue;
      findings.push({
        rule: "text.stale-year",
        severity: "warning",
        path: section,
        label: titles[section],
        expected: `${report.year}\u5E74`,
        actual: `${year}\u5E74`,
        message: `${titles[section]}\u4E2D\u5199\u201C${quote}\u201D\uFF0C\u800C\u672C\u62A5\u544A\u662F${report.year}\u5E74\u5EA6\u62A5\u544A\uFF1B\u8BF7\u6838\u5BF9\u662F\u5426\u6CBF\u7528\u4E86${year}\u5E74\u7684\u6587\u5B57\uFF0C\u5E94\u6539\u4E3A${report.year}\u5E74\u3002`
      });
      break;
    }
  }
};
var FEE_WORD = /处理费|收费|收取|费用|缴费/u;
var AMOUNT2 = /(?:\d[\d,.]*|零)\s*(?:万元|元)/u;
var NONE2 = /未|没有|无(?!论)|不存在|不涉及|不产生|不收|免收|免予|免除|为零|为0(?![\d.])/u;
var NO_APPLICATION = /(?:未|没有)(?:收到|受理|接到)[^，,。；]{0,12}?申请(?!人)/u;
var FREE = /免费|零收费/u;
var FEE_CLAUSE_BREAK = /[。；;！!？?\n，,]/u;
var FEE_TRACE = /费|收取|申请/u;
function statesFees(text) {
  if (!FEE_TRACE.test(text)) return false;
  for (const clause of text.split(FEE_CLAUSE_BREAK)) {
    if (NO_APPLICATION.test(clause) || FREE.test(clause)) return true;
    if (FEE_WORD.test(clause) && (AMOUNT2.test(clause) || NONE2.test(clause))) return true;
  }
  return false;
}
var otherFeeReport = (input, findings) => {
  const { report } = input;
  if (report.template !== "2021") return;
  const text = report.sections.other;
  if (text.trim() === "") return;
  if (input.text("other").read(statesFees)) return;
  const title2 = TEMPLATES[report.template].sectionTitles.other;
  findings.push({
    rule: "other.fee-report",
    severity: "warning",
    path: "other",
    label: title2,
    expected: "\u5199\u660E\u672C\u5E74\u6536\u53D6\u4FE1\u606F\u5904\u7406\u8D39\u7684\u60C5\u51B5\uFF08\u91D1\u989D\uFF0C\u6216\u672A\u6536\u53D6\uFF09",
    actual: text.length > 40 ? `${text.slice(0, 40)}\u2026` : text,
    message: `${title2}\u672A\u8BF4\u660E\u672C\u5E74\u662F\u5426\u6536\u53D6\u4FE1\u606F\u5904\u7406\u8D39\uFF1B\u683C\u5F0F\u8981\u6C42\u6536\u53D6\u4FE1\u606F\u5904\u7406\u8D39\u7684\u60C5\u51B5\u5728\u6B64\u5904\u4E13\u95E8\u62A5\u544A\uFF0C\u8BF7\u5199\u660E\u6536\u53D6\u91D1\u989D\uFF0C\u6216\u5199\u201C\u672C\u5E74\u5EA6\u672A\u6536\u53D6\u4FE1\u606F\u5904\u7406\u8D39\u201D\u3002`
  });
};

// functions/domain/agency.ts
import { z as z3 } from "zod";
var AgencyKind = z3.enum(["department", "township", "government-office"]);
var RegionCode = z3.string().regex(/^\d{6}$/, "\u884C\u653F\u533A\u5212\u4EE3\u7801\u5E94\u4E3A6\u4F4D\u6570\u5B57");
var NO_CONTROL = /^[^\p{Cc}]*$/u;
var Agency = z3.strictObject({
  id: z3.string().length(18),
  name: z3.string().trim().min(1).max(200).regex(NO_CONTROL, "\u5355\u4F4D\u540D\u79F0\u4E0D\u80FD\u542B\u6362\u884C\u7B49\u63A7\u5236\u5B57\u7B26"),
  region: RegionCode,
  kind: AgencyKind,
  emails: z3.array(z3.string().regex(NO_CONTROL, "\u7535\u5B50\u90AE\u7BB1\u4E0D\u80FD\u542B\u63A7\u5236\u5B57\u7B26")),
  /** set while the agency is deactivated (停用): it owes no report and gets no reminder */
  deactivatedAt: z3.string().optional()
});
var TOWNSHIP_NAME = /(乡|镇|街道|苏木)(人民政府|政府|办事处|街道办事处)?$/;
function isTownship(agencyName, kind) {
  if (kind) return kind === "township";
  return TOWNSHIP_NAME.test(agencyName.trim());
}

// functions/domain/rules/text-rules.ts
var OVERVIEW_LIMIT = 1e3;
var REPEATED_THRESHOLD = 0.9;
var REPEATED_MIN_LENGTH = 30;
var title = (id, template) => TEMPLATES[template].sectionTitles[id];
var overviewLength = (input, findings) => {
  const { report } = input;
  const text = report.sections.overview;
  if (text.length <= OVERVIEW_LIMIT) return;
  const length = input.text("overview").visibleLength;
  if (length <= OVERVIEW_LIMIT) return;
  findings.push({
    rule: "overview.length",
    severity: "warning",
    path: "overview",
    label: title("overview", report.template),
    expected: OVERVIEW_LIMIT,
    actual: length,
    message: `\u603B\u4F53\u60C5\u51B5\u5171 ${length} \u5B57\uFF0C\u683C\u5F0F\u8981\u6C42\u7BC7\u5E45\u539F\u5219\u4E0A\u4E0D\u8D85\u8FC7\u4E00\u5343\u5B57\uFF0C\u5EFA\u8BAE\u7CBE\u7B80\u3002`
  });
};
var scopeRegulations = (input, findings) => {
  const { report, context } = input;
  if (!isTownship(report.agencyName, context.agencyKind)) return;
  const { def, data } = input.table("proactive.regulations");
  const rules = def.rows.find((r) => r.id === "rules");
  if (!rules) return;
  for (const c of def.columns) {
    const value = numeric(data.rules?.[c.id]);
    if (value === void 0 || value === 0) continue;
    findings.push(
      cellFinding("scope.regulations", def, rules, c, {
        expected: 0,
        actual: value,
        message: `\u4E61\u9547\u4EBA\u6C11\u653F\u5E9C\u548C\u8857\u9053\u529E\u4E8B\u5904\u65E0\u6743\u5236\u5B9A\u89C4\u7AE0\uFF0C\u201C\u89C4\u7AE0\u201D\u4E00\u884C\u901A\u5E38\u5E94\u4E3A0\uFF0C\u73B0\u586B ${value}\uFF1B\u8BF7\u6838\u5B9E\u662F\u5426\u5E94\u8BA1\u5165\u201C\u884C\u653F\u89C4\u8303\u6027\u6587\u4EF6\u201D\u3002`
      })
    );
  }
};
var textRepeated = (input, findings) => {
  const { report, context } = input;
  const previous2 = context.previous;
  if (!previous2 || previous2.year >= report.year) return;
  const now = input.text("problems");
  const before = input.previousText("problems");
  if (!now.hasVisibleLength(REPEATED_MIN_LENGTH) || !before.hasVisibleLength(REPEATED_MIN_LENGTH)) return;
  const score = now.text === before.text ? 1 : unitSimilarity(now.keptUnitsLike(before), before.keptUnits, REPEATED_THRESHOLD);
  if (score < REPEATED_THRESHOLD) return;
  findings.push({
    rule: "text.repeated",
    severity: "warning",
    path: "problems",
    label: title("problems", report.template),
    expected: `\u4E0E${previous2.year}\u5E74\u76F8\u4F3C\u5EA6\u4F4E\u4E8E${Math.round(REPEATED_THRESHOLD * 100)}%`,
    actual: `${Math.round(score * 100)}%`,
    message: `\u201C\u5B58\u5728\u7684\u4E3B\u8981\u95EE\u9898\u53CA\u6539\u8FDB\u60C5\u51B5\u201D\u4E0E${previous2.year}\u5E74\u62A5\u544A\u76F8\u4F3C\u5EA6\u8FBE ${Math.round(score * 100)}%\uFF0C\u683C\u5F0F\u8981\u6C42\u4E0D\u5F97\u5E74\u5E74\u96F7\u540C\uFF0C\u8BF7\u7ED3\u5408\u672C\u5E74\u5B9E\u9645\u60C5\u51B5\u64B0\u5199\u3002`
  });
};

// functions/domain/rules/year-on-year-rules.ts
var COMPARED_TABLES = ["applications", "appeals"];
var dataRepeated = (input, findings) => {
  const previous2 = input.lastYear;
  if (!previous2) return;
  if (!COMPARED_TABLES.some((path) => input.grid(path).values.some((v) => v !== 0 && !Number.isNaN(v)))) return;
  let nonZero = 0;
  for (const path of COMPARED_TABLES) {
    const { def, width, values } = input.grid(path);
    const before = input.lastYearTable(path);
    for (let i = 0, k = 0; i < def.rows.length; i++) {
      const then = before[def.rows[i].id];
      for (let j = 0; j < width; j++, k++) {
        const value = values[k];
        if (Number.isNaN(value) || value !== then?.[def.columns[j].id]) return;
        if (value !== 0) nonZero++;
      }
    }
  }
  if (nonZero === 0) return;
  findings.push({
    rule: "data.repeated",
    severity: "warning",
    path: "applications",
    label: "\u4E09\u3001\u6536\u5230\u548C\u5904\u7406\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u60C5\u51B5\uFF1B\u56DB\u3001\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u884C\u653F\u590D\u8BAE\u3001\u884C\u653F\u8BC9\u8BBC\u60C5\u51B5",
    expected: `\u4E0E${previous2.year}\u5E74\u4E0D\u5B8C\u5168\u76F8\u540C`,
    actual: `\u4E0E${previous2.year}\u5E74\u5B8C\u5168\u76F8\u540C\uFF08${nonZero}\u4E2A\u975E\u96F6\u6570\u5B57\uFF09`,
    message: `\u8868\u4E09\u3001\u8868\u56DB\u7684\u5168\u90E8\u6570\u5B57\u4E0E${previous2.year}\u5E74\u62A5\u544A\u5B8C\u5168\u76F8\u540C\uFF08\u5176\u4E2D ${nonZero} \u4E2A\u4E0D\u4E3A0\uFF09\uFF1B\u683C\u5F0F\u8981\u6C42\u4E0D\u5F97\u5E74\u5E74\u96F7\u540C\uFF0C\u8BF7\u6838\u5B9E\u662F\u5426\u8BEF\u7528\u4E86\u4E0A\u5E74\u6570\u636E\u3002`
  });
};
var OUTLIER_FACTOR = 5;
var OUTLIER_MIN = 10;
var KEY_FIGURES = [
  {
    name: "\u672C\u5E74\u65B0\u6536\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF",
    path: "applications.newReceived.total",
    label: "\u4E00\u3001\u672C\u5E74\u65B0\u6536\u653F\u5E9C\u4FE1\u606F\u516C\u5F00\u7533\u8BF7\u6570\u91CF / \u603B\u8BA1",
    cells: [["applications", "newReceived", "total"]]
  },
  {
    name: "\u884C\u653F\u8BB8\u53EF\u672C\u5E74\u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    path: "proactive.licensing.administrativeLicensing.decisions",
    label: "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u4E94\uFF09\u9879 \u884C\u653F\u8BB8\u53EF / \u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    cells: [["proactive.licensing", "administrativeLicensing", "decisions"]]
  },
  {
    name: "\u884C\u653F\u5904\u7F5A\u672C\u5E74\u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    path: "proactive.enforcement.administrativePenalty.decisions",
    label: "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516D\uFF09\u9879 \u884C\u653F\u5904\u7F5A / \u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    cells: [["proactive.enforcement", "administrativePenalty", "decisions"]]
  },
  {
    name: "\u884C\u653F\u5F3A\u5236\u672C\u5E74\u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    path: "proactive.enforcement.administrativeCoercion.decisions",
    label: "\u7B2C\u4E8C\u5341\u6761\u7B2C\uFF08\u516D\uFF09\u9879 \u884C\u653F\u5F3A\u5236 / \u5904\u7406\u51B3\u5B9A\u6570\u91CF",
    cells: [["proactive.enforcement", "administrativeCoercion", "decisions"]]
  },
  {
    name: "\u884C\u653F\u590D\u8BAE\u603B\u8BA1",
    path: "appeals.review.total",
    label: "\u884C\u653F\u590D\u8BAE / \u603B\u8BA1",
    cells: [["appeals", "review", "total"]]
  },
  {
    name: "\u884C\u653F\u8BC9\u8BBC\u603B\u8BA1",
    path: "appeals",
    label: "\u884C\u653F\u8BC9\u8BBC / \u603B\u8BA1\uFF08\u672A\u7ECF\u590D\u8BAE\u76F4\u63A5\u8D77\u8BC9\uFF0B\u590D\u8BAE\u540E\u8D77\u8BC9\uFF09",
    cells: [
      ["appeals", "litigationDirect", "total"],
      ["appeals", "litigationAfterReview", "total"]
    ]
  }
];
function keyFigure(input, key, lastYear) {
  let sum = 0;
  for (const [path, row, column] of key.cells) {
    const n = numeric((lastYear ? input.lastYearTable(path) : input.table(path).data)[row]?.[column]);
    if (n === void 0) return void 0;
    sum += n;
  }
  return sum;
}
var trendOutlier = (input, findings) => {
  const previous2 = input.lastYear;
  if (!previous2) return;
  for (const key of KEY_FIGURES) {
    const now = keyFigure(input, key, false);
    const before = keyFigure(input, key, true);
    if (now === void 0 || before === void 0 || now < OUTLIER_MIN || before < OUTLIER_MIN) continue;
    if (now <= before * OUTLIER_FACTOR && now * OUTLIER_FACTOR >= before) continue;
    const ratio = now / before;
    const change = ratio > 1 ? `\u662F\u4E0A\u5E74\u7684 ${formatNumber(Number(ratio.toFixed(1)))} \u500D` : `\u53EA\u6709\u4E0A\u5E74\u7684 ${formatNumber(Number((ratio * 100).toFixed(1)))}%`;
    findings.push({
      rule: "trend.outlier",
      severity: "warning",
      path: key.path,
      label: key.label,
      expected: `${formatNumber(Math.ceil(before / OUTLIER_FACTOR))}\uFF5E${formatNumber(before * OUTLIER_FACTOR)}`,
      actual: now,
      message: `${key.name}\u672C\u5E74 ${formatNumber(now)}\uFF0C${previous2.year}\u5E74 ${formatNumber(before)}\uFF0C${change}\uFF1B\u8BF7\u6838\u5B9E\u6570\u5B57\uFF08\u5355\u4F4D\u3001\u6F0F\u586B\u6216\u591A\u586B\u4E00\u4F4D\uFF09\uFF0C\u786E\u6709\u53D8\u5316\u7684\u8BF7\u5728\u6587\u5B57\u4E2D\u8BF4\u660E\u539F\u56E0\u3002`
    });
  }
};
var proactiveInForce = (input, findings) => {
  const { report } = input;
  const previous2 = input.lastYear;
  if (!previous2 || report.template !== "2021" || previous2.template !== "2021") return;
  const { def, data } = input.table("proactive.regulations");
  const last = input.lastYearTable("proactive.regulations");
  const inForce = def.columns.find((c) => c.id === "inForce");
  for (const r of def.rows) {
    const before = numeric(last[r.id]?.inForce);
    const issued = numeric(data[r.id]?.issued);
    const repealed = numeric(data[r.id]?.repealed);
    const actual = numeric(data[r.id]?.inForce);
    if (before === void 0 || issued === void 0 || repealed === void 0 || actual === void 0) continue;
    const expected = before + issued - repealed;
    if (actual === expected) continue;
    findings.push(
      cellFinding("proactive.in-force", def, r, inForce, {
        expected,
        actual,
        message: `\u201C${r.label}\u201D\u73B0\u884C\u6709\u6548\u4EF6\u6570 ${formatNumber(actual)}\uFF0C\u6309${previous2.year}\u5E74\u73B0\u884C\u6709\u6548 ${formatNumber(before)} + \u672C\u5E74\u5236\u53D1 ${formatNumber(issued)} \u2212 \u672C\u5E74\u5E9F\u6B62 ${formatNumber(repealed)} \u5E94\u4E3A ${formatNumber(expected)}\uFF1B\u6587\u4EF6\u4E5F\u4F1A\u56E0\u6709\u6548\u671F\u5C4A\u6EE1\u800C\u5931\u6548\uFF0C\u8BF7\u6838\u5B9E\u6570\u5B57\uFF0C\u6216\u5728\u6587\u5B57\u4E2D\u8BF4\u660E\u5DEE\u5F02\u7684\u539F\u56E0\u3002`
      })
    );
  }
};

// functions/domain/validate-report.ts
var RULES = [
  numberFormat,
  requiredMissing,
  applicationsColumnTotal,
  applicationsResultsTotal,
  applicationsBalance,
  appealsTotal,
  carryoverContinuity,
  overviewLength,
  scopeRegulations,
  narrativeMismatch,
  narrativeContradiction,
  textRepeated,
  textStaleYear,
  dataRepeated,
  trendOutlier,
  proactiveInForce,
  otherFeeReport
];
function validateReport(report, context = {}) {
  const findings = [];
  const input = new RuleInput(report, context);
  for (const rule of RULES) rule(input, findings);
  return findings;
}

// test/support/real-reports.ts
import { readFileSync } from "node:fs";
var dir = new URL("../fixtures/real-reports/", import.meta.url);
var readFixture = (name) => readFileSync(new URL(name, dir), "utf8");
var numbers = (cells) => cells.map((c) => Number(c.replace(/^\D+/u, "")));
function reportFromTables(tsv, header) {
  const report = emptyReport("2021", header, 0);
  const proactive2 = report.sections.proactive;
  const applications = report.sections.applications;
  const appeals = report.sections.appeals;
  const applicationRows2 = TEMPLATES["2021"].tables.find((t2) => t2.path === "applications").rows;
  const columns = ["natural", "business", "research", "nonprofit", "legal", "otherOrg", "total"];
  const appealColumns = ["upheld", "corrected", "other", "pending", "total"];
  const appealRows = { \u590D\u8BAE: "review", \u76F4\u63A5\u8D77\u8BC9: "litigationDirect", \u590D\u8BAE\u540E\u8D77\u8BC9: "litigationAfterReview" };
  let applicationRow = 0;
  for (const line of tsv.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const cells = line.split("	");
    if (cells[0] === "\u8868\u4E8C") {
      const [, name, ...rest] = cells;
      const values = numbers(rest);
      if (name === "\u89C4\u7AE0" || name === "\u884C\u653F\u89C4\u8303\u6027\u6587\u4EF6") {
        const row = name === "\u89C4\u7AE0" ? "rules" : "normativeDocuments";
        proactive2.regulations[row] = { issued: values[0], repealed: values[1], inForce: values[2] };
      } else if (name === "\u884C\u653F\u8BB8\u53EF") proactive2.licensing.administrativeLicensing.decisions = values[0];
      else if (name === "\u884C\u653F\u5904\u7F5A") proactive2.enforcement.administrativePenalty.decisions = values[0];
      else if (name === "\u884C\u653F\u5F3A\u5236") proactive2.enforcement.administrativeCoercion.decisions = values[0];
      else if (name.startsWith("\u884C\u653F\u4E8B\u4E1A\u6027\u6536\u8D39")) proactive2.fees.administrativeFees.amount = values[0];
      else throw new Error(`unknown \u8868\u4E8C row ${name}`);
    } else if (cells[0] === "\u8868\u56DB") {
      const row = appealRows[cells[1].replace(/\(.*$/u, "")];
      if (!row) throw new Error(`unknown \u8868\u56DB row ${cells[1]}`);
      const values = numbers(cells.slice(2));
      appeals[row] = Object.fromEntries(appealColumns.map((c, i) => [c, values[i]]));
    } else {
      const row = applicationRows2[applicationRow++];
      if (!row) throw new Error(`extra table \u4E09 row ${cells[0]}`);
      const values = numbers(cells.slice(1));
      applications[row.id] = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    }
  }
  if (applicationRow !== applicationRows2.length) throw new Error(`table \u4E09 has ${applicationRow} rows`);
  return report;
}
function unwrap(lines) {
  return lines.filter((l) => !/^\s*-\s*\d+\s*-\s*$/u.test(l) && !l.startsWith("#")).join("").replace(/[\u2e80-\u2fdf\uf900-\ufaff]/gu, (c) => c.normalize("NFKC")).trim();
}
var HEADINGS = {
  overview: /^一、总体情况/u,
  proactive: /^二、主动公开政府信息情况/u,
  problems: /^五、存在的主要问题及改进情况/u,
  other: /^六、其他需要报告的事项/u
};
function textSections(text) {
  const found = {};
  let current;
  for (const line of text.split("\n")) {
    const heading = Object.keys(HEADINGS).find((k) => HEADINGS[k].test(line.trim()));
    if (heading) {
      current = found[heading] = [];
      continue;
    }
    if (/^[三四]、/u.test(line.trim())) current = void 0;
    current?.push(line);
  }
  return {
    overview: unwrap(found.overview ?? []),
    problems: unwrap(found.problems ?? []),
    other: unwrap(found.other ?? [])
  };
}
function withTexts(report, text) {
  Object.assign(report.sections, textSections(text));
  return report;
}
var huaian2024 = () => withTexts(
  reportFromTables(readFixture("huaian-shi-renminzhengfu-2024.tables.tsv"), { agencyName: "\u6DEE\u5B89\u5E02\u4EBA\u6C11\u653F\u5E9C", year: 2024 }),
  readFixture("huaian-shi-renminzhengfu-2024.txt")
);
var suqian = (year) => withTexts(
  reportFromTables(readFixture(`suqian-shi-${year}.tables.tsv`), { agencyName: "\u5BBF\u8FC1\u5E02\u4EBA\u6C11\u653F\u5E9C", year }),
  readFixture(`suqian-shi-${year}.text.txt`)
);

// .scratch/sub/fresh3.ts
var referenceReport = importReport(readFileSync2("test/fixtures/wangdian-2023-report.txt", "utf8"));
var previous = { ...referenceReport, year: referenceReport.year - 1 };
var other = (process.argv[2] === "s" ? suqian(2024) : huaian2024()).sections;
var edited = Array.from({ length: 64 }, (_, i) => ({ ...referenceReport, sections: {
  ...referenceReport.sections,
  overview: `\uFF08\u7B2C${i}\u7A3F\uFF09${other.overview}`,
  problems: `\uFF08\u7B2C${i}\u7A3F\uFF09${other.problems}`,
  other: `\uFF08\u7B2C${i}\u7A3F\uFF09${other.other}`
} }));
var N = 3e4;
for (let i = 0; i < N / 3; i++) validateReport(edited[i % 64], { previous });
var t = process.hrtime.bigint();
for (let i = 0; i < N; i++) validateReport(edited[i % 64], { previous });
console.log((Number(process.hrtime.bigint() - t) / N / 1e3).toFixed(2), "us");
