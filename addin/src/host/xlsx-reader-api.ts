/**
 * The contract between a page and dist/xlsx-reader.js, the separately built bundle that holds
 * the .xlsx host (ExcelJS, ~0.9 MB). The Excel task pane is also the custom functions' shared
 * runtime, so every Excel start loads its bundle; ExcelJS is needed only when someone sums up
 * other departments' workbooks, so the pane loads the reader then, with a <script> from the
 * page's own server, and not before. This module imports nothing from ExcelJS.
 */
import type { Host } from './host.js';

/** The reader's file in dist/, beside taskpane.js. */
export const XLSX_READER_FILE = 'xlsx-reader.js';

/** Put in by the build (esbuild `define`, scripts/build.ts): the add-in's package.json version. */
declare const __COOP_VERSION__: string | undefined;

/** The add-in's version in a built bundle; undefined when the sources run as they are (tests). */
export const BUILD_VERSION: string | undefined = typeof __COOP_VERSION__ === 'string' ? __COOP_VERSION__ : undefined;

/** The global the reader bundle sets when it has run. */
export const XLSX_READER_GLOBAL = '__coopXlsxReader';

/** Opens .xlsx bytes as a Host; rejects with a readable error when they are not a workbook. */
export type OpenWorkbook = (bytes: Uint8Array) => Promise<Host>;

/** What dist/xlsx-reader.js publishes. */
export interface XlsxReader {
  open: OpenWorkbook;
}

type ReaderGlobal = Record<string, XlsxReader | undefined>;

/** The global object in a page, a worker or a Node VM alike. */
export function readerGlobal(): ReaderGlobal {
  return (typeof globalThis === 'object' ? globalThis : self) as unknown as ReaderGlobal;
}

/**
 * The reader's URL: XLSX_READER_FILE beside `base`, asked for with the pane's `version`
 * ("xlsx-reader.js?v=0.1.0"). Both bundles come from one build, so a new version is a new URL
 * and a browser never answers a new pane with an old reader from its cache.
 */
export function xlsxReaderUrl(base: string, version: string | undefined = BUILD_VERSION): string {
  const url = new URL(XLSX_READER_FILE, base);
  if (version) url.searchParams.set('v', version);
  return url.href;
}

/**
 * Loads the reader on the first call, by adding a <script> to `doc` for XLSX_READER_FILE beside
 * `scriptUrl` (the URL of the page's own bundle; the page's base URL when not known), with the
 * add-in's `version` as its query (see xlsxReaderUrl); later calls share that load. A failed
 * load (offline, a missing file) rejects with a bilingual message and is tried again on the
 * next call. Nothing is resolved or loaded before the first call, so a page that never reads a
 * workbook never pays for, or trips over, the reader.
 */
export function xlsxReaderOnDemand(doc: Document, scriptUrl?: string, version: string | undefined = BUILD_VERSION): () => Promise<OpenWorkbook> {
  let loading: Promise<OpenWorkbook> | undefined;
  return () => {
    if (!loading) {
      loading = Promise.resolve()
        .then(() => loadReader(xlsxReaderUrl(scriptUrl || doc.baseURI, version), doc))
        .catch((error: unknown) => {
          loading = undefined;
          throw error;
        });
    }
    return loading;
  };
}

function loadReader(url: string, doc: Document): Promise<OpenWorkbook> {
  const ready = readerGlobal()[XLSX_READER_GLOBAL];
  if (ready) return Promise.resolve(ready.open);
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    const fail = (why: string) => {
      script.remove();
      reject(new Error(`无法加载 .xlsx 读取组件（${url}）/ Could not load the .xlsx reader (${url}): ${why}`));
    };
    script.onload = () => {
      const reader = readerGlobal()[XLSX_READER_GLOBAL];
      if (reader) resolve(reader.open);
      else fail('它没有注册读取器 / it registered no reader');
    };
    script.onerror = () => fail('请检查网络后重试 / check the connection and try again');
    script.async = true;
    script.src = url;
    (doc.head ?? doc.documentElement).appendChild(script);
  });
}
