/**
 * `survey` and `lookup` for adapters where listing the whole workbook costs nothing worth
 * saving (an .xlsx in memory, the tests' in-memory host): both answered from the full lists.
 */
import type { DefinedName, Survey } from './host.js';

interface Lister {
  sheets(): Promise<string[]>;
  names(): Promise<DefinedName[]>;
}

export async function surveyByListing(host: Lister): Promise<Survey> {
  return { sheets: await host.sheets(), names: await host.names() };
}

/** The asked-for names and sheets that exist; both compared without regard to case, as Excel does. */
export async function lookupByListing(host: Lister, names: string[], sheets: string[]): Promise<Survey> {
  const wantedNames = new Set(names.map((n) => n.toUpperCase()));
  const wantedSheets = new Set(sheets.map((n) => n.toUpperCase()));
  return {
    sheets: (await host.sheets()).filter((s) => wantedSheets.has(s.toUpperCase())),
    names: (await host.names()).filter((n) => wantedNames.has(n.name.toUpperCase())),
  };
}
