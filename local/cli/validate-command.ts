/**
 * `nianbao validate FILE [--previous FILE] [--json]`: runs every rule. Exit 0 without errors
 * (warnings allowed), 1 with errors, 2 when an input cannot be read.
 */
import { parseArgs } from 'node:util';
import { splitFindings, type Finding } from '../../functions/domain/finding.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { UsageError, type Command } from './command.js';
import { missingNote, readReportDocument, readReportFile, UnreadableReportError } from './read-report.js';
import { HELP } from './usage.js';

function describe(finding: Finding): string {
  const tag = finding.severity === 'error' ? '错误' : '提示';
  return `  [${tag}] ${finding.rule}  ${finding.label}\n         ${finding.message}`;
}

export const validateCommand: Command = {
  words: ['validate'],
  usage: HELP.validate,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { previous: { type: 'string' }, json: { type: 'boolean', default: false } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError('');
    let report, previous;
    try {
      const read = await readReportDocument(file);
      report = read.report;
      if (read.missing.length > 0) process.stderr.write(missingNote(file, read.missing));
      previous = parsed.values.previous ? await readReportFile(parsed.values.previous) : undefined;
    } catch (error) {
      // --json callers read stdout: they get the verdict there too; the message goes to stderr once (main.ts).
      if (error instanceof UnreadableReportError && parsed.values.json) process.stdout.write(`${JSON.stringify({ valid: false, error: error.message })}\n`);
      throw error;
    }
    const { errors, warnings } = splitFindings(validateReport(report, { previous }));
    if (parsed.values.json) {
      const result = { valid: errors.length === 0, template: report.template, errors, warnings };
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      process.stdout.write(`${report.agencyName} ${report.year}年度报告（${report.template}年格式）\n`);
      if (errors.length + warnings.length === 0) process.stdout.write('检查通过：没有发现问题。\n');
      for (const f of [...errors, ...warnings]) process.stdout.write(`${describe(f)}\n`);
      process.stdout.write(`共 ${errors.length} 个错误，${warnings.length} 个提示。\n`);
    }
    return errors.length === 0 ? 0 : 1;
  },
};
