/**
 * The XML steps of wps/install/publish-xml.ps1 (the Windows installer's), mirrored one for
 * one on @xmldom/xmldom's DOM, because PowerShell is not on this machine: Read-PublishXml,
 * Remove-AddinEntries, Add-AddinEntry and the serialisation of Save-PublishXml. Keep the
 * two in step: each function here names the PowerShell function it mirrors.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

type XmlDocument = ReturnType<DOMParser['parseFromString']>;
type XmlNode = XmlDocument['documentElement'] & object;

/** Read-PublishXml: the existing file, or an empty list; anything without <jsplugins> is refused. */
export function readPublishXml(text: string | undefined): XmlDocument {
  const source = text ?? '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n</jsplugins>\n';
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level: string, msg: string) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(source, 'text/xml');
  if (errors.length > 0 || !doc.documentElement || doc.documentElement.localName !== 'jsplugins') {
    throw new Error('不是 WPS 的加载项列表（没有 <jsplugins>），未作修改 / is not a WPS add-in list; left unchanged');
  }
  return doc;
}

/** Whitespace-only text: what .NET's PreserveWhitespace loads as a Whitespace node. */
function isWhitespace(node: { nodeType: number; nodeValue: string | null } | null): boolean {
  return node !== null && node.nodeType === TEXT_NODE && /^\s*$/.test(node.nodeValue ?? '');
}

/** Remove-AddinEntries: every <jsplugin>/<jspluginonline> named `name`, with the whitespace before it. */
export function removeAddinEntries(doc: XmlDocument, name: string): void {
  const root = doc.documentElement as XmlNode;
  const ours = Array.from(root.childNodes).filter(
    (n) =>
      n.nodeType === ELEMENT_NODE &&
      ((n as XmlNode).localName === 'jsplugin' || (n as XmlNode).localName === 'jspluginonline') &&
      (n as XmlNode).getAttribute('name') === name,
  );
  for (const node of ours) {
    const previous = node.previousSibling;
    if (previous && isWhitespace(previous)) root.removeChild(previous);
    root.removeChild(node);
  }
}

/** Add-AddinEntry: a new element as the last child, before the closing tag's indentation. */
export function addAddinEntry(doc: XmlDocument, element: string, attributes: Record<string, string>): void {
  const root = doc.documentElement as XmlNode;
  const entry = doc.createElement(element);
  for (const [key, value] of Object.entries(attributes)) entry.setAttribute(key, value);
  const last = root.lastChild;
  const closingIndent = last && isWhitespace(last) ? last : null;
  root.insertBefore(doc.createTextNode('\n  '), closingIndent);
  root.insertBefore(entry, closingIndent);
  if (!closingIndent) root.appendChild(doc.createTextNode('\n'));
}

/** Save-PublishXml's text (the file itself is written by PowerShell's XmlWriter). */
export function serialisePublishXml(doc: XmlDocument): string {
  return new XMLSerializer().serializeToString(doc);
}
