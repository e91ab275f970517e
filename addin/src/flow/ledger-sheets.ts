/**
 * 添加台账与月报 — gives every department of the workbook that lacks one its ledger sheet
 * (台账, ../template/ledger.ts), for workbooks made before the ledger. It only adds sheets, so
 * it cannot overwrite anything; a department that has its ledger sheet is left alone, and
 * running it again adds nothing and says so.
 */
import type { ActionReport, FlowContext } from './index.js';
import { inAction } from './session.js';
import { tr } from './text.js';
import { gather } from './workbook.js';
import { cleanDepartment, freeSheetName, ledgerSheetBase, oneBlock, SHEET_MAX } from './insert.js';
import { ledgerSheetPlan, ledgerStart, majorNamesRef } from '../template/ledger.js';
import type { SheetPlan } from '../template/layout.js';
import { BLOCK_SUFFIXES } from '../template/tags.js';
import { nameOf } from './names.js';

export async function addLedgerSheets(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, () => add(ctx));
}

async function add(ctx: FlowContext): Promise<ActionReport> {
  const { host, locale } = ctx;
  const gathered = await gather(host, locale);
  const report = (ok: boolean, message: string, written: ActionReport['written'] = []): ActionReport => ({ action: 'addLedger', ok, message, problems: ok ? [] : gathered.damaged, written });
  if (gathered.departments.length === 0) {
    return report(false, gathered.damaged[0]?.message ?? tr(locale, '工作簿中没有院系填报表，请先插入填报模板', 'No department sheets in this workbook; insert the template first'));
  }
  // Templates of the first scheme (one defined name per input, no block name) are read
  // without row tags, and a ledger sheet is found only beside a tagged template: they are
  // named in the report, to be inserted anew, and get none.
  const tagged = (key: string) => gathered.names.some((n) => n.name.toLowerCase() === nameOf(key, BLOCK_SUFFIXES.facts));
  const firstScheme = gathered.departments.filter((d) => !tagged(d.key));
  const lacking = gathered.departments.filter((d) => tagged(d.key) && !d.places.has('projects'));
  const older = firstScheme.length === 0
    ? ''
    : tr(
        locale,
        `；${firstScheme.map((d) => `“${d.department}”`).join('、')}的模板是较早的版本，无法添加台账，请重新插入该院系的模板`,
        `; the template of ${firstScheme.map((d) => `"${d.department}"`).join(', ')} is of an earlier version and cannot take a ledger sheet: insert that department's template anew`,
      );
  if (lacking.length === 0) {
    const n = gathered.departments.length;
    const ready = n - firstScheme.length;
    return report(
      true,
      tr(locale, `${ready} 个院系都已有台账与月报工作表，未添加任何内容`, `All ${ready} department${ready === 1 ? ' has' : 's have'} a ledger sheet already; nothing added`) + older,
    );
  }
  const taken = [...gathered.sheets];
  const plans: SheetPlan[] = [];
  const added: string[] = [];
  for (const d of lacking) {
    const base = cleanDepartment(d.department).slice(0, SHEET_MAX - 8) || d.key;
    const sheet = freeSheetName(ledgerSheetBase(locale, base), taken);
    taken.push(sheet);
    added.push(sheet);
    const majors = d.places.get('majors');
    if (!majors) continue; // an intact department always has its majors table
    plans.push(ledgerSheetPlan(sheet, d.key, d.department, d.year, locale, majorNamesRef(majors.sheet, majors.block.top)));
  }
  const writes = plans.map((p) => oneBlock(p.writes));
  await host.addSheets(added);
  await host.write(writes);
  await host.format(plans.flatMap((p) => p.formats));
  await host.defineNames(plans.flatMap((p) => p.names));
  await host.setListValidation(plans.flatMap((p) => p.validations));
  await host.pageSetup(plans.flatMap((p) => p.pageSetups));
  await host.select({ sheet: added[0], address: ledgerStart() });
  const list = added.map((s) => tr(locale, `“${s}”`, `"${s}"`)).join(tr(locale, '、', ', '));
  return report(
    true,
    tr(locale, `已添加台账与月报工作表 ${list}（其他内容未改动）`, `Added the ledger sheet${added.length === 1 ? '' : 's'} ${list} (nothing else changed)`) + older,
    writes.map((w) => ({ sheet: w.sheet, address: w.address })),
  );
}
