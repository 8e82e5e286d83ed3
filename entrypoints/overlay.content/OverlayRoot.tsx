import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Posting, SavedPosting } from '../../src/model/index.ts';
import { Overlay, type OverlayProps } from '../../src/ui/overlay/Overlay.tsx';
import type { AnnotationsApi } from '../../src/ui/overlay/Annotations.tsx';
import type { sendMessage as SendMessage } from '../../src/messaging/client.ts';

/**
 * The messaging client, loaded when the panel first sends a message: it builds the schema
 * of every message there is, which the panel needs only once it is on screen. Built when the
 * script loaded, they held the panel back on every posting.
 */
const sendMessage: typeof SendMessage = async (type, payload) => (await import('../../src/messaging/client.ts')).sendMessage(type, payload);

/** Whether a reading may refresh the saved copy of its posting: not one from an apply page, which lacks the posting's text. */
export function refreshesSaved(via: OverlayProps['readVia']): boolean {
  return via !== 'apply-page';
}

type OverlayRootProps = { posting: Posting; onClose: () => void } & Pick<OverlayProps, 'onShowEvidence' | 'isEvidenceOnPage' | 'readVia' | 'textClipped' | 'onSaveTestCase'>;

/**
 * Connects the overlay to the background (whether this posting is saved, saving it, the
 * user's edits to the saved record) and to the page (showing a value's sentence there).
 *
 * Coming back to a saved posting refreshes the saved copy with this read: the background
 * keeps the user's part (status, notes, corrections) and records what changed on the
 * page since, which the overlay then shows. An apply page shows only the posting's headline,
 * so its reading never replaces a saved copy (`refreshesSaved`).
 */
export function OverlayRoot({ posting, onClose, onShowEvidence, isEvidenceOnPage, readVia, textClipped, onSaveTestCase }: OverlayRootProps) {
  const [saved, setSaved] = useState<SavedPosting | null>(null);
  // Why the saved status could not be read, if it could not: not the same as "not saved".
  const [statusUnknown, setStatusUnknown] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      let status;
      try {
        // Asked again once if the background stopped before it answered (src/messaging/retry.ts).
        status = await sendMessage('posting.status', { id: posting.id });
      } catch (error) {
        console.warn('[JobLens] could not read saved state', error);
        if (live) setStatusUnknown(error instanceof Error ? error.message : String(error));
        return;
      }
      if (!live) return;
      setStatusUnknown(null);
      if (!status.saved) return;
      setSaved(status.saved);
      if (!refreshesSaved(readVia)) return;
      const refreshed = await sendMessage('posting.save', { posting });
      if (live) setSaved(refreshed.saved);
    })().catch((error: unknown) => console.warn('[JobLens] could not refresh the saved copy', error));
    return () => {
      live = false;
    };
  }, [posting, readVia]);

  const onSave = async () => {
    const res = await sendMessage('posting.save', { posting });
    setSaved(res.saved);
    setStatusUnknown(null);
  };

  const api = useMemo<AnnotationsApi>(
    () => ({
      update: async (patch) => setSaved((await sendMessage('saved.update', { id: posting.id, patch })).saved),
      markClosed: async (closed) => setSaved((await sendMessage('saved.markClosed', { id: posting.id, closed })).saved),
    }),
    [posting.id],
  );

  return (
    <Overlay
      posting={posting}
      saved={saved}
      statusUnknown={statusUnknown}
      onSave={onSave}
      onClose={onClose}
      api={api}
      onShowEvidence={onShowEvidence}
      isEvidenceOnPage={isEvidenceOnPage}
      readVia={readVia}
      textClipped={textClipped}
      onSaveTestCase={onSaveTestCase}
    />
  );
}
