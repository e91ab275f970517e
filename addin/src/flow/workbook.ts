/**
 * One pass over the workbook that every action starts with: the sheets and defined names
 * (`survey`, one call), then every department's facts plus whatever else the action needs,
 * in one read (one call), which also prepares the marks when the action sets them. Keeping
 * this in one place is what keeps the number of host calls constant.
 */
import type { CellValue, DefinedName, Host, RangeRef } from '../host/host.js';
import type { Engine } from '../engine/types.js';
import type { FlowProblem, Locale } from './index.js';
import { cellAddress } from '../host/a1.js';
import { APPRAISAL_NAME, SUMMARY_NAME, departmentsFromNames, type DepartmentNames } from './names.js';
import { assemble, assessorFilled, factReads, locate, type DepartmentData } from './read.js';
import { tr } from './text.js';

export interface Gathered {
  sheets: string[];
  names: DefinedName[];
  departments: DepartmentData[];
  /** Departments whose names are incomplete (a deleted sheet, a removed name). */
  damaged: FlowProblem[];
  /** The values of the extra ranges, in order. */
  extra: CellValue[][][];
}

export interface GatherOptions {
  /** The ranges to read besides the facts, once the names are known. */
  extraFor?: (names: DefinedName[], departments: DepartmentNames[]) => RangeRef[];
  /** The action will set the marks of the departments' inputs (`checkAndMark`). */
  marks?: boolean;
}

/** The survey, then one read of every intact department's facts and of `extraFor(names)`. */
export async function gather(host: Host, locale: Locale, options: GatherOptions = {}): Promise<Gathered> {
  const { extraFor = () => [], marks = false } = options;
  const { sheets, names } = await host.survey([SUMMARY_NAME, APPRAISAL_NAME]);
  const all = departmentsFromNames(names);
  const intact = all.filter((d) => d.missing.length === 0);
  const damaged: FlowProblem[] = all
    .filter((d) => d.missing.length > 0)
    .map((d) => {
      const any = d.places.get('department') ?? [...d.places.values()][0];
      return {
        sheet: any?.sheet ?? '',
        address: any ? cellAddress(any.block.top, any.block.left) : '',
        path: 'template',
        code: 'template_damaged',
        message: tr(
          locale,
          `院系模板 ${d.key} 缺少定义名称 ${d.missing.slice(0, 5).join('、')}${d.missing.length > 5 ? ' 等' : ''}，请重新插入模板`,
          `The template of department ${d.key} lacks the defined names ${d.missing.slice(0, 5).join(', ')}${d.missing.length > 5 ? ' …' : ''}; insert the template again`,
        ),
      };
    });
  const perDept = intact.map(factReads);
  const extraRefs = extraFor(names, intact);
  const refs = [...perDept.flat(), ...extraRefs];
  // The same scope checkAndMark hands to setMarks: every intact department's inputs.
  const markScope = marks ? perDept.flat() : undefined;
  const values = refs.length > 0 ? await host.read(refs, { markScope }) : [];
  let at = 0;
  const departments = intact.map((d, i) => {
    const slice = values.slice(at, at + perDept[i].length);
    at += perDept[i].length;
    return assemble(d, slice);
  });
  return { sheets, names, departments, damaged, extra: values.slice(at) };
}

/**
 * Every input problem of one department: S1 errors on the department's cells; S2 errors on the
 * assessor's cells, except those the department's own value already causes (reported once).
 */
export function inputProblems(engine: Engine, locale: Locale, data: DepartmentData): FlowProblem[] {
  const problems: FlowProblem[] = data.overflow.map((at) => ({
    ...at,
    path: 'table',
    code: 'table_too_long',
    department: data.department,
    message: tr(
      locale,
      `表格读到 ${at.address} 仍未遇到空行：请在表格末尾留一个空行（专业表与订单班表之间须有空行）`,
      `The table reaches ${at.address} without a blank row: leave a blank row at the end of the table`,
    ),
  }));
  const s1 = engine.validateFacts(data.self, { locale });
  for (const e of s1.errors) {
    const at = locate(data, e.path, 'self');
    problems.push({ ...at, path: e.path, code: e.code, message: e.message, department: data.department });
  }
  if (data.assessorBlank) return problems;
  const s2 = engine.validateFacts(data.assessor, { locale });
  for (const e of s2.errors) {
    const inherited = s1.errors.some((x) => x.path === e.path && x.code === e.code);
    if (inherited && !assessorFilled(data, e.path)) continue;
    const at = locate(data, e.path, 'assessor');
    const prefix = tr(locale, '考评：', 'Assessor: ');
    problems.push({ ...at, path: e.path, code: e.code, message: prefix + e.message, department: data.department });
  }
  return problems;
}

export function noDepartments(locale: Locale): FlowProblem {
  return {
    sheet: '',
    address: '',
    path: 'template',
    code: 'no_template',
    message: tr(locale, '工作簿中没有院系填报表，请先插入填报模板', 'No department sheets in this workbook; insert the template first'),
  };
}
