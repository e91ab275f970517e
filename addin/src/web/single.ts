/**
 * One department's workbook on the page: open it (file, drop or the bundled sample) and run
 * the shared task pane over it, exactly as in Excel, starting with 计算得分 (which validates,
 * marks the bad cells and writes the scores). Beside the pane the page shows what a wide
 * screen allows: every line's base, deduction, bonus and score with its reasons, and where a
 * selected cell is. The scored workbook is offered as a download only while the workbook has
 * no problem: the button scores once more and hands out nothing if that run finds any.
 */
import type { ActionReport, Locale } from '../flow/index.js';
import type { Engine } from '../engine/types.js';
import type { RangeRef } from '../host/host.js';
import { XlsxHost } from '../host/xlsx.js';
import type { MountedPane } from '../ui/pane.js';
import { byId, downloadBytes, withSuffix } from './dom.js';
import { text } from './i18n.js';
import { showCell } from './preview.js';
import { renderDepartment } from './report.js';
import { mountWebPane } from './pane.js';
import { printPart, type Weights } from './print.js';

interface Opened {
  host: XlsxHost;
  fileName: string;
  pane: MountedPane;
}

export class SingleWorkbook {
  private opened: Opened | undefined;
  private readonly status = byId('single-status');
  private readonly work = byId('single-work');
  private readonly details = byId('single-details');
  private readonly preview = byId('cell-preview');
  private readonly download = byId<HTMLButtonElement>('download-workbook');
  private readonly downloadHint = byId('download-hint');
  private readonly paneRoot = byId('pane-root');
  private readonly print = byId<HTMLButtonElement>('print-department');

  /** The rubric's weights, printed under the scores. */
  private readonly weights: Weights;

  constructor(
    private readonly engine: Engine,
    private locale: Locale,
  ) {
    this.weights = engine.rubricInfo().weights;
    this.download.addEventListener('click', () => void this.offerDownload());
    this.print.addEventListener('click', () => printPart('department'));
    // The pane redraws itself after every action, whoever started it; the page follows.
    new MutationObserver(() => this.follow()).observe(this.paneRoot, { childList: true });
  }

  /** Opens the workbook in `bytes` and scores it through the pane. */
  async open(bytes: Uint8Array, fileName: string): Promise<void> {
    this.opened?.pane.unmount();
    this.opened = undefined;
    this.download.disabled = true;
    this.preview.hidden = true;
    this.details.replaceChildren();
    this.status.classList.remove('bad');
    this.status.textContent = text(this.locale, 'working');
    let host: XlsxHost;
    try {
      host = await XlsxHost.load(bytes, { onSelect: (ref) => void this.showSelected(ref) });
    } catch (e) {
      this.work.hidden = true;
      this.status.textContent = `${fileName}：${e instanceof Error ? e.message : String(e)}`;
      this.status.classList.add('bad');
      return;
    }
    this.status.replaceChildren(`${text(this.locale, 'opened')}：`, Object.assign(document.createElement('strong'), { textContent: fileName }));
    this.status.querySelector('strong')?.setAttribute('data-file', fileName);
    this.work.hidden = false;
    const pane = mountWebPane(this.paneRoot, { host, engine: this.engine, locale: this.locale });
    this.opened = { host, fileName, pane };
    await pane.run('fillScores');
  }

  /** The pane's latest finished report, if nothing is running. */
  private report(): ActionReport | undefined {
    const state = this.opened?.pane.state();
    return state && !state.running ? state.report : undefined;
  }

  private follow(): void {
    const report = this.report();
    this.download.disabled = !report?.ok;
    this.downloadHint.hidden = !report || report.ok || report.problems.length === 0;
    const scored = report?.departments?.filter((d) => d.selfLines && d.selfLines.length > 0) ?? [];
    // Only a scoring run replaces the details; other actions (summary, appraisal) leave them.
    if (report?.action === 'fillScores' || !report?.ok) {
      this.details.replaceChildren(...scored.map((d) => renderDepartment(this.locale, d, this.weights, (h) => void this.pickHint(h))));
      this.print.disabled = scored.length === 0;
    }
  }

  /** A hint clicked under a line: its input cell selected and shown, as a problem's is. */
  private async pickHint(ref: RangeRef): Promise<void> {
    await this.opened?.host.select({ sheet: ref.sheet, address: ref.address });
    this.preview.scrollIntoView?.({ block: 'nearest' });
  }

  private async showSelected(ref: RangeRef): Promise<void> {
    if (this.opened) await showCell(this.opened.host, ref, this.preview, this.locale);
  }

  /**
   * Scores again before saving (an action in the pane may have changed the workbook since)
   * and downloads only when that run is clean: a workbook with problems is never handed out
   * as a result.
   */
  private async offerDownload(): Promise<void> {
    const opened = this.opened;
    if (!opened) return;
    await opened.pane.run('fillScores');
    if (!this.report()?.ok) return;
    const bytes = await opened.host.save();
    downloadBytes(bytes, withSuffix(opened.fileName, this.locale === 'zh' ? '（已计分）' : ' (scored)'));
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    const pane = this.opened?.pane;
    if (pane && pane.state().locale !== locale) {
      // The pane keeps its own language; its switch is hidden on the page and pressed from here.
      this.paneRoot.querySelector<HTMLButtonElement>('.coop-pane .locale')?.click();
    }
    this.follow();
  }
}
