import { useEffect, useState } from 'preact/hooks';

/**
 * Sites an imported backup lists as ones JobLens always ran on, that it does not run on here.
 * The browser lets JobLens onto a site only when the user says so, from a click, so an import
 * cannot bring them back by itself: they wait here until allowed (one prompt for all) or
 * dismissed.
 */
export interface SitesFromBackupApi {
  /** The sites waiting, less those JobLens already runs on here. */
  sitesFromBackup(): Promise<string[]>;
  /** Asks the browser for all of them in one prompt; false when the user says no. */
  allowSitesFromBackup(origins: string[]): Promise<boolean>;
  dismissSitesFromBackup(origins: string[]): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `refresh` changes when an import ends, which may have added sites. */
export function SitesFromBackup({ api, refresh }: { api: SitesFromBackupApi; refresh?: string | null }) {
  const [sites, setSites] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api.sitesFromBackup().then(setSites, () => setSites([]));
  }, [api, refresh]);

  const allow = async () => {
    setNotice(null);
    try {
      if (!(await api.allowSitesFromBackup(sites))) {
        setNotice('JobLens was not allowed on these sites; they are still listed here.');
        return;
      }
      setSites([]);
    } catch (error) {
      setNotice(`Could not add the sites: ${messageOf(error)}`);
    }
  };

  const dismiss = async () => {
    setNotice(null);
    try {
      await api.dismissSitesFromBackup(sites);
      setSites([]);
    } catch (error) {
      setNotice(`Could not dismiss the sites: ${messageOf(error)}`);
    }
  };

  if (sites.length === 0 && !notice) return null;
  const count = sites.length === 1 ? '1 site' : `${sites.length} sites`;
  return (
    <section class="jl-page-actions" aria-label="Sites from an imported backup">
      {sites.length > 0 ? (
        <>
          <p class="jl-hint">
            An imported backup lists {count} JobLens always read there, not on here yet: {sites.join(', ')}.
          </p>
          <div class="jl-page-row">
            <button type="button" class="jl-button" onClick={() => void allow()}>
              Always run on {sites.length === 1 ? 'this site' : `these ${sites.length} sites`}
            </button>
            <button type="button" class="jl-button" onClick={() => void dismiss()}>
              Dismiss
            </button>
          </div>
        </>
      ) : null}
      {notice ? (
        <p class="jl-notice" role="alert">
          {notice}
        </p>
      ) : null}
    </section>
  );
}
