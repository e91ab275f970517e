/**
 * The Host interface over a real .xlsx workbook held in memory with ExcelJS: the web page
 * runs the task pane's flow on a file the user opened and offers the result as a download,
 * and the Excel pane reads other departments' workbooks through it for the summary. It has
 * no DOM dependency, so it runs the same in the browser and in Node tests.
 *
 * Only the cells, names, validations, marks and hidden columns the flow asks for are touched;
 * everything else ExcelJS loads (formatting, other sheets, merges, notes, column widths) is
 * written back as it was. ExcelJS itself drops what it does not model (charts, pivot tables,
 * macros), so the page says a download is a copy and never replaces the user's original.
 */
import ExcelJS from 'exceljs';
import type { Borders, Cell, Fill, PaperSize, Worksheet } from 'exceljs';
import type {
  CellMark,
  CellValue,
  DefinedName,
  FormatBlock,
  Host,
  ListValidation,
  MarkOptions,
  PageSetup,
  PageText,
  RangeRef,
  Survey,
  WriteBlock,
} from './host.js';
import { PAGE_MARGINS, PAPER_A4, parts } from './page.js';
import {
  blockAddress,
  blockCols,
  blockRows,
  cellsOf,
  intersects,
  nameReference,
  parseBlock,
  parseNameReference,
  sameBlock,
  topLeft,
  type Block,
} from './a1.js';
import { argb, plainValue } from './xlsx-cells.js';
import { lookupByListing, surveyByListing } from './listing.js';
import { namesFromTags, tagColumnsOf, withDerivedNames } from '../template/tags.js';
import { mark, unmark } from './xlsx-marks.js';
import { templateFills } from './mark-text.js';

// Excel rejects an inline list longer than this ("a,b,c" including the commas).
const MAX_INLINE_LIST = 255;

const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface XlsxHostOptions {
  /**
   * Called when the flow selects a cell: a file has no cursor to move on screen, so the page
   * shows the cell itself. The selection is also saved in the file, so Excel opens there.
   */
  onSelect?: (ref: RangeRef) => void;
}

// ExcelJS counts rows and columns from 1, a1.ts from 0: every numeric call into ExcelJS
// below adds 1 (`ws.findCell(row + 1, col + 1)`), and merges read back subtract it.

/** One header or footer string of the file: "&L…&C…&R…", empty parts left out. */
function sections(text: PageText): string {
  const [left, center, right] = parts(text);
  return (left ? `&L${left}` : '') + (center ? `&C${center}` : '') + (right ? `&R${right}` : '');
}

function isMergedSlave(cell: Cell): boolean {
  return cell.isMerged && cell.master !== cell;
}

export class XlsxHost implements Host {

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly options: XlsxHostOptions,
  ) {}

  /** A host over a new workbook with no sheets at all (the flow adds its own). */
  static empty(options: XlsxHostOptions = {}): XlsxHost {
    return new XlsxHost(new ExcelJS.Workbook(), options);
  }

  /** A host over the .xlsx file in `bytes`; rejects with a readable error if it is not one. */
  static async load(bytes: ArrayBuffer | Uint8Array, options: XlsxHostOptions = {}): Promise<XlsxHost> {
    const workbook = new ExcelJS.Workbook();
    // ExcelJS's types ask for a Node Buffer, but its zip reader takes any ArrayBuffer view.
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    try {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`无法读取这个文件，它不是 .xlsx 工作簿 / This file is not a readable .xlsx workbook (${why})`);
    }
    return new XlsxHost(workbook, options);
  }

  /** The workbook as .xlsx bytes. */
  async save(): Promise<Uint8Array> {
    const buffer = await this.workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  }

  private sheet(name: string): Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`工作表“${name}”不存在 / There is no sheet named "${name}"`);
    return ws;
  }

  async sheets(): Promise<string[]> {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  async addSheets(names: string[]): Promise<void> {
    const taken = new Set(this.workbook.worksheets.map((ws) => ws.name.toLowerCase()));
    for (const name of names) {
      // Excel compares sheet names without regard to case; so must we, or the saved file
      // would not open.
      if (taken.has(name.toLowerCase())) throw new Error(`工作表“${name}”已存在 / A sheet named "${name}" already exists`);
      taken.add(name.toLowerCase());
    }
    for (const name of names) this.workbook.addWorksheet(name);
  }

  async read(ranges: RangeRef[]): Promise<CellValue[][][]> {
    return ranges.map((ref) => {
      const ws = this.sheet(ref.sheet);
      const block = parseBlock(ref.address);
      const rows: CellValue[][] = [];
      for (let r = block.top; r <= block.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = block.left; c <= block.right; c++) {
          const cell = ws.findCell(r + 1, c + 1);
          // ExcelJS answers a merged cell's value from every cell of the merge; Excel and WPS
          // give it only in the top-left cell, and the flow must read the same everywhere.
          row.push(!cell || isMergedSlave(cell) ? null : plainValue(cell.value));
        }
        rows.push(row);
      }
      return rows;
    });
  }

  async write(blocks: WriteBlock[]): Promise<void> {
    // Check every block before changing anything, so a bad block leaves the workbook as it was.
    for (const block of blocks) {
      const ws = this.sheet(block.sheet);
      const target = parseBlock(block.address);
      const height = blockRows(target);
      const width = blockCols(target);
      if (block.values.length !== height || block.values.some((row) => row.length !== width)) {
        throw new Error(`写入 ${block.sheet}!${block.address} 的数据不是 ${height}×${width} / values do not fit ${block.sheet}!${block.address}`);
      }
      block.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const cell = ws.findCell(target.top + i + 1, target.left + j + 1);
          if (value !== null && cell && isMergedSlave(cell)) {
            throw new Error(`${block.sheet}!${cell.address} 在合并单元格内，不能写入 / is inside a merged cell and cannot take a value`);
          }
        }),
      );
    }
    for (const block of blocks) {
      const ws = this.sheet(block.sheet);
      const target = parseBlock(block.address);
      block.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const existing = ws.findCell(target.top + i + 1, target.left + j + 1);
          // Writing null into a merged cell's other parts would blank its top-left cell.
          if (existing && isMergedSlave(existing)) return;
          if (value === null && !existing) return;
          // Strings are stored as text even when they start with "=": the flow writes plain
          // values only, never formulas that need the add-in.
          ws.getCell(target.top + i + 1, target.left + j + 1).value = value;
        }),
      );
    }
  }

  async format(blocks: FormatBlock[]): Promise<void> {
    for (const { sheet, address, format } of blocks) {
      const ws = this.sheet(sheet);
      const block = parseBlock(address);
      if (format.merge) this.merge(ws, block);
      if (format.columnWidth !== undefined) {
        for (let c = block.left; c <= block.right; c++) ws.getColumn(c + 1).width = format.columnWidth;
      }
      if (format.rowHeight !== undefined) {
        for (let r = block.top; r <= block.bottom; r++) ws.getRow(r + 1).height = format.rowHeight;
      }
      for (const { row, col } of cellsOf(block)) {
        const cell = ws.getCell(row + 1, col + 1);
        const style = { ...cell.style };
        if (format.bold !== undefined || format.fontColor !== undefined) {
          style.font = {
            ...style.font,
            ...(format.bold !== undefined ? { bold: format.bold } : {}),
            ...(format.fontColor !== undefined ? { color: { argb: argb(format.fontColor) } } : {}),
          };
        }
        if (format.fill !== undefined) {
          const fill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.fill) } };
          style.fill = fill;
        }
        if (format.numberFormat !== undefined) style.numFmt = format.numberFormat;
        if (format.wrap !== undefined || format.horizontal !== undefined) {
          style.alignment = {
            ...style.alignment,
            ...(format.wrap !== undefined ? { wrapText: format.wrap } : {}),
            ...(format.horizontal !== undefined ? { horizontal: format.horizontal } : {}),
            vertical: style.alignment?.vertical ?? 'middle',
          };
        }
        if (format.border) style.border = { ...THIN };
        cell.style = style;
      }
    }
  }

  /** Merges the block; an identical merge is kept, overlapping ones are replaced (the block is ours). */
  private merge(ws: Worksheet, block: Block): void {
    if (block.top === block.bottom && block.left === block.right) return;
    // ExcelJS keeps each merge as a 1-based rectangle under its top-left cell's address.
    const merges = (ws as unknown as { _merges: Record<string, Block | undefined> })._merges;
    for (const [master, m] of Object.entries(merges)) {
      if (!m) continue;
      const existing = { top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 };
      if (!intersects(existing, block)) continue;
      if (sameBlock(existing, block)) return;
      ws.unMergeCells(master);
    }
    ws.mergeCells(blockAddress(block));
  }

  async setMarks(scope: RangeRef[], marks: CellMark[], options: MarkOptions = {}): Promise<void> {
    // A mark names one cell; given a block, its top-left cell carries the mark.
    const wanted = new Map<string, { ws: Worksheet; cell: string; note: string }>();
    for (const m of marks) {
      const cell = blockAddress(topLeft(parseBlock(m.address)));
      wanted.set(`${m.sheet}!${cell}`, { ws: this.sheet(m.sheet), cell, note: m.note });
    }
    // Every cell of the scope is at hand, so marks whose note was deleted are found as well
    // (whatever `options.sweep` says).
    const templateFill = templateFills(options.fills);
    for (const ref of scope) {
      const ws = this.sheet(ref.sheet);
      for (const { row, col } of cellsOf(parseBlock(ref.address))) {
        const cell = ws.findCell(row + 1, col + 1);
        if (cell && !wanted.has(`${ref.sheet}!${cell.address}`)) unmark(cell, templateFill(ref.sheet, { row, col }));
      }
    }
    for (const { ws, cell, note } of wanted.values()) mark(ws.getCell(cell), note);
  }

  async select(ref: RangeRef): Promise<void> {
    const ws = this.sheet(ref.sheet);
    const block = parseBlock(ref.address);
    const index = this.workbook.worksheets.indexOf(ws);
    const views: ExcelJS.WorkbookView[] = this.workbook.views?.length
      ? this.workbook.views
      : [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
    this.workbook.views = views.map((v, i) => (i === 0 ? { ...v, activeTab: index, firstSheet: Math.min(v.firstSheet ?? 0, index) } : v));
    // Exactly one selected tab, or Excel opens the file with sheets grouped. ExcelJS reads
    // and writes `tabSelected` but leaves it out of its types.
    const active = blockAddress(topLeft(block));
    for (const other of this.workbook.worksheets) {
      const view = { ...(other.views?.[0] ?? { state: 'normal' as const }) } as Partial<ExcelJS.WorksheetView> & { tabSelected?: boolean };
      view.tabSelected = other === ws;
      if (other === ws) view.activeCell = active;
      other.views = [view];
    }
    this.options.onSelect?.({ sheet: ref.sheet, address: blockAddress(block) });
  }

  /**
   * The workbook's names, plus those the row tags of tagged templates stand for (see
   * ../template/tags.ts): callers that look an input up by its first-scheme name (typing a
   * sample department's facts in) find it in either kind of template.
   */
  async names(): Promise<DefinedName[]> {
    const derived = this.workbook.worksheets.flatMap((ws) =>
      namesFromTags(ws.name, tagColumnsOf(ws.rowCount, (r, c) => plainValue(ws.findCell(r + 1, c + 1)?.value ?? null)), 0, 0),
    );
    return withDerivedNames(this.definedNames(), derived);
  }

  private definedNames(): DefinedName[] {
    const out: DefinedName[] = [];
    for (const { name, ranges } of this.workbook.definedNames.model) {
      // Excel's own names (_xlnm.Print_Area …) and names over several areas are not the
      // flow's; they stay in the file untouched.
      if (name.startsWith('_xlnm.') || ranges.length !== 1) continue;
      const target = parseNameReference(ranges[0]);
      if (target) out.push({ name, ...target });
    }
    return out;
  }

  async defineNames(names: DefinedName[]): Promise<void> {
    for (const n of names) {
      this.sheet(n.sheet);
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(n.name)) throw new Error(`“${n.name}”不能用作名称 / "${n.name}" is not a valid defined name`);
    }
    const redefined = new Set(names.map((n) => n.name.toLowerCase()));
    const kept = this.workbook.definedNames.model.filter((d) => !redefined.has(d.name.toLowerCase()));
    this.workbook.definedNames.model = [
      ...kept,
      ...names.map((n) => ({ name: n.name, ranges: [nameReference(n.sheet, n.address)] })),
    ];
  }

  async setListValidation(rules: ListValidation[]): Promise<void> {
    const formulas = rules.map((rule) => {
      this.sheet(rule.sheet);
      if (rule.source) {
        this.sheet(rule.source.sheet);
        // A range source: the sheet-qualified absolute reference, without "=" in the file.
        return nameReference(rule.source.sheet, rule.source.address);
      }
      const inline = rule.list.join(',');
      if (rule.list.some((item) => item.includes(',') || item.includes('"'))) {
        throw new Error(`下拉选项不能含逗号或引号 / list items cannot contain commas or quotes: ${inline}`);
      }
      if (inline.length > MAX_INLINE_LIST) {
        throw new Error(`下拉选项超过 ${MAX_INLINE_LIST} 个字符 / list longer than ${MAX_INLINE_LIST} characters: ${inline}`);
      }
      return `"${inline}"`;
    });
    rules.forEach((rule, i) => {
      const ws = this.sheet(rule.sheet);
      const error = rule.source
        ? '请从下拉列表中选择 / choose from the list'
        : `请从下拉列表中选择：${rule.list.join('、')}`;
      for (const { row, col } of cellsOf(parseBlock(rule.address))) {
        ws.getCell(row + 1, col + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [formulas[i]],
          showErrorMessage: true,
          // A warning, not a stop: the engine understands more than the list offers ("√",
          // "Y", "１"), and refusing what a person typed would be worse than a message.
          errorStyle: 'warning',
          errorTitle: '校企合作考核',
          error,
        };
      }
    });
  }

  async survey(_fixed: string[]): Promise<Survey> {
    return surveyByListing(this);
  }

  async lookup(names: string[], sheets: string[]): Promise<Survey> {
    return lookupByListing(this, names, sheets);
  }

  /** Every change is applied at once: nothing is ever queued. */
  async flush(): Promise<void> {}

  discard(): void {}

  async pageSetup(setups: PageSetup[]): Promise<void> {
    // Every sheet is found first, so a missing one sets nothing at all.
    const todo = setups.map((p) => ({ p, ws: this.sheet(p.sheet) }));
    for (const { p, ws } of todo) {
      ws.pageSetup = {
        ...ws.pageSetup,
        ...(p.page
          ? {
              paperSize: PAPER_A4 as PaperSize,
              orientation: p.page.orientation,
              // fitToHeight 0: as many pages tall as it needs (the file format's own meaning).
              fitToPage: true,
              fitToWidth: 1,
              fitToHeight: p.page.pagesTall,
              margins: { ...PAGE_MARGINS },
            }
          : {}),
        ...(p.printArea ? { printArea: p.printArea } : {}),
        ...(p.titleRows ? { printTitlesRow: `${p.titleRows.top + 1}:${p.titleRows.bottom + 1}` } : {}),
      };
      if (p.header) ws.headerFooter.oddHeader = sections(p.header);
      if (p.footer) ws.headerFooter.oddFooter = sections(p.footer);
      // ExcelJS breaks after the row it is given (1-based), so the row above the 0-based `row`.
      for (const row of p.breaksBefore ?? []) ws.getRow(row).addPageBreak();
    }
  }

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    // Every sheet is checked first, so a missing one hides nothing at all.
    const todo = ranges.map((ref) => ({ ws: this.sheet(ref.sheet), block: parseBlock(ref.address) }));
    for (const { ws, block } of todo) {
      for (let c = block.left; c <= block.right; c++) ws.getColumn(c + 1).hidden = true;
    }
  }
}
