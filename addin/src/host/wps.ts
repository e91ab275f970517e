/**
 * The WPS 表格 host: the `Host` interface over WPS's synchronous ET object model
 * (`window.Application`).
 *
 * ET answers every call at once, so each method does its work synchronously and returns an
 * already resolved promise; the flow above cannot tell it from Excel. What counts here is
 * the number of calls into ET: a block is read with one `Range(…).Value2` and written with
 * one assignment of a 2D array, never cell by cell. Only when a WPS build hands back a shape
 * `value2.ts` does not understand, or refuses an array assignment, does the adapter fall back
 * to one call per cell for that block.
 */
import type { CellMark, CellValue, DefinedName, FormatBlock, Host, ListValidation, RangeRef, Survey, WriteBlock } from './host.js';
import { blockAddress, blockCols, blockRows, nameReference, parseBlock, parseNameReference } from './a1.js';
import { lookupByListing, surveyByListing } from './listing.js';
import { applyFormat } from '../wps/format.js';
import { applyMarks } from '../wps/marks.js';
import { normaliseBlock, plainCell, toValue2 } from '../wps/value2.js';
import {
  XL_BETWEEN,
  XL_VALID_ALERT_STOP,
  XL_VALIDATE_LIST,
  type EtApplication,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from '../wps/et.js';

/** Longest inline list ET (like Excel) accepts as a validation formula. */
const MAX_INLINE_LIST = 255;

function isWorksheet(value: unknown): value is EtWorksheet {
  return typeof value === 'object' && value !== null && typeof (value as Partial<EtWorksheet>).Range === 'function';
}

/** Rows × columns of an A1 block. */
function dims(address: string): { rows: number; columns: number } {
  const block = parseBlock(address);
  return { rows: blockRows(block), columns: blockCols(block) };
}

export class WpsHost implements Host {
  readonly kind = 'wps' as const;

  /** `app` is `window.Application` in WPS; the tests pass a fake. */
  constructor(private readonly app: EtApplication) {}

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new Error('没有打开的工作簿 / No workbook is open');
    return wb;
  }

  /** A sheet finder that looks each name up once per host call. */
  private sheetFinder(wb: EtWorkbook): (name: string) => EtWorksheet {
    const cache = new Map<string, EtWorksheet>();
    let sheets: EtWorkbook['Worksheets'] | undefined;
    return (name) => {
      const hit = cache.get(name);
      if (hit) return hit;
      sheets ??= wb.Worksheets;
      let found: unknown;
      try {
        found = sheets.Item(name);
      } catch {
        found = undefined; // ET throws for an unknown name; say which one below
      }
      if (!isWorksheet(found)) throw new Error(`找不到工作表“${name}” / No sheet named "${name}"`);
      cache.set(name, found);
      return found;
    };
  }

  async sheets(): Promise<string[]> {
    const sheets = this.workbook().Worksheets;
    const out: string[] = [];
    for (let i = 1, n = sheets.Count; i <= n; i++) {
      const ws = sheets.Item(i);
      if (isWorksheet(ws)) out.push(ws.Name);
    }
    return out;
  }

  async addSheets(names: string[]): Promise<void> {
    const existing = new Set((await this.sheets()).map((n) => n.toLowerCase()));
    for (const name of names) {
      // ET, like Excel, compares sheet names without regard to case.
      if (existing.has(name.toLowerCase())) throw new Error(`工作表“${name}”已存在 / A sheet named "${name}" already exists`);
      existing.add(name.toLowerCase());
    }
    const sheets = this.workbook().Worksheets;
    for (const name of names) {
      // Appended after the last sheet, as the interface promises (Add alone inserts before
      // the active sheet).
      const added = sheets.Add(undefined, sheets.Item(sheets.Count));
      if (!isWorksheet(added)) throw new Error(`无法添加工作表“${name}” / Could not add sheet "${name}"`);
      added.Name = name;
    }
  }

  async read(ranges: RangeRef[]): Promise<CellValue[][][]> {
    const sheet = this.sheetFinder(this.workbook());
    return ranges.map((ref) => {
      const { rows, columns } = dims(ref.address);
      const range = sheet(ref.sheet).Range(ref.address);
      return normaliseBlock(range.Value2, rows, columns) ?? readCellByCell(range, rows, columns);
    });
  }

  async write(blocks: WriteBlock[]): Promise<void> {
    const sheet = this.sheetFinder(this.workbook());
    for (const block of blocks) {
      const { rows, columns } = dims(block.address);
      if (block.values.length !== rows || block.values.some((row) => row.length !== columns)) {
        throw new Error(`写入 ${block.sheet}!${block.address} 的数据不是 ${rows} 行 × ${columns} 列 / values do not fit ${block.address}`);
      }
      const range = sheet(block.sheet).Range(block.address);
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
    const sheet = this.sheetFinder(this.workbook());
    for (const block of blocks) applyFormat(sheet(block.sheet).Range(block.address), block.format);
  }

  async setMarks(scope: RangeRef[], marks: CellMark[]): Promise<void> {
    applyMarks(this.sheetFinder(this.workbook()), scope, marks);
  }

  async select(ref: RangeRef): Promise<void> {
    const ws = this.sheetFinder(this.workbook())(ref.sheet);
    ws.Activate();
    ws.Range(blockAddress(parseBlock(ref.address))).Select();
  }

  async names(): Promise<DefinedName[]> {
    const names = this.workbook().Names;
    const out: DefinedName[] = [];
    for (let i = 1, n = names.Count; i <= n; i++) {
      const item = names.Item(i);
      const name = item.Name;
      // Sheet-scoped names read "Sheet1!name", and ET's own (_xlnm.Print_Area …) are not ours.
      if (name.includes('!') || name.startsWith('_xlnm.')) continue;
      const refersTo = item.RefersTo;
      if (typeof refersTo !== 'string') continue;
      const target = parseNameReference(refersTo.replace(/^=/, ''));
      if (target) out.push({ name, ...target });
    }
    return out;
  }

  async defineNames(names: DefinedName[]): Promise<void> {
    if (names.length === 0) return;
    const wbNames = this.workbook().Names;
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
    const sheet = this.sheetFinder(this.workbook());
    rules.forEach((rule, i) => {
      const validation = sheet(rule.sheet).Range(rule.address).Validation;
      // Delete first: Add fails on a range that already has a rule (a second run).
      validation.Delete();
      validation.Add(XL_VALIDATE_LIST, XL_VALID_ALERT_STOP, XL_BETWEEN, formulas[i]);
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

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    const sheet = this.sheetFinder(this.workbook());
    // Three calls into ET per distinct run of columns (Range, EntireColumn, Hidden), however
    // many rows the blocks cover; blocks over the same columns of a sheet are hidden once.
    // Every sheet is found first, so a missing one hides nothing at all.
    const todo = new Map<string, { ws: EtWorksheet; columns: string }>();
    for (const ref of ranges) {
      const block = parseBlock(ref.address);
      const columns = blockAddress({ top: 0, bottom: 0, left: block.left, right: block.right });
      const key = `${ref.sheet}\u0000${columns}`;
      if (!todo.has(key)) todo.set(key, { ws: sheet(ref.sheet), columns });
    }
    for (const { ws, columns } of todo.values()) ws.Range(columns).EntireColumn.Hidden = true;
  }
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
