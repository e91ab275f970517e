/**
 * The flow's formats applied in WPS with few calls into ET: every property, for every value,
 * set once per sheet over all the blocks that want it (a multi-area `Range("A1:F1,A27:G27")`),
 * instead of once per block. Merges come first, so that formatting a merged block reaches the
 * merged cell as a whole.
 */
import type { CellFormat, FormatBlock } from './host.js';
import { AreaGroups, multiArea } from './areas.js';
import { bgr } from '../wps/colour.js';
import { XL_CONTINUOUS, XL_H_ALIGN_CENTER, XL_H_ALIGN_LEFT, XL_H_ALIGN_RIGHT, type EtRange, type EtWorksheet } from '../wps/et.js';

const ALIGN = { left: XL_H_ALIGN_LEFT, center: XL_H_ALIGN_CENTER, right: XL_H_ALIGN_RIGHT } as const;

type Setter = (range: EtRange, value: never) => void;

/** How each property of CellFormat is set on an ET range (one to three calls). */
const SETTERS: Record<Exclude<keyof CellFormat, 'merge'>, Setter> = {
  bold: (r, v: boolean) => (r.Font.Bold = v),
  fontColor: (r, v: string) => (r.Font.Color = bgr(v)),
  fill: (r, v: string) => (r.Interior.Color = bgr(v)),
  numberFormat: (r, v: string) => (r.NumberFormat = v),
  wrap: (r, v: boolean) => (r.WrapText = v),
  horizontal: (r, v: keyof typeof ALIGN) => (r.HorizontalAlignment = ALIGN[v]),
  columnWidth: (r, v: number) => (r.ColumnWidth = v),
  rowHeight: (r, v: number) => (r.RowHeight = v),
  // A continuous line is thin unless told otherwise: the style alone draws the flow's border.
  border: (r, v: boolean) => {
    if (v) r.Borders.LineStyle = XL_CONTINUOUS;
  },
};

export function applyFormats(sheet: (name: string) => EtWorksheet, blocks: FormatBlock[]): void {
  const groups = new AreaGroups<unknown>();
  for (const b of blocks) {
    for (const [property, value] of Object.entries(b.format)) {
      if (value !== undefined) groups.add(b.sheet, property, value, b.address);
    }
  }
  // Merges first; a multi-area Merge merges each area on its own.
  const merges = groups.groups.filter((g) => g.property === 'merge' && g.value === true);
  for (const g of merges) for (const reference of multiArea(g.blocks)) sheet(g.sheet).Range(reference).Merge();
  for (const g of groups.groups) {
    if (g.property === 'merge') continue;
    const set = SETTERS[g.property as keyof typeof SETTERS] as (range: EtRange, value: unknown) => void;
    for (const reference of multiArea(g.blocks)) set(sheet(g.sheet).Range(reference), g.value);
  }
}
