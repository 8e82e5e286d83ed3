import { buildTestCase, serializeTestCase, testCaseFileName } from '../io/test-case.ts';
import type { Posting } from '../model/index.ts';
import { pageAddress, snapshotPageHtml } from '../sites/page-snapshot.ts';
import { downloadText } from '../ui/download.ts';

/**
 * The panel's "Save this page as a test case": the page as it is now (sanitised, without the
 * panel), the reading the panel shows, and the extension's version, downloaded as one file by
 * a link in the panel's own shadow root. Nothing is sent anywhere. Resolves to the file's name.
 */
export function saveTestCase(input: {
  doc: Document;
  reading: Posting;
  /** The manifest's version. */
  extension: string;
  /** The panel's shadow host: left out of the page, so the page is as the site served it. */
  panelHost: Element;
  /** Where the download link is made: the panel's shadow root, out of the page's sight. */
  into: ShadowRoot;
  now?: Date;
}): string {
  const now = input.now ?? new Date();
  const html = snapshotPageHtml(input.doc, { omit: [input.panelHost] });
  const text = serializeTestCase(buildTestCase({ url: pageAddress(input.doc), html, reading: input.reading, extension: input.extension, capturedAt: now }));
  const fileName = testCaseFileName(input.reading, now);
  downloadText(text, 'application/json', fileName, input.into);
  return fileName;
}
