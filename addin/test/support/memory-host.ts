/**
 * A faithful in-memory Host for tests: a workbook of sheets holding cell values, workbook-
 * scoped defined names, marks, dropdowns, formats and hidden columns, behaving as the real
 * hosts do where the flow could notice (reading a missing sheet fails, adding an existing
 * sheet fails, a block written must match its address, names move when rows are inserted and
 * follow a renamed sheet, hiding a column leaves its values as they were). Every Host call is counted per method, so tests can prove the call count constant.
 *
 * It refuses to write a formula ("=…"): the flow must only ever write plain values.
 */
import type {
  CellMark,
  CellValue,
  DefinedName,
  FormatBlock,
  Host,
  ListValidation,
  MarkOptions,
  ReadOptions,
  Survey,
  RangeRef,
  PageSetup,
  WriteBlock,
} from '../../src/host/host.js';
import { blockAddress, cellAddress, columnLetters, parseBlock, type Block } from '../../src/host/a1.js';
import { TAG_COLUMNS, namesFromTags, tagColumnsOf, withDerivedNames } from '../../src/template/tags.js';

type Method = 'sheets' | 'addSheets' | 'read' | 'write' | 'format' | 'setMarks' | 'select' | 'names' | 'survey' | 'lookup' | 'defineNames' | 'setListValidation' | 'hideColumns' | 'pageSetup';

interface Sheet {
  name: string;
  cells: Map<string, CellValue>;
  marks: Map<string, string>;
  /** 0-based numbers of the hidden columns. */
  hidden: Set<number>;
}

const key = (row: number, col: number) => `${row},${col}`;

export class MemoryHost implements Host {
  readonly kind: 'excel' | 'wps' | 'web';
  private book: Sheet[] = [];
  private definedNames: DefinedName[] = [];
  validations: ListValidation[] = [];
  formats: FormatBlock[] = [];
  /** Every page setup applied, in order (the last one of a sheet is how it prints). */
  pageSetups: PageSetup[] = [];
  selection: RangeRef | undefined;
  calls: Record<Method, number> = MemoryHost.zero();

  constructor(kind: 'excel' | 'wps' | 'web' = 'web') {
    this.kind = kind;
  }

  private static zero(): Record<Method, number> {
    return { sheets: 0, addSheets: 0, read: 0, write: 0, format: 0, setMarks: 0, select: 0, names: 0, survey: 0, lookup: 0, defineNames: 0, setListValidation: 0, hideColumns: 0, pageSetup: 0 };
  }

  /** Host calls since the last reset, all methods together. */
  totalCalls(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }

  resetCalls(): void {
    this.calls = MemoryHost.zero();
  }

  private sheet(name: string): Sheet {
    const s = this.book.find((x) => x.name === name);
    if (!s) throw new Error(`MemoryHost: no sheet named "${name}"`);
    return s;
  }

  /* ---------------------------------------------------------------- Host */

  async sheets(): Promise<string[]> {
    this.calls.sheets++;
    return this.book.map((s) => s.name);
  }

  async addSheets(names: string[]): Promise<void> {
    this.version++;
    this.calls.addSheets++;
    for (const n of names) {
      if (this.book.some((s) => s.name.toLowerCase() === n.toLowerCase())) throw new Error(`MemoryHost: sheet "${n}" exists`);
      if (n.length > 31 || /[[\]:*?/\\]/.test(n)) throw new Error(`MemoryHost: bad sheet name "${n}"`);
      this.book.push({ name: n, cells: new Map(), marks: new Map(), hidden: new Set() });
    }
  }

  async read(ranges: RangeRef[], _options?: ReadOptions): Promise<CellValue[][][]> {
    this.calls.read++;
    return ranges.map((r) => this.block(r.sheet, r.address));
  }

  async write(blocks: WriteBlock[]): Promise<void> {
    this.calls.write++;
    // Validate everything first: a real host rejects the whole batch on a bad block.
    for (const b of blocks) {
      const bl = parseBlock(b.address);
      this.sheet(b.sheet);
      const rows = bl.bottom - bl.top + 1;
      const cols = bl.right - bl.left + 1;
      if (b.values.length !== rows || b.values.some((r) => r.length !== cols)) {
        throw new Error(`MemoryHost: ${b.sheet}!${b.address} needs ${rows}×${cols} values`);
      }
      for (const row of b.values) for (const v of row) {
        if (typeof v === 'string' && v.startsWith('=')) throw new Error(`MemoryHost: formula written to ${b.sheet}!${b.address}: ${v}`);
      }
    }
    for (const b of blocks) {
      const bl = parseBlock(b.address);
      b.values.forEach((row, r) => row.forEach((v, c) => this.put(b.sheet, bl.top + r, bl.left + c, v)));
    }
  }

  async format(blocks: FormatBlock[]): Promise<void> {
    this.calls.format++;
    for (const b of blocks) {
      this.sheet(b.sheet);
      parseBlock(b.address);
      this.formats.push(b);
    }
  }

  /** What the last setMarks was told besides the marks (the template's fills, a sweep). */
  markOptions: MarkOptions | undefined;

  async setMarks(scope: RangeRef[], marks: CellMark[], options?: MarkOptions): Promise<void> {
    this.calls.setMarks++;
    this.markOptions = options;
    for (const s of scope) {
      const sh = this.sheet(s.sheet);
      const b = parseBlock(s.address);
      for (const k of [...sh.marks.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) sh.marks.delete(k);
      }
    }
    for (const m of marks) {
      const b = parseBlock(m.address);
      const sh = this.sheet(m.sheet);
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) sh.marks.set(key(r, c), m.note);
    }
  }

  async select(ref: RangeRef): Promise<void> {
    this.calls.select++;
    this.sheet(ref.sheet);
    parseBlock(ref.address);
    this.selection = ref;
  }

  async names(): Promise<DefinedName[]> {
    this.calls.names++;
    return this.allNames();
  }

  /** The defined names plus those tagged templates' row tags stand for, as the .xlsx adapter gives them. */
  private allNames(): DefinedName[] {
    // Worked out again only after a change that can move a tag or a name (typing facts cannot).
    if (this.derived?.version === this.version) return this.derived.names.map((n) => ({ ...n }));
    const names = this.listNames();
    this.derived = { version: this.version, names };
    return names.map((n) => ({ ...n }));
  }

  private derived?: { version: number; names: DefinedName[] };
  /** Bumped by every change to sheets, names or tag columns. */
  private version = 0;

  private listNames(): DefinedName[] {
    const derived = this.book.flatMap((s) => {
      const rows = Math.max(0, ...[...s.cells.keys()].map((k) => Number(k.split(',')[0]) + 1));
      return namesFromTags(s.name, tagColumnsOf(rows, (r, c) => s.cells.get(key(r, c)) ?? null), 0, 0);
    });
    return withDerivedNames(this.definedNames.map((n) => ({ ...n })), derived);
  }

  async defineNames(names: DefinedName[]): Promise<void> {
    this.version++;
    this.calls.defineNames++;
    for (const n of names) {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n.name)) throw new Error(`MemoryHost: bad name "${n.name}"`);
      this.sheet(n.sheet);
      parseBlock(n.address);
      const i = this.definedNames.findIndex((d) => d.name.toLowerCase() === n.name.toLowerCase());
      if (i >= 0) this.definedNames[i] = { ...n };
      else this.definedNames.push({ ...n });
    }
  }

  async setListValidation(rules: ListValidation[]): Promise<void> {
    this.calls.setListValidation++;
    for (const r of rules) {
      this.sheet(r.sheet);
      parseBlock(r.address);
      if (r.source) {
        this.sheet(r.source.sheet);
        parseBlock(r.source.address);
        this.validations.push({ sheet: r.sheet, address: r.address, source: { ...r.source } });
      } else {
        this.validations.push({ sheet: r.sheet, address: r.address, list: [...r.list] });
      }
    }
  }

  async survey(_fixed: string[]): Promise<Survey> {
    this.calls.survey++;
    return { sheets: this.sheetNames(), names: this.allNames() };
  }

  async lookup(names: string[], sheets: string[]): Promise<Survey> {
    this.calls.lookup++;
    const wanted = new Set(names.map((n) => n.toUpperCase()));
    const wantedSheets = new Set(sheets.map((n) => n.toUpperCase()));
    return {
      sheets: this.sheetNames().filter((s) => wantedSheets.has(s.toUpperCase())),
      names: this.allNames().filter((n) => wanted.has(n.name.toUpperCase())),
    };
  }

  /** Every change is applied at once: nothing is ever queued. */
  async flush(): Promise<void> {}

  discard(): void {}

  async pageSetup(setups: PageSetup[]): Promise<void> {
    this.calls.pageSetup++;
    for (const p of setups) {
      this.sheet(p.sheet);
      if (p.printArea) parseBlock(p.printArea);
    }
    this.pageSetups.push(...setups);
  }

  async hideColumns(ranges: RangeRef[]): Promise<void> {
    this.calls.hideColumns++;
    // Every sheet and address is checked first: a bad block hides nothing.
    const todo = ranges.map((r) => ({ sh: this.sheet(r.sheet), b: parseBlock(r.address) }));
    for (const { sh, b } of todo) for (let c = b.left; c <= b.right; c++) sh.hidden.add(c);
  }

  /* ---------------------------------------------------------------- test helpers (not counted) */

  private put(sheet: string, row: number, col: number, v: CellValue): void {
    if ((TAG_COLUMNS as readonly number[]).includes(col)) this.version++;
    const sh = this.sheet(sheet);
    if (v === null || v === '') sh.cells.delete(key(row, col));
    else sh.cells.set(key(row, col), v);
  }

  private block(sheet: string, address: string): CellValue[][] {
    const sh = this.sheet(sheet);
    const b = parseBlock(address);
    const out: CellValue[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(sh.cells.get(key(r, c)) ?? null);
      out.push(row);
    }
    return out;
  }

  sheetNames(): string[] {
    return this.book.map((s) => s.name);
  }

  get(sheet: string, address: string): CellValue {
    return this.block(sheet, address)[0][0];
  }

  getBlock(sheet: string, address: string): CellValue[][] {
    return this.block(sheet, address);
  }

  /** Types into a cell, as a user would. */
  set(sheet: string, address: string, v: CellValue): void {
    const b = parseBlock(address);
    this.put(sheet, b.top, b.left, v);
  }

  /** A user adds a sheet of their own. */
  addUserSheet(name: string): void {
    this.book.push({ name, cells: new Map(), marks: new Map(), hidden: new Set() });
  }

  /** The hidden columns of a sheet as letters, left to right ("O"). */
  hiddenColumns(sheet: string): string[] {
    return [...this.sheet(sheet).hidden].sort((a, b) => a - b).map((c) => columnLetters(c));
  }

  /** A user un-hides every column of a sheet. */
  unhideColumns(sheet: string): void {
    this.sheet(sheet).hidden.clear();
  }

  /** Every name `names()` gives, without counting a call. */
  allNamed(): DefinedName[] {
    return this.allNames();
  }

  /** Deletes a defined name, as a user can in the Name Manager. */
  deleteName(name: string): void {
    this.version++;
    this.definedNames = this.definedNames.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
  }

  /** A defined name, or one a tagged template's row tags stand for. */
  name(name: string): DefinedName | undefined {
    return this.allNames().find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  /** The note of the mark on a cell, if marked. */
  mark(sheet: string, address: string): string | undefined {
    const b = parseBlock(address);
    return this.sheet(sheet).marks.get(key(b.top, b.left));
  }

  /** Every marked cell as "sheet!A1". */
  markedCells(): string[] {
    const out: string[] = [];
    for (const s of this.book) {
      for (const k of s.marks.keys()) {
        const [r, c] = k.split(',').map(Number);
        out.push(`${s.name}!${cellAddress(r, c)}`);
      }
    }
    return out.sort();
  }

  /** Inserts `count` empty rows before 1-based row `at`, moving cells, marks, names, rules as Excel does. */
  insertRows(sheet: string, at: number, count: number): void {
    this.version++;
    const sh = this.sheet(sheet);
    const top = at - 1;
    const shiftMap = <T>(m: Map<string, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(',').map(Number);
        m.set(key(r >= top ? r + count : r, c), v);
      }
    };
    shiftMap(sh.cells);
    shiftMap(sh.marks);
    const shift = (b: Block): Block => {
      if (b.top >= top) return { ...b, top: b.top + count, bottom: b.bottom + count };
      if (b.bottom >= top) return { ...b, bottom: b.bottom + count };
      return b;
    };
    const move = <T extends RangeRef>(r: T): T => (r.sheet === sheet ? { ...r, address: blockAddress(shift(parseBlock(r.address))) } : r);
    this.definedNames = this.definedNames.map(move);
    // A rule's source range moves with its rows too, as absolute references do in Excel.
    this.validations = this.validations.map(move).map((v) => (v.source ? { ...v, source: move(v.source) } : v));
    this.formats = this.formats.map(move);
  }

  /**
   * Inserts `count` empty columns before 0-based column `at` (negative `count` deletes columns
   * at..at-count-1), as Excel does: cells move, names over them widen, shrink or move, and a
   * name whose every column is deleted disappears (#REF!, which the adapters drop).
   */
  insertColumns(sheet: string, at: number, count: number): void {
    this.version++;
    const sh = this.sheet(sheet);
    const gone = (c: number) => count < 0 && c >= at && c < at - count;
    const col = (c: number) => (c >= at ? c + count : c);
    const shiftMap = <T>(m: Map<string, T>) => {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(',').map(Number);
        if (!gone(c)) m.set(key(r, col(c)), v);
      }
    };
    shiftMap(sh.cells);
    shiftMap(sh.marks);
    const shift = (b: Block): Block | undefined => {
      if (count > 0) return { ...b, left: b.left >= at ? b.left + count : b.left, right: b.right >= at ? b.right + count : b.right };
      const kept = Array.from({ length: b.right - b.left + 1 }, (_, i) => b.left + i).filter((c) => !gone(c));
      return kept.length === 0 ? undefined : { ...b, left: col(kept[0]), right: col(kept[kept.length - 1]) };
    };
    this.definedNames = this.definedNames.flatMap((n) => {
      if (n.sheet !== sheet) return [n];
      const b = shift(parseBlock(n.address));
      return b ? [{ ...n, address: blockAddress(b) }] : [];
    });
  }

  /** Copies a sheet inside the workbook (cells and marks; the copy's names come from its tags). */
  copySheet(from: string, to: string): void {
    this.version++;
    const sh = this.sheet(from);
    this.book.push({ name: to, cells: new Map(sh.cells), marks: new Map(sh.marks), hidden: new Set(sh.hidden) });
  }

  /** Deletes a sheet; names pointing into it disappear, as the adapters drop #REF! names. */
  deleteSheet(name: string): void {
    this.version++;
    this.book = this.book.filter((s) => s.name !== name);
    this.definedNames = this.definedNames.filter((n) => n.sheet !== name);
    this.validations = this.validations.filter((v) => v.sheet !== name);
    this.formats = this.formats.filter((f) => f.sheet !== name);
  }

  /** Renames a sheet; names, rules and formats follow it, as in Excel and WPS. */
  renameSheet(from: string, to: string): void {
    this.version++;
    this.sheet(from).name = to;
    const follow = <T extends RangeRef>(r: T): T => (r.sheet === from ? { ...r, sheet: to } : r);
    this.definedNames = this.definedNames.map(follow);
    this.validations = this.validations.map(follow).map((v) => (v.source ? { ...v, source: follow(v.source) } : v));
    this.formats = this.formats.map(follow);
  }

  /** Everything a user could see, as one string: equal snapshots mean an unchanged workbook. */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.book.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort(),
        marks: [...s.marks.entries()].sort(),
        hidden: [...s.hidden].sort((a, b) => a - b),
      })),
      names: [...this.definedNames].sort((a, b) => a.name.localeCompare(b.name)),
      validations: this.validations.map((v) => JSON.stringify(v)).sort(),
    });
  }
}
