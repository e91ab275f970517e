/// <reference types="et-jsapi-declare" />
/**
 * The part of WPS 表格's ET object model this add-in touches, as small interfaces.
 *
 * Why not use `Et.Application` directly: the official typings (npm `et-jsapi-declare`,
 * Kingsoft's own) describe thousands of members, so a test double could never implement
 * them, and a narrow face documents exactly what the adapter relies on. The type-level
 * checks at the bottom prove that the official `Et.*` types are assignable to these
 * interfaces: a member spelt wrongly here, or with an incompatible signature, fails
 * `tsc`. The fake ET application in the tests implements these same interfaces.
 *
 * The ET model is synchronous: every property read, property write and method call below
 * is one call into WPS. Collections are 1-based (`Item(1)` is the first).
 */

export interface EtInterior {
  /** Fill colour as a BGR number (R + G·256 + B·65536), like Excel's COM model. */
  Color: unknown;
  /** Setting `xlNone` (-4142) removes the fill. */
  ColorIndex: unknown;
}

export interface EtFont {
  Bold: boolean;
  /** BGR number, as `EtInterior.Color`. */
  Color: number;
}

export interface EtBorders {
  LineStyle: number | boolean;
  Weight: number;
}

export interface EtComment {
  /** Without arguments returns the text; with a text replaces it. */
  Text(Text?: string): string;
  Delete(): void;
  /** The commented cell. */
  readonly Parent: EtRange;
}

export interface EtComments {
  readonly Count: number;
  Item(Index: number): EtComment;
}

export interface EtValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  readonly Formula1: string;
  readonly Type: number;
  InCellDropdown: boolean;
  IgnoreBlank: boolean;
}

export interface EtRange {
  /**
   * The block's values: a scalar for one cell, a row-major array of rows for a block, and on
   * some WPS builds a wrapper object instead; see `value2.ts`.
   */
  Value2: unknown;
  /** What the cell displays; the last resort for a value of a shape nothing else reads. */
  readonly Text: unknown;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly Borders: EtBorders;
  NumberFormat: string;
  WrapText: boolean;
  HorizontalAlignment: number | boolean;
  ColumnWidth: number;
  /** Height of every row of the block, in points. */
  RowHeight: number;
  Merge(Across?: boolean): void;
  /** The comment of the block's first cell, or null. */
  readonly Comment: EtComment | null;
  AddComment(Text?: string): EtComment;
  readonly Validation: EtValidation;
  /** The whole worksheet columns the block spans. */
  readonly EntireColumn: EtRange;
  /**
   * Whether the block's rows or columns are hidden; may be set only on whole rows or columns
   * (`EntireColumn`), as in Excel's COM model. Reads null when some are hidden and some not.
   */
  Hidden: unknown;
  Select(): unknown;
  /** One cell of the block, 1-based relative to its top-left corner. */
  Item(RowIndex: number, ColumnIndex?: number): EtRange;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  readonly Worksheet: EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  readonly Index: number;
  Activate(): void;
  Range(Cell1: string): EtRange;
  readonly Comments: EtComments;
  readonly PageSetup: EtPageSetup;
  readonly HPageBreaks: EtHPageBreaks;
}

/**
 * How a sheet prints, as in Excel's COM model: margins in points, `Zoom = false` to let
 * `FitToPagesWide` / `FitToPagesTall` decide (`FitToPagesTall = false`: as many as needed),
 * print area and title rows as absolute A1 references, header and footer texts in the codes
 * `&P`, `&N`, `&D`.
 */
export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  LeftMargin: number;
  RightMargin: number;
  TopMargin: number;
  BottomMargin: number;
  HeaderMargin: number;
  FooterMargin: number;
  Zoom: boolean | number;
  FitToPagesWide: boolean | number;
  FitToPagesTall: boolean | number;
  PrintArea: string;
  PrintTitleRows: string;
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

/** The sheet's manual page breaks between rows. */
export interface EtHPageBreaks {
  readonly Count: number;
  /** A break above the row of `Before` (a cell). */
  Add(Before: EtRange): unknown;
}

export interface EtSheets {
  readonly Count: number;
  /** By 1-based position or by name; the official typings allow a `Sheets` result too. */
  Item(Index: string | number): EtWorksheet | EtSheetGroup;
  Add(Before?: unknown, After?: unknown, Count?: number, Type?: number): unknown;
}

/** What `Sheets.Item` may hand back when given several indexes; never asked for here. */
export interface EtSheetGroup {
  readonly Count: number;
}

export interface EtName {
  Name: string;
  /** "=Sheet1!$B$3:$C$5", or a formula or a constant for names that are not ranges. */
  RefersTo: unknown;
  Visible: boolean;
  Delete(): void;
}

export interface EtNames {
  readonly Count: number;
  Item(Index: string | number): EtName;
  Add(Name?: string, RefersTo?: unknown, Visible?: boolean): unknown;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly Names: EtNames;
  readonly ActiveSheet: EtWorksheet;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
}

/**
 * What the add-in's entry page asks of the application besides the workbook: a full
 * recalculation (cells that called a function before the engine was ready show its loading
 * text until then) and the status bar (false gives it back to WPS).
 */
export interface EtApplicationChrome {
  CalculateFull(): void;
  StatusBar: unknown;
}

/** `CreateTaskPane` and friends live on the add-in root object, next to the ET model. */
export interface WpsTaskPane {
  Visible: boolean;
  readonly ID: number;
  Width: number;
  DockPosition: number;
}

export interface WpsPluginStorage {
  setItem(key: string, value: number | boolean | string): void;
  getItem(key: string): string;
}

export interface WpsAddinRoot {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane;
  readonly PluginStorage: WpsPluginStorage;
}

/** The metadata `wps.AddCustomFunction` takes (same shape as the `functions.json` entries). */
export interface WpsFunctionMetadata {
  description?: string;
  result: { type?: string };
  parameters: { name?: string; type?: string; description?: string }[];
}

export type WpsAddCustomFunction = (
  namespace: string,
  name: string,
  callback: (...args: never[]) => unknown,
  metadata?: WpsFunctionMetadata,
) => void;

// Numbers of the Excel/ET enumerations used at run time. The ambient `Et.*` enums of the
// official typings do not exist as JavaScript objects in WPS, so the values are written out;
// the typed constants make `tsc` check each against the official enum.
export const XL_VALIDATE_LIST: Et.XlDVType.xlValidateList = 3;
export const XL_VALID_ALERT_STOP: Et.XlDVAlertStyle.xlValidAlertStop = 1;
export const XL_VALID_ALERT_WARNING: Et.XlDVAlertStyle.xlValidAlertWarning = 2;
export const XL_BETWEEN: Et.XlFormatConditionOperator.xlBetween = 1;
export const XL_CONTINUOUS: Et.XlLineStyle.xlContinuous = 1;
export const XL_THIN: Kso.XlBorderWeight.xlThin = 2;
export const XL_H_ALIGN_LEFT: Kso.XlHAlign.xlHAlignLeft = -4131;
export const XL_H_ALIGN_CENTER: Kso.XlHAlign.xlHAlignCenter = -4108;
export const XL_H_ALIGN_RIGHT: Kso.XlHAlign.xlHAlignRight = -4152;
export const XL_COLOR_INDEX_NONE: Kso.XlColorIndex.xlColorIndexNone = -4142;
export const XL_PORTRAIT: Et.XlPageOrientation.xlPortrait = 1;
export const XL_LANDSCAPE: Et.XlPageOrientation.xlLandscape = 2;
export const XL_PAPER_A4: Et.XlPaperSize.xlPaperA4 = 9;
export const MSO_CTP_DOCK_RIGHT: Kso.MsoCTPDockPosition.msoCTPDockPositionRight = 2;

// ---- proof that the official typings fit these interfaces (compile time only) ----
type Fits<Official, Ours> = Official extends Ours ? true : false;
type Assert<T extends true> = T;
export type OfficialTypingsFit = [
  Assert<Fits<Et.Application, EtApplication>>,
  Assert<Fits<Et.Application, EtApplicationChrome>>,
  Assert<Fits<Et.Workbook, EtWorkbook>>,
  Assert<Fits<Et.Sheets, EtSheets>>,
  Assert<Fits<Et.Worksheet, EtWorksheet>>,
  Assert<Fits<Et.Range, EtRange>>,
  Assert<Fits<Et.PageSetup, EtPageSetup>>,
  Assert<Fits<Et.HPageBreaks, EtHPageBreaks>>,
  Assert<Fits<Et.Interior, EtInterior>>,
  Assert<Fits<Et.Font, EtFont>>,
  Assert<Fits<Et.Borders, EtBorders>>,
  Assert<Fits<Et.Comment, EtComment>>,
  Assert<Fits<Et.Comments, EtComments>>,
  Assert<Fits<Et.Validation, EtValidation>>,
  Assert<Fits<Et.Names, EtNames>>,
  Assert<Fits<Et.Name, EtName>>,
  Assert<Fits<WPS.CustomTaskpane, WpsTaskPane>>,
  Assert<Fits<WPS.AddonRoot, WpsAddinRoot>>,
  Assert<Fits<WPS.EtAddonRoot['AddCustomFunction'], WpsAddCustomFunction>>,
];
