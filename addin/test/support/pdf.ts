/**
 * A PDF read the way a person checks a printout: its pages' text (poppler's `pdftotext`), the
 * pages each sheet of a workbook takes, and a PNG of every page (`pdftoppm`) kept with the
 * test results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'coop-pdf-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in order (layout kept, so a row's cells stay on one line). */
export function pageTexts(pdf: Uint8Array): string[] {
  return withFile(pdf, (file) => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? 0);
    return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', `${i + 1}`, '-l', `${i + 1}`, file, '-']).toString());
  });
}

/**
 * How many pages each sheet takes. LibreOffice prints a workbook's sheets one after another,
 * each from a new page, so a sheet runs from the first page (after the previous sheet's)
 * holding `marker` (a text only its first page shows, e.g. its title) to the next sheet's.
 */
export function pagesPerSheet(pages: string[], sheets: Array<[name: string, marker: string]>): Record<string, number> {
  const starts: number[] = [];
  for (const [name, marker] of sheets) {
    const from = starts.length > 0 ? starts[starts.length - 1] + 1 : 0;
    const at = pages.findIndex((text, i) => i >= from && text.includes(marker));
    if (at < 0) throw new Error(`no page shows "${marker}" (${name}) from page ${from + 1} on`);
    starts.push(at);
  }
  if (starts[0] !== 0) throw new Error(`the first sheet starts on page ${starts[0] + 1}`);
  return Object.fromEntries(sheets.map(([name], i) => [name, (starts[i + 1] ?? pages.length) - starts[i]]));
}

/** Writes `<dir>/<prefix>-<n>.png` for every page (at `dpi`) and the PDF itself beside them. */
export function savePages(pdf: Uint8Array, dir: string, prefix: string, dpi = 80): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${prefix}.pdf`), pdf);
  execFileSync('pdftoppm', ['-r', `${dpi}`, '-png', join(dir, `${prefix}.pdf`), join(dir, prefix)]);
}
