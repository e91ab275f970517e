/**
 * The flow's `CellFormat` applied to one ET range: one property write per field asked for,
 * whatever the size of the block (ET applies a property to every cell of the range).
 */
import type { CellFormat } from '../host/host.js';
import { bgr } from './colour.js';
import { XL_CONTINUOUS, XL_H_ALIGN_CENTER, XL_H_ALIGN_LEFT, XL_H_ALIGN_RIGHT, XL_THIN, type EtRange } from './et.js';

const ALIGN = { left: XL_H_ALIGN_LEFT, center: XL_H_ALIGN_CENTER, right: XL_H_ALIGN_RIGHT } as const;

export function applyFormat(range: EtRange, format: CellFormat): void {
  // Merge first: formatting a merged block then reaches the merged cell as a whole.
  if (format.merge) range.Merge();
  if (format.bold !== undefined) range.Font.Bold = format.bold;
  if (format.fontColor) range.Font.Color = bgr(format.fontColor);
  if (format.fill) range.Interior.Color = bgr(format.fill);
  if (format.numberFormat) range.NumberFormat = format.numberFormat;
  if (format.wrap !== undefined) range.WrapText = format.wrap;
  if (format.horizontal) range.HorizontalAlignment = ALIGN[format.horizontal];
  if (format.columnWidth !== undefined) range.ColumnWidth = format.columnWidth;
  if (format.rowHeight !== undefined) range.RowHeight = format.rowHeight;
  if (format.border) {
    const borders = range.Borders;
    borders.LineStyle = XL_CONTINUOUS;
    borders.Weight = XL_THIN;
  }
}
