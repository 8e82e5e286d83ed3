import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { SHORT_PASSPHRASE } from '../../io/encrypted-export.ts';

/**
 * The passphrase forms of an encrypted export: one to choose a passphrase and export, one to
 * type it and import. The encrypting and decrypting are the caller's (`onExport`,
 * `onUnlock`); these only take the passphrase and say what went wrong.
 */

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const SHORT_WARNING =
  `This passphrase is short: anyone who gets the file could guess it. One of ${SHORT_PASSPHRASE} characters or more (a few words) is safer; this one still works.`;
export const MISMATCH = 'The two passphrases differ: type the same one twice.';

export interface EncryptExportProps {
  /** Encrypts and downloads the export; rejects with a message to show. */
  onExport(passphrase: string): Promise<void>;
  onCancel(): void;
}

/** "Encrypt with a passphrase": typed twice; a short one is warned about, not refused. */
export function EncryptExport({ onExport, onCancel }: EncryptExportProps) {
  const id = useId();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (first === '') return setError('Type a passphrase.');
    if (first !== again) return setError(MISMATCH);
    setError(null);
    setBusy(true);
    try {
      await onExport(first);
    } catch (failure) {
      setError(`Could not export: ${messageOf(failure)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="jl-passphrase" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <p id={`${id}-title`} class="jl-passphrase-title">
        Export encrypted with a passphrase
      </p>
      <p class="jl-hint">
        The file opens only with this passphrase, on any computer with JobLens. JobLens keeps no copy of it: if you
        lose it, the file cannot be opened. It holds your saved jobs and your settings. CSV exports are never encrypted.
      </p>
      <label class="jl-field">
        <span>Passphrase</span>
        <input ref={firstRef} type="password" autocomplete="new-password" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
      </label>
      <label class="jl-field">
        <span>Passphrase again</span>
        <input type="password" autocomplete="new-password" value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
      </label>
      {first !== '' && first.length < SHORT_PASSPHRASE ? (
        <p class="jl-warning" role="status">
          {SHORT_WARNING}
        </p>
      ) : null}
      {error ? (
        <p class="jl-notice" role="alert">
          {error}
        </p>
      ) : null}
      <div class="jl-row">
        <button type="submit" class="jl-button jl-button-primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? 'Encrypting…' : 'Export encrypted'}
        </button>
        <button type="button" class="jl-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export interface UnlockImportProps {
  fileName: string;
  /** Opens the file and hands it to the import; rejects with a message to show (a wrong passphrase). */
  onUnlock(passphrase: string): Promise<void>;
  onCancel(): void;
}

/** An encrypted file was picked to import: asks for its passphrase; a wrong one can be typed again. */
export function UnlockImport({ fileName, onUnlock, onCancel }: UnlockImportProps) {
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setBusy(true);
    try {
      await onUnlock(passphrase);
    } catch (failure) {
      setError(messageOf(failure));
      inputRef.current?.select();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="jl-passphrase" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <p id={`${id}-title`} class="jl-passphrase-title">
        {fileName} is encrypted
      </p>
      <label class="jl-field">
        <span>Passphrase for {fileName}</span>
        <input
          ref={inputRef}
          type="password"
          autocomplete="current-password"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      {error ? (
        <p class="jl-notice" role="alert">
          {error}
        </p>
      ) : null}
      <div class="jl-row">
        <button type="submit" class="jl-button jl-button-primary" aria-disabled={busy ? 'true' : undefined}>
          {busy ? 'Opening…' : 'Import'}
        </button>
        <button type="button" class="jl-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
