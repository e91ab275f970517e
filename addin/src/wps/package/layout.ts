/**
 * The WPS package's names and the XML entries WPS reads to find it. Pure, so that the
 * build target and the tests share one definition.
 *
 * WPS finds a JS add-in through a list of entries, either the per-user
 * `publish.xml` (Windows: %APPDATA%\kingsoft\wps\jsaddons\publish.xml, Linux:
 * ~/.local/share/Kingsoft/wps/jsaddons/publish.xml) or a central `jsplugins.xml` named by
 * `JSPluginsServer` in WPS's oem.ini. An online add-in is a `<jspluginonline url="…/">`
 * whose URL serves ribbon.xml; an offline one is a `<jsplugin>` whose url is the folder
 * name `<name>_<version>` inside jsaddons (publish.xml) or a .7z/.zip URL (jsplugins.xml).
 */

/** The add-in's name in every entry and in the offline folder's name (ASCII, no spaces). */
export const ADDIN_NAME = 'coop-assessment';

/** The offline folder WPS expects inside jsaddons: `<name>_<version>`. */
export function offlineFolder(version: string): string {
  return `${ADDIN_NAME}_${version}`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, attributes: Record<string, string>): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => `${k}="${escapeAttribute(v)}"`)
    .join(' ');
  return `<${name} ${attrs}/>`;
}

/** The publish.xml entry of an online install: WPS loads `<url>ribbon.xml` and the rest. */
export function onlineEntry(url: string): string {
  return element('jspluginonline', { name: ADDIN_NAME, type: 'et', url, enable: 'enable', install: 'null' });
}

/** The publish.xml entry of an offline install: the folder copied into jsaddons. */
export function offlineEntry(version: string): string {
  return element('jsplugin', { name: ADDIN_NAME, type: 'et', url: offlineFolder(version), version, enable: 'enable', install: 'null' });
}

/** A whole jsplugins.xml for the central (oem.ini JSPluginsServer) way, online. */
export function jspluginsXml(onlineUrl: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ${element('jspluginonline', { name: ADDIN_NAME, type: 'et', url: onlineUrl })}\n</jsplugins>\n`;
}

/** The files of the add-in folder, relative to it: what ribbon.xml and the pages need. */
export const PACKAGE_FILES = [
  'index.html',
  'ribbon.xml',
  'manifest.xml',
  'functions.json',
  'taskpane.html',
  'pane.css',
  'coop-wps.js',
  'coop-wps-pane.js',
  'images/coop-32.png',
] as const;

/** The installer scripts shipped beside the add-in folder (online and offline builds). */
export const INSTALLER_FILES = [
  'install-linux.sh',
  'uninstall-linux.sh',
  'publish-edit.awk',
  'install-windows.ps1',
  'uninstall-windows.ps1',
  'publish-xml.ps1',
  'install-windows.cmd',
  'uninstall-windows.cmd',
] as const;

/** Fills the @NAME@, @VERSION@ and @ONLINE_URL@ placeholders of an installer script. */
export function fillInstaller(text: string, values: { version: string; onlineUrl: string }): string {
  return text.split('@NAME@').join(ADDIN_NAME).split('@VERSION@').join(values.version).split('@ONLINE_URL@').join(values.onlineUrl);
}
