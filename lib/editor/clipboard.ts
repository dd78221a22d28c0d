/**
 * Last resort when the editor cannot be filled: put the reply on the clipboard so the agent pastes
 * it (a real paste always works). The async Clipboard API first; it needs a focused document, so
 * fall back to the old hidden-textarea copy. Never throws: the answer says whether it worked.
 */
const CLIPBOARD_TIMEOUT_MS = 1000;

export async function copyToClipboard(text: string, doc: Document = document): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      // A permission prompt or an unfocused page can leave the promise pending: don't wait forever.
      const written = await Promise.race([
        clipboard.writeText(text).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CLIPBOARD_TIMEOUT_MS)),
      ]);
      if (written) return true;
    } catch {
      // fall through to the textarea copy
    }
  }
  return copyWithTextarea(text, doc);
}

function copyWithTextarea(text: string, doc: Document): boolean {
  if (!doc.body || typeof doc.execCommand !== 'function') return false;
  const previous = doc.activeElement;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  area.style.opacity = '0';
  doc.body.append(area);
  try {
    area.select();
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    if (previous instanceof HTMLElement) previous.focus();
  }
}
