/**
 * The WPS 表格 host: the `Host` interface over WPS's synchronous ET object model
 * (`window.Application`).
 *
 * ET answers every call at once, so each method does its work synchronously and returns an
 * already resolved promise; the flow above cannot tell it from Excel. What counts here is
 * the number of calls into ET (every property read or write, every method call), so:
 *
 * - The departments are found through the sheets, not the defined names: listing a name
 *   costs three calls, and a workbook holds the user's names and every other department's.
 *   `survey` reads one block of each sheet (A1:P400, more while a tagged sheet goes on) and
 *   takes the places from the templates' row tags (../template/tags.ts); the only names it
 *   looks up are the few asked for by name. A sheet of the first template scheme (no tags, a
 *   heading of the template) makes it list every name as before, so old workbooks still work.
 * - What `survey` read is kept until the action ends (`flush`) or something is written, and
 *   `read` takes what it can from it; blocks outside it are read one bounding block per sheet.
 * - A block is read with one `Range(…).Value2` and written with one assignment of a 2D array,
 *   never cell by cell; only when a WPS build hands back a shape `value2.ts` does not
 *   understand, or refuses an array assignment, does the adapter fall back to one call per
 *   cell for that block.
 * - Formats and dropdowns are set once per property and value per sheet over all the blocks
 *   that want them (multi-area references, ./wps-format.ts).
 * - Page setup is one call per property of each printed sheet (about twenty: ET has no way to
 *   set them together), so an action pays it only for the sheets it prints.
 */
import type { CellMark, CellValue, DefinedName, FormatBlock, Host, ListValidation, MarkOptions, PageSetup, RangeRef, Survey, WriteBlock } from './host.js';
import { MARGIN_EDGES, PAGE_MARGIN_POINTS, parts } from './page.js';
import { blockAddress, blockCols, blockRows, columnLetters, contains, nameReference, parseBlock, parseNameReference, type Block } from './a1.js';
import { multiArea } from './areas.js';
import { applyFormats } from './wps-format.js';
import { applyMarks } from '../wps/marks.js';
import { normaliseBlock, plainCell, toValue2 } from '../wps/value2.js';
import { TEMPLATE_HEADINGS } from '../template/layout.js';
import { namesFromTags, withDerivedNames } from '../template/tags.js';
import {
  XL_BETWEEN,
  XL_LANDSCAPE,
  XL_PAPER_A4,
  XL_PORTRAIT,
  XL_VALID_ALERT_STOP,
  XL_VALID_ALERT_WARNING,
  XL_VALIDATE_LIST,
  type EtApplication,
  type EtNames,
  type EtRange,
  type EtSheets,
  type EtWorkbook,
  type EtWorksheet,
} from '../wps/et.js';

/** Longest inline list ET (like Excel) accepts as a validation formula. */
const MAX_INLINE_LIST = 255;
/** Rows of each sheet `survey` reads at a time; the columns reach the score sheet's tags (P). */
const WINDOW_ROWS = 400;
const WINDOW_COLS = 16;
/** How far `survey` follows a tagged sheet that goes on past its first window. */
const MAX_WINDOWS = 10;

function isWorksheet(value: unknown): value is EtWorksheet {
  return typeof value === 'object' && value !== null && typeof (value as Partial<EtWorksheet>).Range === 'function';
}

/** Rows × columns of an A1 block. */
function dims(address: string): { rows: number; columns: number } {
  const block = parseBlock(address);
  return { rows: blockRows(block), columns: blockCols(block) };
}

/** A block of a sheet as read, kept for the rest of the action. */
interface Seen {
  block: Block;
  values: CellValue[][];
}

function isBlankRow(row: CellValue[]): boolean {
  return row.every((v) => v === null || v === '');
}

/** A name's target, or null for constants, formulas and deleted ranges (#REF!). */
function targetOf(refersTo: unknown): RangeRef | null {
  return typeof refersTo === 'string' ? parseNameReference(refersTo.replace(/^=/, '')) : null;
}

export class WpsHost implements Host {
  /** Within one action: the workbook, its sheets by name (lower case) and the blocks read. */
  private book?: EtWorkbook;
  private collection?: EtSheets;
  private nameCollection?: EtNames;
  private readonly found = new Map<string, EtWorksheet>();
  /** Names asked for and not found (until a sheet is added). */
  private readonly absent = new Set<string>();
  /** Every sheet in tab order, once listed in this action. */
  private listed?: EtWorksheet[];
  private readonly seen = new Map<string, Seen[]>();
  /** Sheets this action added: empty, so nothing on them needs clearing first. */
  private readonly added = new Set<string>();

  /** `app` is `window.Application` in WPS; the tests pass a fake. */
  constructor(private readonly app: EtApplication) {}

  private workbook(): EtWorkbook {
    if (this.book) return this.book;
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error('没有打开的工作簿 / No workbook is open');
    this.book = wb;
    return wb;
  }

  /** The sheet of this name (ET compares without case), looked up once per action. */
  private sheet(name: string): EtWorksheet {
    const hit = this.found.get(name.toLowerCase());
    if (hit) return hit;
    const ws = this.sheetOrNull(name);
    if (!ws) throw new Error(`找不到工作表“${name}” / No sheet named "${name}"`);
    return ws;
  }

  private sheetOrNull(name: string): EtWorksheet | null {
    const key = name.toLowerCase();
    const hit = this.found.get(key);
    if (hit) return hit;
    // Every sheet listed, or this one asked for already: no need to ask ET again.
    if (this.listed || this.absent.has(key)) return null;
    let found: unknown;
    try {
      found = this.worksheets().Item(name);
    } catch {
      found = undefined; // ET throws for an unknown name
    }
    if (!isWorksheet(found)) {
      this.absent.add(key);
      return null;
    }
    this.found.set(key, found);
    return found;
  }

  private worksheets(): EtSheets {
    this.collection ??= this.workbook().Worksheets;
    return this.collection;
  }

  private namesOf(): EtNames {
    this.nameCollection ??= this.workbook().Names;
    return this.nameCollection;
  }

  /** Forgets what this action learnt: the next action starts from the workbook as it is then. */
  private forget(): void {
    this.book = undefined;
    this.collection = undefined;
    this.nameCollection = undefined;
    this.listed = undefined;
    this.found.clear();
    this.absent.clear();
    this.seen.clear();
    this.added.clear();
  }

  async flush(): Promise<void> {
    this.forget();
  }

  discard(): void {
    this.forget();
  }

  async sheets(): Promise<string[]> {
    return this.listSheets().map((ws) => ws.Name);
  }

  /** Every worksheet in tab order (remembered by name by the caller). */
  private listSheets(): EtWorksheet[] {
    const sheets = this.worksheets();
    const out: EtWorksheet[] = [];
    for (let i = 1, n = sheets.Count; i <= n; i++) {
      const ws = sheets.Item(i);
      if (isWorksheet(ws)) out.push(ws);
    }
    return out;
  }

  async survey(fixed: string[]): Promise<Survey> {
    this.forget();
    const sheets: string[] = [];
    const derived: DefinedName[] = [];
    let firstScheme = false;
    const all = this.listSheets();
    for (const ws of all) {
      const name = ws.Name;
      sheets.push(name);
      this.found.set(name.toLowerCase(), ws);
      const windows = this.readWindows(ws, name);
      const tags = windows.flatMap((w) => namesFromTags(name, w.values, w.block.top, w.block.left));
      derived.push(...tags);
      // A template's heading on a sheet without tags: a template of the first scheme.
      if (tags.length === 0 && windows.some((w) => w.values.some((row) => row.some((v) => typeof v === 'string' && TEMPLATE_HEADINGS.includes(v))))) firstScheme = true;
    }
    this.listed = all;
    const real = firstScheme ? this.listNames() : (await this.lookup(fixed, [])).names;
    return { sheets, names: withDerivedNames(real, derived) };
  }

  /** A sheet's first window, and the next ones while a tagged sheet's last row is not blank. */
  private readWindows(ws: EtWorksheet, name: string): Seen[] {
    const windows: Seen[] = [];
    for (let i = 0; i < MAX_WINDOWS; i++) {
      const block: Block = { top: i * WINDOW_ROWS, left: 0, bottom: (i + 1) * WINDOW_ROWS - 1, right: WINDOW_COLS - 1 };
      const values = this.readBlock(ws.Range(blockAddress(block)), block);
      windows.push({ block, values });
      const tagged = windows.some((w) => namesFromTags(name, w.values, w.block.top, w.block.left).length > 0);
      if (!tagged || isBlankRow(values[values.length - 1])) break;
    }
    this.seen.set(name.toLowerCase(), windows);
    return windows;
  }

  private readBlock(range: EtRange, block: Block): CellValue[][] {
    const rows = blockRows(block);
    const columns = blockCols(block);
    return normaliseBlock(range.Value2, rows, columns) ?? readCellByCell(range, rows, columns);
  }

  async names(): Promise<DefinedName[]> {
    return (await this.survey([])).names;
  }

  /** Every workbook-scoped range name: three calls each, for workbooks of the first scheme only. */
  private listNames(): DefinedName[] {
    const names = this.namesOf();
    const out: DefinedName[] = [];
    for (let i = 1, n = names.Count; i <= n; i++) {
      const item = names.Item(i);
      const name = item.Name;
      // Sheet-scoped names read "Sheet1!name", and ET's own (_xlnm.Print_Area …) are not ours.
      if (name.includes('!') || name.startsWith('_xlnm.')) continue;
      const target = targetOf(item.RefersTo);
      if (target) out.push({ name, ...target });
    }
    return out;
  }

  async lookup(names: string[], sheets: string[]): Promise<Survey> {
    const out: Survey = { sheets: [], names: [] };
    if (names.length > 0) {
      const wbNames = this.namesOf();
      for (const name of names) {
        let refersTo: unknown;
        try {
          refersTo = wbNames.Item(name).RefersTo;
        } catch {
          continue; // ET throws for a name that is not defined
        }
        const target = targetOf(refersTo);
        if (target) out.names.push({ name, ...target });
      }
    }
    for (const name of sheets) {
      const ws = this.sheetOrNull(name);
      if (ws) out.sheets.push(ws.Name);
    }
    return out;
  }

  async addSheets(names: string[]): Promise<void> {
    if (names.length === 0) return;
    const lower = names.map((n) => n.toLowerCase());
    // ET, like Excel, compares sheet names without regard to case.
    const clash = names.find((n, i) => lower.indexOf(n.toLowerCase()) !== i || this.sheetOrNull(n));
    if (clash) throw new Error(`工作表“${clash}”已存在 / A sheet named "${clash}" already exists`);
    const sheets = this.worksheets();
    // Appended after the last sheet, as the interface promises (Add alone inserts before the
    // active sheet); each new one is the last for the next.
    let last: unknown = this.listed?.[this.listed.length - 1] ?? sheets.Item(sheets.Count);
    for (const name of names) {
      const added = sheets.Add(undefined, last);
      if (!isWorksheet(added)) throw new Error(`无法添加工作表“${name}” / Could not add sheet "${name}"`);
      added.Name = name;
      this.found.set(name.toLowerCase(), added);
      this.absent.delete(name.toLowerCase());
      this.added.add(name.toLowerCase());
      this.listed?.push(added);
      last = added;
    }
  }

  async read(ranges: RangeRef[]): Promise<CellValue[][][]> {
    const out: Array<CellValue[][] | undefined> = ranges.map((ref) => this.fromSeen(ref));
    // What survey did not read: one bounding block per sheet, when that is not much more.
    const bySheet = new Map<string, number[]>();
    out.forEach((v, i) => {
      if (v) return;
      const key = ranges[i].sheet;
      bySheet.set(key, [...(bySheet.get(key) ?? []), i]);
    });
    for (const [name, indexes] of bySheet) {
      const blocks = indexes.map((i) => parseBlock(ranges[i].address));
      const bound = blocks.reduce((a, b) => ({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) }));
      const cells = blocks.reduce((n, b) => n + blockRows(b) * blockCols(b), 0);
      const ws = this.sheet(name);
      if (blockRows(bound) * blockCols(bound) <= 4 * cells + 1000) {
        const seen = { block: bound, values: this.readBlock(ws.Range(blockAddress(bound)), bound) };
        this.seen.set(name.toLowerCase(), [...(this.seen.get(name.toLowerCase()) ?? []), seen]);
        for (const i of indexes) out[i] = this.fromSeen(ranges[i]);
      } else {
        indexes.forEach((i, k) => (out[i] = this.readBlock(ws.Range(blockAddress(blocks[k])), blocks[k])));
      }
    }
    return out as CellValue[][][];
  }

  /** The block's values from what this action already read of its sheet, if it lies inside. */
  private fromSeen(ref: RangeRef): CellValue[][] | undefined {
    const want = parseBlock(ref.address);
    const hit = this.seen
      .get(ref.sheet.toLowerCase())
      ?.find((s) => contains(s.block, { row: want.top, col: want.left }) && contains(s.block, { row: want.bottom, col: want.right }));
    if (!hit) return undefined;
    return hit.values.slice(want.top - hit.block.top, want.bottom - hit.block.top + 1).map((row) => row.slice(want.left - hit.block.left, want.right - hit.block.left + 1));
  }

  async write(blocks: WriteBlock[]): Promise<void> {
    // What was read no longer holds once something is written.
    this.seen.clear();
    for (const block of blocks) {
      const { rows, columns } = dims(block.address);
      if (block.values.length !== rows || block.values.some((row) => row.length !== columns)) {
        throw new Error(`写入 ${block.sheet}!${block.address} 的数据不是 ${rows} 行 × ${columns} 列 / values do not fit ${block.address}`);
      }
      const range = this.sheet(block.sheet).Range(block.address);
      const values = block.values.map((row) => row.map(toValue2));
      try {
        // One cell takes a scalar: some builds reject a 1×1 array there.
        range.Value2 = rows === 1 && columns === 1 ? values[0][0] : values;
      } catch {
        writeCellByCell(range, values);
      }
    }
  }

  async format(blocks: FormatBlock[]): Promise<void> {
    applyFormats((name) => this.sheet(name), blocks);
  }

  async setMarks(scope: RangeRef[], marks: CellMark[], options?: MarkOptions): Promise<void> {
    applyMarks((name) => this.sheet(name), scope, marks, options);
  }

  async select(ref: RangeRef): Promise<void> {
    const ws = this.sheet(ref.sheet);
    ws.Activate();
    ws.Range(blockAddress(parseBlock(ref.address))).Select();
    this.forget();
  }

  async defineNames(names: DefinedName[]): Promise<void> {
    if (names.length === 0) return;
    const wbNames = this.namesOf();
    // Names.Add replaces a name that already exists, which is what "adds or updates" asks.
    for (const n of names) wbNames.Add(n.name, `=${nameReference(n.sheet, n.address)}`);
  }

  async setListValidation(rules: ListValidation[]): Promise<void> {
    const formulas = rules.map((rule) => {
      // A range source: Formula1 "=" and a sheet-qualified absolute reference, as in Excel.
      if (rule.source) return `=${nameReference(rule.source.sheet, rule.source.address)}`;
      if (rule.list.some((item) => item.includes(',') || item.includes('"'))) {
        throw new Error(`下拉选项不能含逗号或引号 / list items cannot contain commas or quotes: ${rule.list.join(',')}`);
      }
      if (rule.list.join(',').length > MAX_INLINE_LIST) {
        throw new Error(`下拉选项超过 ${MAX_INLINE_LIST} 个字符 / list longer than ${MAX_INLINE_LIST} characters`);
      }
      return rule.list.join(',');
    });
    // One rule per sheet and list, over all its blocks at once.
    const groups = new Map<string, { sheet: string; formula: string; open: boolean; blocks: Block[] }>();
    rules.forEach((rule, i) => {
      const key = `${rule.sheet}\u0000${formulas[i]}\u0000${rule.open ? 'open' : ''}`;
      const group = groups.get(key) ?? { sheet: rule.sheet, formula: formulas[i], open: !!rule.open, blocks: [] };
      group.blocks.push(parseBlock(rule.address));
      groups.set(key, group);
    });
    for (const { sheet, formula, open, blocks } of groups.values()) {
      for (const reference of multiArea(blocks)) {
        const validation = this.sheet(sheet).Range(reference).Validation;
        // Delete first: Add fails on a range that already has a rule (a second run); a sheet
        // this action added has none.
        if (!this.added.has(sheet.toLowerCase())) validation.Delete();
        // An open list warns about a value outside it instead of refusing it.
        validation.Add(XL_VALIDATE_LIST, open ? XL_VALID_ALERT_WARNING : XL_VALID_ALERT_STOP, XL_BETWEEN, formula);
      }
    }
  }

  async pageSetup(setups: PageSetup[]): Promise<void> {
    // Every sheet is found first, so a missing one sets nothing at all.
    const todo = setups.map((p) => ({ p, ws: this.sheet(p.sheet) }));
    for (const { p, ws } of todo) {
      const page = ws.PageSetup;
      if (p.page) {
        page.Orientation = p.page.orientation === 'landscape' ? XL_LANDSCAPE : XL_PORTRAIT;
        page.PaperSize = XL_PAPER_A4;
        for (const edge of MARGIN_EDGES) page[`${capitalised(edge)}Margin`] = PAGE_MARGIN_POINTS[edge];
        // Zoom off hands the scale to the two FitToPages settings; Tall false: as many as needed.
        page.Zoom = false;
        page.FitToPagesWide = 1;
        page.FitToPagesTall = p.page.pagesTall === 0 ? false : p.page.pagesTall;
      }
      if (p.printArea) page.PrintArea = absolute(p.printArea);
      if (p.titleRows) page.PrintTitleRows = `$${p.titleRows.top + 1}:$${p.titleRows.bottom + 1}`;
      if (p.header) [page.LeftHeader, page.CenterHeader, page.RightHeader] = parts(p.header);
      if (p.footer) [page.LeftFooter, page.CenterFooter, page.RightFooter] = parts(p.footer);
      for (const row of p.breaksBefore ?? []) ws.HPageBreaks.Add(ws.Range(`A${row + 1}`));
    }
  }

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    // Two calls into ET per distinct run of columns: `Range("O:P").Hidden`, whole columns
    // already (as Hidden demands), however many rows the blocks cover; blocks over the same
    // columns of a sheet are hidden once. Every sheet is found first, so a missing one hides
    // nothing at all.
    const todo = new Map<string, { ws: EtWorksheet; columns: string }>();
    for (const ref of ranges) {
      const block = parseBlock(ref.address);
      const columns = `${columnLetters(block.left)}:${columnLetters(block.right)}`;
      const key = `${ref.sheet}\u0000${columns}`;
      if (!todo.has(key)) todo.set(key, { ws: this.sheet(ref.sheet), columns });
    }
    for (const { ws, columns } of todo.values()) ws.Range(columns).Hidden = true;
  }
}

/** "left" → "Left": ET's page settings are named as in Excel's COM model. */
function capitalised<T extends string>(word: T): Capitalize<T> {
  return (word.charAt(0).toUpperCase() + word.slice(1)) as Capitalize<T>;
}

/** "A1:N30" → "$A$1:$N$30", the form ET's PrintArea takes (as Excel's COM model does). */
function absolute(address: string): string {
  const b = parseBlock(address);
  return `$${columnLetters(b.left)}$${b.top + 1}:$${columnLetters(b.right)}$${b.bottom + 1}`;
}

/** The fallback read: one `Item(r, c).Value2` per cell, for shapes `normaliseBlock` refused. */
function readCellByCell(range: EtRange, rows: number, columns: number): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = range.Item(r, c);
      const value = plainCell(cell.Value2);
      // Last resort for a value no shape rule understands: what the cell displays.
      row.push(value !== undefined ? value : plainCell(cell.Text) ?? null);
    }
    out.push(row);
  }
  return out;
}

/** The fallback write, for builds that refuse a 2D array assignment. */
function writeCellByCell(range: EtRange, values: Array<Array<string | number | boolean>>): void {
  values.forEach((row, r) => row.forEach((value, c) => (range.Item(r + 1, c + 1).Value2 = value)));
}
