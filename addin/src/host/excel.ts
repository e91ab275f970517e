/**
 * The Excel adapter of the Host interface, over Office.js.
 *
 * One action is one `Excel.run` (a session): the first call opens it, `flush` (or `select`)
 * closes it. Calls that answer something (`survey`, `lookup`, `read`, `sheets`, `names`) each
 * take one `context.sync()`; every change (`write`, `format`, `setMarks`, `defineNames`,
 * `setListValidation`, `hideColumns`, `addSheets`) is queued here and sent with the next
 * sync, at the latest by `flush`. So an action costs: survey, read, flush, at most three
 * round trips whatever the number of departments (insertTemplate: lookup, flush). `discard`
 * drops what is queued (the commands are kept here, not on the context, until a sync, so a
 * failed action sends nothing more). Nothing loops over `sync`, and no method queues a
 * command per cell: 50 departments' input blocks are tens of thousands of cells.
 *
 * Marks need a look before they are written (which fill a cell has, which note is where):
 * `survey` lists the notes, and `read(…, { markScope })` looks at the fills of the scope and
 * where each note sits in the same sync as the values, so `setMarks` then only queues.
 *
 * Requirement sets (`EXCEL_API_REQUIRED`, 1.8, declared in manifest.xml): values, formats,
 * selection 1.1; merges, `Range.columnHidden`, column widths 1.2; `names.add`,
 * `getItemOrNullObject` 1.4; NamedItem.formula 1.7; list validation 1.8. Marks only: fills of
 * a whole block (`Range.getCellProperties`) 1.9; a mark's message goes into a note (ExcelApi
 * 1.18: `Workbook.notes`, `Note.getLocation`), else into a threaded comment (1.10); below
 * 1.10 no mark is made at all, because a mark we could not recognise later could never be
 * taken off (the pane still lists every problem and selects its cell). Printing
 * (`Worksheet.pageLayout`, `horizontalPageBreaks`) is 1.9: below it `pageSetup` sets nothing
 * and the sheets print as Excel's defaults (README.md, Printing).
 */
import { WriteConflict, type CellFormat, type CellMark, type CellValue, type DefinedName, type FormatBlock, type Host, type ListValidation, type MarkOptions, type PageSetup, type RangeRef, type ReadOptions, type Survey, type WriteBlock } from './host.js';
import { MARGIN_EDGES, PAGE_MARGIN_POINTS, parts } from './page.js';
import { blockCols, blockRows, cellAddress, nameReference, parseBlock, parseNameReference, type Block, type Cell } from './a1.js';
import { MARK_FILL, composeMarkNote, giveBack, parseMarkNote, sameColour, templateFills } from './mark-text.js';
import { NAME_PREFIX } from '../template/names.js';

/** `Excel.run` as the adapter uses it; tests pass a function handing over a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Where a mark's message goes: Excel notes, threaded comments, or nowhere (no marks). */
export type MarkNotes = 'notes' | 'comments' | 'none';

export interface ExcelHostOptions {
  /** Default: notes with ExcelApi 1.18, comments with 1.10, else none. */
  markNotes?: MarkNotes;
  /** Whether `pageSetup` may use `Worksheet.pageLayout` (ExcelApi 1.9). Default: yes. */
  pageLayout?: boolean;
}

/** Asks the running Office whether an ExcelApi requirement set is there; false outside Office. */
export function excelApiSupported(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}

/**
 * The ExcelApi version every action needs (manifest.xml declares the same): list validation
 * (1.8, the template's dropdowns). Marks want more and degrade instead: notes 1.18, else
 * threaded comments 1.10 (with `Range.getCellProperties`, 1.9, to look at fills), else none.
 */
export const EXCEL_API_REQUIRED = '1.8';

/**
 * Null when this Excel can run the add-in, else the message to show instead of the pane
 * (Chinese first): Office 2016 and 2019 bought once stop at ExcelApi 1.8 or below.
 */
export function unsupportedExcelMessage(supported: (version: string) => boolean = excelApiSupported): string | null {
  if (supported(EXCEL_API_REQUIRED)) return null;
  return (
    `此版本的 Excel 不支持本加载项所需的 ExcelApi ${EXCEL_API_REQUIRED}：请使用 Excel 2019 或更新版本、Microsoft 365 或网页版 Excel，或改用 WPS 表格加载项或网页版工具。` +
    ` / This Excel lacks ExcelApi ${EXCEL_API_REQUIRED}, which the add-in needs: use Excel 2019 or later, Microsoft 365 or Excel on the web, or the WPS add-in or the web page.`
  );
}

/** Builds the adapter for the Excel the pane runs in. */
export function createExcelHost(): ExcelHost {
  return new ExcelHost((batch) => Excel.run(batch), {
    markNotes: excelApiSupported('1.18') ? 'notes' : excelApiSupported('1.10') ? 'comments' : 'none',
    pageLayout: excelApiSupported('1.9'),
  });
}

/** Excel hands empty cells back as "": the flow sees them as null. */
export function fromExcel(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

// Strings Excel would turn into something else when written through `values`: a formula
// ("=…", "+…", "-…", "@…"), a number, percentage, date or time, or a boolean. A leading
// apostrophe makes Excel keep the text as typed (and it is not part of the value read back).
const REINTERPRETED = /^(?:[=+\-@']|\s*[\d.,]+\s*%?\s*$|\s*\d{1,4}\s*[-/.年:]\s*\d|\s*(?:true|false)\s*$)/i;

/** A flow value as Excel must be given it: null clears the cell (Excel skips null entries). */
export function toExcel(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string' && REINTERPRETED.test(value)) return `'${value}`;
  return value;
}

/** Excel's column width is in points; the host speaks in characters of the default font. */
function charsToPoints(chars: number): number {
  // A character of the default 11 pt font is 7 px wide, Excel adds 5 px of padding, 1 px = 0.75 pt.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function grid<T>(block: Block, value: T): T[][] {
  return Array.from({ length: blockRows(block) }, () => Array.from({ length: blockCols(block) }, () => value));
}

/** "='Sheet 1'!$B$3:$C$4" → {sheet, address}; anything else (constants, #REF!, unions) → null. */
export function parseNameFormula(formula: string): RangeRef | null {
  return parseNameReference(formula.replace(/^=/, ''));
}

/** The formula Excel stores for a named block: sheet always quoted, references absolute. */
export function nameFormula(ref: RangeRef): string {
  return `=${nameReference(ref.sheet, ref.address)}`;
}

/** One worksheet proxy per name within a batch, so a batch never asks Excel twice for it. */
function sheetsOf(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let sheet = cache.get(name);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItem(name);
      cache.set(name, sheet);
    }
    return sheet;
  };
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** What setMarks knows of one cell after looking. */
interface CellState {
  sheet: string;
  address: string;
  fill: string | null;
  note: string;
  /** The note or comment proxy when the cell has one. */
  holder?: Excel.Note | Excel.Comment;
}

/** Notes and threaded comments, as setMarks uses them: both list, locate, change and delete alike. */
type Holders = Excel.NoteCollection | Excel.CommentCollection;
type Holder = Excel.Note | Excel.Comment;

/** What setMarks needs to know before it writes: every cell of the scope, once. */
interface MarkLook {
  /** The scope looked at, as a key: setMarks uses the look only for exactly this scope. */
  scope: string;
  cells: Map<string, CellState>;
}

/** One action's Excel.run: its context and what was learnt during it. */
interface Session {
  context: Excel.RequestContext;
  sheet: (name: string) => Excel.Worksheet;
  /** Changes queued since the last sync, replayed onto the context just before the next one. */
  ops: Array<() => void>;
  /** Ends the Excel.run. */
  close: () => void;
  finished: Promise<unknown>;
  /** Names known in this session (upper case → item, or null: known not to exist). */
  names: Map<string, Excel.NamedItem | null>;
  /** Every name of the workbook was loaded (a name not in `names` does not exist). */
  allNames: boolean;
  /** The notes (or comments) of the workbook, listed by `survey`. */
  holders?: Holder[];
  look?: MarkLook;
  /** Blocks written with `expect`, each with its look just before the write (same sync). */
  guards: Guard[];
}

/**
 * A guarded write: Office.js cannot make a write conditional within one batch, so the batch
 * that writes first loads the block again (commands run in order: the load sees the block
 * just before the write) and the answer is compared after the sync.
 */
interface Guard {
  block: WriteBlock & { expect: CellValue[][] };
  before: Excel.Range;
}

function scopeKey(scope: RangeRef[]): string {
  return JSON.stringify(scope.map((r) => [r.sheet, r.address]));
}

/** Range names (others are constants or formulas) as the flow sees them. */
function rangeNames(items: Excel.NamedItem[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const item of items) {
    if (item.type !== 'Range') continue;
    const ref = parseNameFormula(String(item.formula));
    if (ref) out.push({ name: item.name, ...ref });
  }
  return out;
}

export class ExcelHost implements Host {
  private readonly markNotes: MarkNotes;
  private readonly pageLayout: boolean;
  private session?: Promise<Session>;

  constructor(
    private readonly run: ExcelRun,
    options: ExcelHostOptions = {},
  ) {
    this.markNotes = options.markNotes ?? 'notes';
    this.pageLayout = options.pageLayout ?? true;
  }

  /** The open session, or a new Excel.run that stays open until `end`. */
  private begin(): Promise<Session> {
    this.session ??= new Promise<Session>((resolve, reject) => {
      let close = () => {};
      const closed = new Promise<void>((done) => (close = done));
      const session: Partial<Session> = { ops: [], close, names: new Map(), allNames: false, guards: [] };
      session.finished = this.run(async (context) => {
        session.context = context;
        session.sheet = sheetsOf(context);
        resolve(session as Session);
        await closed;
      });
      session.finished.catch(reject);
    });
    return this.session;
  }

  /** Ends the session: with `apply`, one last sync carries what is queued. */
  private async end(apply: boolean): Promise<void> {
    const pending = this.session;
    if (!pending) return;
    this.session = undefined;
    const s = await pending;
    try {
      if (apply && s.ops.length > 0) {
        for (const op of s.ops.splice(0)) op();
        await s.context.sync();
        await checkGuards(s);
      }
    } finally {
      s.ops.length = 0;
      s.close();
      await s.finished.catch(() => undefined);
    }
  }

  /**
   * One round trip: what is queued, then whatever `look` loads; `look` returns the reader of
   * the answer. A failing sync ends the session (nothing more is sent) and rejects.
   */
  private async sync<T>(look: (s: Session) => () => T): Promise<T> {
    const s = await this.begin();
    try {
      for (const op of s.ops.splice(0)) op();
      const answer = look(s);
      await s.context.sync();
      await checkGuards(s);
      return answer();
    } catch (error) {
      await this.end(false);
      throw error;
    }
  }

  /** Queues a change for the next sync. */
  private async queue(op: (s: Session) => void): Promise<void> {
    const s = await this.begin();
    s.ops.push(() => op(s));
  }

  async flush(): Promise<void> {
    await this.end(true);
  }

  discard(): void {
    void this.end(false);
  }

  async sheets(): Promise<string[]> {
    return this.sync((s) => {
      const sheets = s.context.workbook.worksheets;
      sheets.load('items/name,items/position');
      return () => [...sheets.items].sort((a, b) => a.position - b.position).map((w) => w.name);
    });
  }

  async names(): Promise<DefinedName[]> {
    return this.sync((s) => {
      const names = loadNames(s);
      return () => rangeNames(names());
    });
  }

  /** Sheets and names, and (for marks to come) the notes of the workbook, in one sync. */
  async survey(_fixed: string[]): Promise<Survey> {
    // Every name is listed here, so the fixed ones need no look of their own.
    return this.sync((s) => {
      const workbook = s.context.workbook;
      const sheets = workbook.worksheets;
      // Each sheet's own names too (a copied sheet carries the add-in's names scoped to it).
      sheets.load('items/name,items/position,items/names/items/name,items/names/items/type,items/names/items/formula');
      const names = loadNames(s);
      const holders = this.markNotes === 'none' ? undefined : this.markNotes === 'notes' ? workbook.notes : workbook.comments;
      holders?.load('items/content');
      return () => {
        s.holders = holders ? [...(holders.items as Holder[])] : undefined;
        return {
          sheets: [...sheets.items].sort((a, b) => a.position - b.position).map((w) => w.name),
          names: rangeNames(names()),
          scoped: [...sheets.items].flatMap((w) => rangeNames(w.names.items).filter((n) => n.name.toLowerCase().startsWith(NAME_PREFIX))),
        };
      };
    });
  }

  async lookup(names: string[], sheets: string[]): Promise<Survey> {
    if (names.length === 0 && sheets.length === 0) return { sheets: [], names: [] };
    return this.sync((s) => {
      const workbook = s.context.workbook;
      const items = names.map((name) => ({ name, item: workbook.names.getItemOrNullObject(name) }));
      for (const { item } of items) item.load('name,type,formula');
      const found = sheets.map((name) => workbook.worksheets.getItemOrNullObject(name));
      for (const w of found) w.load('name');
      return () => {
        for (const { name, item } of items) s.names.set(name.toUpperCase(), item.isNullObject ? null : item);
        return {
          sheets: found.filter((w) => !w.isNullObject).map((w) => w.name),
          names: rangeNames(items.filter(({ item }) => !item.isNullObject).map(({ item }) => item)),
        };
      };
    });
  }

  async addSheets(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.queue((s) => {
      for (const name of names) s.context.workbook.worksheets.add(name);
    });
  }

  async read(ranges: RangeRef[], options: ReadOptions = {}): Promise<CellValue[][][]> {
    const scope = this.markNotes === 'none' ? undefined : options.markScope;
    if (ranges.length === 0 && !scope) return [];
    return this.sync((s) => {
      const proxies = ranges.map((r) => s.sheet(r.sheet).getRange(r.address).load('values'));
      const look = scope && s.holders ? queueLook(s, scope, s.holders) : undefined;
      return () => {
        if (look) s.look = look();
        return proxies.map((p) => p.values.map((row) => row.map(fromExcel)));
      };
    });
  }

  async write(blocks: WriteBlock[]): Promise<void> {
    // Shapes are checked before anything is queued, so a bad block writes nothing at all.
    for (const b of blocks) {
      const block = parseBlock(b.address);
      if (b.values.length !== blockRows(block) || b.values.some((row) => row.length !== blockCols(block))) {
        throw new Error(`write ${b.sheet}!${b.address}: values are not ${blockRows(block)}×${blockCols(block)}`);
      }
    }
    if (blocks.length === 0) return;
    await this.queue((s) => {
      for (const b of blocks) {
        const range = s.sheet(b.sheet).getRange(b.address);
        if (b.expect) s.guards.push({ block: { ...b, expect: b.expect }, before: s.sheet(b.sheet).getRange(b.address).load('values,formulas') });
        range.values = b.values.map((row) => row.map(toExcel));
      }
    });
  }

  async format(blocks: FormatBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    await this.queue((s) => {
      for (const b of blocks) applyFormat(s.sheet(b.sheet).getRange(b.address), parseBlock(b.address), b.format);
    });
  }

  async setMarks(scope: RangeRef[], marks: CellMark[], options: MarkOptions = {}): Promise<void> {
    const mode = this.markNotes;
    if (mode === 'none' || (scope.length === 0 && marks.length === 0)) return;
    // Every mark is looked at too, even one outside the scope.
    const blocks = [...scope, ...marks.map((m) => ({ sheet: m.sheet, address: m.address }))];
    let s = await this.begin();
    let cells = s.look?.scope === scopeKey(scope) ? s.look.cells : undefined;
    if (cells && marks.some((m) => !cells?.has(cellKey(m.sheet, m.address)))) cells = undefined;
    if (!cells) {
      // Not prepared by read: look now (list the notes, then where they sit and the fills).
      const holders = s.holders ?? (await this.sync((t) => {
        const list = mode === 'notes' ? t.context.workbook.notes : t.context.workbook.comments;
        list.load('items/content');
        return () => [...(list.items as Holder[])];
      }));
      cells = await this.sync((t) => {
        const look = queueLook(t, blocks, holders);
        return () => look().cells;
      });
      s = await this.begin();
    }
    s.look = undefined;
    const wanted = new Map(marks.map((m) => [cellKey(m.sheet, m.address), m.note]));
    const templateFill = templateFills(options.fills);
    const changes: CellChange[] = [];
    // The look saw every cell's fill, so a mark whose note was deleted is found as well: Excel
    // sweeps whatever `options.sweep` says.
    for (const [key, cell] of cells) {
      const message = wanted.get(key);
      const change = message === undefined ? unmarkChange(cell, templateFill(cell.sheet, topLeftOf(cell.address))) : markChange(mode, cell, message);
      if (change) changes.push(change);
    }
    // Marks already as they should be send nothing: a clean validation ends without a write.
    if (changes.length === 0) return;
    await this.queue((t) => {
      const holders = (name: string): Holders => (mode === 'notes' ? t.sheet(name).notes : t.sheet(name).comments);
      for (const change of changes) change(t.sheet, holders);
    });
  }

  async select(ref: RangeRef): Promise<void> {
    await this.queue((s) => {
      const sheet = s.sheet(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.address).select();
    });
    await this.flush();
  }

  async defineNames(defined: DefinedName[]): Promise<void> {
    if (defined.length === 0) return;
    const s = await this.begin();
    // names.add fails on an existing name, so each one must be known first.
    if (!s.allNames && defined.some((d) => !s.names.has(d.name.toUpperCase()))) await this.sync(loadNames);
    const known = (await this.begin()).names;
    await this.queue((t) => {
      for (const d of defined) {
        // Excel compares names case-insensitively.
        const item = known.get(d.name.toUpperCase());
        if (item) item.formula = nameFormula(d);
        else t.context.workbook.names.add(d.name, t.sheet(d.sheet).getRange(d.address));
      }
    });
  }

  async setListValidation(rules: ListValidation[]): Promise<void> {
    const sources = rules.map((r) => {
      // A range source is "=" and a sheet-qualified absolute reference: '填报'!$A$8:$A$37.
      if (r.source) return `=${nameReference(r.source.sheet, r.source.address)}`;
      // Excel's list source is one comma-separated string of at most 255 characters.
      if (r.list.some((item) => item.includes(','))) throw new Error(`list validation ${r.sheet}!${r.address}: an item holds a comma`);
      if (r.list.join(',').length > 255) throw new Error(`list validation ${r.sheet}!${r.address}: the list is longer than 255 characters`);
      return r.list.join(',');
    });
    if (rules.length === 0) return;
    await this.queue((s) => {
      rules.forEach((r, i) => {
        const validation = s.sheet(r.sheet).getRange(r.address).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: sources[i] } };
        // Excel stops a value outside the list unless told to warn instead.
        if (r.open) validation.errorAlert = { showAlert: true, style: 'Warning', title: '校企合作考核', message: '不在下拉列表中：请确认是否按此填写 / Not in the list: keep it if you meant it' };
      });
    });
  }

  async pageSetup(setups: PageSetup[]): Promise<void> {
    if (setups.length === 0 || !this.pageLayout) return;
    await this.queue((s) => {
      for (const p of setups) applyPageSetup(s.sheet(p.sheet), p);
    });
  }

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    if (ranges.length === 0) return;
    await this.queue((s) => {
      // One command per block, not per column; hiding a hidden column again is harmless.
      for (const r of ranges) s.sheet(r.sheet).getRange(r.address).getEntireColumn().columnHidden = true;
    });
  }
}

/**
 * After the sync that carried guarded writes: when any guarded block had changed since the
 * action read it, one more sync puts every guarded block back as it was just before the write
 * (formulas as formulas), and WriteConflict names the changed cells. Nothing to check, or
 * nothing changed: no sync at all.
 */
async function checkGuards(s: Session): Promise<void> {
  const guards = s.guards.splice(0);
  const changed: RangeRef[] = [];
  for (const { block, before } of guards) {
    const at = parseBlock(block.address);
    before.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (fromExcel(v) !== (block.expect[r]?.[c] ?? null)) changed.push({ sheet: block.sheet, address: cellAddress(at.top + r, at.left + c) });
      }),
    );
  }
  if (changed.length === 0) return;
  for (const { block, before } of guards) {
    s.sheet(block.sheet).getRange(block.address).values = before.formulas.map((row, r) =>
      row.map((f, c) => (typeof f === 'string' && f.startsWith('=') ? f : toExcel(fromExcel(before.values[r][c])))),
    );
  }
  await s.context.sync();
  throw new WriteConflict(changed);
}

/** Queues the load of every name of the workbook; the answer is remembered in the session. */
function loadNames(s: Session): () => Excel.NamedItem[] {
  const names = s.context.workbook.names;
  names.load('items/name,items/type,items/formula');
  return () => {
    s.names = new Map(names.items.map((n) => [n.name.toUpperCase(), n]));
    s.allNames = true;
    return names.items;
  };
}

/**
 * Queues the look setMarks needs: the fill of every block (one command per block) and where
 * each note sits (notes are few; cells are many). Returns the reader of the answer.
 */
function queueLook(s: Session, scope: RangeRef[], holders: Holder[]): () => MarkLook {
  const fills = scope.map((ref) => ({ ref, props: s.sheet(ref.sheet).getRange(ref.address).getCellProperties({ format: { fill: { color: true } } }) }));
  const located = holders.map((holder) => ({ holder, where: holder.getLocation().load('address') }));
  return () => {
    const cells = cellStates(fills);
    for (const { holder, where } of located) {
      const bang = where.address.lastIndexOf('!');
      const sheet = where.address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
      const state = cells.get(cellKey(sheet, where.address.slice(bang + 1)));
      if (!state) continue;
      state.note = holder.content;
      state.holder = holder;
    }
    return { scope: scopeKey(scope), cells };
  };
}

/** Every cell of the looked-at blocks with its fill, once each (blocks may overlap). */
function cellStates(fills: Array<{ ref: RangeRef; props: OfficeExtension.ClientResult<Excel.CellProperties[][]> }>): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  for (const { ref, props } of fills) {
    const block = parseBlock(ref.address);
    props.value.forEach((row, r) =>
      row.forEach((p, c) => {
        const address = cellAddress(block.top + r, block.left + c);
        const key = cellKey(ref.sheet, address);
        if (!cells.has(key)) cells.set(key, { sheet: ref.sheet, address, fill: p.format?.fill?.color ?? null, note: '' });
      }),
    );
  }
  return cells;
}

/** A change to one cell, queued onto the session's context when the next sync is made. */
type CellChange = (sheet: (name: string) => Excel.Worksheet, holders: (name: string) => Holders) => void;

/** The change that marks the cell with `message`, or null when it is already exactly so. */
function markChange(mode: MarkNotes, cell: CellState, message: string): CellChange | null {
  const before = parseMarkNote(cell.note);
  // A threaded comment is a conversation of its own: we do not rewrite someone else's, and a
  // fill without our comment could not be recognised as ours later, so no mark at all there.
  if (mode === 'comments' && cell.holder && !before.ours) return null;
  const content = composeMarkNote(message, before.userNote);
  const fill = !sameColour(cell.fill, MARK_FILL);
  const note = content !== cell.note;
  if (!fill && !note) return null;
  return (sheet, holders) => {
    const range = sheet(cell.sheet).getRange(cell.address);
    if (fill) range.format.fill.color = MARK_FILL;
    if (!note) return;
    if (cell.holder) cell.holder.content = content;
    else holders(cell.sheet).add(range, content);
  };
}

/** The change that takes our mark off a cell, giving back its own fill and note; null if not ours. */
function unmarkChange(cell: CellState, templateFill: string | undefined): CellChange | null {
  const back = giveBack(cell.note, cell.fill, templateFill);
  if (!back) return null;
  const holder = cell.holder;
  return (sheet) => {
    if (back.fill !== undefined) {
      const fill = sheet(cell.sheet).getRange(cell.address).format.fill;
      if (back.fill) fill.color = back.fill;
      else fill.clear();
    }
    if (back.note === undefined || !holder) return;
    if (back.note) holder.content = back.note;
    else holder.delete();
  };
}

function topLeftOf(address: string): Cell {
  const block = parseBlock(address);
  return { row: block.top, col: block.left };
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.replace(/\$/g, '').toUpperCase()}`;
}

/** Queues one sheet's page setup: a handful of property sets, no load. */
function applyPageSetup(ws: Excel.Worksheet, p: PageSetup): void {
  const layout = ws.pageLayout;
  if (p.page) {
    layout.orientation = p.page.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    layout.paperSize = 'A4';
    for (const edge of MARGIN_EDGES) layout[`${edge}Margin`] = PAGE_MARGIN_POINTS[edge];
    // One page wide; 0 pages tall is the file format's "as many as it needs" (fitToHeight="0").
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: p.page.pagesTall };
  }
  if (p.printArea) layout.setPrintArea(p.printArea);
  if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.top + 1}:$${p.titleRows.bottom + 1}`);
  for (const row of p.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
  const all = layout.headersFooters.defaultForAllPages;
  if (p.header) [all.leftHeader, all.centerHeader, all.rightHeader] = parts(p.header);
  if (p.footer) [all.leftFooter, all.centerFooter, all.rightFooter] = parts(p.footer);
}

function applyFormat(range: Excel.Range, block: Block, f: CellFormat): void {
  const format = range.format;
  if (f.fill !== undefined) format.fill.color = f.fill;
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.fontColor !== undefined) format.font.color = f.fontColor;
  if (f.numberFormat !== undefined) range.numberFormat = grid(block, f.numberFormat);
  if (f.wrap !== undefined) format.wrapText = f.wrap;
  if (f.horizontal !== undefined) format.horizontalAlignment = ALIGN[f.horizontal];
  if (f.columnWidth !== undefined) format.columnWidth = charsToPoints(f.columnWidth);
  if (f.rowHeight !== undefined) format.rowHeight = f.rowHeight;
  if (f.merge) range.merge(false);
  if (f.border) {
    // Inside edges exist only where the block has more than one row or column.
    const edges: Excel.BorderIndex[] = [...EDGES] as Excel.BorderIndex[];
    if (blockRows(block) > 1) edges.push('InsideHorizontal' as Excel.BorderIndex);
    if (blockCols(block) > 1) edges.push('InsideVertical' as Excel.BorderIndex);
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
  }
}
