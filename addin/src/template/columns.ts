/**
 * Where things sit across a department's two sheets (0-based columns), shared by the layout
 * that writes them and the row tags that find them again (tags.ts).
 */

/** Facts sheet (填报表): A 编号 … G; H holds the row tags (hidden). */
export const FACTS_COLUMNS = { department: 1, year: 4, self: 3, assessor: 4, width: 7, tag: 7 } as const;

/**
 * Score sheet (评分表) columns: A 编号, B 项目, C 考核内容, D 分值, E–H 自评, I–L 考评, M–N 说明,
 * O the add-in's record (see ../flow/own.ts), P the row tags; O and P are hidden.
 */
export const SCORE_COLUMNS = { id: 0, category: 1, line: 2, max: 3, out: 4, outWidth: 10, last: 13, record: 14, tag: 15 } as const;
/**
 * The final row of the output block: Sm goes into its first cell (E), which the template
 * merges with the next `merged - 1` cells (F–L, always written empty); `worked` is the column
 * (M, offset within the block) showing the sum worked out, `note` the one after it (N).
 */
export const SCORE_FINAL = { value: 0, merged: 8, worked: 8, note: 9 } as const;

/**
 * Ledger sheet (台账): the calendar (label in A, the due months in B–I) and the ledger table
 * (A–L, LEDGER_COLUMNS); P holds the row tags, as on the score sheet, so that the adapters that
 * scan a sheet's tag columns find it.
 */
export const LEDGER_SHEET = { months: 1, width: 12, tag: 15 } as const;

/**
 * The hidden record (../flow/own.ts) of the majors table's computed cells (B–G of a major's
 * row, written by 计算得分 when the ledger has rows): column I of the facts sheet, right of
 * the tag column.
 */
export const MAJORS_RECORD = 8;
