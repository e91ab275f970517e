/**
 * The Excel pane's on-demand .xlsx reader (src/host/xlsx-reader-api.ts) against a stand-in
 * document whose <script> elements "load" as the test says: nothing is loaded until the first
 * use, one load serves every later use, a failed load says why and is retried, and the reader
 * is asked for with the add-in's version, so a cached old reader never meets a new pane.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILD_VERSION, readerGlobal, XLSX_READER_GLOBAL, xlsxReaderOnDemand, xlsxReaderUrl, type OpenWorkbook } from '../src/host/xlsx-reader-api.js';
import type { Host } from '../src/host/host.js';

interface FakeScript {
  src: string;
  async: boolean;
  onload: (() => void) | null;
  onerror: (() => void) | null;
  remove(): void;
}

/** A document whose appended scripts succeed (publishing `open`), fail, or publish nothing. */
function fakeDocument(outcome: () => 'ok' | 'error' | 'empty', open: OpenWorkbook) {
  const added: FakeScript[] = [];
  const doc = {
    baseURI: 'https://coop.example.edu.cn/addin/taskpane.html',
    head: {
      appendChild(script: FakeScript) {
        added.push(script);
        const result = outcome();
        setTimeout(() => {
          if (result === 'ok') readerGlobal()[XLSX_READER_GLOBAL] = { open };
          if (result === 'error') script.onerror?.();
          else script.onload?.();
        }, 0);
        return script;
      },
    },
    createElement: (): FakeScript => ({ src: '', async: false, onload: null, onerror: null, remove: () => undefined }),
  };
  return { doc: doc as unknown as Document, added };
}

const fakeOpen: OpenWorkbook = async () => ({ kind: 'web' }) as unknown as Host;

test('loads xlsx-reader.js beside the bundle on first use only, once', async () => {
  delete readerGlobal()[XLSX_READER_GLOBAL];
  const { doc, added } = fakeDocument(() => 'ok', fakeOpen);
  const reader = xlsxReaderOnDemand(doc, 'https://coop.example.edu.cn/addin/taskpane.js');
  assert.equal(added.length, 0, 'nothing loaded before the first use');
  const [a, b] = await Promise.all([reader(), reader()]);
  assert.equal(a, fakeOpen);
  assert.equal(b, fakeOpen);
  assert.equal(await reader(), fakeOpen);
  assert.deepEqual(added.map((s) => s.src), ['https://coop.example.edu.cn/addin/xlsx-reader.js']);
  delete readerGlobal()[XLSX_READER_GLOBAL];
});

test('without the script URL the page base URL is used', async () => {
  delete readerGlobal()[XLSX_READER_GLOBAL];
  const { doc, added } = fakeDocument(() => 'ok', fakeOpen);
  await xlsxReaderOnDemand(doc)();
  assert.deepEqual(added.map((s) => s.src), ['https://coop.example.edu.cn/addin/xlsx-reader.js']);
  delete readerGlobal()[XLSX_READER_GLOBAL];
});

test('a failed load says why, and the next use tries again', async () => {
  delete readerGlobal()[XLSX_READER_GLOBAL];
  const outcomes: Array<'ok' | 'error' | 'empty'> = ['error', 'empty', 'ok'];
  const { doc, added } = fakeDocument(() => outcomes.shift()!, fakeOpen);
  const reader = xlsxReaderOnDemand(doc, 'https://coop.example.edu.cn/addin/taskpane.js');
  await assert.rejects(reader(), /无法加载 \.xlsx 读取组件.*Could not load the \.xlsx reader.*check the connection/);
  await assert.rejects(reader(), /registered no reader/);
  assert.equal(await reader(), fakeOpen);
  assert.equal(added.length, 3);
  delete readerGlobal()[XLSX_READER_GLOBAL];
});

test('the reader is asked for with the version of the build, one URL per version', async () => {
  delete readerGlobal()[XLSX_READER_GLOBAL];
  const { doc, added } = fakeDocument(() => 'ok', fakeOpen);
  await xlsxReaderOnDemand(doc, 'https://coop.example.edu.cn/addin/taskpane.js', '0.1.0')();
  assert.deepEqual(added.map((s) => s.src), ['https://coop.example.edu.cn/addin/xlsx-reader.js?v=0.1.0']);
  delete readerGlobal()[XLSX_READER_GLOBAL];
  // The page's base URL works alike; a version is always a proper query value.
  assert.equal(xlsxReaderUrl('https://coop.example.edu.cn/addin/taskpane.html?x=1', '0.2.0-rc.1+build 7'), 'https://coop.example.edu.cn/addin/xlsx-reader.js?v=0.2.0-rc.1%2Bbuild+7');
  assert.notEqual(xlsxReaderUrl('https://coop.example.edu.cn/addin/', '0.1.0'), xlsxReaderUrl('https://coop.example.edu.cn/addin/', '0.1.1'));
  // Run from the sources (no build) there is no version, and no query.
  assert.equal(BUILD_VERSION, undefined);
  assert.equal(xlsxReaderUrl('https://coop.example.edu.cn/addin/'), 'https://coop.example.edu.cn/addin/xlsx-reader.js');
});
