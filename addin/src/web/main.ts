/**
 * The standalone page: the task pane's flow over .xlsx files, for people whose Office cannot
 * run add-ins and for the office scoring a folder of returned workbooks. Everything runs in
 * this browser tab; the engine is embedded in this bundle, so the page works offline too.
 */
import type { Locale } from '../flow/index.js';
import { embeddedEngine } from '../engine/embedded.js';
import { engineFailureText } from '../engine/engine.js';
import { acceptFiles, byId, isXlsx } from './dom.js';
import { text, translatePage } from './i18n.js';
import { htmlLang } from '../ui/bilingual.js';
import { SingleWorkbook } from './single.js';
import { Batch } from './batch.js';
// The pane's styles; esbuild emits them as main.css beside main.js.
import '../ui/pane.css';

const LOCALE_KEY = 'coop-assessment-locale';

/** Chinese unless the user chose English (here or by `?lang=en`). */
function initialLocale(): Locale {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'en' || asked === 'zh') return asked;
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    // Storage can be blocked (private windows, file://); the default is fine then.
    return 'zh';
  }
}

async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

async function start(): Promise<void> {
  let locale = initialLocale();
  const apply = () => {
    document.documentElement.lang = htmlLang(locale);
    document.title = text(locale, 'title');
    translatePage(document, locale);
  };
  apply();

  // The engine starts asynchronously (old embedded browsers refuse to compile it synchronously);
  // it takes a few milliseconds, and the page's handlers go in once it is there.
  let engine;
  try {
    engine = await embeddedEngine().ready;
  } catch (e) {
    const fatal = byId('fatal');
    fatal.textContent = `${engineFailureText(e, 'zh')} / ${engineFailureText(e, 'en')}`;
    fatal.hidden = false;
    return;
  }
  const single = new SingleWorkbook(engine, locale);
  const batch = new Batch(engine, locale);

  acceptFiles(byId('single-drop'), byId<HTMLInputElement>('single-file'), (files) => {
    const file = files.find(isXlsx);
    const status = byId('single-status');
    if (!file) {
      status.textContent = text(locale, 'notXlsx');
      status.classList.add('bad');
      return;
    }
    void readFile(file).then((bytes) => single.open(bytes, file.name));
  });
  acceptFiles(byId('batch-drop'), byId<HTMLInputElement>('batch-files'), (files) => {
    const status = byId('batch-status');
    const xlsx = files.filter(isXlsx);
    if (xlsx.length === 0) {
      status.textContent = text(locale, 'notXlsx');
      status.classList.add('bad');
      return;
    }
    void Promise.all(xlsx.map(async (f) => ({ name: f.name, bytes: await readFile(f) }))).then((read) => batch.add(read));
  });

  byId('open-sample').addEventListener('click', () => {
    void fetch('sample.xlsx')
      .then((response) => {
        if (!response.ok) throw new Error(`sample.xlsx: HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => single.open(new Uint8Array(buffer), locale === 'zh' ? '示例-机电工程学院.xlsx' : 'sample-department.xlsx'))
      .catch((e: unknown) => {
        const status = byId('single-status');
        status.textContent = e instanceof Error ? e.message : String(e);
        status.classList.add('bad');
      });
  });

  byId('lang').addEventListener('click', () => {
    locale = locale === 'zh' ? 'en' : 'zh';
    try {
      localStorage.setItem(LOCALE_KEY, locale);
    } catch {
      // Not remembered across visits, but the switch still applies now.
    }
    apply();
    single.setLocale(locale);
    void batch.setLocale(locale);
  });

  // Lets tests (and anyone scripting the page) wait until the handlers are in place.
  document.body.dataset.ready = 'true';
}

void start();
