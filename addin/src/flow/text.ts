/**
 * The flow's own sentences in both languages. The engine localises its messages itself
 * (options.locale); these are the flow's: action summaries and workbook problems.
 */
import { tr, type Locale } from '../template/text.js';

export { percent, tr } from '../template/text.js';

/** "机电-评分!E5、机电-评分!F5 等 12 个单元格" — a readable list that stays short. */
export function cellList(locale: Locale, cells: string[], limit = 12): string {
  const shown = cells.slice(0, limit);
  const sep = locale === 'en' ? ', ' : '、';
  const more = cells.length - shown.length;
  if (more <= 0) return shown.join(sep);
  return shown.join(sep) + tr(locale, ` 等共 ${cells.length} 个单元格`, ` and ${more} more`);
}

/** A sheet reference as A1 text shows it: quoted when the name needs it. */
export function sheetRef(sheet: string, address: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) || /^[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z_]*$/.test(sheet);
  return plain ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}
