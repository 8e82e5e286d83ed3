import type { RawPosting } from '../model/index.ts';

/** One job board: which URLs are its posting pages, and how to read one. */
export interface SiteAdapter {
  /** Short, stable name used in posting ids (`lever:<uuid>`). */
  id: string;
  name: string;
  /** Hosts the board serves; their pages that are not postings (index, apply form) are not read at all. */
  hosts?: readonly string[];
  /** For boards with a host per employer (`{tenant}.myworkdayjobs.com`), where `hosts` cannot list them. */
  ownsHost?(host: string): boolean;
  /**
   * The board shows a list of jobs beside the selected one and changes the selection without
   * a page load (LinkedIn, Indeed search). When its own markup is not understood, only
   * JSON-LD that names this URL's job is taken: prose could be any job on the page.
   */
  singlePage?: boolean;
  /**
   * Where a single-page board renders the selected job (its detail pane). The reader
   * watches that element only, so a pane that fills in late is still read.
   */
  paneSelectors?: readonly string[];
  /** Pure: true for this board's posting pages only (not its board index or apply form). */
  matches(url: URL): boolean;
  /** The board's own id for the job named by this URL, when the URL carries one. */
  jobIdFromUrl?(url: URL): string | null;
  /**
   * The posting page an apply or application page belongs to (`.../{uuid}/apply` on Lever),
   * or null. The apply page shows the posting's headline, location, workplace type and
   * sometimes pay; it is read with `extract` as if at the posting's address.
   */
  postingUrlOfApplyPage?(url: URL): URL | null;
  /** The page's facts, or null when this page is not a posting. Never throws on an odd page. */
  extract(doc: Document, url: URL): RawPosting | null;
}
