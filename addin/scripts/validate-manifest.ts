/**
 * `npm run validate`: an OFFLINE check of manifest.xml. Microsoft's `office-addin-manifest
 * validate` posts the file to a web service that this network cannot reach, so the rules
 * that actually break add-ins are checked here: well-formed XML, element order, the shared
 * runtime's one resid, every resid defined, string lengths, every URL under the base served
 * from dist/, and every display string overridden for each required locale.
 *
 * Usage: npm run validate [-- --manifest ../manifest.xml --dist dist --base-url https://host/path/]
 * Without options it checks ../manifest.xml, and dist/manifest.xml too when a build made one.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface ManifestReport {
  errors: string[];
  warnings: string[];
}

export interface ValidateOptions {
  xml: string;
  /** dist/ to look URLs up in; without it URLs are not checked against files. */
  distDir?: string;
  /** Base URL of dist/; by default the folder of DefaultSettings/SourceLocation. */
  baseUrl?: string;
  /** Locales every display string and the functions metadata must be overridden for. */
  requiredLocales?: string[];
}

const SHORT_MAX = 125;
const LONG_MAX = 250;
const RESID_MAX = 32;
const URL_MAX = 2048;

/** Top-level children of a TaskPaneApp, in the order the schema's sequence demands. */
const TOP_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
];
const TOP_REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'DefaultSettings', 'Permissions'];
const OVERRIDES_ORDER = ['Description', 'Requirements', 'Hosts', 'Resources', 'EquivalentAddins', 'WebApplicationInfo', 'VersionOverrides'];
const HOST_ORDER = ['Runtimes', 'AllFormFactors', 'DesktopFormFactor', 'MobileFormFactor'];
const DESKTOP_ORDER = ['GetStarted', 'SupportsSharedFolders', 'FunctionFile', 'ExtensionPoint'];
const RESOURCES_ORDER = ['Images', 'Urls', 'ShortStrings', 'LongStrings'];

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource group an element's resid must name. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Namespace: 'ShortStrings',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** xmldom types localName as nullable (it is null only for non-elements). */
function nameOf(el: Element): string {
  return el.localName ?? '';
}

function children(el: Element | null | undefined, name?: string): Element[] {
  if (!el) return [];
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || nameOf(n as Element) === name)) out.push(n as Element);
  }
  return out;
}

function child(el: Element | null | undefined, name: string): Element | undefined {
  return children(el, name)[0];
}

function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', name));
}

function xsiType(el: Element): string {
  return el.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type') ?? el.getAttribute('xsi:type') ?? '';
}

/**
 * The custom-functions namespace: Office's naming rules ask for at least 3 characters, the
 * only machine-readable rule is ASCII (`^[A-Za-z][A-Za-z0-9._]*$`), and the documentation never
 * shows it localised through an override. So it is the same ASCII word in every locale; the
 * function names are what zh-CN users see in Chinese.
 */
const NAMESPACE = /^[A-Za-z][A-Za-z0-9._]*$/;

function checkNamespace(el: Element | undefined, rid: string, errors: string[]): void {
  if (!el) return; // reported as an undefined resource
  const value = el.getAttribute('DefaultValue') ?? '';
  if (!NAMESPACE.test(value) || value.length < 3) {
    errors.push(`函数命名空间“${value}”应为至少 3 个 ASCII 字母或数字 / the functions namespace "${value}" must be at least 3 ASCII letters or digits (^[A-Za-z][A-Za-z0-9._]*$)`);
  }
  if (children(el, 'Override').length > 0) {
    errors.push(`函数命名空间 ${rid} 不能按语言覆盖（函数名称已是中文）/ the functions namespace ${rid} must not be overridden per locale (the function names are localised instead)`);
  }
}

/** Reports children that break the schema's sequence, and unknown children when asked. */
function checkOrder(parent: Element, order: string[], where: string, errors: string[], strict = true): void {
  let last = -1;
  for (const el of children(parent)) {
    const at = order.indexOf(nameOf(el));
    if (at < 0) {
      if (strict) errors.push(`${where} 中有未知元素 <${nameOf(el)}> / unknown element <${nameOf(el)}> in ${where}`);
      continue;
    }
    if (at < last) {
      errors.push(`${where} 中 <${nameOf(el)}> 位置错误，应在 <${order[last]}> 之前 / <${nameOf(el)}> must come before <${order[last]}> in ${where}`);
    }
    last = Math.max(last, at);
  }
}

function parse(xml: string): { root?: Element; error?: string } {
  try {
    const doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (!root) return { error: 'XML 没有根元素 / no root element' };
    return { root };
  } catch (error) {
    return { error: `XML 格式错误 / not well-formed XML: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function validateManifest(options: ValidateOptions): ManifestReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  const locales = options.requiredLocales ?? ['zh-CN'];
  const { root, error } = parse(options.xml);
  if (!root) return { errors: [error!], warnings };

  if (nameOf(root) !== 'OfficeApp') errors.push(`根元素应为 <OfficeApp>，实为 <${nameOf(root)}> / root must be <OfficeApp>`);
  if (xsiType(root) !== 'TaskPaneApp') errors.push(`<OfficeApp> 的 xsi:type 应为 TaskPaneApp / xsi:type must be TaskPaneApp`);

  // --- top level -------------------------------------------------------------------------
  checkOrder(root, TOP_ORDER, '<OfficeApp>', errors);
  for (const name of TOP_REQUIRED) if (!child(root, name)) errors.push(`缺少 <${name}> / missing <${name}>`);
  const id = child(root, 'Id')?.textContent?.trim() ?? '';
  if (id && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) errors.push(`<Id> 应为 GUID：${id} / <Id> must be a GUID`);
  const version = child(root, 'Version')?.textContent?.trim() ?? '';
  if (version && !/^\d{1,5}(\.\d{1,5}){0,3}$/.test(version)) errors.push(`<Version> 格式错误：${version} / <Version> must be n.n.n.n`);

  const requirements = child(root, 'Requirements');
  const sets = requirements ? descendants(requirements, 'Set') : [];
  const shared = sets.find((s) => s.getAttribute('Name') === 'SharedRuntime');
  if (!shared) errors.push('<Requirements> 缺少 SharedRuntime 要求集 / missing the SharedRuntime requirement set');
  else if (Number(shared.getAttribute('MinVersion') ?? '0') < 1.1) errors.push('SharedRuntime 的 MinVersion 应至少为 1.1 / SharedRuntime MinVersion must be at least 1.1');

  for (const [name, max] of [['DisplayName', SHORT_MAX], ['Description', LONG_MAX]] as const) {
    const el = child(root, name);
    if (!el) continue;
    const values = [el.getAttribute('DefaultValue') ?? '', ...children(el, 'Override').map((o) => o.getAttribute('Value') ?? '')];
    for (const v of values) if ([...v].length > max) errors.push(`<${name}> 超过 ${max} 字符 / longer than ${max} characters: "${v.slice(0, 40)}…"`);
    for (const locale of locales) {
      if (!children(el, 'Override').some((o) => o.getAttribute('Locale') === locale)) errors.push(`<${name}> 缺少 ${locale} 的 Override / no ${locale} override`);
    }
  }

  // --- VersionOverrides ------------------------------------------------------------------
  const overrides = child(root, 'VersionOverrides');
  if (!overrides) {
    errors.push('缺少 <VersionOverrides> / missing <VersionOverrides>');
    return { errors, warnings };
  }
  checkOrder(overrides, OVERRIDES_ORDER, '<VersionOverrides>', errors);
  const host = children(child(overrides, 'Hosts'), 'Host').find((h) => xsiType(h) === 'Workbook');
  const resources = child(overrides, 'Resources');
  if (!host) errors.push('<VersionOverrides> 中缺少 Workbook 的 <Host> / no <Host xsi:type="Workbook">');
  if (!resources) errors.push('<VersionOverrides> 中缺少 <Resources> / missing <Resources>');

  // Resources: every id once, in its group.
  const defined = new Map<string, { kind: ResourceKind; el: Element }>();
  // The custom-functions namespace's string ids (normally one): ASCII in every locale.
  const namespaceResids = new Set(
    Array.from(overrides?.getElementsByTagName('*') ?? [])
      .filter((e) => nameOf(e) === 'Namespace')
      .map((e) => e.getAttribute('resid') ?? ''),
  );
  if (resources) {
    checkOrder(resources, RESOURCES_ORDER, '<Resources>', errors);
    for (const group of children(resources)) {
      const kind = nameOf(group) as ResourceKind;
      for (const el of children(group)) {
        const rid = el.getAttribute('id') ?? '';
        if (!rid) errors.push(`<bt:${kind}> 中有缺少 id 的条目 / an entry without id`);
        else if (defined.has(rid)) errors.push(`资源 id 重复：${rid} / duplicate resource id ${rid}`);
        else defined.set(rid, { kind, el });
        if ([...rid].length > RESID_MAX) errors.push(`资源 id 超过 ${RESID_MAX} 字符：${rid} / resource id longer than ${RESID_MAX}`);
        const values = [el.getAttribute('DefaultValue') ?? '', ...children(el, 'Override').map((o) => o.getAttribute('Value') ?? '')];
        const max = kind === 'ShortStrings' ? SHORT_MAX : kind === 'LongStrings' ? LONG_MAX : URL_MAX;
        for (const v of values) {
          if ([...v].length > max) errors.push(`${rid} 超过 ${max} 字符（${[...v].length}） / ${rid} is longer than ${max} characters (${[...v].length})`);
          if (!v.trim()) errors.push(`${rid} 的值为空 / ${rid} has an empty value`);
        }
        for (const o of children(el, 'Override')) {
          if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(o.getAttribute('Locale') ?? '')) errors.push(`${rid} 的 Override 缺少有效的 Locale / ${rid} has an override without a valid Locale`);
        }
        // The namespace is the one string that must not be localised (checked below).
        if ((kind === 'ShortStrings' || kind === 'LongStrings') && !namespaceResids.has(rid)) {
          for (const locale of locales) {
            if (!children(el, 'Override').some((o) => o.getAttribute('Locale') === locale)) errors.push(`${rid} 缺少 ${locale} 的 Override / ${rid} has no ${locale} override`);
          }
        }
      }
    }
  }

  // Every resid referenced exists, in the group its element needs.
  for (const el of Array.from(overrides.getElementsByTagName('*'))) {
    const rid = el.getAttribute('resid');
    if (rid === null) continue;
    const def = defined.get(rid);
    if (!def) errors.push(`<${nameOf(el)} resid="${rid}"> 引用的资源未定义 / refers to an undefined resource`);
    else if (RESID_KIND[nameOf(el)] && RESID_KIND[nameOf(el)] !== def.kind) {
      errors.push(`<${nameOf(el)} resid="${rid}"> 应引用 bt:${RESID_KIND[nameOf(el)]}，实为 bt:${def.kind} / must refer to bt:${RESID_KIND[nameOf(el)]}`);
    }
  }

  // The shared runtime: Runtimes first, one resid everywhere.
  if (host) {
    checkOrder(host, HOST_ORDER, '<Host xsi:type="Workbook">', errors);
    const first = children(host)[0];
    if (!first || nameOf(first) !== 'Runtimes') errors.push('<Runtimes> 必须是 <Host> 的第一个子元素 / <Runtimes> must be the first child of <Host>');
    const runtime = children(child(host, 'Runtimes'), 'Runtime')[0];
    const rid = runtime?.getAttribute('resid') ?? '';
    if (!runtime) errors.push('缺少 <Runtime>，共享运行时不会加载 / no <Runtime>: the shared runtime will not load');
    else if (runtime.getAttribute('lifetime') !== 'long') errors.push('<Runtime> 的 lifetime 应为 long / <Runtime lifetime> must be "long"');

    const customFunctions = descendants(host, 'ExtensionPoint').find((e) => xsiType(e) === 'CustomFunctions');
    if (!customFunctions) errors.push('缺少 CustomFunctions 扩展点 / no CustomFunctions extension point');
    else {
      for (const part of ['Script', 'Page', 'Metadata']) {
        if (!child(child(customFunctions, part), 'SourceLocation')) errors.push(`CustomFunctions 缺少 <${part}><SourceLocation> / missing <${part}><SourceLocation>`);
      }
      if (!child(customFunctions, 'Namespace')) errors.push('CustomFunctions 缺少 <Namespace> / missing <Namespace>');
      for (const nsRid of namespaceResids) checkNamespace(defined.get(nsRid)?.el, nsRid, errors);
      const page = child(child(customFunctions, 'Page'), 'SourceLocation')?.getAttribute('resid');
      if (runtime && page !== undefined && page !== rid) errors.push(`CustomFunctions 的 Page 应使用 resid="${rid}"，实为 "${page}" / Page must use the Runtime's resid`);
      const metadata = child(child(customFunctions, 'Metadata'), 'SourceLocation')?.getAttribute('resid');
      const metadataUrl = metadata ? defined.get(metadata)?.el : undefined;
      for (const locale of locales) {
        if (metadataUrl && !children(metadataUrl, 'Override').some((o) => o.getAttribute('Locale') === locale)) {
          errors.push(`函数元数据 ${metadata} 缺少 ${locale} 的 Override / the functions metadata URL has no ${locale} override`);
        }
      }
    }
    const desktop = child(host, 'DesktopFormFactor');
    if (desktop) checkOrder(desktop, DESKTOP_ORDER, '<DesktopFormFactor>', errors);
    const functionFile = child(desktop, 'FunctionFile')?.getAttribute('resid');
    if (runtime && functionFile !== rid) errors.push(`<FunctionFile> 应使用 resid="${rid}"，实为 "${functionFile ?? '（无）'}" / FunctionFile must use the Runtime's resid`);
    const actions = descendants(host, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane');
    if (actions.length === 0) errors.push('没有打开任务窗格的按钮（ShowTaskpane）/ no ShowTaskpane action');
    for (const action of actions) {
      const at = child(action, 'SourceLocation')?.getAttribute('resid');
      if (runtime && at !== rid) errors.push(`ShowTaskpane 应使用 resid="${rid}"，实为 "${at ?? '（无）'}" / ShowTaskpane must use the Runtime's resid`);
    }
  }

  // --- URLs ------------------------------------------------------------------------------
  const urls: Array<{ where: string; url: string }> = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    const el = child(root, name);
    if (el) urls.push({ where: `<${name}>`, url: el.getAttribute('DefaultValue') ?? '' });
  }
  const defaultPage = child(child(root, 'DefaultSettings'), 'SourceLocation')?.getAttribute('DefaultValue') ?? '';
  if (defaultPage) urls.push({ where: '<DefaultSettings>', url: defaultPage });
  for (const [rid, { kind, el }] of defined) {
    if (kind !== 'Urls' && kind !== 'Images') continue;
    urls.push({ where: rid, url: el.getAttribute('DefaultValue') ?? '' });
    for (const o of children(el, 'Override')) urls.push({ where: `${rid} (${o.getAttribute('Locale')})`, url: o.getAttribute('Value') ?? '' });
  }
  let base = options.baseUrl;
  if (!base && defaultPage) base = new URL('.', defaultPage).href;
  for (const { where, url } of urls) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      errors.push(`${where} 不是有效的地址：${url} / not a valid URL`);
      continue;
    }
    if (parsed.protocol !== 'https:') errors.push(`${where} 必须使用 https：${url} / must be https`);
    if (!base || !url.startsWith(base)) {
      warnings.push(`${where} 不在基础地址 ${base ?? '?'} 下，未检查文件 / not under the base URL, not checked: ${url}`);
      continue;
    }
    if (!options.distDir) continue;
    const path = decodeURIComponent(parsed.pathname.slice(new URL(base).pathname.length));
    const file = join(options.distDir, path || 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) errors.push(`${where} 指向的文件不在 dist/ 中：${path} / ${url} is not a file in dist/`);
  }
  return { errors, warnings };
}

export function formatReport(report: ManifestReport): string {
  return [...report.errors.map((e) => `  ✗ ${e}`), ...report.warnings.map((w) => `  ! ${w}`)].join('\n');
}

function main(): void {
  const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { values } = parseArgs({
    options: { manifest: { type: 'string' }, dist: { type: 'string' }, 'base-url': { type: 'string' } },
  });
  const distDir = resolve(values.dist ?? join(addinDir, 'dist'));
  if (!existsSync(distDir)) {
    console.error(`dist/ 不存在：请先运行 npm run build / ${distDir} does not exist: run npm run build first`);
    process.exit(1);
  }
  const manifests = values.manifest ? [resolve(values.manifest)] : [join(addinDir, '..', 'manifest.xml'), join(distDir, 'manifest.xml')].filter(existsSync);
  let failed = false;
  for (const path of manifests) {
    const report = validateManifest({ xml: readFileSync(path, 'utf8'), distDir, baseUrl: values['base-url'] });
    const name = relative(process.cwd(), path);
    if (report.errors.length > 0) failed = true;
    console.log(report.errors.length === 0 ? `✓ ${name} 通过检查 / passed` : `✗ ${name}：${report.errors.length} 个问题 / problems`);
    if (report.errors.length + report.warnings.length > 0) console.log(formatReport(report));
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
