/**
 * The office's view: every department's returned workbook dropped at once. Each is checked
 * by the flow (errors listed per workbook and cell) and read for its scores; when every
 * workbook is clean, the flow builds the summary (S1, S2, final, rank) and the appraisal
 * sheet in a new workbook, which the page offers as one download, with the tab-separated
 * text beside it. A workbook with errors blocks the summary until it is fixed or removed,
 * because a summary missing a department would rank the others wrongly.
 */
import type { DepartmentRecord, DepartmentResult, FlowContext, FlowProblem, Locale, TargetsTable } from '../flow/index.js';
import { targetsTableElement } from '../ui/targets.js';
import { appraisalText, buildSummary, readDepartments } from '../flow/index.js';
import { noDepartments } from '../flow/workbook.js';
import type { Engine } from '../engine/types.js';
import { XlsxHost } from '../host/xlsx.js';
import { byId, downloadBytes, el } from './dom.js';
import { text } from './i18n.js';
import { renderProblems, renderRanking } from './report.js';
import { printPart, type Weights } from './print.js';

interface Entry {
  fileName: string;
  bytes: Uint8Array;
  /** Why the file could not be read at all (not an .xlsx). */
  unreadable?: string;
  problems: FlowProblem[];
  departments: DepartmentRecord[];
}

interface Summary {
  bytes: Uint8Array;
  rows: DepartmentResult[];
  /** The platform targets the summary workbook's 平台建设目标 sheet holds. */
  targets?: TargetsTable;
  tsv: string;
  problems: FlowProblem[];
}

export class Batch {
  private entries: Entry[] = [];
  private summary: Summary | undefined;
  private readonly status = byId('batch-status');
  private readonly result = byId('batch-result');
  private readonly download = byId<HTMLButtonElement>('download-summary');
  private readonly appraisal = byId('appraisal');
  private readonly appraisalText = byId<HTMLTextAreaElement>('appraisal-text');
  private readonly copy = byId<HTMLButtonElement>('copy-appraisal');
  private readonly print = byId<HTMLButtonElement>('print-summary');

  /** The rubric's weights, printed under the scores. */
  private readonly weights: Weights;

  constructor(
    private readonly engine: Engine,
    private locale: Locale,
  ) {
    this.weights = engine.rubricInfo().weights;
    this.download.addEventListener('click', () => this.offerDownload());
    this.copy.addEventListener('click', () => void this.copyText());
    this.print.addEventListener('click', () => printPart('summary'));
  }

  private ctx(host: XlsxHost): FlowContext {
    return { host, engine: this.engine, locale: this.locale };
  }

  /** Adds (or replaces, by file name) workbooks and redoes the summary. */
  async add(files: Array<{ name: string; bytes: Uint8Array }>): Promise<void> {
    for (const f of files) {
      const entry: Entry = { fileName: f.name, bytes: f.bytes, problems: [], departments: [] };
      const at = this.entries.findIndex((e) => e.fileName === f.name);
      if (at >= 0) this.entries[at] = entry;
      else this.entries.push(entry);
    }
    await this.refresh();
  }

  private async check(entry: Entry): Promise<void> {
    entry.problems = [];
    entry.departments = [];
    entry.unreadable = undefined;
    let host: XlsxHost;
    try {
      host = await XlsxHost.load(entry.bytes);
    } catch (e) {
      entry.unreadable = e instanceof Error ? e.message : String(e);
      return;
    }
    // readDepartments validates each department as it scores it, with every problem located.
    const read = await readDepartments(host, this.engine, this.locale);
    entry.problems = read.problems.length === 0 && read.departments.length === 0 ? [noDepartments(this.locale)] : read.problems;
    entry.departments = read.departments.map((d) => ({ ...d, source: entry.fileName }));
  }

  private async refresh(): Promise<void> {
    this.status.textContent = text(this.locale, 'working');
    this.status.classList.remove('bad');
    this.summary = undefined;
    for (const entry of this.entries) await this.check(entry);
    const clean = this.entries.length > 0 && this.entries.every((e) => !e.unreadable && e.problems.length === 0);
    if (clean) this.summary = await this.summarise();
    this.render();
  }

  /** The summary workbook, made by the flow's buildSummary and appraisalText on a new workbook. */
  private async summarise(): Promise<Summary> {
    const records = this.entries.flatMap((e) => e.departments);
    const host = XlsxHost.empty();
    const ctx = this.ctx(host);
    const built = await buildSummary(ctx, records);
    if (!built.ok) return { bytes: new Uint8Array(), rows: [], tsv: '', problems: built.problems };
    const appraisal = await appraisalText(ctx);
    if (!appraisal.ok) return { bytes: new Uint8Array(), rows: [], tsv: '', problems: appraisal.problems };
    return { bytes: await host.save(), rows: appraisal.departments ?? built.departments ?? [], targets: built.targets, tsv: appraisal.tsv ?? '', problems: [] };
  }

  private render(): void {
    const t = (k: Parameters<typeof text>[1]) => text(this.locale, k);
    const rows = this.entries.map((entry, i) => {
      const bad = !!entry.unreadable || entry.problems.length > 0;
      const remove = el('button', { type: 'button', class: 'remove' }, t('remove'));
      remove.addEventListener('click', () => {
        this.entries.splice(i, 1);
        void this.refresh();
      });
      const details: HTMLElement[] = [];
      if (entry.unreadable) details.push(el('p', { class: 'bad' }, entry.unreadable));
      if (entry.problems.length > 0) details.push(renderProblems(this.locale, entry.problems));
      if (entry.departments.length > 0) {
        details.push(el('p', {}, entry.departments.map((d) => `${d.department}：S1 ${d.s1} · S2 ${d.s2}`).join('；')));
      }
      return el(
        'li',
        { class: bad ? 'workbook bad' : 'workbook', 'data-file': entry.fileName, 'data-status': bad ? 'bad' : 'ok' },
        el('strong', {}, entry.fileName),
        ' ',
        el('span', { class: 'badge' }, bad ? t('statusBad') : t('statusOk')),
        ' ',
        remove,
        ...details,
      );
    });
    // The ranking first: it is what the office came for; the workbooks follow for checking.
    const parts: HTMLElement[] = [];
    const summary = this.summary;
    if (summary && summary.problems.length > 0) parts.push(renderProblems(this.locale, summary.problems));
    if (summary && summary.rows.length > 0) parts.push(renderRanking(this.locale, summary.rows, this.weights, this.entries.flatMap((e) => e.departments)));
    if (summary?.targets) parts.push(targetsTableElement(document, this.locale, summary.targets));
    if (rows.length > 0) parts.push(el('h3', {}, `${t('workbooks')}（${rows.length}）`), el('ul', { class: 'workbooks' }, ...rows));
    this.result.replaceChildren(...parts);

    const ready = !!summary && summary.problems.length === 0 && summary.rows.length > 0;
    this.download.disabled = !ready;
    this.print.disabled = !ready;
    this.appraisal.hidden = !ready;
    this.appraisalText.value = ready ? summary.tsv : '';
    const blocked = this.entries.length > 0 && !this.summary;
    this.status.classList.toggle('bad', blocked || (!!summary && summary.problems.length > 0));
    this.status.textContent = blocked ? t('batchBlocked') : '';
  }

  private offerDownload(): void {
    if (!this.summary || this.summary.problems.length > 0) return;
    downloadBytes(this.summary.bytes, this.locale === 'zh' ? '校企合作考核汇总.xlsx' : 'coop-assessment-summary.xlsx');
  }

  private async copyText(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.appraisalText.value);
    } catch {
      // Clipboard access needs a secure context or a permission; selecting the text lets the
      // user copy it with Ctrl+C instead.
      this.appraisalText.select();
      document.execCommand('copy');
    }
    this.copy.textContent = text(this.locale, 'copied');
    setTimeout(() => (this.copy.textContent = text(this.locale, 'copy')), 1500);
  }

  async setLocale(locale: Locale): Promise<void> {
    this.locale = locale;
    if (this.entries.length > 0) await this.refresh();
  }
}
