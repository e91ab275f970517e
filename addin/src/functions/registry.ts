/**
 * The ONE list of custom functions. Everything else is generated from it: Excel's
 * functions.json and functions-zh-CN.json (scripts/gen-functions.ts), the Excel
 * registration (excel.ts) and the WPS registration. Adding a function is one entry here.
 *
 * Every implementation is synchronous (WPS registers synchronous functions only) and
 * host-neutral: it takes the raw arguments and the engine, and throws FunctionArgError
 * carrying the engine's message. Facts are built as the RUBRIC.md §3 fragment the line
 * reads, with cell values passed through raw so the engine does all the reading.
 */
import type { Engine, LineScore, Raw } from '../engine/types.js';
import { cell, isBlank, list, lists, optional, outputChoice, outputMode, type ArgValue, type Locale, type OutputChoice } from './args.js';
import { FunctionArgError } from './errors.js';

export type { Locale } from './args.js';

/** A text in both languages: Chinese first, English available. */
export interface Text {
  zh: string;
  en: string;
}

export interface ParamSpec {
  /** ASCII key, stable; also the English parameter name shown by Excel. */
  key: string;
  name: Text;
  description: Text;
  /** `cell`: one value; `range`: a block of cells (a column or row of a table). */
  shape: 'cell' | 'range';
  optional?: boolean;
}

/** What an implementation returns: a number, a text, TRUE/FALSE, or a block (spilled by the host). */
export type FunctionResult = number | string | boolean | Array<Array<number | string | boolean>>;

export interface CallContext {
  engine: Engine;
  locale: Locale;
}

export interface FunctionEntry {
  /** ASCII, upper case, stable: Excel's metadata id, the English name, and the WPS name. */
  id: string;
  /** The rubric line this function scores ("C5"), if any. */
  line?: string;
  name: Text;
  description: Text;
  params: readonly ParamSpec[];
  /** `matrix` when the function may return a block (the detail row). */
  result: 'scalar' | 'matrix';
  /**
   * What a scalar result is, for Excel's metadata: `number` (the default) or `any` for a
   * function whose output argument switches between TRUE/FALSE and a text (Excel would
   * coerce a text to the declared type). A matrix result is always `any`.
   */
  resultType?: 'number' | 'any';
  /** `args` has one element per entry of `params`, in order; omitted optionals are null/undefined. */
  invoke(args: readonly ArgValue[], ctx: CallContext): FunctionResult;
}

/** The last, optional argument of every line function: what to show. */
const OUTPUT_PARAM: ParamSpec = {
  key: 'output',
  name: { zh: '输出', en: 'output' },
  description: {
    zh: '可选。省略或 0：得分；1：得分的原因；2：明细行（基础分、扣分、加分、得分、原因），向右溢出 5 格；3：提升建议——增分最多的一条（增分相同时按输入项路径取第一条，如 majors[2] 在 majors[10] 之前），已得满分或无可提升项时为空',
    en: 'Optional. Omitted or 0: the score; 1: the reason; 2: a detail row (base, deduction, bonus, score, reason) spilling 5 cells right; 3: the hint that gains most (ties: the first by input path), empty at the best or when nothing would gain',
  },
  shape: 'cell',
  optional: true,
};

/** Named access to one call's arguments, with the parameter's localised name for messages. */
class Args {
  constructor(
    private readonly params: readonly ParamSpec[],
    private readonly values: readonly ArgValue[],
    readonly locale: Locale,
  ) {}

  private index(key: string): number {
    const i = this.params.findIndex((p) => p.key === key);
    if (i < 0) throw new Error(`no parameter ${key}`); // a registry bug, caught by the tests
    return i;
  }

  label(key: string): string {
    return this.params[this.index(key)].name[this.locale];
  }

  raw(key: string): ArgValue {
    return this.values[this.index(key)];
  }

  cell(key: string): Raw {
    return cell(this.raw(key), this.label(key), this.locale);
  }

  list(key: string): Raw[] {
    return list(this.raw(key), this.label(key), this.locale);
  }

  lists(...keys: string[]): Raw[][] {
    return lists(keys.map((k) => this.raw(k)), keys.map((k) => this.label(k)), this.locale);
  }
}

function notesText(item: LineScore, locale: Locale): string {
  return item.notes.join(locale === 'zh' ? '；' : '; ');
}

/**
 * The line's first hint (RUBRIC.md §9): the one that gains most; among equal gains the first
 * as the engine lists them, which is by input path (majors[2] before majors[10]). Empty when
 * the line has none: at its best, or no single change gains a point (A3).
 */
function firstHint(item: LineScore): string {
  // No Array.prototype.at: WPS's embedded Chromium predates it.
  let best: LineScore['hints'][number] | undefined;
  for (const hint of item.hints) if (!best || hint.gain > best.gain) best = hint;
  return best ? best.text : '';
}

function problemsText(problems: ReadonlyArray<{ message: string }>, locale: Locale): string {
  return problems.map((p) => p.message).join(locale === 'zh' ? '；' : '; ');
}

interface LineSpec {
  id: string;
  line: string;
  name: Text;
  description: Text;
  params: ParamSpec[];
  /** The RUBRIC.md §3 fragment this line reads, from the arguments. */
  facts(args: Args): Record<string, unknown>;
}

/** A function scoring one rubric line through the engine's `scoreLine`. */
function lineFunction(spec: LineSpec): FunctionEntry {
  const params = [...spec.params, OUTPUT_PARAM];
  return {
    id: spec.id,
    line: spec.line,
    name: spec.name,
    description: spec.description,
    params,
    result: 'matrix',
    invoke(values, { engine, locale }) {
      const args = new Args(params, values, locale);
      // Read the output mode first: a typo there is reported even when the facts are fine.
      const mode = outputMode(args.raw('output'), args.label('output'), locale);
      const result = engine.scoreLine(spec.line, spec.facts(args), { locale });
      if (!result.ok) throw new FunctionArgError(problemsText(result.errors, locale));
      const { item } = result;
      if (mode === 'score') return item.score;
      if (mode === 'note') return notesText(item, locale);
      if (mode === 'hint') return firstHint(item);
      return [[item.base, item.deduction, item.bonus, item.score, notesText(item, locale)]];
    },
  };
}

function param(key: string, zh: string, en: string, descZh: string, descEn: string, shape: 'cell' | 'range' = 'cell', isOptional = false): ParamSpec {
  return { key, name: { zh, en }, description: { zh: descZh, en: descEn }, shape, ...(isOptional ? { optional: true } : {}) };
}

const YES_NO_ZH = '（是/否、有/无、√/×、1/0 均可）';
const YES_NO_EN = ' (yes/no, 是/否, √/×, 1/0)';

/**
 * Names for list entries the user did not name. The engine needs names (it reports and
 * explains by name: "第3个专业 没有合作企业"), so an unnamed list is named by position.
 */
function positional(kind: 'major' | 'class', i: number, locale: Locale): string {
  if (locale === 'zh') return `第${i + 1}个${kind === 'major' ? '专业' : '订单班'}`;
  return `${kind === 'major' ? 'major' : 'order class'} ${i + 1}`;
}

/** The names column when given (a blank name in a used row stays missing), else positions. */
function names(given: Raw[] | undefined, count: number, kind: 'major' | 'class', locale: Locale): Raw[] {
  return Array.from({ length: count }, (_, i) => (given ? given[i] : positional(kind, i, locale)));
}

/** Reads value lists plus an optional names list, ended together by the first all-blank row. */
function withNames(a: Args, keys: string[], namesKey: string): { values: Raw[][]; names?: Raw[] } {
  const raw = a.raw(namesKey);
  const hasNames = Array.isArray(raw) || !isBlank(raw);
  const read = a.lists(...keys, ...(hasNames ? [namesKey] : []));
  return hasNames ? { values: read.slice(0, keys.length), names: read[keys.length] } : { values: read };
}

const MAJOR_NAMES = (desc: { zh: string; en: string }): ParamSpec =>
  param('majors_range', '专业名称', 'majors_range', desc.zh, desc.en, 'range', true);

const CLASS_NAMES = param(
  'classes_range', '订单班名称', 'classes_range',
  '可选。与前面的区域逐行对应的订单班名称，用于说明和错误提示；省略时按「第N个订单班」称呼',
  'Optional. Order class names, row by row with the ranges before; used in reasons and messages (else "order class N")',
  'range', true,
);

/** Calls the engine, turning the Error it throws into a FunctionArgError with its message. */
function engineCall<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    // The engine throws a JS Error with its localised message; keep the message only.
    throw new FunctionArgError(error instanceof Error ? error.message : String(error));
  }
}

const DATE_FORMS_ZH = '表格中的日期或文字 2023-03-01、2023/3/1、2023.3.1、2023年3月1日';
const DATE_FORMS_EN = 'a spreadsheet date, or text such as 2023-03-01, 2023/3/1, 2023.3.1, 2023年3月1日';

function filingDaysFunction(): FunctionEntry {
  const params = [
    param('signed', '签订日期', 'signed', `协议签订日期：${DATE_FORMS_ZH}`, `The signing date: ${DATE_FORMS_EN}`),
    param('filed', '备案日期', 'filed', `报送产教研合作中心备案的日期（同上各种写法）；为空时返回 #VALUE!（未填写）`, 'The date filed with the cooperation centre (same forms); empty gives #VALUE! (missing)'),
  ];
  return {
    id: 'FILINGDAYS',
    name: { zh: '备案天数', en: 'FILINGDAYS' },
    description: {
      zh: '合作项目从签订到备案的天数（管理办法第九条：签订后一周内备案，超过 7 天为逾期备案）',
      en: 'Days from signing an agreement to filing it (the rules ask for filing within a week; over 7 days is late)',
    },
    params,
    result: 'scalar',
    invoke(values, { engine, locale }) {
      const args = new Args(params, values, locale);
      return engineCall(() => engine.filingDays(args.cell('signed'), args.cell('filed'), { locale }));
    },
  };
}

type CodeOutput = 'valid' | 'reason';
const CODE_OUTPUTS: readonly OutputChoice<CodeOutput>[] = [
  { mode: 'valid', label: { zh: '是否有效', en: 'valid' }, words: ['valid', '有效', '结果'] },
  { mode: 'reason', label: { zh: '原因', en: 'reason' }, words: ['reason', 'why', 'note', '原因', '说明'] },
];

function creditCodeFunction(): FunctionEntry {
  const params = [
    param('code', '统一社会信用代码', 'code', '18 位统一社会信用代码（全角、小写和首尾空格可以）；单元格须为文本格式', 'The 18-character unified social credit code (full-width, lower case and outer spaces are fine); the cell must be text'),
    param('output', '输出', 'output', '可选。省略或 0：TRUE（有效）或 FALSE（无效或未填写）；1：原因，如“校验码不符（按前 17 位应为「C」）”', 'Optional. Omitted or 0: TRUE (valid) or FALSE (invalid or empty); 1: why, e.g. "the check character is wrong (the first 17 call for “C”)"', 'cell', true),
  ];
  return {
    id: 'CREDITCODE',
    name: { zh: '信用代码校验', en: 'CREDITCODE' },
    description: {
      zh: '按 GB 32100-2015 校验统一社会信用代码：长度、字符和第 18 位校验码',
      en: 'Checks a unified social credit code by GB 32100-2015: length, characters and the 18th (check) character',
    },
    params,
    result: 'scalar',
    resultType: 'any',
    invoke(values, { engine, locale }) {
      const args = new Args(params, values, locale);
      const mode = outputChoice(args.raw('output'), args.label('output'), locale, CODE_OUTPUTS);
      const check = engine.creditCode(args.cell('code'), { locale });
      return mode === 'valid' ? check.valid : check.message;
    },
  };
}

type MonthsOutput = 'missed' | 'note' | 'detail';
const MONTHS_OUTPUTS: readonly OutputChoice<MonthsOutput>[] = [
  { mode: 'missed', label: { zh: '未按要求次数', en: 'missed' }, words: ['missed', 'count', '次数'] },
  { mode: 'note', label: { zh: '原因', en: 'reason' }, words: ['note', 'why', 'reason', '说明', '原因'] },
  { mode: 'detail', label: { zh: '明细', en: 'detail' }, words: ['detail', '明细'] },
];

function missedMonthsFunction(): FunctionEntry {
  const params = [
    param('year', '考核学年', 'year', '如 2023-2024（9 月至次年 8 月）', 'e.g. 2023-2024 (September to August)'),
    param('months_range', '月份', 'months_range', '月报区域的月份行（或列），一格一个应报月份：2023-09、2023年9月 或该月的一个日期；区域中没有的应报月份按未上报计', 'The month row (or column) of the report block, one due month per cell: 2023-09, 2023年9月 or a date in the month; a due month not in the range counts as not reported', 'range'),
    param('dates_range', '上报日期', 'dates_range', `与月份逐格对应：月报经 OA 上报的日期（${DATE_FORMS_ZH}），空为未上报，晚于当月 5 日为逾期`, `Cell by cell with the months: the date the report went through OA (${DATE_FORMS_EN}); empty is not reported, after the 5th is late`, 'range'),
    param('reviews_range', '考评意见', 'reviews_range', '可选。与月份逐格对应的考评意见：空为认可，退回 或 不合格 为退回', 'Optional. Cell by cell with the months, the assessors\' mark: empty is accepted, 退回/不合格/rejected is rejected', 'range', true),
    param('output', '输出', 'output', '可选。省略或 0：未按要求上报的次数；1：原因（哪些月份、为何）；2：明细行（应报次数、未按要求次数、原因），向右溢出 3 格', 'Optional. Omitted or 0: the reports missed; 1: the reason (which months and why); 2: a detail row (due, missed, reason) spilling 3 cells right', 'cell', true),
  ];
  return {
    id: 'MISSEDMONTHS',
    name: { zh: '未报月份', en: 'MISSEDMONTHS' },
    description: {
      zh: 'A3 月报日历：除寒暑假（1、2、7、8 月）外每月 5 日前上报；空、逾期或退回均为未按要求上报',
      en: 'A3 report calendar: due on or before the 5th of every month but January, February, July and August; empty, late or rejected is missed',
    },
    params,
    result: 'matrix',
    invoke(values, { engine, locale }) {
      const args = new Args(params, values, locale);
      const mode = outputChoice(args.raw('output'), args.label('output'), locale, MONTHS_OUTPUTS);
      const reviewed = !isBlank(args.raw('reviews_range')) || Array.isArray(args.raw('reviews_range'));
      const keys = ['months_range', 'dates_range', ...(reviewed ? ['reviews_range'] : [])];
      const [months, dates, reviews] = args.lists(...keys);
      const columns = months.map((month, i) => ({ month, date: dates[i], ...(reviews ? { review: reviews[i] } : {}) }));
      const calendar = engineCall(() => engine.missedMonths(args.cell('year'), columns, { locale }));
      if (mode === 'missed') return calendar.missed;
      if (mode === 'note') return calendar.note;
      return [[calendar.due, calendar.missed, calendar.note]];
    },
  };
}

export const registry: readonly FunctionEntry[] = [
  lineFunction({
    id: 'LEADERSHIP',
    line: 'A1',
    name: { zh: '组织领导', en: 'LEADERSHIP' },
    description: {
      zh: 'A1 院系有校企合作工作负责人（3 分）：行政正职负责得 2 分，副职负责得 1 分',
      en: 'A1 the department has a cooperation lead (3 points): 2 if the head leads it, 1 if a deputy does',
    },
    params: [
      param('principal', '正职负责', 'principal', `行政正职领导负责${YES_NO_ZH}`, `The department head leads cooperation work${YES_NO_EN}`),
      param('deputy', '副职负责', 'deputy', `副职领导负责${YES_NO_ZH}`, `A deputy head leads cooperation work${YES_NO_EN}`),
    ],
    facts: (a) => ({ leadership: { principal: a.cell('principal'), deputy: a.cell('deputy') } }),
  }),
  lineFunction({
    id: 'STAFFING',
    line: 'A2',
    name: { zh: '工作人员', en: 'STAFFING' },
    description: {
      zh: 'A2 院系有校企合作专（兼）职工作人员（2 分）：专职 2 分，兼职 1 分，没有 0 分',
      en: 'A2 cooperation staff (2 points): full-time 2, part-time 1, none 0',
    },
    params: [param('choice', '人员情况', 'staffing', '专职、兼职或没有', 'full_time, part_time or none (专职/兼职/没有)')],
    facts: (a) => ({ staffing: a.cell('choice') }),
  }),
  lineFunction({
    id: 'REPORTS',
    line: 'A3',
    name: { zh: '情况上报', en: 'REPORTS' },
    description: {
      zh: 'A3 院系校企合作工作开展情况上报（10 分）：每月 5 日前经 OA 上报，未按要求上报每次扣 1 分',
      en: 'A3 monthly reports (10 points): due before the 5th via OA; 1 point off per report late, missing or not as required',
    },
    params: [
      param('missed', '未按要求次数', 'missed', '迟报、漏报或不符合要求的月报次数', 'Reports late, missing or not as required'),
      param('due', '应报次数', 'due', '可选。本年度应报的月报次数（给出时检查未按要求次数不超过它）', 'Optional. Reports due this year (if given, missed must not exceed it)', 'cell', true),
    ],
    facts: (a) => {
      const due = optional(a.cell('due'));
      return { reports: { missed: a.cell('missed'), ...(due === undefined ? {} : { due }) } };
    },
  }),
  lineFunction({
    id: 'PLANS',
    line: 'A4',
    name: { zh: '计划总结', en: 'PLANS' },
    description: {
      zh: 'A4 院系有校企合作计划、总结（5 分）：年度、学期计划与总结，缺一项扣 1 分',
      en: 'A4 plans and summaries (5 points): annual and semester plan and summary, 1 point off per missing one',
    },
    params: [
      param('annual_plan', '年度计划', 'annual_plan', `有全面具体的年度计划${YES_NO_ZH}`, `A thorough annual plan exists${YES_NO_EN}`),
      param('annual_summary', '年度总结', 'annual_summary', `有全面具体的年度总结${YES_NO_ZH}`, `A thorough annual summary exists${YES_NO_EN}`),
      param('semester_plan', '学期计划', 'semester_plan', `有全面具体的学期计划${YES_NO_ZH}`, `A thorough semester plan exists${YES_NO_EN}`),
      param('semester_summary', '学期总结', 'semester_summary', `有全面具体的学期总结${YES_NO_ZH}`, `A thorough semester summary exists${YES_NO_EN}`),
    ],
    facts: (a) => ({
      plans: {
        annual_plan: a.cell('annual_plan'),
        annual_summary: a.cell('annual_summary'),
        semester_plan: a.cell('semester_plan'),
        semester_summary: a.cell('semester_summary'),
      },
    }),
  }),
  lineFunction({
    id: 'PARTNERS',
    line: 'B1',
    name: { zh: '合作企业', en: 'PARTNERS' },
    description: {
      zh: 'B1 校企合作企业数量（10 分，加分上限 5）：每有一个专业没有合作企业扣 3 分；每个专业第一家以外的合作企业各加 1 分',
      en: 'B1 partner enterprises (10 points, bonus up to 5): 3 off per major without one; +1 per enterprise beyond the first of a major',
    },
    params: [
      param('partners_range', '各专业合作企业数', 'partners_range', '每个专业一格的合作企业数量（有实际合作项目的才计），遇空行结束', 'One cell per major: partner enterprises with an actual project; a blank row ends the list', 'range'),
      MAJOR_NAMES({ zh: '可选。逐行对应的专业名称，用于说明；省略时按「第N个专业」称呼', en: 'Optional. The majors\' names, row by row, used in the reasons (else "major N")' }),
    ],
    facts: (a) => {
      const { values: [partners], names: given } = withNames(a, ['partners_range'], 'majors_range');
      const majorNames = names(given, partners.length, 'major', a.locale);
      return { majors: partners.map((p, i) => ({ name: majorNames[i], partners: p })) };
    },
  }),
  lineFunction({
    id: 'CURRICULUM',
    line: 'C1',
    name: { zh: '课程开发', en: 'CURRICULUM' },
    description: {
      zh: 'C1 课程开发（5 分，加分上限 5）：两学期均召开有企业参与的课程体系建设讨论会 5 分，一学期 2 分；每本校企合编校本教材加 1 分',
      en: 'C1 curriculum (5 points, bonus up to 5): curriculum meetings with enterprises in 2 semesters 5, in 1 semester 2; +1 per co-written textbook',
    },
    params: [
      param('meeting_semesters', '研讨学期数', 'meeting_semesters', '召开有企业参与的课程体系建设讨论会的学期数（0、1 或 2）', 'Semesters (0, 1 or 2) with a curriculum meeting attended by enterprises'),
      param('textbooks', '合编教材数', 'textbooks', '本年度企业工程师或专家参编、含企业真实工作任务的校本教材数', 'School textbooks co-written with enterprise engineers this year, with real work tasks'),
    ],
    facts: (a) => ({ curriculum: { meeting_semesters: a.cell('meeting_semesters'), textbooks: a.cell('textbooks') } }),
  }),
  lineFunction({
    id: 'BASES',
    line: 'C2',
    name: { zh: '实训基地', en: 'BASES' },
    description: {
      zh: 'C2 校企共建校内、校外实训基地（5 分）：每少一个专业没有扣 1 分，所有专业都没有则不得分',
      en: 'C2 training bases (5 points): 1 off per major lacking a campus or external base; 0 if no major has any',
    },
    params: [
      param('campus_range', '校内基地', 'campus_range', `每个专业一格：是否有校企共建的校内实训基地${YES_NO_ZH}，整行为空时结束`, `One cell per major: has a campus base built with enterprises${YES_NO_EN}; an all-blank row ends the list`, 'range'),
      param('external_range', '校外基地', 'external_range', `与上一参数逐行对应：是否有校外实训基地${YES_NO_ZH}`, `Row by row with the previous argument: has an external base${YES_NO_EN}`, 'range'),
      MAJOR_NAMES({ zh: '可选。逐行对应的专业名称，用于说明；省略时按「第N个专业」称呼', en: 'Optional. The majors\' names, row by row, used in the reasons (else "major N")' }),
    ],
    facts: (a) => {
      const { values: [campus, external], names: given } = withNames(a, ['campus_range', 'external_range'], 'majors_range');
      const majorNames = names(given, campus.length, 'major', a.locale);
      return { majors: campus.map((c, i) => ({ name: majorNames[i], campus_base: c, external_base: external[i] })) };
    },
  }),
  lineFunction({
    id: 'ORDERMAJORS',
    line: 'C3',
    name: { zh: '订单专业', en: 'ORDERMAJORS' },
    description: {
      zh: 'C3 订单培养：订单专业数量（10 分）：所有专业都有订单班得 10 分，否则每个有订单班的专业 3 分',
      en: 'C3 order-training majors (10 points): 10 if every major has an order class, else 3 per major that has one',
    },
    params: [
      param('majors_range', '专业名称', 'majors_range', '本院系全部专业的名称，一格一个，遇空格结束', 'Names of all majors of the department, one per cell; a blank cell ends the list', 'range'),
      param('class_majors_range', '订单班所属专业', 'class_majors_range', '每个订单班（定向班、现代学徒制班）一格，填所属专业名称，遇空行结束', 'One cell per order class: the major it belongs to; a blank row ends the list', 'range'),
      CLASS_NAMES,
    ],
    facts: (a) => {
      const { values: [classMajors], names: given } = withNames(a, ['class_majors_range'], 'classes_range');
      const classNames = names(given, classMajors.length, 'class', a.locale);
      return {
        majors: a.list('majors_range').map((name) => ({ name })),
        // C3 reads only which major each class belongs to.
        order_classes: classMajors.map((major, i) => ({ name: classNames[i], major })),
      };
    },
  }),
  lineFunction({
    id: 'ORDERCLASSES',
    line: 'C4',
    name: { zh: '订单班级', en: 'ORDERCLASSES' },
    description: {
      zh: 'C4 订单培养：订单班级与学生人数（10 分）：每个 30 人以上的订单班 10 分，不足 30 人的 5 分，最高 10 分',
      en: 'C4 order classes (10 points): 10 per class of 30 or more students, 5 per smaller class, up to 10',
    },
    params: [
      param('students_range', '订单班人数', 'students_range', '每个订单班（定向班、现代学徒制班）一格的学生人数，遇空行结束', 'One cell per order class: its students; a blank row ends the list', 'range'),
      CLASS_NAMES,
    ],
    facts: (a) => {
      const { values: [students], names: given } = withNames(a, ['students_range'], 'classes_range');
      const classNames = names(given, students.length, 'class', a.locale);
      // C4 reads only each class's name and head count.
      return { order_classes: students.map((n, i) => ({ name: classNames[i], students: n })) };
    },
  }),
  lineFunction({
    id: 'INTERNSHIP',
    line: 'C5',
    name: { zh: '跟岗实习', en: 'INTERNSHIP' },
    description: {
      zh: 'C5 学生跟（顶）岗实习（20 分，加分上限 5）：本地实习达 60% 满分，每低 5% 扣 1 分，每超过 5% 加 1 分',
      en: 'C5 internships (20 points, bonus up to 5): full marks at 60% placed locally, 1 off per 5% short, +1 per full 5% above',
    },
    params: [
      param('local', '本地实习人数', 'local', '在本地（特别是园区企业）跟（顶）岗实习的学生人数', 'Students placed locally (especially in park enterprises)'),
      param('total', '实习总人数', 'total', '跟（顶）岗实习学生总人数', 'All students on placement'),
    ],
    facts: (a) => ({ internship: { local: a.cell('local'), total: a.cell('total') } }),
  }),
  lineFunction({
    id: 'EMPLOYMENT',
    line: 'C6',
    name: { zh: '学生就业', en: 'EMPLOYMENT' },
    description: {
      zh: 'C6 学生就业（10 分，加分上限 3）：本地就业达 20% 满分，每低 2% 扣 1 分，每超过 2% 加 1 分',
      en: 'C6 employment (10 points, bonus up to 3): full marks at 20% employed locally, 1 off per 2% short, +1 per full 2% above',
    },
    params: [
      param('local', '本地就业人数', 'local', '在本地就业的毕业生人数', 'Graduates employed locally'),
      param('graduates', '毕业生总数', 'graduates', '毕业生总人数', 'All graduates'),
    ],
    facts: (a) => ({ employment: { local: a.cell('local'), graduates: a.cell('graduates') } }),
  }),
  lineFunction({
    id: 'FACULTY',
    line: 'C7',
    name: { zh: '师资建设', en: 'FACULTY' },
    description: {
      zh: 'C7 师资队伍建设（10 分）：挂职锻炼教师达 20%、企业工程师授课达 10%，各每低 1% 扣 1 分',
      en: 'C7 faculty (10 points): 20% of teachers seconded to enterprises and 10% of courses taught by engineers; 1 off per 1% short of each',
    },
    params: [
      param('teachers', '专任教师数', 'teachers', '专任教师总数', 'All teachers'),
      param('seconded', '挂职教师数', 'seconded', '本年度在合作企业连续挂职锻炼或跟班提高一个月以上的教师数', 'Teachers seconded to a partner enterprise for a continuous month or more this year'),
      param('courses', '课程总量', 'courses', '课程教学总量（门数或学时，与下一参数同一单位）', 'Course teaching load (courses or hours, same unit as the next argument)'),
      param('engineer_courses', '工程师授课量', 'engineer_courses', '其中由合作企业工程师承担的部分', 'The part taught by partner-enterprise engineers'),
    ],
    facts: (a) => ({
      faculty: {
        teachers: a.cell('teachers'),
        seconded: a.cell('seconded'),
        courses: a.cell('courses'),
        engineer_courses: a.cell('engineer_courses'),
      },
    }),
  }),
  weightedFunction(),
  filingDaysFunction(),
  creditCodeFunction(),
  missedMonthsFunction(),
];

function weightedFunction(): FunctionEntry {
  const params = [
    param('s1', '自评得分', 's1', '院系自评得分 S1（0–118）', 'The department\'s self score S1 (0–118)'),
    param('s2', '考评得分', 's2', '考核组考评得分 S2（0–118）', 'The assessment group\'s score S2 (0–118)'),
  ];
  return {
    id: 'WEIGHTED',
    name: { zh: '加权得分', en: 'WEIGHTED' },
    description: {
      zh: '最终得分 = 自评 × 40% + 考评 × 60%，四舍五入保留两位小数',
      en: 'Final score = self score × 40% + assessors\' score × 60%, rounded half away from zero to 2 decimals',
    },
    params,
    result: 'scalar',
    invoke(values, { engine, locale }) {
      const args = new Args(params, values, locale);
      return engineCall(() => engine.weightedScore(args.cell('s1'), args.cell('s2'), { locale }));
    },
  };
}
