import type { Page } from 'playwright-core';
import { READER_INSTANCE_KEY } from '../../src/extension/on-request-flag.ts';
import type { Launched } from './browser.ts';

/*
 * JobLens's own script world in a page (its content scripts share one isolated world per
 * frame), seen through the DevTools protocol. A test proves that no panel will come by what
 * would have to happen first (a JobLens script in the page, the background agreeing to run
 * the reader there), instead of waiting a fixed time for nothing to happen.
 */

interface ExecutionContext {
  id: number;
  origin: string;
}

export interface ExtensionWorld {
  /** How many JobLens worlds the page has now (0: no script of JobLens runs in it). */
  count(): number;
  /**
   * Asks the background, from the page's JobLens world, what the board script asks when the
   * page loads: whether it runs the page reader here. The answer depends only on the frame's
   * URL, so it is the answer the board script got.
   */
  askForReader(): Promise<unknown>;
  /** Whether a page reader has registered itself in the page's JobLens world. */
  readerRunning(): Promise<boolean>;
  detach(): Promise<void>;
}

export async function extensionWorld(launched: Launched, page: Page): Promise<ExtensionWorld> {
  const cdp = await launched.context.newCDPSession(page);
  const worlds: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => {
    if (context.origin === `chrome-extension://${launched.extensionId}`) worlds.push(context);
  });
  cdp.on('Runtime.executionContextsCleared', () => void worlds.splice(0));
  // Enabling reports every context that exists already, before it resolves.
  await cdp.send('Runtime.enable');
  const evaluate = async (expression: string): Promise<unknown> => {
    const world = worlds[0];
    if (!world) throw new Error('no JobLens script runs in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(`in the JobLens world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  return {
    count: () => worlds.length,
    askForReader: () => evaluate(`chrome.runtime.sendMessage({ type: 'reader.inject', payload: {} })`),
    readerRunning: async () => (await evaluate(`Object.hasOwn(globalThis, ${JSON.stringify(READER_INSTANCE_KEY)})`)) === true,
    detach: () => cdp.detach(),
  };
}
