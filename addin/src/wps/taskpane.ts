/**
 * The WPS task pane page's bundle (taskpane.html, opened by the ribbon's 任务窗格 button
 * through Application.CreateTaskPane): the shared pane over the WPS host. The page has its
 * own copy of the engine, started asynchronously from the bytes embedded here (the pane says
 * so while it starts, and actions pressed meanwhile wait for it).
 */
import { embeddedEngine } from '../engine/embedded.js';
import { WpsHost } from '../host/wps.js';
import { mountPane } from '../ui/pane.js';
import type { EtApplication } from './et.js';

const root = document.getElementById('app');
const app = (window as unknown as { Application?: EtApplication }).Application;
if (root && app) {
  mountPane(root, { host: new WpsHost(app), engine: embeddedEngine().ready, locale: /^en/i.test(navigator.language) ? 'en' : 'zh' });
} else if (root) {
  // Opened outside WPS (e.g. in a browser): say so rather than fail silently.
  root.textContent = '此页面须在 WPS 表格中打开。/ This page must be opened inside WPS 表格.';
}
