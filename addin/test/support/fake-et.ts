/**
 * A fake WPS 表格 (ET) application for the adapter's tests, implementing the same typed
 * subset of the official `et-jsapi-declare` typings the adapter uses (`src/wps/et.ts`).
 *
 * It behaves as the real one does where that matters to the adapter:
 * - synchronous; collections are 1-based (`Item(1)`), `Sheets.Item` takes a name too and
 *   throws for an unknown one;
 * - `Value2` of one cell is a scalar (`undefined` when empty), of a block a row-major array
 *   of rows; with `shape: 'wrapper'` blocks come back as VBArray-like objects and scalars
 *   boxed, as some WPS builds do; with `refuseArrays` an array assignment throws;
 * - assigning text parses it as typed input: "12" becomes the number 12, "=…" a formula,
 *   a leading apostrophe keeps the rest as text, "" empties the cell; a scalar assigned to a
 *   block fills every cell;
 * - `AddComment` throws when the cell already has a comment, `Validation.Add` when the cell
 *   already has a rule, `Names.Add` replaces a name of the same name;
 * - `EntireColumn` spans all 1,048,576 rows; `Hidden` may be set only on whole columns (or
 *   rows), as in Excel's COM model, and hides the columns without touching their values;
 * - colours are BGR numbers; a cell without fill reads `Color` 16777215 and `ColorIndex`
 *   xlNone (-4142);
 * - `PageSetup` starts as a new sheet's does (portrait, letter, Zoom 100, one page by one) and
 *   takes the print area and title rows as absolute references only; `HPageBreaks.Add` takes a
 *   cell and breaks above its row; `RowHeight` sets every row of every area.
 *
 * `countCalls` wraps the application so that every property read, write and method call
 * into ET is counted: that is the cost measure of a synchronous host.
 */
import type {
  EtApplication,
  EtBorders,
  EtComment,
  EtComments,
  EtFont,
  EtHPageBreaks,
  EtPageSetup,
  EtInterior,
  EtName,
  EtNames,
  EtRange,
  EtSheets,
  EtValidation,
  EtWorkbook,
  EtWorksheet,
} from '../../src/wps/et.js';
import { blockAddress, blockCols, blockRows, cellAddress, cellsOf, columnIndex, parseBlock, parseNameReference, type Block } from '../../src/host/a1.js';

const WHITE = 16777215;
/** Rows of a worksheet. */
const ET_ROWS = 1048576;
const XL_NONE = -4142;

type Scalar = string | number | boolean;

interface FakeCell {
  value?: Scalar;
  formula?: string;
  fill?: number;
  comment?: string;
  validation?: { type: number; formula1: string };
  /** The rule's alert style (1 stop, 2 warning), as `Validation.Add` was given it. */
  validationAlert?: number;
  bold?: boolean;
  fontColor?: number;
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: number;
  border?: boolean;
}

export interface FakeOptions {
  /**
   * 'plain': arrays of rows; 'wrapper': VBArray-like blocks and boxed scalars; 'opaque': a
   * block reads as an object of no known shape (the adapter must read cell by cell).
   */
  shape?: 'plain' | 'wrapper' | 'opaque';
  /** Throw on array assignments to Value2 (the adapter must then write cell by cell). */
  refuseArrays?: boolean;
}

/** Marks objects that belong to the fake model, so that `countCalls` wraps exactly those. */
abstract class EtObject {}

/** The value ET stores for a text typed or assigned into a cell. */
function parseInput(value: unknown): { value?: Scalar; formula?: string } {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'number' || typeof value === 'boolean') return { value };
  const text = String(value);
  if (text.startsWith("'")) return text.length > 1 ? { value: text.slice(1) } : {};
  if (text.startsWith('=')) return { formula: text, value: '#NAME?' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return { value: Number(text) };
  return { value: text };
}

function vbArray(rows: unknown[][]): object {
  return {
    lbound: () => 1,
    ubound: (d?: number) => (d === 2 ? (rows[0]?.length ?? 0) : rows.length),
    getItem: (r: number, c: number) => rows[r - 1][c - 1],
    toArray: () => rows[0].map((_, c) => rows.map((row) => row[c])).flat(),
  };
}

class FakeInterior extends EtObject implements EtInterior {
  constructor(private readonly range: FakeRange) {
    super();
  }
  get Color(): unknown {
    const fills = new Set(this.range.cells().map((c) => c.fill ?? WHITE));
    return fills.size === 1 ? [...fills][0] : null;
  }
  set Color(value: unknown) {
    for (const c of this.range.cells(true)) c.fill = Number(value);
  }
  get ColorIndex(): unknown {
    const cells = this.range.cells();
    if (cells.every((c) => c.fill === undefined)) return XL_NONE;
    return cells.some((c) => c.fill === undefined) ? null : 1;
  }
  set ColorIndex(value: unknown) {
    if (value === XL_NONE) for (const c of this.range.cells(true)) delete c.fill;
  }
}

class FakeFont extends EtObject implements EtFont {
  constructor(private readonly range: FakeRange) {
    super();
  }
  get Bold(): boolean {
    return this.range.cells().every((c) => c.bold === true);
  }
  set Bold(v: boolean) {
    for (const c of this.range.cells(true)) c.bold = v;
  }
  get Color(): number {
    return this.range.cells()[0]?.fontColor ?? 0;
  }
  set Color(v: number) {
    for (const c of this.range.cells(true)) c.fontColor = v;
  }
}

class FakeBorders extends EtObject implements EtBorders {
  constructor(private readonly range: FakeRange) {
    super();
  }
  get LineStyle(): number {
    return this.range.cells().every((c) => c.border) ? 1 : XL_NONE;
  }
  set LineStyle(v: number | boolean) {
    for (const c of this.range.cells(true)) c.border = v === 1;
  }
  Weight = 2;
}

class FakeComment extends EtObject implements EtComment {
  constructor(
    private readonly sheet: FakeWorksheet,
    readonly row: number,
    readonly col: number,
  ) {
    super();
  }
  private cell(): FakeCell {
    return this.sheet.cell(this.row, this.col, true);
  }
  Text(text?: string): string {
    if (text !== undefined) this.cell().comment = text;
    return this.cell().comment ?? '';
  }
  Delete(): void {
    delete this.cell().comment;
  }
  get Parent(): EtRange {
    return new FakeRange(this.sheet, { top: this.row, left: this.col, bottom: this.row, right: this.col });
  }
}

class FakeComments extends EtObject implements EtComments {
  constructor(private readonly sheet: FakeWorksheet) {
    super();
  }
  private list(): FakeComment[] {
    return this.sheet
      .positions()
      .filter(({ cell }) => cell.comment !== undefined)
      .map(({ row, col }) => new FakeComment(this.sheet, row, col));
  }
  get Count(): number {
    return this.list().length;
  }
  Item(index: number): EtComment {
    const c = this.list()[index - 1];
    if (!c) throw new Error(`Comments.Item(${index}): out of range`);
    return c;
  }
}

class FakeValidation extends EtObject implements EtValidation {
  InCellDropdown = true;
  IgnoreBlank = true;
  constructor(private readonly range: FakeRange) {
    super();
  }
  Add(type: number, alert?: number, _operator?: number, formula1?: string): void {
    if (this.range.cells().some((c) => c.validation)) throw new Error('Validation.Add: the range already has a rule');
    // A formula source is "=" and one reference, as ET demands.
    if (formula1?.startsWith('=') && !parseNameReference(formula1.slice(1))) throw new Error(`Validation.Add: not a range: ${formula1}`);
    for (const c of this.range.cells(true)) {
      c.validation = { type, formula1: formula1 ?? '' };
      c.validationAlert = alert;
    }
  }
  Delete(): void {
    for (const c of this.range.cells()) {
      delete c.validation;
      delete c.validationAlert;
    }
  }
  get Formula1(): string {
    return this.range.cells()[0]?.validation?.formula1 ?? '';
  }
  get Type(): number {
    return this.range.cells()[0]?.validation?.type ?? 0;
  }
}

export class FakeRange extends EtObject implements EtRange {
  /** Every area of a multi-area range ("A1:B2,D4"), as ET takes them; `block` is the first. */
  readonly areas: Block[];
  constructor(
    readonly sheet: FakeWorksheet,
    readonly block: Block,
    areas?: Block[],
  ) {
    super();
    this.areas = areas ?? [block];
  }
  /** The cells of every area; with `create`, empty cells are created so they can be set. */
  cells(create = false): FakeCell[] {
    const out: FakeCell[] = [];
    for (const area of this.areas) {
      for (const { row, col } of cellsOf(area)) {
        const c = this.sheet.cell(row, col, create);
        if (c) out.push(c);
        else if (!create) out.push({});
      }
    }
    return out;
  }
  private get rows(): number {
    return blockRows(this.block);
  }
  private get columns(): number {
    return blockCols(this.block);
  }
  get Value2(): unknown {
    const wrapper = this.sheet.app.options.shape === 'wrapper';
    if (this.rows === 1 && this.columns === 1) {
      const v = this.sheet.cell(this.block.top, this.block.left)?.value;
      // A boxed scalar: an object whose valueOf() is the value.
      return wrapper && v !== undefined ? Object(v) : v;
    }
    const rows: unknown[][] = [];
    for (let r = this.block.top; r <= this.block.bottom; r++) {
      const row: unknown[] = [];
      for (let c = this.block.left; c <= this.block.right; c++) row.push(this.sheet.cell(r, c)?.value);
      rows.push(row);
    }
    if (this.sheet.app.options.shape === 'opaque') return { rows: rows.length };
    return wrapper ? vbArray(rows) : rows;
  }
  set Value2(value: unknown) {
    if (Array.isArray(value)) {
      if (this.sheet.app.options.refuseArrays) throw new Error('Value2: arrays are not accepted by this build');
      for (let r = 0; r < this.rows; r++) {
        const row: unknown = value[r];
        for (let c = 0; c < this.columns; c++) {
          // Outside the given array ET, like Excel, fills #N/A.
          const v = Array.isArray(row) ? (c < row.length ? row[c] : '#N/A') : r === 0 && c === 0 ? row : '#N/A';
          this.sheet.setInput(this.block.top + r, this.block.left + c, v);
        }
      }
      return;
    }
    for (const { row, col } of cellsOf(this.block)) this.sheet.setInput(row, col, value);
  }
  get Text(): unknown {
    const v = this.sheet.cell(this.block.top, this.block.left)?.value;
    return v === undefined ? '' : String(v);
  }
  get Interior(): EtInterior {
    return new FakeInterior(this);
  }
  get Font(): EtFont {
    return new FakeFont(this);
  }
  get Borders(): EtBorders {
    return new FakeBorders(this);
  }
  get NumberFormat(): string {
    return this.cells()[0]?.numberFormat ?? 'General';
  }
  set NumberFormat(v: string) {
    for (const c of this.cells(true)) c.numberFormat = v;
  }
  get WrapText(): boolean {
    return this.cells().every((c) => c.wrap === true);
  }
  set WrapText(v: boolean) {
    for (const c of this.cells(true)) c.wrap = v;
  }
  get HorizontalAlignment(): number {
    return this.cells()[0]?.horizontal ?? 1;
  }
  set HorizontalAlignment(v: number | boolean) {
    for (const c of this.cells(true)) c.horizontal = Number(v);
  }
  get ColumnWidth(): number {
    return this.sheet.columnWidths.get(this.block.left + 1) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    for (const area of this.areas) for (let c = area.left; c <= area.right; c++) this.sheet.columnWidths.set(c + 1, v);
  }
  get RowHeight(): number {
    return this.sheet.rowHeights.get(this.block.top + 1) ?? 13.5;
  }
  set RowHeight(v: number) {
    for (const area of this.areas) for (let r = area.top; r <= area.bottom; r++) this.sheet.rowHeights.set(r + 1, v);
  }
  /** Merges each area on its own, as ET does for a multi-area range. */
  Merge(): void {
    for (const area of this.areas) this.sheet.merges.add(blockAddress(area));
  }
  get Comment(): EtComment | null {
    const c = this.sheet.cell(this.block.top, this.block.left);
    return c?.comment !== undefined ? new FakeComment(this.sheet, this.block.top, this.block.left) : null;
  }
  AddComment(text?: string): EtComment {
    const c = this.sheet.cell(this.block.top, this.block.left, true);
    if (c.comment !== undefined) throw new Error('AddComment: the cell already has a comment');
    c.comment = text ?? '';
    return new FakeComment(this.sheet, this.block.top, this.block.left);
  }
  get Validation(): EtValidation {
    return new FakeValidation(this);
  }
  get EntireColumn(): EtRange {
    return new FakeRange(this.sheet, { top: 0, left: this.block.left, bottom: ET_ROWS - 1, right: this.block.right });
  }
  private wholeColumns(): boolean {
    return this.block.top === 0 && this.block.bottom === ET_ROWS - 1;
  }
  get Hidden(): unknown {
    if (!this.wholeColumns()) return false;
    const states = new Set<boolean>();
    for (let c = this.block.left; c <= this.block.right; c++) states.add(this.sheet.hiddenColumns.has(c + 1));
    return states.size === 1 ? [...states][0] : null;
  }
  set Hidden(value: unknown) {
    if (!this.wholeColumns()) throw new Error('Hidden: unable to set the Hidden property of the Range class (not whole columns)');
    for (let c = this.block.left; c <= this.block.right; c++) {
      if (value === true) this.sheet.hiddenColumns.add(c + 1);
      else this.sheet.hiddenColumns.delete(c + 1);
    }
  }
  Select(): boolean {
    this.sheet.app.selection = { sheet: this.sheet.Name, address: blockAddress(this.block) };
    return true;
  }
  Item(row: number, col = 1): EtRange {
    const top = this.block.top + row - 1;
    const left = this.block.left + col - 1;
    return new FakeRange(this.sheet, { top, left, bottom: top, right: left });
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    const plain = blockAddress(this.block);
    if (!rowAbsolute && !columnAbsolute) return plain;
    return plain.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${columnAbsolute ? '$' : ''}${c}${rowAbsolute ? '$' : ''}${r}`);
  }
  get Worksheet(): EtWorksheet {
    return this.sheet;
  }
}

export class FakeWorksheet extends EtObject implements EtWorksheet {
  private readonly store = new Map<string, FakeCell>();
  /** Widths by 1-based column number, as ET counts columns (cell positions are 0-based). */
  readonly columnWidths = new Map<number, number>();
  readonly merges = new Set<string>();
  /** 1-based numbers of the hidden columns. */
  readonly hiddenColumns = new Set<number>();
  /** Heights by 1-based row number. */
  readonly rowHeights = new Map<number, number>();
  readonly PageSetup = new FakePageSetup();
  readonly HPageBreaks: FakeHPageBreaks = new FakeHPageBreaks();
  private name: string;

  constructor(
    readonly app: FakeEtApplication,
    name: string,
  ) {
    super();
    this.name = name;
  }
  get Name(): string {
    return this.name;
  }
  set Name(value: string) {
    const clash = this.app.book.list.find((ws) => ws !== this && ws.name.toLowerCase() === value.toLowerCase());
    if (clash) throw new Error(`Name: a sheet named "${value}" already exists`);
    this.name = value;
  }
  get Index(): number {
    return this.app.book.list.indexOf(this) + 1;
  }
  Activate(): void {
    this.app.book.active = this;
  }
  /** One block, or several joined by commas (at most 255 characters, as in Excel and ET). */
  Range(cell1: string): EtRange {
    if (cell1.length > 255) throw new Error(`Range: a reference longer than 255 characters (${cell1.length})`);
    // "O:P" is whole columns, as ET reads it.
    const areas = cell1.split(',').map((a) => {
      const columns = /^\$?([A-Z]+):\$?([A-Z]+)$/.exec(a);
      if (!columns) return parseBlock(a);
      return { top: 0, bottom: ET_ROWS - 1, left: columnIndex(columns[1]), right: columnIndex(columns[2]) };
    });
    return new FakeRange(this, areas[0], areas);
  }
  get Comments(): EtComments {
    return new FakeComments(this);
  }

  cell(row: number, col: number, create: true): FakeCell;
  cell(row: number, col: number, create?: boolean): FakeCell | undefined;
  cell(row: number, col: number, create = false): FakeCell | undefined {
    const key = `${row},${col}`;
    let c = this.store.get(key);
    if (!c && create) this.store.set(key, (c = {}));
    return c;
  }
  setInput(row: number, col: number, value: unknown): void {
    const c = this.cell(row, col, true);
    delete c.value;
    delete c.formula;
    Object.assign(c, parseInput(value));
  }
  /** Every stored cell with its position, row by row. */
  positions(): Array<{ row: number; col: number; cell: FakeCell }> {
    return [...this.store.entries()]
      .map(([key, cell]) => {
        const [row, col] = key.split(',').map(Number);
        return { row, col, cell };
      })
      .sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

class FakeSheets extends EtObject implements EtSheets {
  constructor(private readonly book: FakeWorkbook) {
    super();
  }
  get Count(): number {
    return this.book.list.length;
  }
  Item(index: string | number): EtWorksheet {
    const ws =
      typeof index === 'number'
        ? this.book.list[index - 1]
        : this.book.list.find((s) => s.Name.toLowerCase() === index.toLowerCase());
    if (!ws) throw new Error(`Sheets.Item(${JSON.stringify(index)}): no such sheet`);
    return ws;
  }
  Add(before?: unknown, after?: unknown): EtWorksheet {
    let n = this.book.list.length + 1;
    while (this.book.list.some((s) => s.Name === `Sheet${n}`)) n++;
    const ws = new FakeWorksheet(this.book.app, `Sheet${n}`);
    const at =
      after instanceof FakeWorksheet
        ? this.book.list.indexOf(after) + 1
        : before instanceof FakeWorksheet
          ? this.book.list.indexOf(before)
          : this.book.list.indexOf(this.book.active);
    this.book.list.splice(at, 0, ws);
    this.book.active = ws;
    return ws;
  }
}

class FakeName extends EtObject implements EtName {
  Visible = true;
  constructor(
    private readonly names: FakeNames,
    public Name: string,
    public RefersTo: unknown,
  ) {
    super();
  }
  Delete(): void {
    this.names.list.splice(this.names.list.indexOf(this), 1);
  }
}

class FakeNames extends EtObject implements EtNames {
  readonly list: FakeName[] = [];
  get Count(): number {
    return this.list.length;
  }
  Item(index: string | number): EtName {
    const n = typeof index === 'number' ? this.list[index - 1] : this.list.find((x) => x.Name.toLowerCase() === index.toLowerCase());
    if (!n) throw new Error(`Names.Item(${JSON.stringify(index)}): no such name`);
    return n;
  }
  Add(name?: string, refersTo?: unknown, visible = true): EtName {
    if (!name || typeof refersTo !== 'string' || !refersTo.startsWith('=')) throw new Error('Names.Add: bad arguments');
    const existing = this.list.find((x) => x.Name.toLowerCase() === name.toLowerCase());
    if (existing) {
      existing.RefersTo = refersTo;
      return existing;
    }
    const n = new FakeName(this, name, refersTo);
    n.Visible = visible;
    this.list.push(n);
    return n;
  }
}

export class FakeWorkbook extends EtObject implements EtWorkbook {
  readonly list: FakeWorksheet[] = [];
  active: FakeWorksheet;
  private readonly names = new FakeNames();
  private readonly sheets: FakeSheets;
  readonly Name = '工作簿1.xlsx';

  constructor(readonly app: FakeEtApplication) {
    super();
    this.active = new FakeWorksheet(app, 'Sheet1');
    this.list.push(this.active);
    this.sheets = new FakeSheets(this);
  }
  get Worksheets(): EtSheets {
    return this.sheets;
  }
  get Names(): EtNames {
    return this.names;
  }
  get ActiveSheet(): EtWorksheet {
    return this.active;
  }
}

export class FakeEtApplication extends EtObject implements EtApplication {
  readonly book: FakeWorkbook;
  selection: { sheet: string; address: string } | undefined;

  constructor(readonly options: FakeOptions = {}) {
    super();
    this.book = new FakeWorkbook(this);
  }
  get ActiveWorkbook(): EtWorkbook {
    return this.book;
  }

  // ---- test helpers (not part of ET) ----
  sheet(name: string): FakeWorksheet {
    const ws = this.book.list.find((s) => s.Name === name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  }
  /** Types a value into a cell as a user would. */
  type(sheet: string, address: string, value: unknown): void {
    const { top: row, left: col } = parseBlock(address);
    this.sheet(sheet).setInput(row, col, value);
  }
  valueAt(sheet: string, address: string): Scalar | undefined {
    const { top: row, left: col } = parseBlock(address);
    return this.sheet(sheet).cell(row, col)?.value;
  }
  cellAt(sheet: string, address: string): Readonly<FakeCell> | undefined {
    const { top: row, left: col } = parseBlock(address);
    return this.sheet(sheet).cell(row, col);
  }
  /** The whole workbook as plain data, to compare two states. */
  snapshot(): {
    sheets: Array<{ name: string; cells: Record<string, FakeCell>; widths: Array<[number, number]>; heights: Array<[number, number]>; merges: string[]; hidden: number[]; page: FakePageSetup; breaks: number[] }>;
    names: Array<[string, unknown]>;
  } {
    return {
      sheets: this.book.list.map((ws) => ({
        name: ws.Name,
        // Keys sorted: the order in which properties were set is not part of the state.
        cells: Object.fromEntries(
          ws.positions().map(({ row, col, cell }) => [
            cellAddress(row, col),
            Object.fromEntries(Object.entries(cell).sort(([a], [b]) => a.localeCompare(b))) as FakeCell,
          ]),
        ),
        // Sorted: the order in which widths were set is not part of the state.
        widths: [...ws.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        heights: [...ws.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        merges: [...ws.merges].sort(),
        hidden: [...ws.hiddenColumns].sort((a, b) => a - b),
        page: ws.PageSetup,
        breaks: ws.HPageBreaks.rows,
      })),
      names: (this.book.Names as FakeNames).list.map((n) => [n.Name, n.RefersTo]),
    };
  }
}

/** A sheet's page setup; absolute references only, as the adapter promises to pass. */
export class FakePageSetup extends EtObject implements EtPageSetup {
  Orientation = 1;
  /** xlPaperLetter, the default of a build set up for the United States. */
  PaperSize = 1;
  LeftMargin = 50.4;
  RightMargin = 50.4;
  TopMargin = 54;
  BottomMargin = 54;
  HeaderMargin = 21.6;
  FooterMargin = 21.6;
  Zoom: boolean | number = 100;
  FitToPagesWide: boolean | number = 1;
  FitToPagesTall: boolean | number = 1;
  private area = '';
  private titles = '';
  LeftHeader = '';
  CenterHeader = '';
  RightHeader = '';
  LeftFooter = '';
  CenterFooter = '';
  RightFooter = '';
  get PrintArea(): string {
    return this.area;
  }
  set PrintArea(v: string) {
    if (!/^\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/.test(v)) throw new Error(`PrintArea: not an absolute block: ${v}`);
    this.area = v;
  }
  get PrintTitleRows(): string {
    return this.titles;
  }
  set PrintTitleRows(v: string) {
    if (!/^\$\d+:\$\d+$/.test(v)) throw new Error(`PrintTitleRows: not absolute rows: ${v}`);
    this.titles = v;
  }
}

export class FakeHPageBreaks extends EtObject implements EtHPageBreaks {
  /** 1-based rows with a break above them. */
  readonly rows: number[] = [];
  get Count(): number {
    return this.rows.length;
  }
  Add(before: EtRange): unknown {
    const at = /\$?[A-Z]+\$?(\d+)/.exec(before.Address())?.[1];
    this.rows.push(Number(at));
    return {};
  }
}

/** Calls into ET, counted by "Class.member" (e.g. "FakeRange.Value2"). */
export class CallCounter {
  readonly counts = new Map<string, number>();
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  reset(): void {
    this.counts.clear();
  }
  /** Calls whose member matches, e.g. /Value2$/. */
  matching(pattern: RegExp): number {
    let n = 0;
    for (const [k, v] of this.counts) if (pattern.test(k)) n += v;
    return n;
  }
  summary(): string {
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k.replace(/^Fake/, '')}×${v}`)
      .join(', ');
  }
}

/**
 * The application behind a proxy counting every property read, property write and method
 * call on an ET object (the things that cross into WPS); values such as arrays and strings
 * are not ET objects and are not counted further.
 */
export function countCalls<T extends object>(app: T, counter: CallCounter): T {
  const cache = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (!(value instanceof EtObject)) return value;
    const hit = cache.get(value);
    if (hit) return hit;
    const proxy = new Proxy(value, {
      get(target, prop, receiver) {
        if (typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
        const key = `${target.constructor.name}.${prop}`;
        const member: unknown = Reflect.get(target, prop, target);
        if (typeof member === 'function') {
          return (...args: unknown[]) => {
            counter.add(key);
            return wrap((member as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)));
          };
        }
        counter.add(key);
        return wrap(member);
      },
      set(target, prop, value) {
        if (typeof prop !== 'symbol') counter.add(`${target.constructor.name}.${prop}=`);
        return Reflect.set(target, prop, unwrap(value), target);
      },
    });
    cache.set(value, proxy);
    proxies.set(proxy, value);
    return proxy;
  };
  const proxies = new WeakMap<object, object>();
  const unwrap = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (proxies.get(value) ?? value) : value);
  return wrap(app) as T;
}
