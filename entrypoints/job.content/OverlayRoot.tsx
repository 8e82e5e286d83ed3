import { useEffect, useState } from 'preact/hooks';
import type { Posting } from '../../src/model/index.ts';
import { Overlay, type OverlayProps } from '../../src/ui/overlay/Overlay.tsx';
import { sendMessage } from '../../src/messaging/client.ts';

type OverlayRootProps = { posting: Posting; onClose: () => void } & Pick<OverlayProps, 'onShowEvidence' | 'isEvidenceOnPage'>;

/**
 * Connects the overlay to the background (whether this posting is saved, and saving it)
 * and to the page (showing a value's sentence there).
 */
export function OverlayRoot({ posting, onClose, onShowEvidence, isEvidenceOnPage }: OverlayRootProps) {
  const [saved, setSaved] = useState<{ savedAt: string } | null>(null);

  useEffect(() => {
    let live = true;
    sendMessage('posting.status', { id: posting.id })
      .then((res) => {
        if (live && res.saved) setSaved({ savedAt: res.saved.savedAt });
      })
      .catch((error: unknown) => console.warn('[JobLens] could not read saved state', error));
    return () => {
      live = false;
    };
  }, [posting.id]);

  const onSave = async () => {
    const res = await sendMessage('posting.save', { posting });
    setSaved({ savedAt: res.saved.savedAt });
  };

  return (
    <Overlay
      posting={posting}
      saved={saved}
      onSave={onSave}
      onClose={onClose}
      onShowEvidence={onShowEvidence}
      isEvidenceOnPage={isEvidenceOnPage}
    />
  );
}
