/**
 * The office's summary across workbooks, from inside Excel: the user picks the .xlsx files the
 * departments returned; each is opened in memory through the .xlsx host (ExcelJS, the same
 * adapter the web page uses), its departments are read and scored, and buildSummary writes
 * them with this workbook's own departments into the one summary sheet here.
 *
 * The .xlsx host comes from the page: the web page has it in its bundle already, while the
 * Excel pane loads it on demand (dist/xlsx-reader.js, see host/xlsx-reader-api.ts) so that
 * ExcelJS stays out of the bundle every Excel start loads. Hence no import of host/xlsx here.
 *
 * Nothing is written unless every picked file reads cleanly: a summary that silently left a
 * department out would rank the others wrongly.
 */
import { buildSummary, readDepartments, type ActionReport, type DepartmentRecord, type FlowProblem } from '../flow/index.js';
import { tr } from '../flow/text.js';
import type { Host } from '../host/host.js';
import type { OpenWorkbook } from '../host/xlsx-reader-api.js';
import { cellLabel } from '../ui/dom.js';
import type { PaneAction } from '../ui/pane.js';
import { describeError } from '../ui/state.js';

/** Reads every file; problems name the file and cell in their message (no cell to select here). */
export async function readWorkbooks(
  files: Array<{ name: string; arrayBuffer(): Promise<ArrayBuffer> }>,
  engine: Parameters<typeof readDepartments>[1],
  locale: Parameters<typeof readDepartments>[2],
  open: OpenWorkbook,
): Promise<{ records: DepartmentRecord[]; problems: FlowProblem[] }> {
  const records: DepartmentRecord[] = [];
  const problems: FlowProblem[] = [];
  for (const file of files) {
    let host: Host;
    try {
      host = await open(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      problems.push({ sheet: '', address: '', path: 'file', code: 'unreadable_file', message: `${file.name}：${describeError(error)}` });
      continue;
    }
    const result = await readDepartments(host, engine, locale);
    records.push(...result.departments.map((d) => ({ ...d, source: file.name })));
    // The cells are in the other file, not in the workbook open in Excel: selecting them here
    // would select the wrong cell, so the location goes into the message instead.
    problems.push(
      ...result.problems.map((p) => ({
        ...p,
        sheet: '',
        address: '',
        message: `${file.name}${p.sheet ? ` ${cellLabel(p.sheet, p.address)}` : ''}：${p.message}`,
      })),
    );
  }
  return { records, problems };
}

/**
 * The pane button. `reader` gives the function that opens a workbook; it is asked once per
 * run, before any file is read, so a reader that cannot load fails the action as a whole
 * (the pane shows why) instead of marking every file unreadable.
 */
export function otherWorkbooksAction(reader: () => Promise<OpenWorkbook>): PaneAction {
  return {
    id: 'summaryWithFiles',
    label: { zh: '汇总其他院系的工作簿', en: "Summary with other departments' workbooks" },
    hint: {
      zh: '选择各院系交回的 .xlsx 文件（可多选），与本工作簿中的院系一起汇总并排名',
      en: 'Pick the .xlsx files the departments returned (several at once); they are ranked with the departments of this workbook',
    },
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    run: async (ctx, input): Promise<ActionReport> => {
      const open = await reader();
      const { records, problems } = await readWorkbooks(input.files, ctx.engine, ctx.locale, open);
      if (problems.length > 0) {
        return {
          action: 'buildSummary',
          ok: false,
          message: tr(
            ctx.locale,
            `未生成汇总：所选文件中有 ${problems.length} 个问题，请让相应院系修改后重新选择`,
            `No summary: ${problems.length} problems in the chosen files; have the departments fix them and pick the files again`,
          ),
          problems,
          written: [],
        };
      }
      return buildSummary(ctx, records);
    },
  };
}
