/**
 * Copies text for pasting into the appraisal form. The asynchronous Clipboard API is the
 * normal way, but Office task panes run in an iframe whose host may not grant
 * `clipboard-write`, older Excel webviews (IE11-era Trident, EdgeHTML) lack it, and a plain
 * http:// intranet page is not a secure context; there the old select-and-execCommand way
 * still works inside the click that asked for it.
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator?.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, not focused): try the fallback below before giving up.
    }
  }
  return copyWithTextarea(doc, text);
}

function copyWithTextarea(doc: Document, text: string): boolean {
  if (!doc.body || typeof doc.execCommand !== 'function') return false;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off screen but still selectable: display:none or visibility:hidden cannot be selected.
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  doc.body.appendChild(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
