/**
 * The custom functions as WPS registers them: through a stand-in `wps.AddCustomFunction`
 * (namespace, ASCII name, synchronous function, metadata) and run against the REAL Wasm
 * engine. The golden cases give their numbers synchronously, ranges arrive as 2D arrays and
 * single cells sometimes as 1×1 arrays (as WPS passes them), bad arguments throw the
 * engine's Chinese message, and the metadata is Chinese and complete.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { registry } from '../src/functions/registry.js';
import { registerWpsFunctions, WPS_FUNCTION_NAME, WPS_NAMESPACE, WPS_PARAM_NOT_FOUND, wpsFunctionsJson } from '../src/wps/functions.js';
import type { WpsAddCustomFunction, WpsFunctionMetadata } from '../src/wps/et.js';
import { pendingEngine, startedEngine, testEngine } from './support/engine.js';
import { lineCall, linesForPath, Unmappable } from './support/function-args.js';
import { departmentCases, weightedCases } from './support/golden.js';

type Fn = (...args: unknown[]) => unknown;
interface Registered {
  namespace: string;
  fn: Fn;
  metadata?: WpsFunctionMetadata;
}

/** A stand-in for WPS's registration call, refusing what WPS refuses. */
function standIn(): { add: WpsAddCustomFunction; registered: Map<string, Registered> } {
  const registered = new Map<string, Registered>();
  const add: WpsAddCustomFunction = (namespace, name, callback, metadata) => {
    assert.match(name, WPS_FUNCTION_NAME, 'WPS accepts ASCII names only');
    assert.ok(!registered.has(name), `${name} registered twice`);
    registered.set(name, { namespace, fn: callback as unknown as Fn, metadata });
  };
  return { add, registered };
}

const engine = testEngine();
const zh = standIn();
const started = await startedEngine();
const names = registerWpsFunctions(zh.add, started, () => 'zh');

function call(id: string, ...args: unknown[]): unknown {
  const entry = zh.registered.get(id);
  assert.ok(entry, `${id} is not registered`);
  const result = entry.fn(...args);
  assert.ok(!(result instanceof Promise), 'WPS functions must answer synchronously');
  return result;
}

function errorOf(id: string, ...args: unknown[]): string {
  try {
    const result = call(id, ...args);
    assert.fail(`${id}(${JSON.stringify(args)}) returned ${JSON.stringify(result)} instead of an error`);
  } catch (error) {
    assert.ok(error instanceof Error && error.name === 'Error', `a plain Error, got ${String(error)}`);
    return error.message;
  }
}

describe('registration through wps.AddCustomFunction', () => {
  it('registers every registry entry once, in the COOP namespace, with ASCII names', () => {
    assert.deepEqual(names, registry.map((e) => e.id));
    assert.ok(names.length >= 13);
    for (const { namespace } of zh.registered.values()) assert.equal(namespace, WPS_NAMESPACE);
  });

  it('gives Chinese descriptions and help for every argument', () => {
    for (const [name, { metadata }] of zh.registered) {
      const entry = registry.find((e) => e.id === name)!;
      assert.ok(metadata, `${name} has metadata`);
      assert.match(metadata.description ?? '', /[\u4e00-\u9fff]/, `${name}: Chinese description`);
      assert.equal(metadata.parameters.length, entry.params.length);
      metadata.parameters.forEach((p, i) => {
        assert.match(p.description ?? '', /[\u4e00-\u9fff]/, `${name}.${p.name}: Chinese help`);
        assert.equal(p.type, (entry.params[i].shape === 'range' ? 'any[][]' : 'any') + (entry.params[i].optional ? '?' : ''));
      });
    }
    // functions.json (read by WPS's function wizard through manifest.xml) says the same.
    assert.deepEqual(
      wpsFunctionsJson().functions.map((f) => f.name),
      names,
    );
  });
});

describe('RUBRIC.md §3 example through the WPS functions', () => {
  it('C5: 114 local of 200 → 19, synchronously, with the reason and the detail row', () => {
    assert.equal(call('INTERNSHIP', 114, 200), 19);
    // WPS may pass a single cell as a 1×1 range.
    assert.equal(call('INTERNSHIP', [[114]], [['200']]), 19);
    const detail = call('INTERNSHIP', 114, 200, 2) as unknown[][];
    assert.deepEqual(detail[0].slice(0, 4), [20, 1, 0, 19]);
    assert.match(String(call('INTERNSHIP', 114, 200, 1)), /57\.00%/);
  });

  it('every line of the example department', () => {
    assert.equal(call('LEADERSHIP', '是', '√'), 3);
    assert.equal(call('STAFFING', '兼职'), 1);
    assert.equal(call('REPORTS', 1, 8), 9);
    assert.equal(call('PLANS', '有', '有', 'Y', '无'), 4);
    assert.equal(call('PARTNERS', [[3], [1], [0], [''], [undefined]]), 9);
    assert.equal(call('CURRICULUM', 1, '2'), 4);
    assert.equal(call('ORDERCLASSES', [[32], [18]]), 10);
    assert.equal(call('EMPLOYMENT', 52, 200), 13);
    assert.equal(call('FACULTY', 40, 7, 60, 6), 7);
    assert.equal(call('WEIGHTED', 87, 91.5), 89.7);
  });
});

describe('golden cases through the WPS functions', () => {
  const cases = departmentCases();
  let compared = 0;
  let errors = 0;
  for (const c of cases) {
    it(`${c.suite} — ${c.description}`, () => {
      const whole = engine.scoreDepartment(c.facts);
      if (c.expect.ok) {
        for (const [line, numbers] of Object.entries(c.expect.items ?? {})) {
          let request;
          try {
            request = lineCall(line, c.facts);
          } catch (error) {
            if (error instanceof Unmappable) continue;
            throw error;
          }
          assert.equal(call(request.id, ...request.args), numbers.score, `${line} score`);
          const detail = call(request.id, ...request.args, 2) as unknown[][];
          assert.deepEqual(detail[0].slice(0, 4), [numbers.base, numbers.deduction, numbers.bonus, numbers.score], `${line} detail`);
          compared += 1;
        }
      } else {
        assert.ok(!whole.ok);
        for (const problem of whole.errors) {
          for (const line of linesForPath(problem.path)) {
            let request;
            try {
              request = lineCall(line, c.facts);
            } catch (error) {
              if (error instanceof Unmappable) continue;
              throw error;
            }
            const message = errorOf(request.id, ...request.args);
            assert.ok(message.includes(problem.message), `${line}: "${message}" should include "${problem.message}"`);
            errors += 1;
          }
        }
      }
    });
  }
  it('compared a substantial number of lines and errors', () => {
    assert.ok(compared >= 150, `only ${compared} line results compared`);
    assert.ok(errors >= 30, `only ${errors} errors checked`);
  });

  for (const c of weightedCases()) {
    it(`WEIGHTED: ${c.description}`, () => {
      if (c.error) assert.match(errorOf('WEIGHTED', c.s1, c.s2), /[\u4e00-\u9fff]/);
      else assert.equal(call('WEIGHTED', c.s1, c.s2), c.final);
    });
  }
});

describe('bad arguments throw the engine\'s Chinese message', () => {
  it('names the argument and the value', () => {
    const notNumber = errorOf('INTERNSHIP', '很多', 200);
    assert.match(notNumber, /[\u4e00-\u9fff]/);
    assert.match(notNumber, /很多/);
    assert.match(errorOf('INTERNSHIP', 230, 200), /[\u4e00-\u9fff]/);
    assert.match(errorOf('INTERNSHIP', [[1, 2]], 200), /应为单个单元格/);
    assert.match(errorOf('INTERNSHIP', 114, 200, 7), /应为 0（得分）、1（原因）、2（明细）或 3（提升建议）/);
    assert.match(errorOf('WEIGHTED', '优秀', 90), /[\u4e00-\u9fff]/);
  });

  it('gives English messages when WPS runs in English', () => {
    const en = standIn();
    registerWpsFunctions(en.add, started, () => 'en');
    try {
      en.registered.get('INTERNSHIP')!.fn([[1, 2]], 200);
      assert.fail('expected an error');
    } catch (error) {
      assert.match((error as Error).message, /must be a single cell/);
    }
  });
});

describe('before the engine is ready (it starts asynchronously)', () => {
  it('answers the loading text at once, never throws, and tells main.ts to recalculate later', async () => {
    const pending = pendingEngine();
    const stand = standIn();
    let early = 0;
    registerWpsFunctions(stand.add, pending.start, () => 'zh', () => early++);
    const internship = stand.registered.get('INTERNSHIP')!.fn;
    assert.equal(internship(114, 200), '校企合作考核引擎加载中，请稍候');
    assert.equal(stand.registered.get('WEIGHTED')!.fn(87, 91.5), '校企合作考核引擎加载中，请稍候');
    assert.equal(early, 2);
    await pending.finish();
    assert.equal(internship(114, 200), 19, 'the golden number once the engine is ready');
    assert.equal(early, 2, 'calls after the start are not early');
  });

  it('answers in English when WPS runs in English', () => {
    const stand = standIn();
    registerWpsFunctions(stand.add, pendingEngine().start, () => 'en');
    assert.equal(stand.registered.get('INTERNSHIP')!.fn(114, 200), 'The assessment engine is loading, please wait');
  });

  it('after a failed start, says why in the cell instead of loading for ever', async () => {
    const pending = pendingEngine();
    const stand = standIn();
    registerWpsFunctions(stand.add, pending.start, () => 'zh');
    await pending.fail(new RangeError('WebAssembly.Compile is disallowed on the main thread'));
    assert.equal(stand.registered.get('INTERNSHIP')!.fn(114, 200), '校企合作考核评分引擎无法启动：WebAssembly.Compile is disallowed on the main thread');
  });
});

describe('an omitted optional argument as WPS passes it', () => {
  it('reads the COM "parameter not found" number (-2147352572) as omitted', () => {
    assert.equal(WPS_PARAM_NOT_FOUND, -2147352572);
    assert.equal(call('INTERNSHIP', 114, 200, -2147352572), 19);
    assert.equal(call('INTERNSHIP', 114, 200, undefined), 19);
    // In every optional place, not only the last: the names range of a majors function too.
    const withNames = call('PARTNERS', [[2], [1]], -2147352572, -2147352572);
    assert.equal(withNames, call('PARTNERS', [[2], [1]]));
  });
});

// --- the ledger and calendar functions and the hint, with cell values as WPS's Value2 gives them:
// a date cell as its serial number, a text cell as text, a single cell sometimes as a 1×1 array,
// and an omitted optional argument as -2147352572.
describe('the ledger and calendar functions through WPS', () => {
  it('FILINGDAYS: serials (44986 = 2023-03-01) and text dates alike', () => {
    assert.equal(call('FILINGDAYS', 44986, 44994), 8);
    assert.equal(call('FILINGDAYS', [[44986]], '2023-03-09'), 8);
    assert.equal(call('FILINGDAYS', '2023年3月1日', [['2023/3/9']]), 8);
    assert.match(errorOf('FILINGDAYS', 44994, 44986), /备案日期（filed）填的是「2023-03-01」，早于签订日期 2023-03-09/);
    assert.match(errorOf('FILINGDAYS', 44986, WPS_PARAM_NOT_FOUND), /备案日期（filed）未填写/);
  });

  it('CREDITCODE: TRUE/FALSE as a JS boolean, the reason with output 1', () => {
    assert.equal(call('CREDITCODE', '91430100MA4L16JK0C', WPS_PARAM_NOT_FOUND), true);
    assert.equal(call('CREDITCODE', [['91430100MA4L16JK0D']]), false);
    assert.match(String(call('CREDITCODE', '91430100MA4L16JK0D', 1)), /按前 17 位应为「C」/);
  });

  it('MISSEDMONTHS: a text month row, serial dates, the review row omitted as WPS omits it', () => {
    // 45173 = 2023-09-04, 45204 = 2023-10-05 (on the 5th: on time), 45237 = 2023-11-07 (late).
    const months = [['2023-09', '2023-10', '2023-11', '2023-12', '2024-03', '2024-04', '2024-05', '2024-06']];
    const dates = [[45173, 45204, 45237, '2023-12-01', '2024-03-01', '2024-04-05', '2024-05-05', '']];
    assert.equal(call('MISSEDMONTHS', '2023-2024', months, dates, WPS_PARAM_NOT_FOUND, WPS_PARAM_NOT_FOUND), 2);
    assert.equal(call('MISSEDMONTHS', '2023-2024', months, dates, WPS_PARAM_NOT_FOUND, 1), '2023年11月 逾期（11月7日）；2024年6月 未上报');
    const reviews = [['', '', '', '', '不合格', '', '', '']];
    assert.deepEqual(call('MISSEDMONTHS', '2023-2024', months, dates, reviews, 2), [[8, 3, '2023年11月 逾期（11月7日）；2024年3月 退回；2024年6月 未上报']]);
    assert.match(errorOf('MISSEDMONTHS', '2023-2024', [['2024-07']], [['']]), /「2024-07」不是 2023-2024 学年应报的月份/);
  });

  it('output 3: the first hint, empty at the best', () => {
    assert.equal(call('INTERNSHIP', 114, 200, 3), '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
    assert.equal(call('INTERNSHIP', 200, 200, 3), '');
  });
});
