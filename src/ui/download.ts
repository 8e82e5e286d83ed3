/**
 * Saves text (one string, or its pieces in order) as a file through a Blob URL and an
 * `<a download>` click, which needs no `downloads` permission. The link is put in `into`: an
 * extension page's document (its body), or the panel's shadow root on a job site's page, where
 * the click stops at the link, before it bubbles out to the page's own listeners.
 */
export function downloadText(text: string | readonly string[], type: string, fileName: string, into: Document | ShadowRoot = document): void {
  const isDocument = (node: Document | ShadowRoot): node is Document => node.nodeType === 9;
  const doc = isDocument(into) ? into : into.ownerDocument;
  const parent: ParentNode = isDocument(into) ? (into.body ?? into.documentElement) : into;
  const blob = new Blob(typeof text === 'string' ? [text] : [...text], { type });
  const url = URL.createObjectURL(blob);
  // Through the prototype: on a job site's page, an `<img name="createElement">` shadows the document's own.
  const link = Document.prototype.createElement.call(doc, 'a') as HTMLAnchorElement;
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  // The click is composed: stopped here, the page's bubbling listeners never see it (and so
  // cannot cancel the download); a listener capturing on the page's window still could.
  link.addEventListener('click', (event) => event.stopPropagation());
  parent.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
