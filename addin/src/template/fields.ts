/**
 * Every input of RUBRIC.md §3 as the template shows it: the path the engine knows, the
 * rubric line it feeds, the label and help a person reads, and the dropdown it gets.
 * The template, the reader and the validator all walk this one list, so a field added here
 * appears in the sheet, is read back and is located in error messages without other edits.
 */

export type Text = { zh: string; en: string };

export type FieldKind = 'bool' | 'count' | 'choice';

export interface FactField {
  /** Engine path, e.g. "internship.local". */
  path: string;
  /** Rubric line this input feeds (for the 编号 column); "P" for a platform input (`platform`). */
  line: string;
  label: Text;
  hint: Text;
  kind: FieldKind;
  /** Dropdown entries; bool fields get BOOL_LIST. */
  list?: string[];
  /** Left out of the facts when blank instead of reported missing (RUBRIC.md: reports.due). */
  optional?: boolean;
  /**
   * An input of the platform targets (RUBRIC.md §10), not of a scored line: the 编号 and
   * 考核内容 columns say so (PLATFORM_LINE) instead of naming a rubric line. Templates made
   * before these inputs have no row for them: their place may be absent, and such a workbook
   * is read, validated and scored as before (the targets they feed show 未填报).
   */
  platform?: boolean;
}

/** What the 编号 and 考核内容 columns show for a platform input (`platform: true`). */
export const PLATFORM_LINE = {
  id: { zh: '平台', en: 'Platform' },
  name: { zh: '平台建设目标（不计分）', en: 'Platform targets (not scored)' },
} as const;

/** Whether a department's template must have a place for this input (see `platform`). */
export function placeRequired(f: FactField): boolean {
  return !f.platform;
}

/** The yes/no dropdown. The engine also reads true/false, 1/0, 有/无, Y/N, ✓/✗ typed by hand. */
export const BOOL_LIST = ['是', '否', '√', '×'];
export const STAFFING_LIST = ['专职', '兼职', '没有'];
export const SEMESTER_LIST = ['0', '1', '2'];

const yesNo: Text = { zh: '填 是/否（或 √/×）', en: 'yes/no (是/否, √/×)' };
const count = (zh: string, en: string): Text => ({ zh: `填整数。${zh}`, en: `Whole number. ${en}` });

export const FACT_FIELDS: readonly FactField[] = [
  {
    path: 'leadership.principal', line: 'A1', kind: 'bool',
    label: { zh: '行政正职领导负责校企合作工作', en: 'Head of department leads the cooperation work' },
    hint: yesNo,
  },
  {
    path: 'leadership.deputy', line: 'A1', kind: 'bool',
    label: { zh: '副职领导负责校企合作工作', en: 'A deputy head leads the cooperation work' },
    hint: yesNo,
  },
  {
    path: 'staffing', line: 'A2', kind: 'choice', list: STAFFING_LIST,
    label: { zh: '校企合作工作人员', en: 'Cooperation staff' },
    hint: { zh: '选 专职/兼职/没有', en: 'full-time (专职) / part-time (兼职) / none (没有)' },
  },
  {
    path: 'reports.due', line: 'A3', kind: 'count', optional: true,
    label: { zh: '全年应上报次数（寒暑假除外）', en: 'Monthly reports due in the year' },
    hint: count('可不填；填写时用于核对未上报次数。', 'Optional; checks the missed count.'),
  },
  {
    path: 'reports.missed', line: 'A3', kind: 'count',
    label: { zh: '未按时或未按要求上报次数', en: 'Reports late, missing or incomplete' },
    hint: count('每月5号前经OA上报，缺一次扣1分。', 'Due by the 5th through OA; 1 point each.'),
  },
  {
    path: 'plans.annual_plan', line: 'A4', kind: 'bool',
    label: { zh: '有年度工作计划（全面具体）', en: 'Annual plan (complete and specific)' },
    hint: yesNo,
  },
  {
    path: 'plans.annual_summary', line: 'A4', kind: 'bool',
    label: { zh: '有年度工作总结（全面具体）', en: 'Annual summary (complete and specific)' },
    hint: yesNo,
  },
  {
    path: 'plans.semester_plan', line: 'A4', kind: 'bool',
    label: { zh: '有学期工作计划（全面具体）', en: 'Semester plan (complete and specific)' },
    hint: yesNo,
  },
  {
    path: 'plans.semester_summary', line: 'A4', kind: 'bool',
    label: { zh: '有学期工作总结（全面具体）', en: 'Semester summary (complete and specific)' },
    hint: yesNo,
  },
  {
    path: 'curriculum.meeting_semesters', line: 'C1', kind: 'choice', list: SEMESTER_LIST,
    label: { zh: '召开有企业参与的课程体系建设讨论会的学期数', en: 'Semesters with a curriculum meeting with enterprises' },
    hint: { zh: '选 0、1 或 2', en: '0, 1 or 2' },
  },
  {
    path: 'curriculum.textbooks', line: 'C1', kind: 'count',
    label: { zh: '与企业共同开发的校本教材（本）', en: 'Textbooks co-developed with enterprises' },
    hint: count('须有企业工程技术人员参与、含企业实际工作任务。', 'Enterprise engineers took part; real work tasks inside.'),
  },
  {
    path: 'internship.local', line: 'C5', kind: 'count',
    label: { zh: '在本地（特别是园区企业）跟（顶）岗实习人数', en: 'Interns placed locally' },
    hint: count('', ''),
  },
  {
    path: 'internship.total', line: 'C5', kind: 'count',
    label: { zh: '跟（顶）岗实习总人数', en: 'All interns' },
    hint: count('', ''),
  },
  {
    path: 'employment.local', line: 'C6', kind: 'count',
    label: { zh: '本地就业人数', en: 'Graduates employed locally' },
    hint: count('', ''),
  },
  {
    path: 'employment.graduates', line: 'C6', kind: 'count',
    label: { zh: '毕业生总人数', en: 'All graduates' },
    hint: count('', ''),
  },
  {
    path: 'employment.employed', line: 'P', kind: 'count', optional: true, platform: true,
    label: { zh: '毕业生就业人数', en: 'Graduates employed' },
    hint: count('可不填；就业率 = 就业人数 ÷ 毕业生总人数，平台目标 96%。', 'Optional; employment rate = employed ÷ graduates, platform target 96%.'),
  },
  {
    path: 'faculty.teachers', line: 'C7', kind: 'count',
    label: { zh: '专任教师人数', en: 'Teachers' },
    hint: count('', ''),
  },
  {
    path: 'faculty.seconded', line: 'C7', kind: 'count',
    label: { zh: '到合作企业挂职锻炼、跟班提高（连续一个月以上）的教师人数', en: 'Teachers seconded to partner enterprises (≥ 1 month)' },
    hint: count('', ''),
  },
  {
    path: 'faculty.courses', line: 'C7', kind: 'count',
    label: { zh: '课程教学总量（门数或课时）', en: 'Course load (courses or hours)' },
    hint: count('与下一项用同一单位。', 'Same unit as the next line.'),
  },
  {
    path: 'faculty.engineer_courses', line: 'C7', kind: 'count',
    label: { zh: '其中合作企业工程师承担的课程教学', en: 'Of which taught by enterprise engineers' },
    hint: count('与上一项用同一单位。', 'Same unit as the line above.'),
  },
  {
    path: 'platform.committee', line: 'P', kind: 'bool', optional: true, platform: true,
    label: { zh: '成立专业建设委员会', en: 'Specialty building committee set up' },
    hint: { zh: '可不填；填 是/否（或 √/×）', en: 'Optional; yes/no (是/否, √/×)' },
  },
  {
    path: 'platform.research_outputs', line: 'P', kind: 'count', optional: true, platform: true,
    label: { zh: '年度科研成果数（论文、专利、专著、课题）', en: 'Research outputs in the year (papers, patents, monographs, projects)' },
    hint: count('可不填；平台目标每年至少 1 项。', 'Optional; platform target at least 1 a year.'),
  },
];

/** A column of one of the two tables; `assessor` marks the 考评 twin of a self column. */
export interface TableColumn {
  /** Key inside the entry, e.g. "partners". */
  key: string;
  column: 'self' | 'assessor' | 'shared';
  label: Text;
  kind: 'text' | 'count' | 'bool';
}

const self = (zh: string, en: string): Text => ({ zh: `${zh}（自评）`, en: `${en} (self)` });
const assessor = (zh: string, en: string): Text => ({ zh: `${zh}（考评）`, en: `${en} (assessor)` });

/** majors[]: one row per major; the assessor corrects counts and bases, not the list itself. */
export const MAJOR_COLUMNS: readonly TableColumn[] = [
  { key: 'name', column: 'shared', kind: 'text', label: { zh: '专业名称', en: 'Major' } },
  { key: 'partners', column: 'self', kind: 'count', label: self('合作企业数', 'Partner enterprises') },
  { key: 'partners', column: 'assessor', kind: 'count', label: assessor('合作企业数', 'Partner enterprises') },
  { key: 'campus_base', column: 'self', kind: 'bool', label: self('校内实训基地', 'On-campus base') },
  { key: 'campus_base', column: 'assessor', kind: 'bool', label: assessor('校内实训基地', 'On-campus base') },
  { key: 'external_base', column: 'self', kind: 'bool', label: self('校外实训基地', 'Off-campus base') },
  { key: 'external_base', column: 'assessor', kind: 'bool', label: assessor('校外实训基地', 'Off-campus base') },
];

/** order_classes[]: 订单班/定向班/现代学徒制班 running in the year. */
export const CLASS_COLUMNS: readonly TableColumn[] = [
  { key: 'name', column: 'shared', kind: 'text', label: { zh: '班级名称', en: 'Class' } },
  { key: 'major', column: 'shared', kind: 'text', label: { zh: '所属专业', en: 'Major' } },
  { key: 'students', column: 'self', kind: 'count', label: self('学生人数', 'Students') },
  { key: 'students', column: 'assessor', kind: 'count', label: assessor('学生人数', 'Students') },
];

/** Rows the template prepares (borders, dropdowns) under each table header; more can be inserted. */
export const TABLE_ROWS = 30;
/**
 * How far below a table header the reader looks (it stops at the first blank row). Bounded so
 * that one read of 50 departments stays far below Excel on the web's 5 MB request cap; a table
 * that fills it without a blank row is reported (table_too_long), never silently cut.
 */
export const TABLE_READ_LIMIT = 300;

/* ------------------------------------------------------------ the ledger and the calendar */

/**
 * One column of the project ledger (合作项目台账, RUBRIC.md §7): `path` is the field inside a
 * `projects[]` entry ("self_checks.1" for the first semester's self-check); the assessors'
 * column has no path (its value decides whether the row goes into the S2 facts at all).
 */
export interface LedgerColumn {
  path: string;
  label: Text;
  kind: 'text' | 'date' | 'major' | 'forms' | 'verdict';
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { path: 'id', kind: 'text', label: { zh: '项目编号', en: 'Project no.' } },
  { path: 'enterprise', kind: 'text', label: { zh: '合作企业名称', en: 'Enterprise' } },
  { path: 'credit_code', kind: 'text', label: { zh: '统一社会信用代码', en: 'Credit code' } },
  { path: 'major', kind: 'major', label: { zh: '所属专业', en: 'Major' } },
  { path: 'forms', kind: 'forms', label: { zh: '合作形式', en: 'Forms of cooperation' } },
  { path: 'signed', kind: 'date', label: { zh: '签订日期', en: 'Signed' } },
  { path: 'filed', kind: 'date', label: { zh: '备案日期', en: 'Filed' } },
  { path: 'expires', kind: 'date', label: { zh: '到期日期', en: 'Expires' } },
  { path: 'ended', kind: 'date', label: { zh: '终止日期', en: 'Ended' } },
  { path: 'self_checks.1', kind: 'date', label: { zh: '第一学期自查', en: 'Self-check, 1st semester' } },
  { path: 'self_checks.2', kind: 'date', label: { zh: '第二学期自查', en: 'Self-check, 2nd semester' } },
  { path: '', kind: 'verdict', label: { zh: '考评认定', en: 'Assessors' } },
];

/** The assessors' column of the ledger: 不认定 strikes the row from the S2 facts; blank accepts it. */
export const VERDICT_LIST = ['认定', '不认定'];
export const STRUCK = '不认定';

/**
 * The 合作形式 dropdown: the combinations met most often. Any other words of RUBRIC.md §7
 * (订单班、现代学徒制、岗位实习 …, separated by 、，,；; or spaces) may be typed instead.
 */
export const FORMS_LIST = [
  '订单班',
  '现代学徒制',
  '岗位实习',
  '校内实训基地',
  '校外实训基地',
  '订单班、校外实训基地',
  '订单班、校内实训基地',
  '岗位实习、校外实训基地',
  '校内实训基地、校外实训基地',
  '专业建设',
  '师资培养',
  '产业学院',
  '科技创新',
  '其他',
];

/**
 * The months monthly reports are due, in the order of the assessment year (RUBRIC.md §8:
 * the year starts in September and January, February, July and August are vacation). The
 * rubric's calendar options are not part of `rubricInfo()`, so the template lays out the
 * RUBRIC's defaults; months from 9 on belong to the year's first calendar year.
 */
export const REPORT_MONTHS = [9, 10, 11, 12, 3, 4, 5, 6] as const;
export const YEAR_FIRST_MONTH = 9;

/** The assessors' row of the calendar: a month marked so is missed (RUBRIC.md §8); blank accepts it. */
export const REJECT_LIST = ['退回', '不合格'];

/** The number format of the date cells the template prepares and the add-in writes. */
export const DATE_FORMAT = 'yyyy-mm-dd';
