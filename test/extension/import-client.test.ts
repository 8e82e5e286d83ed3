import { describe, expect, it } from 'vitest';
import { importClient, type ClientPort } from '../../src/extension/import-client.ts';
import type { ImportEvent, ImportRequest } from '../../src/messaging/import-port.ts';
import { IMPORT_INTERRUPTED_MESSAGE, type ImportOutcome } from '../../src/model/index.ts';
import { outcomeNotice } from '../../src/ui/popup/ImportProgress.tsx';

/**
 * The popup's side when the background stops mid-import: the port closes, and what the popup
 * then says. The background here is scripted, port by port (each connection is a background
 * the browser started); import-interrupted.test.ts runs the real one.
 */

interface FakePort extends ClientPort {
  sent: ImportRequest[];
  say(event: ImportEvent): void;
  /** The background went away (stopped, or the extension reloaded). */
  cut(): void;
}

function fakePort(): FakePort {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const sent: ImportRequest[] = [];
  return {
    sent,
    postMessage: (message) => sent.push(message),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    say: (event) => onMessage.forEach((listener) => listener(structuredClone(event))),
    cut: () => onDisconnect.forEach((listener) => listener()),
  };
}

const STOPPED_AT = new Date('2026-06-02T10:00:05.000Z');

/** A popup watching imports, as App does; `connections` are the ports it opened, in order. */
function popupClient(options: { refuseAfter?: number } = {}) {
  const connections: FakePort[] = [];
  const client = importClient(() => {
    if (options.refuseAfter !== undefined && connections.length >= options.refuseAfter) {
      throw new Error('Extension context invalidated.');
    }
    const port = fakePort();
    connections.push(port);
    return port;
  }, () => STOPPED_AT);
  const events: ImportEvent[] = [];
  client.watchImport((event) => events.push(event));
  const outcomes = () => events.flatMap((e) => (e.type === 'finished' ? [e.outcome] : []));
  return { client, connections, events, outcomes };
}

const writing = (done: number): ImportEvent => ({ type: 'progress', fileName: 'jobs.json', phase: 'writing', done, total: 3000 });

/** Hands a file over and has the first background take it and report some progress. */
async function importUnderWay(popup: ReturnType<typeof popupClient>): Promise<FakePort> {
  const first = popup.connections[0]!;
  first.say({ type: 'idle' });
  const taken = popup.client.importFile('jobs.json', '{"postings":[]}');
  first.say({ type: 'accepted' });
  await taken;
  first.say(writing(500));
  first.say(writing(1000));
  return first;
}

describe('the popup when the background stops mid-import', () => {
  it('asks a fresh background, and with nothing kept says the import was interrupted', async () => {
    const popup = popupClient();
    const first = await importUnderWay(popup);
    first.cut();

    const second = popup.connections[1]!;
    expect(second.sent).toEqual([{ type: 'watch' }]);
    expect(popup.outcomes()).toEqual([]);
    second.say({ type: 'idle' });

    const expected: ImportOutcome = {
      fileName: 'jobs.json',
      finishedAt: STOPPED_AT.toISOString(),
      result: null,
      error: IMPORT_INTERRUPTED_MESSAGE,
      interrupted: true,
    };
    expect(popup.outcomes()).toEqual([expected]);
    // The progress line ends: the last event the popup heard is the outcome.
    expect(popup.events.at(-1)?.type).toBe('finished');
    expect(outcomeNotice(popup.outcomes()[0]!)).toEqual({
      kind: 'error',
      text: "The import was interrupted: JobLens's background stopped before it finished. Nothing was imported; import the file again.",
    });
    // Nothing was kept, so there is nothing for the background to forget.
    expect(second.sent).toEqual([{ type: 'watch' }]);
  });

  it('shows the outcome the background kept before it stopped, not the interrupted message', async () => {
    const popup = popupClient();
    const first = await importUnderWay(popup);
    first.cut();
    const kept: ImportOutcome = {
      fileName: 'jobs.json',
      finishedAt: '2026-06-02T10:00:04.000Z',
      result: { added: 3000, merged: 0, replaced: 0, unchanged: 0, overwritten: [] },
      error: null,
    };
    const second = popup.connections[1]!;
    second.say({ type: 'finished', outcome: kept });

    expect(popup.outcomes()).toEqual([kept]);
    expect(outcomeNotice(kept).text).toMatch(/^Imported: 3,?000 new/);
    // Shown: the fresh background stops keeping it, so the next popup does not say it again.
    expect(second.sent).toEqual([{ type: 'watch' }, { type: 'seen', finishedAt: kept.finishedAt }]);
  });

  it('shows the interrupted outcome a fresh background kept for it, and says it was seen', async () => {
    const popup = popupClient();
    const first = await importUnderWay(popup);
    first.cut();
    const second = popup.connections[1]!;
    const keptByBackground: ImportOutcome = {
      fileName: 'jobs.json',
      finishedAt: '2026-06-02T10:00:06.000Z',
      result: null,
      error: IMPORT_INTERRUPTED_MESSAGE,
      interrupted: true,
    };
    second.say({ type: 'finished', outcome: keptByBackground });
    expect(popup.outcomes()).toEqual([keptByBackground]);
    expect(second.sent.at(-1)).toEqual({ type: 'seen', finishedAt: keptByBackground.finishedAt });
  });

  it('says it was interrupted when the fresh background stops too before it answers, and asks no third', async () => {
    const popup = popupClient();
    const first = await importUnderWay(popup);
    first.cut();
    popup.connections[1]!.cut();
    expect(popup.outcomes().map((o) => o.error)).toEqual([IMPORT_INTERRUPTED_MESSAGE]);
    expect(popup.connections).toHaveLength(2);
  });

  it('says it was interrupted when no background can be reached (the extension was reloaded)', async () => {
    const popup = popupClient({ refuseAfter: 1 });
    const first = await importUnderWay(popup);
    first.cut();
    expect(popup.outcomes().map((o) => o.error)).toEqual([IMPORT_INTERRUPTED_MESSAGE]);
  });

  it('cut while a popup watches an import another popup started: the same message', () => {
    const popup = popupClient();
    const first = popup.connections[0]!;
    first.say(writing(2000));
    first.cut();
    popup.connections[1]!.say({ type: 'idle' });
    expect(popup.outcomes().map((o) => [o.fileName, o.error])).toEqual([['jobs.json', IMPORT_INTERRUPTED_MESSAGE]]);
  });

  it('cut before the background took the text: the text goes to the fresh background, once', async () => {
    const popup = popupClient();
    const first = popup.connections[0]!;
    first.say({ type: 'idle' });
    const text = '{"postings":[]}';
    const handing = popup.client.importFile('jobs.json', text);
    first.cut();
    const second = popup.connections[1]!;
    second.say({ type: 'idle' });
    expect(second.sent).toEqual([{ type: 'watch' }, { type: 'piece', text }, { type: 'start', fileName: 'jobs.json', length: text.length }]);
    second.say({ type: 'accepted' });
    await expect(handing).resolves.toBeUndefined();
    expect(popup.outcomes()).toEqual([]);
  });

  it('cut before the background took the text, twice: the import is refused, not said to be interrupted', async () => {
    const popup = popupClient();
    popup.connections[0]!.say({ type: 'idle' });
    const handing = popup.client.importFile('jobs.json', '{"postings":[]}');
    popup.connections[0]!.cut();
    popup.connections[1]!.say({ type: 'idle' });
    popup.connections[1]!.cut();
    popup.connections[2]!.say({ type: 'idle' });
    await expect(handing).rejects.toThrow('JobLens stopped before the import began, so nothing was imported. Import the file again.');
    expect(popup.outcomes()).toEqual([]);
    expect(popup.connections[2]!.sent).toEqual([{ type: 'watch' }]);
  });

  it('cut after the background took the text but before it said so: the kept outcome comes, and the hand-over resolves', async () => {
    const popup = popupClient();
    popup.connections[0]!.say({ type: 'idle' });
    const handing = popup.client.importFile('jobs.json', '{"postings":[]}');
    popup.connections[0]!.cut();
    const kept: ImportOutcome = { fileName: 'jobs.json', finishedAt: '2026-06-02T10:00:06.000Z', result: null, error: IMPORT_INTERRUPTED_MESSAGE, interrupted: true };
    popup.connections[1]!.say({ type: 'finished', outcome: kept });
    await expect(handing).resolves.toBeUndefined();
    expect(popup.outcomes()).toEqual([kept]);
  });

  it('a background that stops with no import under way (idle for 30 s) is nothing to say, and not woken', async () => {
    const popup = popupClient();
    const first = popup.connections[0]!;
    first.say({ type: 'idle' });
    first.cut();
    expect(popup.connections).toHaveLength(1);
    expect(popup.events).toEqual([{ type: 'idle' }]);

    // Nor after an import that ended: its outcome came.
    const taken = popup.client.importFile('jobs.json', '{"postings":[]}');
    const second = popup.connections[1]!;
    second.say({ type: 'accepted' });
    await taken;
    const done: ImportOutcome = { fileName: 'jobs.json', finishedAt: '2026-06-02T10:00:07.000Z', result: { added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] }, error: null };
    second.say({ type: 'finished', outcome: done });
    second.cut();
    expect(popup.connections).toHaveLength(2);
    expect(popup.outcomes()).toEqual([done]);
  });
});
