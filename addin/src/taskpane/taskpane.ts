/**
 * The Excel task pane page, which is also the shared runtime's page: the custom functions are
 * registered by the import below whenever the runtime loads, then, once Office is ready and
 * the host is Excel, the pane is mounted over the Excel adapter with the embedded engine.
 * Anywhere else (a plain browser, Office.js unreachable, another Office host) the page says
 * where it works instead of hanging.
 *
 * ExcelJS is not in this bundle: the "other workbooks" action loads dist/xlsx-reader.js from
 * beside this script the first time it is used (host/xlsx-reader-api.ts).
 */
import '../functions/excel-entry.js';
import '../ui/pane.css';
import { embeddedEngine } from '../engine/embedded.js';
import { officeLocale } from '../functions/excel.js';
import { createExcelHost } from '../host/excel.js';
import { xlsxReaderOnDemand } from '../host/xlsx-reader-api.js';
import { mountPane } from '../ui/pane.js';
import { describeError } from '../ui/state.js';
import { otherWorkbooksAction } from './other-workbooks.js';
import { showOutside } from './outside.js';
import { unsupportedExcelMessage } from '../host/excel.js';

/** Office.onReady normally answers within a second; outside Office some builds never do. */
const READY_TIMEOUT_MS = 10_000;

/** The reader bundle sits beside this script; currentScript is only set while it first runs. */
const xlsxReader = xlsxReaderOnDemand(document, (document.currentScript as HTMLScriptElement | null)?.src);

function mountInExcel(root: HTMLElement): void {
  try {
    mountPane(root, {
      host: createExcelHost(),
      // The same start the custom functions share; actions pressed before it is ready wait.
      engine: embeddedEngine().ready,
      // The language Office shows the add-in's names in, so names and messages agree.
      locale: officeLocale(),
      extraActions: [otherWorkbooksAction(xlsxReader)],
    });
  } catch (error) {
    console.error('校企合作考核：任务窗格启动失败 / the task pane failed to start', error);
    showOutside(root, 'failed', describeError(error));
  }
}

function start(): void {
  const root = document.getElementById('pane') ?? document.body;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    showOutside(root, 'no-office');
    return;
  }
  let ready = false;
  const timer = setTimeout(() => {
    if (!ready) showOutside(root, 'timeout');
  }, READY_TIMEOUT_MS);
  Office.onReady((info) => {
    ready = true;
    clearTimeout(timer);
    // A late answer still mounts the pane over the timeout message.
    // An Excel too old for the add-in says so instead of failing at the first action.
    const unsupported = info.host === Office.HostType.Excel ? unsupportedExcelMessage() : null;
    if (unsupported) showOutside(root, 'failed', unsupported);
    else if (info.host === Office.HostType.Excel) mountInExcel(root);
    else showOutside(root, 'not-excel');
  }).catch((error: unknown) => {
    ready = true;
    clearTimeout(timer);
    showOutside(root, 'failed', describeError(error));
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
