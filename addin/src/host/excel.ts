/**
 * The Excel adapter of the Host interface, over Office.js.
 *
 * Every method is one `Excel.run` batch: it queues all its work on proxies and calls
 * `context.sync()` once (reads: one load per block, one sync; writes: one assignment per
 * block, one sync). Two methods must look before they write and cannot know what to write
 * without that look, so they take a fixed, small number of syncs whatever the batch size:
 * `defineNames` 2 (names.add fails on an existing name) and `setMarks` at most 3 (look at the
 * fills and list the notes; locate the notes, only when there are any; write, only when
 * something changes). Nothing loops over `sync`, and no method queues a command per cell:
 * 50 departments' input blocks are tens of thousands of cells, more than one request carries.
 *
 * Requirement sets: values, formats, names, selection: ExcelApi 1.1–1.7 (NamedItem.formula
 * 1.7); hiding columns (`Range.columnHidden`) 1.2; list validation 1.8; fills of a whole
 * block: `Range.getCellProperties` 1.9. A mark's message goes into a note (ExcelApi 1.18:
 * `Worksheet.notes`, `Note.getLocation`), else into a threaded comment (1.10); below 1.10 no
 * mark is made at all, because a mark we could not recognise later could never be taken off
 * (the pane still lists every problem and selects its cell).
 */
import type { CellFormat, CellMark, CellValue, DefinedName, FormatBlock, Host, ListValidation, RangeRef, WriteBlock } from './host.js';
import { blockCols, blockRows, cellAddress, nameReference, parseBlock, parseNameReference, type Block } from './a1.js';
import { MARK_FILL, composeMarkNote, parseMarkNote, sameColour } from './mark-text.js';

/** `Excel.run` as the adapter uses it; tests pass a function handing over a mock context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Where a mark's message goes: Excel notes, threaded comments, or nowhere (no marks). */
export type MarkNotes = 'notes' | 'comments' | 'none';

export interface ExcelHostOptions {
  /** Default: notes with ExcelApi 1.18, comments with 1.10, else none. */
  markNotes?: MarkNotes;
}

/** Asks the running Office whether an ExcelApi requirement set is there; false outside Office. */
export function excelApiSupported(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}

/** Builds the adapter for the Excel the pane runs in. */
export function createExcelHost(): ExcelHost {
  return new ExcelHost((batch) => Excel.run(batch), {
    markNotes: excelApiSupported('1.18') ? 'notes' : excelApiSupported('1.10') ? 'comments' : 'none',
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

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly markNotes: MarkNotes;

  constructor(
    private readonly run: ExcelRun,
    options: ExcelHostOptions = {},
  ) {
    this.markNotes = options.markNotes ?? 'notes';
  }

  async sheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      await context.sync();
      return [...sheets.items].sort((a, b) => a.position - b.position).map((s) => s.name);
    });
  }

  async addSheets(names: string[]): Promise<void> {
    if (names.length === 0) return;
    await this.run(async (context) => {
      for (const name of names) context.workbook.worksheets.add(name);
      await context.sync();
    });
  }

  async read(ranges: RangeRef[]): Promise<CellValue[][][]> {
    if (ranges.length === 0) return [];
    return this.run(async (context) => {
      const sheet = sheetsOf(context);
      const proxies = ranges.map((r) => sheet(r.sheet).getRange(r.address).load('values'));
      await context.sync();
      return proxies.map((p) => p.values.map((row) => row.map(fromExcel)));
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
    await this.run(async (context) => {
      const sheet = sheetsOf(context);
      for (const b of blocks) sheet(b.sheet).getRange(b.address).values = b.values.map((row) => row.map(toExcel));
      await context.sync();
    });
  }

  async format(blocks: FormatBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    await this.run(async (context) => {
      const sheet = sheetsOf(context);
      for (const b of blocks) applyFormat(sheet(b.sheet).getRange(b.address), parseBlock(b.address), b.format);
      await context.sync();
    });
  }

  async setMarks(scope: RangeRef[], marks: CellMark[]): Promise<void> {
    const mode = this.markNotes;
    if (mode === 'none' || (scope.length === 0 && marks.length === 0)) return;
    await this.run(async (context) => {
      const sheet = sheetsOf(context);
      const holders = (name: string): Holders => (mode === 'notes' ? sheet(name).notes : sheet(name).comments);
      const wanted = new Map(marks.map((m) => [cellKey(m.sheet, m.address), m.note]));
      // Every mark is looked at too, even one outside the scope.
      const blocks = [...scope, ...marks.map((m) => ({ sheet: m.sheet, address: m.address }))];
      // Look 1: the fill of every block (one command per block) and the notes of each sheet.
      // Notes are listed rather than asked for cell by cell: a sheet has few notes and many cells.
      const fills = blocks.map((ref) => ({ ref, props: sheet(ref.sheet).getRange(ref.address).getCellProperties({ format: { fill: { color: true } } }) }));
      const lists = [...new Set(blocks.map((b) => b.sheet))].map((name) => ({ name, list: holders(name).load('items/content') }));
      await context.sync();
      const cells = cellStates(fills);
      // Look 2, only when there are notes: where each one sits.
      const located = lists.flatMap(({ name, list }) =>
        (list.items as Array<Excel.Note | Excel.Comment>).map((holder) => ({ name, holder, where: holder.getLocation().load('address') })),
      );
      if (located.length > 0) await context.sync();
      for (const { name, holder, where } of located) {
        const state = cells.get(cellKey(name, where.address.slice(where.address.lastIndexOf('!') + 1)));
        if (!state) continue;
        state.note = holder.content;
        state.holder = holder;
      }
      let queued = false;
      for (const [key, cell] of cells) {
        const message = wanted.get(key);
        queued = (message === undefined ? unmarkCell(sheet, cell) : markCell(sheet, holders, mode, cell, message)) || queued;
      }
      if (queued) await context.sync();
    });
  }

  async select(ref: RangeRef): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(ref.sheet);
      sheet.activate();
      sheet.getRange(ref.address).select();
      await context.sync();
    });
  }

  async names(): Promise<DefinedName[]> {
    return this.run(async (context) => {
      const names = context.workbook.names;
      names.load('items/name,items/type,items/formula');
      await context.sync();
      const out: DefinedName[] = [];
      for (const item of names.items) {
        if (item.type !== 'Range') continue;
        const ref = parseNameFormula(String(item.formula));
        if (ref) out.push({ name: item.name, ...ref });
      }
      return out;
    });
  }

  async defineNames(defined: DefinedName[]): Promise<void> {
    if (defined.length === 0) return;
    await this.run(async (context) => {
      const names = context.workbook.names;
      names.load('items/name');
      await context.sync();
      // Excel compares names case-insensitively.
      const existing = new Map(names.items.map((n) => [n.name.toUpperCase(), n]));
      const sheet = sheetsOf(context);
      for (const d of defined) {
        const item = existing.get(d.name.toUpperCase());
        if (item) item.formula = nameFormula(d);
        else names.add(d.name, sheet(d.sheet).getRange(d.address));
      }
      await context.sync();
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
    await this.run(async (context) => {
      const sheet = sheetsOf(context);
      rules.forEach((r, i) => {
        const validation = sheet(r.sheet).getRange(r.address).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: sources[i] } };
      });
      await context.sync();
    });
  }

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    if (ranges.length === 0) return;
    await this.run(async (context) => {
      const sheet = sheetsOf(context);
      // One command per block, not per column; hiding a hidden column again is harmless.
      for (const r of ranges) sheet(r.sheet).getRange(r.address).getEntireColumn().columnHidden = true;
      await context.sync();
    });
  }
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

/** Queues the mark; returns whether anything was queued (an unchanged mark queues nothing). */
function markCell(
  sheet: (name: string) => Excel.Worksheet,
  holders: (name: string) => Holders,
  mode: MarkNotes,
  cell: CellState,
  message: string,
): boolean {
  const before = parseMarkNote(cell.note);
  // A threaded comment is a conversation of its own: we do not rewrite someone else's, and a
  // fill without our comment could not be recognised as ours later, so no mark at all there.
  if (mode === 'comments' && cell.holder && !before.ours) return false;
  const ownFill = before.ours ? before.ownFill : ownFillOf(cell.fill);
  const content = composeMarkNote(message, before.userNote, ownFill);
  let queued = false;
  const range = sheet(cell.sheet).getRange(cell.address);
  if (!sameColour(cell.fill, MARK_FILL)) {
    range.format.fill.color = MARK_FILL;
    queued = true;
  }
  if (content !== cell.note) {
    if (cell.holder) cell.holder.content = content;
    else holders(cell.sheet).add(range, content);
    queued = true;
  }
  return queued;
}

/** Takes our mark off a cell, giving back its own fill and note; a cell not ours is untouched. */
function unmarkCell(sheet: (name: string) => Excel.Worksheet, cell: CellState): boolean {
  const before = parseMarkNote(cell.note);
  if (!before.ours || !cell.holder) return false;
  if (sameColour(cell.fill, MARK_FILL)) {
    const fill = sheet(cell.sheet).getRange(cell.address).format.fill;
    if (before.ownFill) fill.color = before.ownFill;
    else fill.clear();
  }
  if (before.userNote) cell.holder.content = before.userNote;
  else cell.holder.delete();
  return true;
}

/** The cell's own fill worth giving back: not ours, not Excel's "no fill" white. */
function ownFillOf(fill: string | null): string | undefined {
  if (!fill || sameColour(fill, MARK_FILL) || sameColour(fill, '#FFFFFF')) return undefined;
  return fill;
}

function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.replace(/\$/g, '').toUpperCase()}`;
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
