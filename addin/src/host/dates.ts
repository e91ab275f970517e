/**
 * Dates as every host hands them to the flow: the spreadsheet's serial day number of the 1900
 * date system (Excel's and WPS's storage, 1 = 1900-01-01, 60 the fictitious 1900-02-29), so
 * that the engine reads a date cell the same from Excel (`values` gives the serial), WPS
 * (`Value2` gives the serial, or the text a person typed) and the web page (ExcelJS gives a
 * JavaScript `Date` for a cell with a date format, which `serialOfDate` turns back). Text stays
 * text as typed: the engine reads "2023/3/1", "2023年3月1日" and the rest itself (RUBRIC.md §7).
 */

const DAY_MS = 86_400_000;
/** Day 0 as spreadsheets count today: serial 61 = 1900-03-01 lines up with the real calendar. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A `Date` as ExcelJS gives it (the cell's serial read as a UTC instant) → that serial; a time
 * of day stays the fraction it was.
 */
export function serialOfDate(date: Date): number {
  return (date.getTime() - EPOCH_MS) / DAY_MS;
}

/** The serial of a calendar day (from 1900-03-01 on, where the 1900 system is the real calendar). */
export function serialOfDay(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS);
}

/**
 * "2023-03-01" (the form RUBRIC.md's JSON writes dates in) → its serial, for writing a date
 * into a date cell; undefined for anything else, which is written as the text it is.
 */
export function serialOfIso(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d || y < 1901) return undefined;
  return serialOfDay(y, mo, d);
}
