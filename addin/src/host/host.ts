/**
 * The one small interface every spreadsheet host implements (Excel through Office.js,
 * WPS 表格 through its synchronous ET object model, and the web page over an .xlsx file).
 *
 * The task pane's flow speaks only to this interface and never asks which host it runs in.
 * Every method takes whole batches, and an action runs in two phases: it looks (`survey`
 * or `lookup`, then `read`), then changes (`write`, `format`, `setMarks`, `defineNames`,
 * `setListValidation`, `hideColumns`, `addSheets`, `pageSetup`) and ends with `flush`. An adapter may
 * queue every change until `flush` (Excel does: one `context.sync()` carries them all), so
 * an action costs Excel at most three round trips however many departments it covers; WPS
 * applies each change at once and counts calls into ET instead (see the adapters).
 *
 * Addresses are A1 references inside one sheet ("B3", "B3:D10"); sheet names are passed
 * separately and never quoted.
 */

/**
 * Thrown by `flush` when blocks written with `expect` no longer held those values when the
 * write landed (the user typed into them between the action's read and its write). The host
 * has put every such block back as it found it; `cells` are the cells that had changed.
 */
export class WriteConflict extends Error {
  constructor(readonly cells: RangeRef[]) {
    super(`cells changed while the action ran: ${cells.map((c) => `${c.sheet}!${c.address}`).join(', ')}`);
    this.name = 'WriteConflict';
  }
}

/** A cell's value as the flow sees it: `null` is an empty cell. */
export type CellValue = string | number | boolean | null;

/** A rectangular block of one sheet. */
export interface RangeRef {
  sheet: string;
  /** A1 reference of a single cell or a block, e.g. "B3" or "B3:D10". */
  address: string;
}

/** A block of values to write; `values` has exactly the block's rows × columns. */
export interface WriteBlock extends RangeRef {
  values: CellValue[][];
  /**
   * What the action read in this block and checked before deciding to write (the add-in's
   * own output and its record). A host where the user can type between that read and the
   * write (Excel, between round trips) looks again in the round trip that writes, and when
   * the block changed, puts it back as it was and fails the flush with WriteConflict. WPS
   * and the web page run an action without letting anyone type in between.
   */
  expect?: CellValue[][];
}

/** Presentation the template and the result sheets ask for; every field optional. */
export interface CellFormat {
  bold?: boolean;
  /** Fill colour as "#RRGGBB". */
  fill?: string;
  /** Font colour as "#RRGGBB". */
  fontColor?: string;
  /** Excel number format, e.g. "0.00". */
  numberFormat?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  /** Column width in characters, applied to every column of the block. */
  columnWidth?: number;
  /** Merge the block into one cell. */
  merge?: boolean;
  /** Thin borders around every cell of the block. */
  border?: boolean;
  /**
   * Row height in points, applied to every row of the block. No host fits a row to wrapped
   * text when a program writes it (ExcelJS and Office.js never do, and LibreOffice keeps a
   * height the file sets), so the flow computes it from the text (../template/print.ts).
   */
  rowHeight?: number;
}

export interface FormatBlock extends RangeRef {
  format: CellFormat;
}

/** A bad input cell: filled with the mark colour and given a note holding the message. */
export interface CellMark extends RangeRef {
  note: string;
}

/** A workbook-scoped defined name. */
export interface DefinedName extends RangeRef {
  name: string;
}

/**
 * A dropdown (list data validation) on every cell of a block: exactly one of `list` (fixed
 * choices, none holding a comma) or `source` (the values of a block, e.g. the names of the
 * majors table; each adapter refers to it as a sheet-qualified absolute range, so the rule
 * follows the block when rows are inserted and offers whatever the block holds at the time).
 */
export type ListValidation = RangeRef &
  ({ list: string[]; source?: undefined } | { source: RangeRef; list?: undefined }) & {
    /**
     * Other values may be typed too: a value outside the list gets a warning the user can
     * pass, not a stop (the ledger's 合作形式, where any words of RUBRIC.md §7 are read).
     */
    open?: boolean;
  };

/** What one look at the workbook finds: its sheets and the defined names the add-in reads. */
export interface Survey {
  /** Worksheet names in tab order (`lookup`: only those asked for that exist, as spelt in the workbook). */
  sheets: string[];
  names: DefinedName[];
  /**
   * `survey` only, from adapters that see them: names scoped to one sheet that look like the
   * add-in's (`coop_…`). Excel gives a sheet copied inside the workbook such names; the flow
   * says what happened instead of ignoring the copy. (Adapters that find templates by their
   * row tags see a copy's tags anyway.)
   */
  scoped?: DefinedName[];
}

/** Cells' own fill as the template gave it: what they get back when a mark goes. */
export interface FillRef extends RangeRef {
  /** "#RRGGBB", or null: no fill. */
  fill: string | null;
}

export interface MarkOptions {
  /**
   * The template's fill of the input cells, given back when their mark goes (cells of the
   * scope outside every block have none). The note does not carry it: people read notes.
   */
  fills?: FillRef[];
  /**
   * Also find marks whose note the user deleted (the mark's fill alone) by the fill of every
   * cell of the scope. Excel and the web page see those fills in the look they take anyway
   * and always do; WPS pays calls into ET per block, so it does it only when asked.
   */
  sweep?: boolean;
}

export interface ReadOptions {
  /**
   * The blocks whose marks the action will set next (`setMarks` with this scope): an adapter
   * that must look at fills and notes before marking looks in this same round trip.
   */
  markScope?: RangeRef[];
}

/**
 * The three parts of a printed page's header or footer, in the header/footer codes Excel,
 * WPS and LibreOffice share: `&P` the page, `&N` the pages, `&D` the date of printing, `&&` an
 * ampersand (see ../template/print.ts, which writes them).
 */
export interface PageText {
  left?: string;
  center?: string;
  right?: string;
}

/**
 * How a sheet prints; what is absent is left as it is (a later action refreshes the footer
 * alone, which costs WPS two calls instead of twenty).
 */
export interface PageSetup {
  sheet: string;
  /**
   * The page: A4 with the margins of `PAGE_MARGINS` (./page.ts), this orientation, one page
   * wide and `pagesTall` tall (1: the whole print area on one page; 0: as many as it needs).
   */
  page?: { orientation: 'portrait' | 'landscape'; pagesTall: 0 | 1 };
  /** The block printed (A1). */
  printArea?: string;
  /** Rows repeated at the top of every printed page, 0-based and inclusive. */
  titleRows?: { top: number; bottom: number };
  /**
   * 0-based rows that start a new printed page (manual page breaks above them). Only for a
   * sheet the action has just added: breaks are added, never cleared.
   */
  breaksBefore?: number[];
  /** Header and footer: given, all three parts are set (an absent part is set empty). */
  header?: PageText;
  footer?: PageText;
}

export interface Host {
  /** Worksheet names in tab order. */
  sheets(): Promise<string[]>;
  /** Appends empty worksheets with these names, in order (none of them may exist yet). */
  addSheets(names: string[]): Promise<void>;

  /** Reads every block in one round trip; each result is rows × columns, empty cells `null`. */
  read(ranges: RangeRef[], options?: ReadOptions): Promise<CellValue[][][]>;
  /** Writes every block (may be queued until `flush`), as plain values (never formulas). */
  write(blocks: WriteBlock[]): Promise<void>;
  /** Applies presentation to every block (may be queued until `flush`). */
  format(blocks: FormatBlock[]): Promise<void>;

  /**
   * Makes the marks inside `scope` exactly `marks`: marks the given cells (fill + note) and
   * removes this add-in's earlier marks from every other cell of `scope` (may be queued until
   * `flush`). Only marks this add-in made are ever removed; the cell gets its own note and
   * fill back (`options.fills`, ./mark-text.ts `giveBack`).
   */
  setMarks(scope: RangeRef[], marks: CellMark[], options?: MarkOptions): Promise<void>;
  /** Applies everything queued, then activates the sheet and selects the cell or block. */
  select(ref: RangeRef): Promise<void>;

  /**
   * The defined names the add-in reads: every workbook-scoped name, or, for an adapter that
   * finds the departments' templates by their row tags instead of listing names (WPS, where
   * each name costs three calls), the names those tags stand for (see template/tags.ts).
   */
  names(): Promise<DefinedName[]>;
  /**
   * One round trip: the sheets and `names()`, plus, for adapters that do not list every
   * name, the workbook-scoped names in `fixed` that exist (looked up by name).
   */
  survey(fixed: string[]): Promise<Survey>;
  /**
   * One round trip whose cost grows with what is asked, not with the workbook: which of
   * `names` are defined (and where) and which of `sheets` exist (compared without case).
   */
  lookup(names: string[], sheets: string[]): Promise<Survey>;
  /** Adds or updates defined names (may be queued until `flush`). */
  defineNames(names: DefinedName[]): Promise<void>;
  /** Adds dropdowns (may be queued until `flush`). */
  setListValidation(rules: ListValidation[]): Promise<void>;

  /**
   * Hides every worksheet column the blocks span (whole columns, whatever rows the blocks
   * cover), in one round trip. Idempotent: an already hidden column stays hidden. Hiding
   * changes no value; hidden cells read and write exactly as visible ones.
   */
  hideColumns(ranges: RangeRef[]): Promise<void>;

  /**
   * Sets how each sheet prints (may be queued until `flush`); a setting this host cannot make
   * is left as it is (see README.md, Printing).
   */
  pageSetup(setups: PageSetup[]): Promise<void>;

  /** Applies every queued change in one round trip; resolves at once when nothing is queued. */
  flush(): Promise<void>;
  /** Drops every queued change (an action that failed half-way writes nothing more). */
  discard(): void;
}
