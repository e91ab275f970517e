/**
 * The shared task pane (src/ui) over the page's in-memory workbook, with the same extra
 * action the Excel pane has (a summary that takes in other departments' .xlsx files), so
 * every action of the add-in is available on the web exactly as in Excel.
 */
import type { Engine } from '../engine/types.js';
import type { Locale } from '../flow/index.js';
import type { Host } from '../host/host.js';
import { XlsxHost } from '../host/xlsx.js';
import { otherWorkbooksAction } from '../taskpane/other-workbooks.js';
import { mountPane, type MountedPane } from '../ui/pane.js';

/** The page's bundle has the .xlsx host already (it holds the workbook), so no loading here. */
const webReader = async () => (bytes: Uint8Array) => XlsxHost.load(bytes);

export function mountWebPane(root: HTMLElement, deps: { host: Host; engine: Engine; locale: Locale }): MountedPane {
  return mountPane(root, { ...deps, extraActions: [otherWorkbooksAction(webReader)] });
}
