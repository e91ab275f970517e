/**
 * Checks a built WPS package folder (dist/wps/, or the offline folder) the way WPS will
 * read it: ribbon.xml begins with `<customUI` and is well-formed, every callback it names
 * is published by the entry bundle, every page loads a file that is there, WPS's JsPlugin
 * manifest points at a functions.json that is there, in the namespace the functions are
 * registered under, with names WPS accepts. Build-time code (Node), used by the build's
 * verify step and by the tests; never bundled into the add-in.
 */
import { DOMParser } from '@xmldom/xmldom';
import { WPS_FUNCTION_NAME, WPS_NAMESPACE } from '../functions.js';
import { RIBBON_IMAGE } from '../ribbon.js';

type Reader = (name: string) => Uint8Array;

/** Attributes of customUI controls whose value is the name of a JavaScript callback. */
const CALLBACK_ATTRIBUTES = /^(onLoad|onAction|onChange|get[A-Z]\w*|loadImage)$/;

function parseXml(text: string, file: string, problems: string[]): Document | undefined {
  const errors: string[] = [];
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml') as unknown as Document;
  } catch (error) {
    // xmldom throws on fatal errors (a tag left open) instead of reporting them.
    errors.push(error instanceof Error ? error.message : String(error));
  }
  if (errors.length > 0 || !doc?.documentElement) {
    problems.push(`${file} 不是格式正确的 XML / is not well-formed XML: ${errors[0] ?? 'no root element'}`);
    return undefined;
  }
  return doc;
}

function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*'));
}

/** The names of the callbacks ribbon.xml refers to. */
export function ribbonCallbackNames(ribbonXml: string): string[] {
  const problems: string[] = [];
  const doc = parseXml(ribbonXml, 'ribbon.xml', problems);
  if (!doc) return [];
  const names = new Set<string>();
  for (const el of allElements(doc)) {
    for (const attr of Array.from(el.attributes)) if (CALLBACK_ATTRIBUTES.test(attr.name)) names.add(attr.value);
  }
  return [...names];
}

/** Scripts and stylesheets an HTML page loads by relative path. */
function pageReferences(html: string): string[] {
  const refs: string[] = [];
  for (const m of html.matchAll(/<(?:script|link|img)\b[^>]*?\s(?:src|href)=["']([^"']+)["']/gi)) {
    if (!/^(?:[a-z]+:)?\/\//i.test(m[1])) refs.push(m[1].replace(/^\.\//, ''));
  }
  return refs;
}

/** Every problem found in the package; empty when WPS can load it. */
export function checkPackage(read: Reader, expected: readonly string[]): string[] {
  const problems: string[] = [];
  const present = new Map<string, string>();
  for (const name of expected) {
    try {
      present.set(name, new TextDecoder().decode(read(name)));
    } catch {
      problems.push(`缺少文件 / missing file: ${name}`);
    }
  }
  const text = (name: string) => present.get(name);

  const ribbon = text('ribbon.xml');
  if (ribbon !== undefined) {
    if (!ribbon.startsWith('<customUI')) problems.push('ribbon.xml 必须以 <customUI 开头（不要 XML 声明或 BOM）/ must begin with <customUI');
    if (parseXml(ribbon, 'ribbon.xml', problems)) {
      const bundle = text('coop-wps.js') ?? '';
      for (const name of ribbonCallbackNames(ribbon)) {
        if (!new RegExp(`\\b${name}\\b`).test(bundle)) problems.push(`ribbon.xml 的回调 ${name} 不在 coop-wps.js 中 / callback not in the bundle`);
      }
    }
  }
  if (!expected.includes(RIBBON_IMAGE)) problems.push(`功能区图标 ${RIBBON_IMAGE} 不在包中 / the ribbon image is not packaged`);

  for (const [page, script] of [['index.html', 'coop-wps.js'], ['taskpane.html', 'coop-wps-pane.js']] as const) {
    const html = text(page);
    if (html === undefined) continue;
    const refs = pageReferences(html);
    if (!refs.includes(script)) problems.push(`${page} 未加载 ${script} / does not load ${script}`);
    for (const ref of refs) if (!expected.includes(ref)) problems.push(`${page} 引用的 ${ref} 不在包中 / refers to a file not in the package`);
  }

  const manifest = text('manifest.xml');
  const manifestDoc = manifest === undefined ? undefined : parseXml(manifest, 'manifest.xml', problems);
  if (manifestDoc) {
    const root = manifestDoc.documentElement;
    const child = (name: string) => root.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
    if (root.tagName !== 'JsPlugin') problems.push('manifest.xml 的根元素应为 JsPlugin / root must be <JsPlugin>');
    const written = child('Uri');
    // "/functions.json" resolves to the server's root, not to the add-in's folder, once the
    // online package is served under a path (http://host/coop/wps/): it must be relative.
    if (written.startsWith('/')) problems.push(`manifest.xml 的 <Uri> ${written} 须为相对路径 / <Uri> must be relative to the package, not to the server root`);
    const uri = written.replace(/^\.?\//, '');
    if (!expected.includes(uri)) problems.push(`manifest.xml 的 <Uri> ${uri || '（空）'} 不在包中 / <Uri> is not in the package`);
    if (child('Namespace') !== WPS_NAMESPACE) problems.push(`manifest.xml 的 <Namespace> 应为 ${WPS_NAMESPACE} / must be ${WPS_NAMESPACE}`);
  }

  const functions = text('functions.json');
  if (functions !== undefined) {
    try {
      const parsed = JSON.parse(functions) as { functions?: Array<{ name?: string }> };
      const list = parsed.functions ?? [];
      if (list.length === 0) problems.push('functions.json 没有函数 / lists no functions');
      for (const f of list) if (!WPS_FUNCTION_NAME.test(f.name ?? '')) problems.push(`functions.json：函数名 ${f.name} 不被 WPS 接受 / not a valid WPS name`);
    } catch (error) {
      problems.push(`functions.json 不是 JSON / is not JSON: ${(error as Error).message}`);
    }
  }
  return problems;
}
