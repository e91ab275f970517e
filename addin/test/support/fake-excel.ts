/**
 * A small workbook model answering the Office.js calls the Excel adapter makes, with Office.js's
 * batching rules, so that the whole flow can run on it in Node.
 *
 * Why not office-addin-mock alone: its OfficeMockObject mocks an object graph described up
 * front; it has no command queue (a property set takes effect at once, not at sync), objects
 * returned by methods such as getRange are not part of the graph it syncs, and nothing in it
 * behaves like a workbook (an address read after a write elsewhere). The per-method tests in
 * excel-host.test.ts use OfficeMockObject; this model carries the whole-workbook tests.
 *
 * Faithful where the adapter depends on it:
 * - every property set and method call is queued and runs at `context.sync()`, in order; a
 *   failing command rejects the sync and drops the rest of the batch (earlier ones stay done);
 * - reading a property that was not loaded, or before the sync, throws PropertyNotLoaded;
 * - getItem of a missing sheet / note fails at sync with ItemNotFound, *OrNullObject does not;
 * - `values`: "" reads back for an empty cell; null in a written array leaves the cell alone,
 *   "" clears it; "12", "65%", "TRUE" written as text become a number / boolean, "=…" becomes a
 *   formula, and a leading apostrophe keeps the text as typed (the apostrophe is not read back);
 * - a written array must match the range's size (InvalidArgument otherwise);
 * - `columnHidden` set on a range hides (or shows) every column it spans, values untouched;
 *   `getEntireColumn()` spans all 1,048,576 rows;
 * - a cell without a fill reads "#FFFFFF"; names.add of an existing name fails; notes.add on a
 *   cell with a note fails; names compare case-insensitively;
 * - printing (ExcelApi 1.9): `pageLayout`'s properties, `setPrintArea`, `setPrintTitleRows`,
 *   `headersFooters.defaultForAllPages` and `horizontalPageBreaks.add` land in `FakeSheet.page`
 *   at sync, typed against @types/office-js; `format.rowHeight` in `rowHeights`.
 */
import { blockAddress, blockCols, blockRows, cellAddress, parseBlock, parseNameReference, type Block } from '../../src/host/a1.js';
import { MARGIN_EDGES, type MarginEdge } from '../../src/host/page.js';

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: string;
  borders?: string[];
  validation?: string;
  /** The rule's error alert style when set (Excel's default is Stop). */
  validationAlert?: string;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, string>();
  readonly merges = new Set<string>();
  readonly columnWidths = new Map<number, number>();
  /** 0-based numbers of the hidden columns. */
  readonly hiddenColumns = new Set<number>();
  /** 0-based row → height in points, for rows given one. */
  readonly rowHeights = new Map<number, number>();
  /** How the sheet prints, as the page layout calls left it. */
  readonly page: FakePage = { margins: {}, headersFooters: {}, rowBreaks: [] };
  /** Names scoped to this sheet (name → formula), as Excel gives a copied sheet the workbook's names that pointed into the original. */
  readonly scopedNames = new Map<string, string>();
  constructor(public name: string) {}

  cell(address: string): FakeCell | undefined {
    return this.cells.get(address.replace(/\$/g, '').toUpperCase());
  }
  at(row: number, col: number): FakeCell {
    const key = cellAddress(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: '' };
      this.cells.set(key, c);
    }
    return c;
  }
  /** Test helper: the value as Excel would give it, "" when empty. */
  value(address: string): string | number | boolean {
    return this.cell(address)?.value ?? '';
  }
  /** Test helper: sets values as a user typing them would (no conversion). */
  set(address: string, values: (string | number | boolean)[][]): void {
    const b = parseBlock(address);
    values.forEach((row, r) => row.forEach((v, c) => (this.at(b.top + r, b.left + c).value = v)));
  }
}

/** What a sheet's page layout holds (the properties are Office.js's own names and values). */
export interface FakePage {
  orientation?: Excel.PageLayout['orientation'];
  paperSize?: Excel.PageLayout['paperSize'];
  margins: Partial<Record<MarginEdge, number>>;
  zoom?: Excel.PageLayoutZoomOptions;
  printArea?: string;
  printTitleRows?: string;
  /** leftHeader … rightFooter of `defaultForAllPages`. */
  headersFooters: Partial<Record<HeaderFooterPart, string>>;
  /** 0-based rows with a manual page break above them. */
  rowBreaks: number[];
}

type HeaderFooterPart = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

type Op = () => void;

/** Rows of an Excel worksheet. */
const EXCEL_ROWS = 1048576;

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  /** Name (as given) → formula, e.g. "='事实'!$B$3". */
  readonly names = new Map<string, string>();
  selection?: { sheet: string; address: string };
  active?: string;
  syncs = 0;
  /**
   * Runs as sync number `n` reaches Excel, before its commands: what a user does between two
   * round trips of an action (Excel does not stop them typing meanwhile).
   */
  beforeSync?: (n: number) => void;
  /** Commands run by all syncs, to show batches are bulk (not one sync per cell). */
  commands = 0;

  constructor(...sheetNames: string[]) {
    for (const n of sheetNames) this.sheets.push(new FakeSheet(n));
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new OfficeError('ItemNotFound', `no worksheet "${name}"`);
    return s;
  }

  /** What `Excel.run` would hand the batch: a fresh context on this workbook. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /** Everything a user could see, to compare a workbook before and after an action. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells].filter(([, c]) => c.value !== '' || c.fill || c.formula || c.validation).sort(),
        notes: [...s.notes].sort(),
        comments: [...s.comments].sort(),
        merges: [...s.merges].sort(),
        widths: [...s.columnWidths].sort(),
        heights: [...s.rowHeights].sort(),
        page: s.page,
        hidden: [...s.hiddenColumns].sort((a, b) => a - b),
      })),
      names: [...this.names].sort(),
    });
  }
}

export class FakeContext {
  private queue: Op[] = [];
  readonly workbook: FakeWorkbookProxy;
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.model.syncs++;
    this.model.beforeSync?.(this.model.syncs);
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) {
      this.model.commands++;
      op();
    }
  }
}

/** Base of every proxy: properties readable only after a load and a sync. */
class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected ctx: FakeContext) {}
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new OfficeError('PropertyNotLoaded', `${prop} was not loaded (or read before sync)`);
    return this.loaded.get(prop) as T;
  }
  protected later(op: Op): void {
    this.ctx.enqueue(op);
  }
}

function props(spec: string | string[]): string[] {
  return (Array.isArray(spec) ? spec : spec.split(',')).map((p) => p.trim()).filter(Boolean);
}

/** Excel's reading of text written through `values`. */
function excelValue(v: unknown, cell: FakeCell): void {
  delete cell.formula;
  if (typeof v !== 'string') {
    cell.value = v as number | boolean;
    return;
  }
  if (v.startsWith("'")) cell.value = v.slice(1);
  else if (v.startsWith('=')) {
    cell.formula = v;
    cell.value = '#NAME?';
  } else if (/^\s*-?\d+(\.\d+)?\s*$/.test(v)) cell.value = Number(v);
  else if (/^\s*-?\d+(\.\d+)?\s*%\s*$/.test(v)) cell.value = Number(v.replace('%', '')) / 100;
  else if (/^\s*(true|false)\s*$/i.test(v)) cell.value = v.trim().toLowerCase() === 'true';
  else cell.value = v;
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNameCollection;
  /** Every sheet's notes (ExcelApi 1.18) and threaded comments (1.10), listed together. */
  readonly notes: FakeWorkbookHolders;
  readonly comments: FakeWorkbookHolders;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNameCollection(ctx);
    this.notes = new FakeWorkbookHolders(ctx, 'notes');
    this.comments = new FakeWorkbookHolders(ctx, 'comments');
  }
}

/** `workbook.notes` / `workbook.comments`: the items of every sheet, each locating its cell. */
class FakeWorkbookHolders extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly kind: 'notes' | 'comments',
  ) {
    super(ctx);
  }
  get items(): Array<FakeNote | FakeComment> {
    return this.get('items');
  }
  load(spec: string): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.later(() => {
      const items: Array<FakeNote | FakeComment> = [];
      for (const sheet of this.ctx.model.sheets) {
        const ws = new FakeWorksheet(this.ctx, sheet.name);
        for (const [address, content] of sheet[this.kind]) {
          const item = this.kind === 'notes' ? new FakeNote(this.ctx, ws, address, false) : new FakeComment(this.ctx, ws, address);
          if (wanted.includes('content')) item.loadedSet('content', content);
          items.push(item);
        }
      }
      this.loaded.set('items', items);
    });
    return this;
  }
}

class FakeWorksheetCollection extends ClientObject {
  get items(): FakeWorksheet[] {
    return this.get('items');
  }
  load(spec: string): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.later(() => {
      this.loaded.set(
        'items',
        this.ctx.model.sheets.map((s, i) => {
          const w = new FakeWorksheet(this.ctx, s.name);
          if (wanted.includes('name')) w.loadedSet('name', s.name);
          if (wanted.includes('position')) w.loadedSet('position', i);
          if (wanted.some((p) => p.startsWith('names/'))) {
            w.loadedSet('names', { items: [...s.scopedNames].map(([name, formula]) => ({ name, type: 'Range', formula })) });
          }
          return w;
        }),
      );
    });
    return this;
  }
  add(name: string): FakeWorksheet {
    this.later(() => {
      if (this.ctx.model.sheets.some((s) => s.name.toUpperCase() === name.toUpperCase())) {
        throw new OfficeError('ItemAlreadyExists', `worksheet "${name}" exists`);
      }
      this.ctx.model.sheets.push(new FakeSheet(name));
    });
    return new FakeWorksheet(this.ctx, name);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  /** A proxy whose `isNullObject` (and `name`, as spelt in the workbook) load at sync. */
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, name);
    ws.orNull = true;
    return ws;
  }
}

class FakeWorksheet extends ClientObject {
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
  ) {
    super(ctx);
  }
  /** Made by getItemOrNullObject: a missing sheet loads as a null object. */
  orNull = false;
  loadedSet(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  load(spec: string): this {
    const wanted = props(spec);
    this.later(() => {
      const found = this.ctx.model.sheets.find((s) => s.name.toUpperCase() === this.sheetName.toUpperCase());
      if (!found && !this.orNull) throw new OfficeError('ItemNotFound', `no worksheet "${this.sheetName}"`);
      this.loaded.set('isNullObject', !found);
      if (found && wanted.includes('name')) this.loaded.set('name', found.name);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get name(): string {
    return this.get('name');
  }
  get position(): number {
    return this.get('position');
  }
  /** Only as loaded through the worksheet collection (`items/names/items/…`). */
  get names(): { items: Array<{ name: string; type: string; formula: string }> } {
    return this.get('names');
  }
  /** The model sheet, resolved when a command runs (ItemNotFound then, as in Excel). */
  model(): FakeSheet {
    return this.ctx.model.sheet(this.sheetName);
  }
  activate(): void {
    this.later(() => {
      this.model();
      this.ctx.model.active = this.sheetName;
    });
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this, parseBlock(address));
  }
  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, this);
  }
  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx, this);
  }
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.ctx, this);
  }
  get horizontalPageBreaks(): Pick<Excel.PageBreakCollection, 'add'> {
    return {
      add: (at: Excel.Range | string) => {
        if (typeof at !== 'string') throw new Error('FakeWorksheet: page breaks are added by address here');
        this.later(() => this.model().page.rowBreaks.push(parseBlock(at).top));
        return undefined as unknown as Excel.PageBreak;
      },
    };
  }
}

/**
 * `Worksheet.pageLayout`: what the adapter sets, queued until sync like every other command.
 * Typed against Office.js so that a property spelt or typed wrongly fails `tsc`.
 */
class FakePageLayout
  extends ClientObject
  implements Pick<Excel.PageLayout, 'orientation' | 'paperSize' | 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin' | 'zoom' | 'setPrintArea' | 'setPrintTitleRows'>
{
  readonly headersFooters: { defaultForAllPages: Pick<Excel.HeaderFooter, HeaderFooterPart> };
  // The six margins (points), defined in the constructor: each set lands in `page.margins`.
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
    for (const edge of MARGIN_EDGES) {
      Object.defineProperty(this, `${edge}Margin`, {
        set: (v: number) => this.later(() => (this.page().margins[edge] = v)),
        get: () => this.get(`${edge}Margin`),
      });
    }
    const set = (part: HeaderFooterPart) => (v: string) => this.later(() => (this.page().headersFooters[part] = v));
    const parts = {} as Pick<Excel.HeaderFooter, HeaderFooterPart>;
    for (const part of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const) {
      Object.defineProperty(parts, part, { set: set(part), get: () => this.get(part) });
    }
    this.headersFooters = { defaultForAllPages: parts };
  }
  private page(): FakePage {
    return this.sheet.model().page;
  }
  get orientation(): Excel.PageLayout['orientation'] {
    return this.get('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this.later(() => (this.page().orientation = v));
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this.get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this.later(() => (this.page().paperSize = v));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this.later(() => (this.page().zoom = { ...v }));
  }
  setPrintArea(area: Excel.Range | Excel.RangeAreas | string): void {
    if (typeof area !== 'string') throw new Error('FakePageLayout: the print area is set by address here');
    parseBlock(area);
    this.later(() => (this.page().printArea = area));
  }
  setPrintTitleRows(rows: Excel.Range | string): void {
    if (typeof rows !== 'string' || !/^\$\d+:\$\d+$/.test(rows)) throw new Error(`FakePageLayout: title rows as "$3:$4", not ${String(rows)}`);
    this.later(() => (this.page().printTitleRows = rows));
  }
}

class FakeRange extends ClientObject {
  readonly format: FakeFormat;
  readonly dataValidation: FakeValidation;
  constructor(
    ctx: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly block: Block,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, this);
    this.dataValidation = new FakeValidation(ctx, this);
  }
  /** Every cell of the block, as model cells (created on demand). */
  each(fn: (cell: FakeCell, r: number, c: number) => void): void {
    const s = this.sheet.model();
    for (let r = 0; r < blockRows(this.block); r++) {
      for (let c = 0; c < blockCols(this.block); c++) fn(s.at(this.block.top + r, this.block.left + c), r, c);
    }
  }
  get singleAddress(): string {
    if (blockRows(this.block) !== 1 || blockCols(this.block) !== 1) throw new OfficeError('InvalidArgument', 'not a single cell');
    return cellAddress(this.block.top, this.block.left);
  }
  load(spec: string): this {
    const wanted = props(spec);
    this.later(() => {
      for (const p of wanted) {
        if (p === 'values') {
          const rows: (string | number | boolean)[][] = [];
          this.each((cell, r) => (rows[r] ??= []).push(cell.value));
          this.loaded.set('values', rows);
        } else if (p === 'formulas') {
          const rows: (string | number | boolean)[][] = [];
          this.each((cell, r) => (rows[r] ??= []).push(cell.formula ?? cell.value));
          this.loaded.set('formulas', rows);
        } else if (p === 'address') {
          const first = cellAddress(this.block.top, this.block.left);
          const last = cellAddress(this.block.bottom, this.block.right);
          this.loaded.set('address', `${this.sheet.sheetName}!${first === last ? first : `${first}:${last}`}`);
        } else throw new OfficeError('InvalidArgument', `the fake does not load Range.${p}`);
      }
    });
    return this;
  }
  get values(): (string | number | boolean)[][] {
    return this.get('values');
  }
  get formulas(): (string | number | boolean)[][] {
    return this.get('formulas');
  }
  set values(values: unknown[][]) {
    this.later(() => {
      if (values.length !== blockRows(this.block) || values.some((row) => row.length !== blockCols(this.block))) {
        throw new OfficeError('InvalidArgument', 'the values do not match the size of the range');
      }
      this.each((cell, r, c) => {
        const v = values[r][c];
        if (v !== null && v !== undefined) excelValue(v, cell);
      });
    });
  }
  get address(): string {
    return this.get('address');
  }
  set numberFormat(formats: unknown[][]) {
    this.later(() => this.each((cell, r, c) => (cell.numberFormat = String(formats[r][c]))));
  }
  getCell(row: number, col: number): FakeRange {
    const top = this.block.top + row;
    const left = this.block.left + col;
    return new FakeRange(this.ctx, this.sheet, { top, left, bottom: top, right: left });
  }
  getCellProperties(options: { format?: { fill?: { color?: boolean } } }): { value: unknown[][] } {
    const result: { loaded?: unknown[][] } = {};
    this.later(() => {
      const rows: unknown[][] = [];
      this.each((cell, r) => (rows[r] ??= []).push(options.format?.fill?.color ? { format: { fill: { color: cell.fill ?? '#FFFFFF' } } } : {}));
      result.loaded = rows;
    });
    return {
      get value(): unknown[][] {
        if (!result.loaded) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value read before sync');
        return result.loaded;
      },
    };
  }
  select(): void {
    this.later(() => {
      this.sheet.model();
      this.ctx.model.selection = { sheet: this.sheet.sheetName, address: cellAddress(this.block.top, this.block.left) + (blockRows(this.block) * blockCols(this.block) > 1 ? `:${cellAddress(this.block.bottom, this.block.right)}` : '') };
    });
  }
  getEntireColumn(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, { top: 0, left: this.block.left, bottom: EXCEL_ROWS - 1, right: this.block.right });
  }
  set columnHidden(hidden: boolean) {
    this.later(() => {
      const s = this.sheet.model();
      for (let col = this.block.left; col <= this.block.right; col++) {
        if (hidden) s.hiddenColumns.add(col);
        else s.hiddenColumns.delete(col);
      }
    });
  }
  merge(): void {
    this.later(() => this.sheet.model().merges.add(`${cellAddress(this.block.top, this.block.left)}:${cellAddress(this.block.bottom, this.block.right)}`));
  }
}

class FakeFill extends ClientObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  load(spec: string): this {
    if (!props(spec).every((p) => p === 'color')) throw new OfficeError('InvalidArgument', 'the fake loads fill.color only');
    this.later(() => {
      const colours = new Set<string>();
      this.range.each((cell) => colours.add(cell.fill ?? '#FFFFFF'));
      // Excel gives null for a block of mixed colours.
      this.loaded.set('color', colours.size === 1 ? [...colours][0] : null);
    });
    return this;
  }
  get color(): string {
    return this.get('color');
  }
  set color(colour: string) {
    this.later(() => this.range.each((cell) => (cell.fill = colour.toUpperCase())));
  }
  clear(): void {
    this.later(() => this.range.each((cell) => delete cell.fill));
  }
}

class FakeFormat extends ClientObject {
  readonly fill: FakeFill;
  readonly font: { bold: boolean; color: string };
  readonly borders: { getItem(edge: string): { style: string; weight: string } };
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
    this.fill = new FakeFill(ctx, range);
    const each = (fn: (c: FakeCell) => void): void => this.later(() => range.each(fn));
    this.font = {
      set bold(v: boolean) {
        each((c) => (c.bold = v));
      },
      set color(v: string) {
        each((c) => (c.fontColor = v));
      },
    } as { bold: boolean; color: string };
    this.borders = {
      getItem: (edge: string) =>
        ({
          set style(v: string) {
            each((c) => (c.borders = [...new Set([...(c.borders ?? []), `${edge}:${v}`])]));
          },
          set weight(_v: string) {
            each(() => undefined);
          },
        }) as { style: string; weight: string },
    };
  }
  set wrapText(v: boolean) {
    this.later(() => this.range.each((c) => (c.wrap = v)));
  }
  set horizontalAlignment(v: string) {
    this.later(() => this.range.each((c) => (c.horizontal = v)));
  }
  set columnWidth(points: number) {
    this.later(() => {
      const s = this.range.sheet.model();
      for (let col = this.range.block.left; col <= this.range.block.right; col++) s.columnWidths.set(col, points);
    });
  }
  set rowHeight(points: number) {
    this.later(() => {
      const s = this.range.sheet.model();
      for (let row = this.range.block.top; row <= this.range.block.bottom; row++) s.rowHeights.set(row, points);
    });
  }
}

class FakeValidation extends ClientObject {
  constructor(
    ctx: FakeContext,
    private range: FakeRange,
  ) {
    super(ctx);
  }
  clear(): void {
    this.later(() => this.range.each((c) => delete c.validation));
  }
  set rule(rule: { list?: { source: string; inCellDropDown: boolean } }) {
    this.later(() => {
      if (!rule.list) throw new OfficeError('InvalidArgument', 'the fake knows list rules only');
      const source = rule.list.source;
      // A range source is "=" and one reference, as Excel demands.
      if (source.startsWith('=') && !parseNameReference(source.slice(1))) throw new OfficeError('InvalidArgument', `not a range: ${source}`);
      this.range.each((c) => (c.validation = source));
    });
  }
  set errorAlert(alert: { style?: string }) {
    this.later(() => this.range.each((c) => (c.validationAlert = alert.style)));
  }
}

class FakeNote extends ClientObject {
  constructor(
    ctx: FakeContext,
    private sheet: FakeWorksheet,
    private address: string,
    private orNull: boolean,
  ) {
    super(ctx);
  }
  loadedSet(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  private exists(): boolean {
    return this.sheet.model().notes.has(this.address);
  }
  getLocation(): FakeRange {
    return this.sheet.getRange(this.address);
  }
  load(spec: string): this {
    const wanted = props(spec);
    this.later(() => {
      const there = this.exists();
      if (!there && !this.orNull) throw new OfficeError('ItemNotFound', `no note at ${this.address}`);
      this.loaded.set('isNullObject', !there);
      if (there && wanted.includes('content')) this.loaded.set('content', this.sheet.model().notes.get(this.address));
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get content(): string {
    return this.get('content');
  }
  set content(text: string) {
    this.later(() => {
      if (!this.exists()) throw new OfficeError('ItemNotFound', `no note at ${this.address}`);
      this.sheet.model().notes.set(this.address, text);
    });
  }
  delete(): void {
    this.later(() => {
      if (!this.exists()) throw new OfficeError('ItemNotFound', `no note at ${this.address}`);
      this.sheet.model().notes.delete(this.address);
    });
  }
}

class FakeNoteCollection extends ClientObject {
  constructor(
    ctx: FakeContext,
    private sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeNote[] {
    return this.get('items');
  }
  load(spec: string): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.later(() => {
      this.loaded.set(
        'items',
        [...this.sheet.model().notes].map(([address, content]) => {
          const note = new FakeNote(this.ctx, this.sheet, address, false);
          note.loadedSet('isNullObject', false);
          if (wanted.includes('content')) note.loadedSet('content', content);
          return note;
        }),
      );
    });
    return this;
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address.replace(/\$/g, '').toUpperCase(), true);
  }
  getItem(address: string): FakeNote {
    return new FakeNote(this.ctx, this.sheet, address.replace(/\$/g, '').toUpperCase(), false);
  }
  add(where: FakeRange | string, content: string): void {
    this.later(() => {
      const address = typeof where === 'string' ? where.toUpperCase() : where.singleAddress;
      const notes = this.sheet.model().notes;
      if (notes.has(address)) throw new OfficeError('InvalidArgument', `${address} already has a note`);
      notes.set(address, content);
    });
  }
}

class FakeComment extends ClientObject {
  constructor(
    ctx: FakeContext,
    private sheet: FakeWorksheet,
    private address: string,
  ) {
    super(ctx);
  }
  loadedSet(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  get content(): string {
    return this.get('content');
  }
  set content(text: string) {
    this.later(() => this.sheet.model().comments.set(this.address, text));
  }
  delete(): void {
    this.later(() => this.sheet.model().comments.delete(this.address));
  }
  getLocation(): FakeRange {
    return this.sheet.getRange(this.address);
  }
}

class FakeCommentCollection extends ClientObject {
  constructor(
    ctx: FakeContext,
    private sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  get items(): FakeComment[] {
    return this.get('items');
  }
  load(spec: string): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.later(() => {
      this.loaded.set(
        'items',
        [...this.sheet.model().comments].map(([address, content]) => {
          const c = new FakeComment(this.ctx, this.sheet, address);
          if (wanted.includes('content')) c.loadedSet('content', content);
          return c;
        }),
      );
    });
    return this;
  }
  add(where: FakeRange, content: string): void {
    this.later(() => {
      const address = where.singleAddress;
      const comments = this.sheet.model().comments;
      if (comments.has(address)) throw new OfficeError('InvalidArgument', `${address} already has a comment`);
      comments.set(address, content);
    });
  }
}

class FakeNamedItem extends ClientObject {
  constructor(
    ctx: FakeContext,
    private key: string,
  ) {
    super(ctx);
  }
  /** Made by getItemOrNullObject: `load` finds the name if it exists (compared without case). */
  lookup = false;
  load(spec: string): this {
    if (!this.lookup) throw new OfficeError('InvalidArgument', 'the fake loads named items from the collection only');
    const wanted = props(spec);
    this.later(() => {
      const found = [...this.ctx.model.names].find(([n]) => n.toUpperCase() === this.key.toUpperCase());
      this.loaded.set('isNullObject', !found);
      if (!found) return;
      this.key = found[0];
      if (wanted.includes('name')) this.loaded.set('name', found[0]);
      if (wanted.includes('type')) this.loaded.set('type', /!/.test(found[1]) ? 'Range' : 'String');
      if (wanted.includes('formula')) this.loaded.set('formula', found[1]);
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  loadedSet(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(f: string) {
    this.later(() => this.ctx.model.names.set(this.key, f));
  }
}

/** How Excel prints a sheet in a reference: quoted unless a plain identifier. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

class FakeNameCollection extends ClientObject {
  get items(): FakeNamedItem[] {
    return this.get('items');
  }
  load(spec: string): this {
    const wanted = props(spec).map((p) => p.replace(/^items\//, ''));
    this.later(() => {
      this.loaded.set(
        'items',
        [...this.ctx.model.names].map(([name, formula]) => {
          const item = new FakeNamedItem(this.ctx, name);
          if (wanted.includes('name')) item.loadedSet('name', name);
          if (wanted.includes('type')) item.loadedSet('type', /!/.test(formula) ? 'Range' : 'String');
          if (wanted.includes('formula')) item.loadedSet('formula', formula);
          return item;
        }),
      );
    });
    return this;
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const item = new FakeNamedItem(this.ctx, name);
    item.lookup = true;
    return item;
  }
  add(name: string, reference: FakeRange | string): void {
    this.later(() => {
      if ([...this.ctx.model.names.keys()].some((n) => n.toUpperCase() === name.toUpperCase())) {
        throw new OfficeError('InvalidArgument', `the name "${name}" exists`);
      }
      if (typeof reference === 'string') {
        this.ctx.model.names.set(name, reference.startsWith('=') ? reference : `=${reference}`);
        return;
      }
      reference.sheet.model();
      const b = reference.block;
      this.ctx.model.names.set(name, `=${sheetRef(reference.sheet.sheetName)}!${blockAddress(b, true)}`);
    });
  }
}
