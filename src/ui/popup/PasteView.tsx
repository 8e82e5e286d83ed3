import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Posting, SavedPosting } from '../../model/index.ts';
import { checkPastedInput, type PastedInput } from '../../model/pasted.ts';
import { CLIPPED_TEXT_MESSAGE, MAX_POSTING_TEXT_CHARS } from '../../model/text-limit.ts';
import { PostingReading } from '../overlay/Reading.tsx';
import { SavedSummary } from '../overlay/SavedSummary.tsx';
import '../overlay/reading.css';

/**
 * Read pasted text: a posting from an email, a PDF or a recruiter's message, pasted as text
 * (and its address, if the user has one), read as the panel reads a page, and saved as a
 * saved job. Reading and saving come through `api`: the popup loads the reading code only
 * when this view opens (src/extension/popup-api.ts), tests hand it what they like.
 */
export interface PastedApi {
  /** Starts loading the reading code, so the first Read does not wait for it. */
  prepare?(): void;
  /**
   * Reads the text (site "pasted"), its first MAX_POSTING_TEXT_CHARS characters: the posting it
   * holds, or each of several (a vacancies page copied whole); rejects with a message when the
   * input is refused.
   */
  read(input: PastedInput): Promise<Posting[]>;
  /** The saved record with this id (the same text saved before), or null. */
  find(id: string): Promise<SavedPosting | null>;
  /** Saves the reading, or refreshes the one saved from the same text; resolves to the record. */
  save(posting: Posting): Promise<SavedPosting>;
}

export interface PasteViewProps {
  api: PastedApi;
  onBack: () => void;
  /** Told once the reading is saved (each posting, when the text held several); the popup then shows them in the list. */
  onSaved: (saved: SavedPosting[]) => void;
}

type Reading =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'read'; postings: Posting[]; saved: (SavedPosting | null)[]; shown: number; clipped: boolean }
  | { kind: 'error'; message: string };

type FieldError = { field: 'text' | 'url'; message: string };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NO_ACTIONS = {};

export function PasteView({ api, onBack, onSaved }: PasteViewProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [fieldError, setFieldError] = useState<FieldError | null>(null);
  const [reading, setReading] = useState<Reading>({ kind: 'idle' });
  const [saving, setSaving] = useState<{ kind: 'idle' | 'saving' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const textRef = useRef<HTMLTextAreaElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => api.prepare?.(), [api]);
  // A new reading's heading gets the focus (and so comes into view below the form).
  useEffect(() => {
    if (reading.kind === 'read') resultRef.current?.focus();
  }, [reading]);

  // What was read belongs to the text as it was: an edit leaves it behind.
  const edit = (set: (value: string) => void, value: string) => {
    set(value);
    setFieldError(null);
    setSaving({ kind: 'idle' });
    setReading((current) => (current.kind === 'idle' ? current : { kind: 'idle' }));
  };

  const read = async (event: Event) => {
    event.preventDefault();
    if (reading.kind === 'reading') return;
    const input = { text, url };
    const checked = checkPastedInput(input);
    if (!checked.ok) {
      setFieldError({ field: checked.field, message: checked.message });
      (checked.field === 'url' ? urlRef : textRef).current?.focus();
      return;
    }
    setFieldError(null);
    setReading({ kind: 'reading' });
    try {
      const postings = await api.read(input);
      if (postings.length === 0) throw new Error('no posting in it');
      // Not knowing whether it was saved before does not stop the reading from showing.
      const saved = await Promise.all(postings.map((p) => api.find(p.id).catch(() => null)));
      setReading({ kind: 'read', postings, saved, shown: 0, clipped: text.length > MAX_POSTING_TEXT_CHARS });
    } catch (error) {
      setReading({ kind: 'error', message: `Could not read this text: ${messageOf(error)}` });
    }
  };

  /** Saves the posting shown, or all of them; one after another, so a failure names what was saved before it. */
  const save = async (which: 'shown' | 'all') => {
    if (reading.kind !== 'read' || saving.kind === 'saving') return;
    setSaving({ kind: 'saving' });
    const postings = which === 'all' ? reading.postings : [reading.postings[reading.shown]!];
    const done: SavedPosting[] = [];
    try {
      for (const posting of postings) done.push(await api.save(posting));
      onSaved(done);
    } catch (error) {
      const before = done.length > 0 ? ` (${done.length} of ${postings.length} saved before it)` : '';
      setSaving({ kind: 'error', message: `Could not save: ${messageOf(error)}${before}` });
    }
  };

  const show = (index: number) => {
    setSaving({ kind: 'idle' });
    setReading((current) => (current.kind === 'read' ? { ...current, shown: index } : current));
  };

  const errorId = `${id}-error`;
  const invalid = (field: FieldError['field']) =>
    fieldError?.field === field ? ({ 'aria-invalid': 'true', 'aria-describedby': errorId } as const) : {};

  return (
    <section class="jl-paste" aria-labelledby={`${id}-title`}>
      <div class="jl-view-header">
        <button type="button" class="jl-button" onClick={onBack}>
          Back to the list
        </button>
      </div>
      <h1 class="jl-view-title" id={`${id}-title`} tabIndex={-1} data-focus="heading">
        Read pasted text
      </h1>
      <p class="jl-hint">A posting from an email, a PDF or a message: paste its text, and JobLens reads it as it reads a page.</p>
      <form class="jl-paste-form" onSubmit={(e) => void read(e)} noValidate>
        <label class="jl-field">
          <span>Posting text</span>
          <textarea
            ref={textRef}
            class="jl-paste-text"
            rows={8}
            value={text}
            {...invalid('text')}
            onInput={(e) => edit(setText, e.currentTarget.value)}
          />
        </label>
        <label class="jl-field">
          <span>Address (optional)</span>
          <input
            ref={urlRef}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={url}
            {...invalid('url')}
            onInput={(e) => edit(setUrl, e.currentTarget.value)}
          />
        </label>
        {fieldError ? (
          <p id={errorId} class="jl-notice" role="alert">
            {fieldError.message}
          </p>
        ) : null}
        <div class="jl-row">
          {/* aria-disabled, not disabled: a disabled button would drop the focus it was pressed with. */}
          <button type="submit" class="jl-button jl-button-primary" aria-disabled={reading.kind === 'reading' ? 'true' : undefined}>
            {reading.kind === 'reading' ? 'Reading…' : 'Read'}
          </button>
        </div>
      </form>

      {reading.kind === 'error' ? (
        <p class="jl-notice" role="alert">
          {reading.message}
        </p>
      ) : null}

      {reading.kind === 'read' ? (
        <ReadingResult id={id} reading={reading} saving={saving} resultRef={resultRef} onShow={show} onSave={(which) => void save(which)} />
      ) : null}
    </section>
  );
}

interface ReadingResultProps {
  id: string;
  reading: Extract<Reading, { kind: 'read' }>;
  saving: { kind: 'idle' | 'saving' } | { kind: 'error'; message: string };
  resultRef: { current: HTMLHeadingElement | null };
  onShow: (index: number) => void;
  onSave: (which: 'shown' | 'all') => void;
}

/** What was read: the posting (or, of several, the one chosen), and Save. */
function ReadingResult({ id, reading, saving, resultRef, onShow, onSave }: ReadingResultProps) {
  const posting = reading.postings[reading.shown]!;
  const saved = reading.saved[reading.shown] ?? null;
  const several = reading.postings.length > 1;
  return (
    <section class="jl-paste-result" aria-labelledby={`${id}-result`}>
      {several ? (
        <div class="jl-paste-several">
          <p class="jl-notice" role="note">
            This text holds {reading.postings.length} postings. Each is read on its own and saved as its own job.
          </p>
          <div class="jl-row" role="group" aria-label="Postings in the text">
            {reading.postings.map((p, i) => (
              <button type="button" class="jl-button" aria-pressed={i === reading.shown ? 'true' : 'false'} onClick={() => onShow(i)}>
                {`${i + 1}. ${p.title || 'Untitled job'}`}
              </button>
            ))}
          </div>
        </div>
      ) : null}
      <p class="jl-hint">What JobLens read:</p>
      <h2 class="jl-view-title" id={`${id}-result`} ref={resultRef} tabIndex={-1}>
        {posting.title || 'Untitled job'}
      </h2>
      {reading.clipped ? (
        <p class="jl-notice" role="note">
          {CLIPPED_TEXT_MESSAGE}
        </p>
      ) : null}
      {saved ? <SavedSummary saved={saved} /> : null}
      <PostingReading posting={posting} corrections={saved?.corrections ?? {}} actions={NO_ACTIONS} />
      <div class="jl-row">
        <button
          type="button"
          class="jl-button jl-button-primary"
          aria-disabled={saving.kind === 'saving' ? 'true' : undefined}
          onClick={() => onSave('shown')}
        >
          {saving.kind === 'saving' ? 'Saving…' : saved ? 'Update the saved job' : several ? 'Save this one' : 'Save'}
        </button>
        {several ? (
          <button type="button" class="jl-button" aria-disabled={saving.kind === 'saving' ? 'true' : undefined} onClick={() => onSave('all')}>
            {`Save all ${reading.postings.length}`}
          </button>
        ) : null}
      </div>
      {saving.kind === 'error' ? (
        <p class="jl-notice" role="alert">
          {saving.message}
        </p>
      ) : null}
    </section>
  );
}
