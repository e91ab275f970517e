/**
 * The custom functions, registered the way Excel registers them (CustomFunctions.associate,
 * with a stand-in CustomFunctions global), run against the REAL Wasm engine: the golden
 * cases give the same numbers and reasons through the functions, every bad argument gives
 * #VALUE! with the engine's Chinese message, and the generated metadata is schema-shaped.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { functionsMetadata } from '../scripts/gen-functions.js';
import { languageLocale, officeLocale, registerExcelFunctions } from '../src/functions/excel.js';
import { registry, type Locale } from '../src/functions/registry.js';
import { pendingEngine, startedEngine, testEngine } from './support/engine.js';
import { lineCall, linesForPath, Unmappable } from './support/function-args.js';
import { departmentCases, weightedCases } from './support/golden.js';

// --- a stand-in for the CustomFunctions global of Excel's runtime ---------------------------
class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const ErrorCode = { invalidValue: '#VALUE!', notAvailable: '#N/A', divisionByZero: '#DIV/0!', invalidNumber: '#NUM!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' };
type Fn = (...args: unknown[]) => unknown;

function excelFunctions(locale: Locale): Map<string, Fn> {
  const associated = new Map<string, Fn>();
  const standIn = {
    Error: StandInError,
    ErrorCode,
    associate(id: string, fn: Fn) {
      assert.ok(!associated.has(id), `${id} associated twice`);
      associated.set(id, fn);
    },
  };
  Object.assign(globalThis, { CustomFunctions: standIn });
  registerExcelFunctions(started, () => locale);
  return associated;
}

const started = await startedEngine();
const zh = excelFunctions('zh');
const en = excelFunctions('en');
const engine = testEngine();

function call(id: string, ...args: unknown[]): unknown {
  const fn = zh.get(id);
  assert.ok(fn, `${id} is not registered`);
  return fn(...args);
}

/** Calls a function expecting #VALUE!; returns its message. */
function valueError(fns: Map<string, Fn>, id: string, ...args: unknown[]): string {
  try {
    const result = fns.get(id)!(...args);
    assert.fail(`${id}(${JSON.stringify(args)}) returned ${JSON.stringify(result)} instead of #VALUE!`);
  } catch (error) {
    assert.ok(error instanceof StandInError, `expected CustomFunctions.Error, got ${String(error)}`);
    assert.equal(error.code, '#VALUE!');
    assert.ok(error.message.length > 0, 'the error carries a message');
    return error.message;
  }
}

const LINES = ['A1', 'A2', 'A3', 'A4', 'B1', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'];

// --- the golden cases through the functions --------------------------------------------------
describe('golden cases through the custom functions', () => {
  const cases = departmentCases();
  it('finds the golden case suites', () => assert.ok(cases.length >= 100, `only ${cases.length} cases`));

  let compared = 0;
  for (const c of cases.filter((x) => x.expect.ok)) {
    it(`${c.suite} — ${c.description}`, () => {
      const expected = c.expect.ok ? c.expect.items ?? {} : {};
      const whole = engine.scoreDepartment(c.facts);
      assert.ok(whole.ok, 'the engine scores the department');
      for (const [line, numbers] of Object.entries(expected)) {
        let request;
        try {
          request = lineCall(line, c.facts);
        } catch (error) {
          if (error instanceof Unmappable) continue;
          throw error;
        }
        const score = call(request.id, ...request.args);
        assert.deepEqual(score, [[numbers.score]], `${line} score`);
        const detail = call(request.id, ...request.args, 2) as unknown[][];
        const notes = whole.items.find((i) => i.id === line)!.notes.join('；');
        assert.deepEqual(detail, [[numbers.base, numbers.deduction, numbers.bonus, numbers.score, notes]], `${line} detail`);
        assert.deepEqual(call(request.id, ...request.args, 1), [[notes]], `${line} reason`);
        compared += 1;
      }
    });
  }

  let errorsChecked = 0;
  for (const c of cases.filter((x) => !x.expect.ok)) {
    it(`${c.suite} — ${c.description} gives #VALUE! with the engine's message`, () => {
      const whole = engine.scoreDepartment(c.facts);
      assert.ok(!whole.ok, 'the engine rejects the facts');
      for (const problem of whole.errors) {
        for (const line of linesForPath(problem.path)) {
          let request;
          try {
            request = lineCall(line, c.facts);
          } catch (error) {
            if (error instanceof Unmappable) continue;
            throw error;
          }
          const message = valueError(zh, request.id, ...request.args);
          assert.ok(message.includes(problem.message), `${line}: "${message}" should include "${problem.message}"`);
          errorsChecked += 1;
        }
      }
    });
  }

  it('compared a substantial number of lines and errors', () => {
    assert.ok(compared >= 150, `only ${compared} line results compared`);
    assert.ok(errorsChecked >= 30, `only ${errorsChecked} errors checked`);
  });
});

describe('WEIGHTED against weighting.json', () => {
  for (const c of weightedCases()) {
    it(c.description, () => {
      if (c.error) {
        const message = valueError(zh, 'WEIGHTED', c.s1, c.s2);
        assert.match(message, /[\u4e00-\u9fff]/, 'a Chinese message');
      } else assert.equal(call('WEIGHTED', c.s1, c.s2), c.final);
    });
  }
});

// --- hand-worked from RUBRIC.md, through the spreadsheet-shaped arguments --------------------
describe('the functions as a person types them (RUBRIC.md §3 department)', () => {
  it('scores each line from cell values and ranges', () => {
    assert.deepEqual(call('LEADERSHIP', '是', '√'), [[3]]);
    assert.deepEqual(call('LEADERSHIP', '是', '否'), [[2]]);
    assert.deepEqual(call('STAFFING', '兼职'), [[1]]);
    assert.deepEqual(call('REPORTS', 1, null), [[9]]);
    assert.deepEqual(call('REPORTS', '１', 8), [[9]]);
    assert.deepEqual(call('PLANS', '有', '有', 'Y', '无'), [[4]]);
    assert.deepEqual(call('PARTNERS', [[3], [1], [0]]), [[9]]);
    assert.deepEqual(call('CURRICULUM', 1, '2'), [[4]]);
    assert.deepEqual(call('BASES', [['√'], ['√'], ['×']], [['√'], ['×'], ['×']]), [[3]]);
    assert.deepEqual(call('ORDERMAJORS', [['机电一体化技术'], ['工业机器人技术'], ['电气自动化技术']], [['机电一体化技术'], ['工业机器人技术']]), [[6]]);
    assert.deepEqual(call('ORDERCLASSES', [[32], [18]]), [[10]]);
    assert.deepEqual(call('INTERNSHIP', 114, 200), [[19]]);
    assert.deepEqual(call('EMPLOYMENT', 52, 200), [[13]]);
    assert.deepEqual(call('FACULTY', 40, 7, 60, 6), [[7]]);
    assert.equal(call('WEIGHTED', 87, 91.5), 89.7);
  });

  it('ends a list at the first blank row of a generous range', () => {
    assert.deepEqual(call('PARTNERS', [[3], [1], [0], [''], [''], [null]]), [[9]]);
    // Values after the blank row are not part of the table.
    assert.deepEqual(call('PARTNERS', [[3], [1], [''], [0]]), [[10 + 2]]);
    // A row (1×n range) reads across.
    assert.deepEqual(call('PARTNERS', [[3, 1, 0]]), [[9]]);
  });

  it('keeps a blank inside a used row as missing, named by the major', () => {
    const message = valueError(zh, 'BASES', [['√'], ['']], [['√'], ['√']], [['机电一体化技术'], ['工业机器人技术']]);
    assert.match(message, /工业机器人技术/);
    assert.match(message, /majors\[1\]\.campus_base/);
  });

  it('names unnamed majors and classes by position in the reasons', () => {
    const note = call('PARTNERS', [[3], [0]], null, 1) as unknown[][];
    assert.match(String(note[0][0]), /第2个专业/);
    const named = call('PARTNERS', [[3], [0]], [['机电一体化技术'], ['电气自动化技术']], 1) as unknown[][];
    assert.match(String(named[0][0]), /电气自动化技术/);
  });

  it('shows why: the reason (1) and the detail row (2), with words as well as numbers', () => {
    assert.deepEqual(call('INTERNSHIP', 114, 200, 2), [[20, 1, 0, 19, '本地实习 57.00%，低于 60% 要求 3.00 个百分点，每低 5% 扣 1 分（不足 5% 按 5% 计），扣 1 分']]);
    assert.deepEqual(call('INTERNSHIP', 114, 200, '明细'), call('INTERNSHIP', 114, 200, 'detail'));
    assert.deepEqual(call('INTERNSHIP', 114, 200, '原因'), [['本地实习 57.00%，低于 60% 要求 3.00 个百分点，每低 5% 扣 1 分（不足 5% 按 5% 计），扣 1 分']]);
    assert.deepEqual(call('INTERNSHIP', 114, 200, 0), [[19]]);
    assert.deepEqual(call('INTERNSHIP', 114, 200, ''), [[19]]);
  });

  it('unwraps a 1×1 block passed for a single cell (as WPS passes ranges)', () => {
    assert.deepEqual(call('INTERNSHIP', [[114]], [['200']]), [[19]]);
  });
});

// --- bad arguments ----------------------------------------------------------------------------
describe('bad arguments give #VALUE! with the engine\'s Chinese message', () => {
  /** The engine's own message for a facts fragment, to compare with what the cell shows. */
  function engineMessages(line: string, facts: unknown): string[] {
    const result = engine.scoreLine(line, facts);
    assert.ok(!result.ok, `${line} facts must be rejected by the engine`);
    return result.errors.map((e) => e.message);
  }

  const cases: Array<[string, string, unknown[], string, unknown, RegExp]> = [
    ['text in a count', 'INTERNSHIP', ['abc', 200], 'C5', { internship: { local: 'abc', total: 200 } }, /不是数字/],
    ['local above total', 'INTERNSHIP', [300, 200], 'C5', { internship: { local: 300, total: 200 } }, /超过/],
    ['a blank required cell', 'EMPLOYMENT', [null, 200], 'C6', { employment: { graduates: 200 } }, /未填写/],
    ['no graduates', 'EMPLOYMENT', [0, 0], 'C6', { employment: { local: 0, graduates: 0 } }, /.+/],
    ['a fraction in a count', 'FACULTY', [40, 7.5, 60, 6], 'C7', { faculty: { teachers: 40, seconded: 7.5, courses: 60, engineer_courses: 6 } }, /.+/],
    ['a negative count', 'REPORTS', [-1, null], 'A3', { reports: { missed: -1 } }, /.+/],
    ['missed above due', 'REPORTS', [9, 8], 'A3', { reports: { missed: 9, due: 8 } }, /超过/],
    ['not a yes/no', 'LEADERSHIP', ['也许', '是'], 'A1', { leadership: { principal: '也许', deputy: '是' } }, /也许/],
    ['an unknown staffing choice', 'STAFFING', ['外包'], 'A2', { staffing: '外包' }, /外包/],
    ['meeting semesters out of range', 'CURRICULUM', [3, 0], 'C1', { curriculum: { meeting_semesters: 3, textbooks: 0 } }, /.+/],
    ['a plan cell that is not yes/no', 'PLANS', ['是', '是', '是', '大概'], 'A4', { plans: { annual_plan: '是', annual_summary: '是', semester_plan: '是', semester_summary: '大概' } }, /大概/],
    ['no majors at all', 'PARTNERS', [[['']]], 'B1', { majors: [] }, /.+/],
    ['text among partner counts', 'PARTNERS', [[[3], ['很多']]], 'B1', { majors: [{ name: '第1个专业', partners: 3 }, { name: '第2个专业', partners: '很多' }] }, /很多/],
    ['an order class of an unknown major', 'ORDERMAJORS', [[['机电一体化技术']], [['数控技术']]], 'C3', { majors: [{ name: '机电一体化技术' }], order_classes: [{ name: '第1个订单班', major: '数控技术', students: 0 }] }, /数控技术/],
    ['a duplicate major', 'ORDERMAJORS', [[['机电一体化技术'], [' 机电一体化技术 ']], [['机电一体化技术']]], 'C3', { majors: [{ name: '机电一体化技术' }, { name: ' 机电一体化技术 ' }], order_classes: [{ name: '第1个订单班', major: '机电一体化技术', students: 0 }] }, /.+/],
    ['text among class sizes', 'ORDERCLASSES', [[[32], ['三十']]], 'C4', { majors: [{ name: '本院系' }], order_classes: [{ name: '第1个订单班', major: '本院系', students: 32 }, { name: '第2个订单班', major: '本院系', students: '三十' }] }, /三十/],
    ['a base cell that is not yes/no', 'BASES', [[['√'], ['?']], [['√'], ['√']]], 'C2', { majors: [{ name: '第1个专业', campus_base: '√', external_base: '√' }, { name: '第2个专业', campus_base: '?', external_base: '√' }] }, /.+/],
  ];
  for (const [name, id, args, line, facts, pattern] of cases) {
    it(`${id}: ${name}`, () => {
      const message = valueError(zh, id, ...args);
      for (const expected of engineMessages(line, facts)) assert.ok(message.includes(expected), `"${message}" should include "${expected}"`);
      assert.match(message, pattern);
      assert.match(message, /[\u4e00-\u9fff]/, 'the message is Chinese');
    });
  }

  it('WEIGHTED: text and out-of-range scores, with the engine\'s message', () => {
    const message = valueError(zh, 'WEIGHTED', 'x', 200);
    assert.match(message, /不是数字/);
    assert.match(message, /超出范围/);
  });

  it('a block where one cell is expected', () => {
    assert.match(valueError(zh, 'INTERNSHIP', [[1, 2]], 200), /「本地实习人数」应为单个单元格/);
  });

  it('a 2-D block where a column is expected', () => {
    assert.match(valueError(zh, 'PARTNERS', [[1, 2], [3, 4]]), /「各专业合作企业数」应为单列或单行区域，收到 2 行 × 2 列/);
  });

  it('an unknown output choice', () => {
    assert.match(valueError(zh, 'INTERNSHIP', 114, 200, 7), /「输出」应为 0（得分）、1（原因）、2（明细）或 3（提升建议），收到「7」/);
  });

  it('English messages when Office runs in English', () => {
    assert.match(valueError(en, 'INTERNSHIP', 300, 200), /more than/);
    assert.match(valueError(en, 'INTERNSHIP', 114, 200, 'x'), /must be 0 \(score\), 1 \(reason\), 2 \(detail\) or 3 \(hint\)/);
    assert.match(String((en.get('PARTNERS')!([[3], [0]], null, 1) as unknown[][])[0][0]), /major 2/);
  });
});

// --- the registry and the metadata generated from it -----------------------------------------
describe('function registry and generated metadata', () => {
  const enMeta = functionsMetadata('en');
  const zhMeta = functionsMetadata('zh');

  it('has one function per rubric line, plus WEIGHTED', () => {
    const lines = registry.filter((e) => e.line).map((e) => e.line);
    assert.deepEqual([...lines].sort(), LINES);
    assert.ok(registry.some((e) => e.id === 'WEIGHTED'));
  });

  it('scores the lines the engine knows', () => {
    const known = (engine.rubricInfo() as { lines: Array<{ id: string }> }).lines.map((l) => l.id);
    for (const entry of registry.filter((e) => e.line)) assert.ok(known.includes(entry.line!), entry.line);
  });

  it('registers every entry with Excel under its id', () => {
    assert.deepEqual([...zh.keys()].sort(), registry.map((e) => e.id).sort());
  });

  it('ids are unique, stable ASCII upper case, and valid WPS names', () => {
    const ids = registry.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[A-Z][A-Z0-9]*$/);
      assert.match(id, /^[a-zA-Z_]\w*$/, 'WPS AddCustomFunction name rule');
    }
  });

  it('both metadata files describe the same functions with the same ids, in the same order', () => {
    assert.deepEqual(enMeta.functions.map((f) => f.id), zhMeta.functions.map((f) => f.id));
    assert.deepEqual(enMeta.functions.map((f) => f.parameters.length), zhMeta.functions.map((f) => f.parameters.length));
  });

  for (const [label, meta, nameRule] of [
    ['functions.json', enMeta, /^[A-Za-z][A-Za-z0-9._]{2,}$/],
    ['functions-zh-CN.json', zhMeta, /^\p{Script=Han}[\p{L}\p{N}._]{2,}$/u],
  ] as const) {
    it(`${label} is shaped like Office custom-functions metadata`, () => {
      const names = meta.functions.map((f) => f.name.toUpperCase());
      assert.equal(new Set(names).size, names.length, 'names unique');
      for (const f of meta.functions) {
        assert.match(f.id, /^[A-Za-z0-9.]+$/);
        assert.match(f.name, nameRule, `${f.id} name ${f.name}`);
        assert.ok(f.name.length <= 128);
        assert.ok(f.description.length > 10, `${f.id} has help text`);
        assert.ok(['scalar', 'matrix'].includes(f.result.dimensionality));
        assert.ok(['any', 'number', 'string', 'boolean'].includes(f.result.type));
        assert.deepEqual(Object.keys(f.options).sort(), ['cancelable', 'requiresAddress', 'stream', 'volatile']);
        const params = f.parameters.map((p) => p.name);
        assert.equal(new Set(params).size, params.length, `${f.id} parameter names unique`);
        let seenOptional = false;
        for (const p of f.parameters) {
          assert.ok(p.name.length > 0 && p.description.length > 0, `${f.id}.${p.name} has help text`);
          assert.ok(['scalar', 'matrix'].includes(p.dimensionality));
          assert.equal(p.type, 'any', 'raw cell values reach the engine uncoerced');
          if (seenOptional) assert.ok(p.optional, `${f.id}: a required parameter after an optional one`);
          seenOptional ||= p.optional;
        }
      }
    });
  }

  it('Chinese names read as Chinese, English as English', () => {
    const byId = new Map(zhMeta.functions.map((f) => [f.id, f]));
    assert.equal(byId.get('INTERNSHIP')!.name, '跟岗实习');
    assert.equal(byId.get('WEIGHTED')!.name, '加权得分');
    for (const f of zhMeta.functions) {
      assert.match(f.description, /[\u4e00-\u9fff]/);
      for (const p of f.parameters) assert.match(p.name + p.description, /[\u4e00-\u9fff]/);
    }
    for (const f of enMeta.functions) assert.equal(f.name, f.id);
  });

  it('every line function may spill its detail row; the others are typed by what they return', () => {
    const others: Record<string, unknown> = {
      WEIGHTED: { type: 'number', dimensionality: 'scalar' },
      FILINGDAYS: { type: 'number', dimensionality: 'scalar' },
      // TRUE/FALSE, or the reason as text with output 1: "boolean" would make Excel coerce the text.
      CREDITCODE: { type: 'any', dimensionality: 'scalar' },
      // The count, the reason, or the detail row (due, missed, reason).
      MISSEDMONTHS: { type: 'any', dimensionality: 'matrix' },
    };
    for (const f of enMeta.functions) {
      if (f.id in others) assert.deepEqual(f.result, others[f.id], f.id);
      else {
        assert.equal(f.result.dimensionality, 'matrix');
        assert.equal(f.parameters.at(-1)!.name, 'output');
        assert.ok(f.parameters.at(-1)!.optional);
      }
    }
    assert.deepEqual(Object.keys(others).filter((id) => registry.some((e) => e.id === id)), Object.keys(others));
  });
});

describe('docs/excel.md', () => {
  const doc = readFileSync(new URL('../docs/excel.md', import.meta.url), 'utf8');
  for (const entry of registry) {
    it(`shows ${entry.id} with its parameters in both languages`, () => {
      for (const locale of ['en', 'zh'] as const) {
        const namespace = 'COOP'; // in every locale: Office wants it ASCII and never localised
        const params = entry.params.map((p) => (p.optional ? `[${p.name[locale]}]` : p.name[locale])).join(', ');
        const signature = `=${namespace}.${entry.name[locale]}(${params})`;
        assert.ok(doc.includes(signature), `missing ${signature}`);
      }
    });
  }
});

describe('message language in Excel', () => {
  it('follows the Office display language, Chinese when unknown', () => {
    const set = (office: unknown) => Object.assign(globalThis, { Office: office });
    try {
      set(undefined);
      assert.equal(officeLocale(), 'zh');
      set({ context: undefined });
      assert.equal(officeLocale(), 'zh');
      set({ context: { displayLanguage: 'zh-CN' } });
      assert.equal(officeLocale(), 'zh');
      set({ context: { displayLanguage: 'en-US' } });
      assert.equal(officeLocale(), 'en');
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it('speaks the language Office shows the names in: Chinese for Simplified Chinese only', () => {
    // manifest.xml and functions-zh-CN.json override zh-CN alone; Office shows the English
    // defaults to Traditional Chinese users, so their messages are English too.
    for (const tag of ['zh-CN', 'zh-cn', 'zh', 'zh-SG', 'zh-Hans', 'zh-Hans-CN']) assert.equal(languageLocale(tag), 'zh', tag);
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-Hant-TW', 'en-US', 'ja-JP']) assert.equal(languageLocale(tag), 'en', tag);
    assert.equal(languageLocale(undefined), 'zh');
  });
});

describe('before the engine is ready (it starts asynchronously)', () => {
  function registerOn(start: ReturnType<typeof pendingEngine>['start']): Map<string, Fn> {
    const associated = new Map<string, Fn>();
    Object.assign(globalThis, { CustomFunctions: { Error: StandInError, ErrorCode, associate: (id: string, fn: Fn) => associated.set(id, fn) } });
    registerExcelFunctions(start, () => 'zh');
    return associated;
  }

  it('a call waits for the engine (a promise, as the shared runtime allows) and gives the golden number', async () => {
    const pending = pendingEngine();
    const fns = registerOn(pending.start);
    const answer = fns.get('INTERNSHIP')!(114, 200);
    assert.ok(answer instanceof Promise, 'waits instead of failing');
    await pending.finish();
    assert.deepEqual(await answer, [[19]]);
    assert.deepEqual(fns.get('INTERNSHIP')!(114, 200), [[19]], 'synchronous once started');
  });

  it('a bad argument while waiting still gives #VALUE! with the engine\'s message', async () => {
    const pending = pendingEngine();
    const answer = registerOn(pending.start).get('INTERNSHIP')!('很多', 200) as Promise<unknown>;
    await pending.finish();
    await assert.rejects(answer, (e: unknown) => e instanceof StandInError && e.code === '#VALUE!' && /很多/.test(e.message));
  });

  it('a failed start gives #VALUE! saying why', async () => {
    const pending = pendingEngine();
    const answer = registerOn(pending.start).get('WEIGHTED')!(87, 91.5) as Promise<unknown>;
    await pending.fail(new Error('no memory'));
    await assert.rejects(answer, (e: unknown) => e instanceof StandInError && e.code === '#VALUE!' && e.message === '校企合作考核评分引擎无法启动：no memory');
  });
});

// --- a line's first hint (RUBRIC.md §9), output 3 ------------------------------------------------
describe('output 3: the line\'s first hint', () => {
  it('C5: the RUBRIC\'s own sentence — 114 of 200 is 57%, 60% needs 120, so 6 more', () => {
    assert.deepEqual(call('INTERNSHIP', 114, 200, 3), [['本地实习再增加 6 人（达到 120 人）可少扣 1 分']]);
    assert.deepEqual(call('INTERNSHIP', 114, 200, '提升建议'), call('INTERNSHIP', 114, 200, 3));
    assert.deepEqual(call('INTERNSHIP', 114, 200, 'hint'), call('INTERNSHIP', 114, 200, 3));
  });

  it('the best gain first: A1 with neither lead — principal gains 2, deputy 1', () => {
    const hints = scoredHints('A1', { leadership: { principal: '否', deputy: '否' } });
    // The engine lists by path: leadership.deputy before leadership.principal.
    assert.deepEqual(hints.map((h) => [h.path, h.gain]), [['leadership.deputy', 1], ['leadership.principal', 2]]);
    assert.deepEqual(call('LEADERSHIP', '否', '否', 3), [[hints[1].text]]);
  });

  it('equal gains: the first by input path, majors[2] before majors[10]', () => {
    // 11 majors with one partner each except the 3rd and the 11th: 2 × 3 = 6 off; giving
    // either one a partner gains 3; one more partner for the first major gains 1 (bonus 0 of 5).
    const partners = Array.from({ length: 11 }, (_, i) => [i === 2 || i === 10 ? 0 : 1]);
    assert.deepEqual(call('PARTNERS', partners), [[10 - 6]]);
    const hint = String((call('PARTNERS', partners, null, 3) as unknown[][])[0][0]);
    assert.match(hint, /第3个专业/);
    const hints = scoredHints('B1', { majors: partners.map(([p], i) => ({ name: `第${i + 1}个专业`, partners: p })) });
    assert.deepEqual(hints.map((h) => [h.path, h.gain]), [['majors[0].partners', 1], ['majors[2].partners', 3], ['majors[10].partners', 3]]);
    assert.equal(hint, hints[1].text);
  });

  it('empty text when the line is at its best or nothing gains a point', () => {
    // 200 of 200 local: 40% above 60% earns 8 bonus steps, capped at 5: 25 of 20 + 5.
    assert.deepEqual(call('INTERNSHIP', 200, 200, 3), [['']]);
    // A3 has no hints: missed reports cannot be undone.
    assert.deepEqual(call('REPORTS', 1, 8, 3), [['']]);
  });

  it('the help says how the hint is chosen, in both languages', () => {
    const output = registry.find((e) => e.id === 'INTERNSHIP')!.params.at(-1)!;
    assert.match(output.description.zh, /3：提升建议——增分最多的一条（增分相同时按输入项路径取第一条，如 majors\[2\] 在 majors\[10\] 之前），已得满分或无可提升项时为空/);
    assert.match(output.description.en, /3: the hint that gains most \(ties: the first by input path\), empty at the best or when nothing would gain/);
  });
});

function scoredHints(line: string, facts: unknown): Array<{ path: string; gain: number; text: string }> {
  const result = engine.scoreLine(line, facts);
  assert.ok(result.ok, `${line} scores`);
  return result.item.hints;
}

// --- the ledger and the calendar in a cell (RUBRIC.md §7, §8) -----------------------------------
describe('FILINGDAYS: days from signing to filing', () => {
  it('counts whole days in every date form Excel passes (serials) or a person types', () => {
    // 2023-03-01 → 2023-03-09 is 8 days. Serial 44986 is 2023-03-01: serial 1 is 1900-01-01,
    // serials from 61 count from 1899-12-30 (Excel keeps the fictitious 1900-02-29 as 60),
    // and 2023-03-01 is 44,986 days after 1899-12-30.
    assert.equal(call('FILINGDAYS', 44986, 44994), 8);
    assert.equal(call('FILINGDAYS', '2023-03-01', '2023-03-09'), 8);
    assert.equal(call('FILINGDAYS', '2023/3/1', '2023年3月9日'), 8);
    assert.equal(call('FILINGDAYS', 44986.5, '2023.3.9'), 8, 'a time of day is ignored');
    assert.equal(call('FILINGDAYS', [[44986]], [['2023-03-06']]), 5);
    assert.equal(call('FILINGDAYS', '2024-02-28', '2024-03-01'), 2, '2024-02-29 between');
  });

  it('refuses a filing before signing, an unreadable date and a blank one, with located messages', () => {
    assert.match(valueError(zh, 'FILINGDAYS', '2023-03-09', '2023-03-01'), /备案日期（filed）填的是「2023-03-01」，早于签订日期 2023-03-09/);
    const both = valueError(zh, 'FILINGDAYS', '明天', null);
    assert.match(both, /签订日期（signed）填的是「明天」，无法识别为日期/);
    assert.match(both, /备案日期（filed）未填写/);
    assert.match(valueError(en, 'FILINGDAYS', '2023-03-09', 44986), /before the signing date 2023-03-09/);
  });
});

describe('CREDITCODE: GB 32100-2015', () => {
  // RUBRIC.md §7's code, worked by hand: 9,1,4,3,0,1,0,0,M=21,A=10,4,L=20,1,6,J=18,K=19,0 ×
  // weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 = 2127; 2127 mod 31 = 19;
  // 31 − 19 = 12, the 13th character of 0–9A–Y without I, O, S, V, Z: "C".
  const GOOD = '91430100MA4L16JK0C';

  it('TRUE for a valid code, FALSE for its last character changed, the reason with output 1', () => {
    assert.equal(call('CREDITCODE', GOOD), true);
    assert.equal(call('CREDITCODE', ' ９１４３０１００ma4l16jk0c '), true, 'full-width, lower case, spaces');
    assert.equal(call('CREDITCODE', '91430100MA4L16JK0D'), false);
    assert.match(String(call('CREDITCODE', '91430100MA4L16JK0D', 1)), /校验码不符（按前 17 位应为「C」）/);
    assert.match(String(call('CREDITCODE', GOOD, '原因')), /校验通过/);
    assert.match(String(call('CREDITCODE', '91430100MA4L16JK0', 1)), /有 17 个字符，不是 18 个/);
    assert.match(String(call('CREDITCODE', '91430100MA4L16JKOC', 1)), /第 17 个字符「O」/);
    assert.equal(call('CREDITCODE', null), false);
    assert.match(String(call('CREDITCODE', null, 1)), /未填写/);
    assert.match(String(call('CREDITCODE', 9143010012345, 1)), /不是文字/);
    assert.match(String(en.get('CREDITCODE')!('91430100MA4L16JK0D', 1)), /the first 17 call for “C”/);
  });

  it('refuses an unknown output choice', () => {
    assert.match(valueError(zh, 'CREDITCODE', GOOD, 2), /「输出」应为 0（是否有效）或 1（原因），收到「2」/);
  });
});

describe('MISSEDMONTHS: the report calendar from a sheet', () => {
  // 2023-2024: due 2023-09 … 12 and 2024-03 … 06 (RUBRIC.md §8), on or before the 5th.
  // Headings as Excel stores a typed month, the serial of its 1st: 2023-09-01 = 45170
  // (2024-01-01 = 45292, less 30 + 31 + 30 + 31), then +30, +31, +30; 2024-03-01 = 45292 + 31
  // + 29 = 45352, then +31, +30, +31. Dates: 45173 = 2023-09-04 (on time); 45237 =
  // 2023-11-07 (late); 2024-05-06 late; December and June empty; March rejected.
  const months = [45170, 45200, 45231, 45261, 45352, 45383, 45413, 45444];
  const dates = [45173, '2023/10/5', 45237, '', '2024-03-05', '2024年4月3日', '2024-05-06', null];
  const reviews = [null, null, null, null, '退回', null, null, null];
  const NOTE = '2023年11月 逾期（11月7日）；2023年12月 未上报；2024年3月 退回；2024年5月 逾期（5月6日）；2024年6月 未上报';

  it('months across, dates below, a row for 退回', () => {
    assert.deepEqual(call('MISSEDMONTHS', '2023-2024', [months], [dates], [reviews]), [[5]]);
    assert.deepEqual(call('MISSEDMONTHS', '2023-2024', [months], [dates], [reviews], 1), [[NOTE]]);
    assert.deepEqual(call('MISSEDMONTHS', '2023-2024', [months], [dates], [reviews], 2), [[8, 5, NOTE]]);
  });

  it('a column layout, text headings, no review row, and a due month left out', () => {
    const column = (row: unknown[]) => row.map((v) => [v]);
    const keys = ['2023-09', '2023年10月', '2023-11', '2023-12', '2024-3', '2024-04', '2024-05'];
    // Without 退回, March (reported 2024-03-05) is on time; June, in no column, is not reported.
    assert.deepEqual(call('MISSEDMONTHS', '2023—2024学年', column(keys), column(dates.slice(0, 7)), null, 1), [[
      '2023年11月 逾期（11月7日）；2023年12月 未上报；2024年5月 逾期（5月6日）；2024年6月 未上报',
    ]]);
  });

  it('all on time says so', () => {
    const onTime = [45173, 45203, 45233, 45264, 45355, 45386, 45416, 45447];
    assert.deepEqual(call('MISSEDMONTHS', '2023-2024', [months], [onTime], null, 1), [['应报 8 个月，均按时上报']]);
  });

  it('refuses what it cannot read, with the calendar\'s located messages', () => {
    assert.match(valueError(zh, 'MISSEDMONTHS', '2023', [months], [dates]), /考核学年（year）填的是「2023」/);
    assert.match(valueError(zh, 'MISSEDMONTHS', '2023-2024', [['2024-01']], [['2024-01-03']]), /月份「2024-01」不是 2023-2024 学年应报的月份/);
    assert.match(valueError(zh, 'MISSEDMONTHS', '2023-2024', [['2023-09']], [['soon']]), /2023年9月 月报的上报日期（reports\.months\.2023-09）填的是「soon」，无法识别为日期/);
    assert.match(valueError(zh, 'MISSEDMONTHS', '2023-2024', [['2023-09']], [['2023-09-01']], [['通过']]), /考评意见（months\[0\]\.review）填的是「通过」/);
    assert.match(valueError(zh, 'MISSEDMONTHS', '2023-2024', [[45170, 45170]], [['', '']]), /月份（months\[1\]\.month）填的是「2023-09」，与前面一列是同一个月/);
    assert.match(valueError(en, 'MISSEDMONTHS', '2023-2024', [['2024-01']], [['']]), /not a due month of 2023-2024/);
  });
});
