/**
 * The host-neutral workbook flow: the task pane's five actions, written once against the
 * `Host` interface so that Excel, WPS 表格 and the web page run exactly the same code.
 *
 * ## Contract for the UI, the web page and the WPS ribbon
 *
 * Every action is `(ctx: FlowContext, …) => Promise<ActionReport>` and never throws for
 * anything a user can cause (bad inputs, foreign data, a missing template): those come back
 * as `ok: false` with `problems`. It throws only when the host itself fails.
 *
 * ```ts
 * interface ActionReport {
 *   action: ActionId;            // which action produced it
 *   ok: boolean;                 // false: nothing was scored / written, see problems
 *   message: string;             // one sentence for the user, in ctx.locale
 *   problems: FlowProblem[];     // every problem, each located at a cell
 *   written: RangeRef[];         // every block the action wrote (empty when ok is false)
 *   tsv?: string;                // appraisalText only: the text for the clipboard
 *   departments?: DepartmentResult[]; // fillScores / buildSummary / appraisalText: the results
 *   targets?: TargetsTable;      // buildSummary: the platform targets (../template/targets.ts)
 * }
 * interface FlowProblem {
 *   sheet: string; address: string;       // the cell to select (host.select) — A1, no sheet;
 *                                          // both '' when no cell is to blame (no_template,
 *                                          // duplicate_department, bad_record)
 *   path: string;                          // the input, RUBRIC.md §4 ("internship.local") or a
 *                                          // flow path ("output", "template", "department")
 *   code: string;                          // engine codes (RUBRIC.md §4) or flow codes below
 *   message: string;                       // in ctx.locale
 *   column?: 'self' | 'assessor';          // which column of the facts the value sits in
 *   department?: string;                   // the department's name, when known
 * }
 * ```
 * Flow problem codes: `foreign_data` (a cell the add-in must write holds something it did not
 * write), `no_template` (no department in the workbook), `duplicate_department` (the same
 * department twice in one summary), `summary_edited` (the 汇总 sheet was changed by hand),
 * `template_damaged` / `template_outdated` (a department's names or score rows no longer match,
 * or columns were inserted into its sheets), `copied_template` (a department's sheet copied
 * inside the workbook: which sheets, and what to do), `result_reshaped` (columns inserted into
 * or deleted from a 汇总 / 年度考核 block or its record: nothing written, what to do),
 * `table_too_long` (a majors/order-class table without a blank row before the reader's limit),
 * `bad_record` (a record passed to buildSummary that the engine cannot rank, e.g. S1 of 200).
 * The ledger's compliance warnings (RUBRIC.md §7 `warnings[]`) come as problems with
 * `severity: 'warning'`, each on its ledger cell: listed, never marked, never blocking.
 *
 * The actions (each one constant number of host calls, whatever the number of departments,
 * majors and classes; see test/flow-calls.test.ts and test/round-trips.test.ts):
 * - `insertTemplate(ctx, {department?, year?})` adds one department's 填报/评分 sheets (and
 *   填报说明 once); the same department again is a no-op (ok, nothing written).
 * - `addLedgerSheets(ctx)` (添加台账与月报) adds the ledger sheet (台账) to every department of
 *   a workbook made before it; only adds sheets; again, it adds nothing and says so.
 * - `validateWorkbook(ctx)` checks S1 facts (the 自评 column) and S2 facts (the 自评 column
 *   with every non-blank 考评 value over it), marks exactly the bad cells, clears fixed ones.
 * - `fillScores(ctx)` validates (and marks) first; with no problem, writes plain values.
 * - `buildSummary(ctx, extra?)` ranks the workbook's departments plus `extra` (records from
 *   other workbooks, via `readDepartments(otherHost, engine, locale)`) into 校企合作汇总, and
 *   writes the platform targets (RUBRIC.md §10) of those with facts into 平台建设目标 (`targets`).
 * - `appraisalText(ctx)` gives `tsv` and writes the 年度考核 sheet from the 汇总 sheet (or,
 *   without one, from the workbook's own departments).
 * - `adviceSheet(ctx)` writes the 提升建议 sheet: every department's hints (RUBRIC.md §9),
 *   best gain first, owned like the 汇总 sheet (./advice.ts). fillScores hands the same hints
 *   to the UI in `departments[].hints`, each at its input cell (./hints.ts).
 * - `clearMarks(ctx)` takes every mark off the inputs (also those whose note the user
 *   deleted), giving back the template's colour and the user's own notes; no value changes.
 * - `clearScores(ctx)` empties the score sheets' output cells and records, with the same
 *   ownership check as fillScores (nothing cleared while any of them is foreign).
 *
 * ## The workbook this flow reads and writes
 *
 * A department's set of sheets is identified by a **key** (`d` + 6 base-36 characters derived
 * from the department's name, so two departments' workbooks copied into one never clash).
 * Every cell the flow reads or writes is found through its row's **tag**, never by a fixed
 * address: a hidden column (facts sheet H, score sheet P) holds `coop:<key>:<what>` on every
 * row that matters, and two workbook-scoped names, `coop_<key>_facts` and `coop_<key>_scores`,
 * cover each sheet's tagged block, so inserted rows, renamed sheets and sheets copied into
 * another workbook do not break it (../template/tags.ts). Excel finds the blocks by those
 * names (one load), WPS by reading each sheet once (listing names costs three calls each
 * there). Templates made before the tags carry one name per input, `coop_<key>_<field>`
 * (e.g. `coop_dk3v9q2_internship_local_self`), and are still read through them. See
 * `../template/` for the layout.
 *
 * ## Round trips
 *
 * Each action is one session with the host (`inSession`): a look (`survey`, or `lookup` for
 * insertTemplate), one `read` (which also looks at the marks when the action sets them), then
 * changes, sent by `flush`. Excel queues the changes, so an action costs it at most three
 * `context.sync()` (insertTemplate two); test/round-trips.test.ts holds both hosts to issue
 * #8's targets and `npx tsx scripts/bench-calls.ts` prints the figures.
 *
 * ## Never lose the user's data
 *
 * Every block the flow writes carries, in the column right beside it, a record of what was
 * written there (one hash per cell, per row; ../template/record.ts). A cell may be written
 * only if it is empty or still holds exactly what the record says (a number the host made of
 * written text, "65%" → 0.65, counts as what was written); otherwise the action stops before
 * writing anything and names the cells. A result sheet's name spans its block and, last, its
 * record, so columns inserted between them move the record without breaking it. Each write
 * carries what was checked (`WriteBlock.expect`): Excel, where the user can type between the
 * check and the write, looks again in the round trip that writes and puts the block back when
 * it changed (one more sync, then a `foreign_data` report). Marks give back the template's
 * colour and the user's own note, and nothing else is kept in a note.
 * The action that makes a record column hides it (`host.hideColumns`: insertTemplate for the
 * score sheet's column O, the first buildSummary / appraisalText for their sheets); hidden
 * columns are read and written like any other, and a user who un-hides the score sheet's
 * record column finds it grey and headed "加载项记录（请勿修改）".
 */
import type { Host, RangeRef } from '../host/host.js';
import type { Engine, LineScore, Problem } from '../engine/types.js';

import type { Locale } from '../template/text.js';
import type { LocatedHint } from './hints.js';
import type { TargetsTable } from '../template/targets.js';

export type { Locale };

/** What every action needs: the host to talk to, the engine, and the user's language. */
export interface FlowContext {
  host: Host;
  engine: Engine;
  locale: Locale;
}

export type ActionId = 'insertTemplate' | 'addLedger' | 'validate' | 'fillScores' | 'buildSummary' | 'appraisalText' | 'adviceSheet' | 'clearMarks' | 'clearScores';

/** One problem, located at a cell the UI can select. */
export interface FlowProblem {
  sheet: string;
  /** A1 address inside `sheet` (no sheet name, never quoted). */
  address: string;
  /** The input's path (RUBRIC.md §4) or a flow path such as "output". */
  path: string;
  code: string;
  message: string;
  column?: 'self' | 'assessor';
  department?: string;
  /**
   * 'warning': a compliance warning of the ledger (RUBRIC.md §7 `warnings[]`), listed apart
   * and never blocking an action; absent: an error.
   */
  severity?: 'error' | 'warning';
}

/** One department's scores as shown in the summary; also what other workbooks hand in. */
export interface DepartmentRecord {
  department: string;
  /** 考核年度, e.g. "2023-2024"; informational. */
  year?: string;
  /** Self score S1 (总分, bonuses included). */
  s1: number;
  /** Assessor score S2. */
  s2: number;
  /** Where it was read from (a file name, "本工作簿"); informational. */
  source?: string;
  /**
   * The assessors' verified facts (S2 facts, as scored), which the 平台建设目标 sheet is
   * measured from; a record handed in with scores only has none and is left out of it.
   */
  facts?: Record<string, unknown>;
}

/** A scored department: the record plus the final score, rank and, when scored here, lines. */
export interface DepartmentResult extends DepartmentRecord {
  final: number;
  /** Set by buildSummary / appraisalText (ties share a rank). */
  rank?: number;
  /** fillScores: the lines of S1 and S2 with their notes, for the pane to show the reasons. */
  selfLines?: LineScore[];
  assessorLines?: LineScore[];
  /** fillScores: what would raise the score, each hint at its input cell (./hints.ts). */
  hints?: LocatedHint[];
}

export interface ActionReport {
  action: ActionId;
  ok: boolean;
  message: string;
  problems: FlowProblem[];
  written: RangeRef[];
  tsv?: string;
  departments?: DepartmentResult[];
  /** buildSummary: the platform targets (RUBRIC.md §10) as written to 平台建设目标. */
  targets?: TargetsTable;
}

/** Options of insertTemplate. */
export interface InsertTemplateOptions {
  /** 院系名称; the sheets are named after it. Default "院系" (numbered if taken). */
  department?: string;
  /** 考核年度, e.g. "2023-2024". Default blank. */
  year?: string;
}

/** What readDepartments hands back: the departments it could score, and what stopped the rest. */
export interface ReadDepartmentsResult {
  departments: DepartmentRecord[];
  problems: FlowProblem[];
}

/** A button of the task pane: the UI renders these without knowing the flow's internals. */
export interface ActionDescription {
  id: ActionId;
  label: { zh: string; en: string };
  hint: { zh: string; en: string };
}

/** The actions in the order a user performs them. */
export const ACTIONS: readonly ActionDescription[] = [
  {
    id: 'insertTemplate',
    label: { zh: '插入填报模板', en: 'Insert template' },
    hint: {
      zh: '为一个院系插入填报表和评分表（可在同一工作簿中添加多个院系）',
      en: "Insert a department's facts and score sheets (several departments may share a workbook)",
    },
  },
  {
    id: 'addLedger',
    label: { zh: '添加台账与月报', en: 'Add ledger sheets' },
    hint: {
      zh: '为还没有“台账”工作表的院系添加合作项目台账与月报工作表（较早的工作簿用；不改动其他内容，可重复运行）',
      en: 'Add the project ledger and monthly-report sheet to every department that lacks one (for older workbooks; changes nothing else; safe to run again)',
    },
  },
  {
    id: 'validate',
    label: { zh: '检查填报', en: 'Validate' },
    hint: {
      zh: '检查自评栏和考评栏的每个填报项，标出有问题的单元格',
      en: 'Check every input of the self and assessor columns and mark the bad cells',
    },
  },
  {
    id: 'fillScores',
    label: { zh: '计算得分', en: 'Fill scores' },
    hint: {
      zh: '在评分表中写入自评分、考评分、最终得分及扣分加分原因（写入数值，不写公式）',
      en: 'Write self, assessor and final scores with their reasons into the score sheet (values, not formulas)',
    },
  },
  {
    id: 'buildSummary',
    label: { zh: '生成汇总', en: 'Build summary' },
    hint: {
      zh: '汇总各院系的自评分、考评分、最终得分并排名',
      en: "Gather the departments' S1, S2 and final scores and rank them",
    },
  },
  {
    id: 'appraisalText',
    label: { zh: '复制到年度考核表', en: 'Copy for appraisal form' },
    hint: {
      zh: '生成可粘贴到年度综合考核表的制表符分隔文本，并生成可打印的“年度考核”工作表',
      en: 'Tab-separated text for the annual appraisal form, plus a print-ready sheet',
    },
  },
  {
    id: 'adviceSheet',
    label: { zh: '生成提升建议', en: 'Suggestions sheet' },
    hint: {
      zh: '生成可打印的“提升建议”工作表：列出每个院系各项怎样提高得分、可增加几分',
      en: 'A print-ready sheet of what would raise each department\'s score, line by line, and by how much',
    },
  },
  {
    id: 'clearMarks',
    label: { zh: '清除标记', en: 'Clear marks' },
    hint: {
      zh: '去掉填报表上加载项所做的标记（底色和批注），恢复原来的底色和您自己的批注；不改动任何内容',
      en: "Take the add-in's marks (fill and note) off the facts sheets, giving back their colour and your own notes; no value changes",
    },
  },
  {
    id: 'clearScores',
    label: { zh: '清除得分', en: 'Clear scores' },
    hint: {
      zh: '清空评分表中加载项写入的得分和说明；若其中有不是加载项写入的内容则不清除并列出单元格',
      en: 'Empty the scores and reasons the add-in wrote into the score sheets; stops and names the cells if any holds something else',
    },
  },
];

export type { Problem };
export { insertTemplate } from './insert.js';
export { addLedgerSheets } from './ledger-sheets.js';
export { validateWorkbook } from './validate.js';
export { fillScores } from './fill.js';
export { buildSummary, readDepartments } from './summary.js';
export type { TargetCell, TargetsRow, TargetsTable, TargetState } from './targets.js';
export { appraisalText } from './appraisal.js';
export { clearMarks, clearScores } from './clear.js';
export { adviceSheet } from './advice.js';
export type { LocatedHint } from './hints.js';
