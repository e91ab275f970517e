/**
 * Small, pure helpers of the .xlsx host: the reading of ExcelJS cell values as the flow's
 * plain `CellValue`s, notes and colours. Kept apart from the host class so that they can be
 * tested without a workbook. (A1 and defined-name references are a1.ts's.)
 */
import type { CellValue } from './host.js';

import { serialOfDate } from './dates.js';

/**
 * An ExcelJS cell value as the flow sees it. Formulas give their cached result, rich text
 * its plain text, hyperlinks their text, dates Excel's serial number (what Office.js and
 * WPS hand out too), errors their code ("#N/A"), so that every host reads the same.
 */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value === '' ? null : value;
  }
  // ExcelJS hands a date cell out as a Date: the flow gets the serial, as from Excel and WPS.
  if (value instanceof Date) return serialOfDate(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) {
      return plainValue((v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join(''));
    }
    if ('hyperlink' in v) return plainValue(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** The text of a note, whether ExcelJS holds it as a string or as rich text. */
export function noteText(note: unknown): string {
  if (note === null || note === undefined) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text?: unknown }> }).texts;
  return Array.isArray(texts) ? texts.map((t) => String(t.text ?? '')).join('') : '';
}

/** "#ffc7ce" → "FFFFC7CE", the ARGB form ExcelJS stores. */
export function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`不是有效的颜色 / not a colour "#RRGGBB": "${hex}"`);
  return `FF${m[1].toUpperCase()}`;
}
