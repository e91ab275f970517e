/**
 * The workbooks the page hands out ready-made: the empty template (exactly what the add-in's
 * 插入填报模板 inserts) and department workbooks filled with a facts document, such as the
 * bundled sample (RUBRIC.md §3). Both are made by running the flow's own insertTemplate on an
 * empty .xlsx host, so they can never drift from what the add-in produces. No DOM and no
 * Node APIs: the build calls this, and so do the end-to-end tests.
 */
import type { Engine } from '../engine/types.js';
import type { Locale } from '../flow/index.js';
import { insertTemplate } from '../flow/index.js';
import { XlsxHost } from '../host/xlsx.js';
import { writeFacts } from './write-facts.js';

type Json = Record<string, unknown>;

async function inserted(engine: Engine, locale: Locale, department?: string, year?: string): Promise<XlsxHost> {
  const host = XlsxHost.empty();
  const report = await insertTemplate({ host, engine, locale }, { department, year });
  if (!report.ok) throw new Error(`insertTemplate failed: ${report.message}`);
  return host;
}

/** The empty template a department fills in. */
export async function templateWorkbook(engine: Engine, locale: Locale = 'zh'): Promise<Uint8Array> {
  return (await inserted(engine, locale)).save();
}

/**
 * A department's workbook: the template for `facts.department`, the department's column
 * filled from `facts` and, when given, the assessors' column from `assessor` (only the
 * facts the assessors corrected; blank means accepted as reported).
 */
export async function departmentWorkbook(engine: Engine, facts: Json, assessor?: Json, locale: Locale = 'zh'): Promise<XlsxHost> {
  const host = await inserted(engine, locale, String(facts.department ?? ''), facts.year === undefined ? undefined : String(facts.year));
  await writeFacts(host, facts, 'self');
  if (assessor) await writeFacts(host, { ...assessor, department: facts.department }, 'assessor');
  return host;
}
