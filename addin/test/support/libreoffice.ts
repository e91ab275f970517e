/**
 * LibreOffice Calc, headless (Debian's `libreoffice-calc-nogui`), as the other program
 * departments fill and re-save templates in: a workbook goes through it exactly as a person's
 * "open, save as .xlsx" (or "export as PDF") would take it. Each call uses a fresh profile, so
 * runs never share state and no first-start dialog waits for an answer.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const SOFFICE = '/usr/bin/soffice';

/**
 * The export filter for each target type (the xlsx one is LibreOffice's "Excel 2007-365";
 * fods, flat OpenDocument, is one XML file: a test can write cells into it as LibreOffice
 * stores what a person typed, e.g. a date cell).
 */
const FILTERS = { xlsx: 'xlsx:Calc MS Excel 2007 XML', pdf: 'pdf:calc_pdf_Export', fods: 'fods:OpenDocument Spreadsheet Flat XML' } as const;

/** Converts `bytes` (a file named `name`) with LibreOffice and returns the result's bytes. */
export async function throughLibreOffice(bytes: Uint8Array, name: string, to: keyof typeof FILTERS): Promise<Uint8Array> {
  if (!existsSync(SOFFICE)) throw new Error(`${SOFFICE} is missing: apt-get install -y libreoffice-calc-nogui (scripts/setup.sh --browser does)`);
  const dir = mkdtempSync(join(tmpdir(), 'coop-lo-'));
  try {
    const input = join(dir, name);
    writeFileSync(input, bytes);
    const out = join(dir, 'out');
    await run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', FILTERS[to], '--outdir', out, input], { timeout: 120_000 });
    const result = join(out, name.replace(/\.[^.]+$/, `.${to}`));
    if (!existsSync(result)) throw new Error(`LibreOffice wrote no ${to} for ${name}`);
    return new Uint8Array(readFileSync(result));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
