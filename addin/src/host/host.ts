/**
 * The one small interface every spreadsheet host implements (Excel through Office.js,
 * WPS 表格 through its synchronous ET object model, and the web page over an .xlsx file).
 *
 * The task pane's flow speaks only to this interface and never asks which host it runs in.
 * Every method takes whole batches, so that an adapter can serve one call with one round
 * trip (one `context.sync()` in Excel): the number of round trips of an action must not
 * grow with the number of departments, majors or classes.
 *
 * Addresses are A1 references inside one sheet ("B3", "B3:D10"); sheet names are passed
 * separately and never quoted.
 */

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
export type ListValidation = RangeRef & ({ list: string[]; source?: undefined } | { source: RangeRef; list?: undefined });

export interface Host {
  /** Which host this is, for messages only; the flow never branches on it. */
  readonly kind: 'excel' | 'wps' | 'web';

  /** Worksheet names in tab order. */
  sheets(): Promise<string[]>;
  /** Appends empty worksheets with these names, in order (none of them may exist yet). */
  addSheets(names: string[]): Promise<void>;

  /** Reads every block in one round trip; each result is rows × columns, empty cells `null`. */
  read(ranges: RangeRef[]): Promise<CellValue[][][]>;
  /** Writes every block in one round trip, as plain values (never formulas). */
  write(blocks: WriteBlock[]): Promise<void>;
  /** Applies presentation to every block in one round trip. */
  format(blocks: FormatBlock[]): Promise<void>;

  /**
   * Makes the marks inside `scope` exactly `marks`: marks the given cells (fill + note) and
   * removes this add-in's earlier marks from every other cell of `scope`, in one round trip.
   * Only marks this add-in made are ever removed.
   */
  setMarks(scope: RangeRef[], marks: CellMark[]): Promise<void>;
  /** Activates the sheet and selects the cell or block. */
  select(ref: RangeRef): Promise<void>;

  /** Workbook-scoped defined names. */
  names(): Promise<DefinedName[]>;
  /** Adds or updates defined names, in one round trip. */
  defineNames(names: DefinedName[]): Promise<void>;
  /** Adds dropdowns, in one round trip. */
  setListValidation(rules: ListValidation[]): Promise<void>;

  /**
   * Hides every worksheet column the blocks span (whole columns, whatever rows the blocks
   * cover), in one round trip. Idempotent: an already hidden column stays hidden. Hiding
   * changes no value; hidden cells read and write exactly as visible ones.
   */
  hideColumns(ranges: RangeRef[]): Promise<void>;
}
