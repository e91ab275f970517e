/**
 * What the task pane page shows when it is not running inside Excel: opened in a plain
 * browser, Office.js unreachable (offline, blocked), or a host other than Excel. The page must
 * never hang on "Loading…" or fail silently; it says where it works and where to go instead:
 * the add-in's own ribbon tab (manifest.xml: Coop.Tab.Label / Coop.ShowTaskpane.Label).
 */
import { el } from '../ui/dom.js';

export type OutsideReason = 'no-office' | 'not-excel' | 'timeout' | 'failed';

const WHY: Record<OutsideReason, { zh: string; en: string }> = {
  'no-office': {
    zh: '未能加载 Office.js：此页面是 Excel 加载项的任务窗格，只能在 Excel 中运行。',
    en: 'Office.js could not be loaded: this page is the task pane of an Excel add-in and runs only inside Excel.',
  },
  'not-excel': {
    zh: '此页面是 Excel 加载项的任务窗格，只能在 Excel 中运行。',
    en: 'This page is the task pane of an Excel add-in and runs only inside Excel.',
  },
  timeout: {
    zh: 'Office 没有响应：此页面只能在 Excel 中作为加载项运行。',
    en: 'Office did not answer: this page runs only inside Excel, as an add-in.',
  },
  failed: {
    zh: '任务窗格启动失败：',
    en: 'The task pane failed to start: ',
  },
};

/** Replaces the page's content with the explanation; `detail` is an error's message, if any. */
export function showOutside(root: HTMLElement, reason: OutsideReason, detail = ''): void {
  const doc = root.ownerDocument;
  const web = 'web/index.html';
  const box = el(
    doc,
    'div',
    { class: 'coop-pane outside', 'data-reason': reason },
    el(doc, 'h1', {}, '校企合作考核'),
    el(doc, 'p', { role: 'alert', lang: 'zh-CN' }, WHY[reason].zh + detail),
    el(doc, 'p', { lang: 'zh-CN' }, '在 Excel 中：功能区的「校企合作考核」选项卡 → 「打开考核面板」。没有 Excel 或无法使用加载项时，请使用', el(doc, 'a', { href: web }, '网页版'), '：在浏览器中打开 .xlsx 工作簿，检查、计分并下载结果。'),
    el(doc, 'p', { lang: 'en' }, WHY[reason].en + detail),
    el(doc, 'p', { lang: 'en' }, 'In Excel: the Coop Assessment tab of the ribbon → Open Assessment. Without Excel or add-ins, use the ', el(doc, 'a', { href: web }, 'web page'), ': open an .xlsx workbook in the browser, check it, score it and download the result.'),
  );
  while (root.firstChild) root.removeChild(root.firstChild);
  root.appendChild(box);
}
