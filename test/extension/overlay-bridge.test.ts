import { describe, expect, it, vi } from 'vitest';
import {
  OVERLAY_BRIDGE_KEY,
  overlayBridge,
  type OverlayCommand,
  type OverlayEndpoint,
} from '../../src/extension/overlay-bridge.ts';

function endpoint(alive = () => true) {
  const shown: OverlayCommand[] = [];
  const dispose = vi.fn<() => void>();
  const overlay: OverlayEndpoint = { show: (command) => void shown.push(command), dispose, isAlive: alive };
  return { ...overlay, shown, dispose };
}

const posting = (id: string): OverlayCommand => ({ kind: 'posting', posting: { id, title: 'Engineer' } });

describe('the overlay bridge', () => {
  it('is one object per isolated world, whichever script asks first', () => {
    const world = {};
    const fromReader = overlayBridge(world);
    const fromOverlay = overlayBridge(world);
    expect(fromOverlay).toBe(fromReader);
    expect((world as Record<string, unknown>)[OVERLAY_BRIDGE_KEY]).toBe(fromReader);
  });

  it("replaces another build's bridge rather than talk to it", () => {
    const world: Record<string, unknown> = { [OVERLAY_BRIDGE_KEY]: { version: 0, send() {} } };
    const bridge = overlayBridge(world);
    expect(bridge.version).toBe(2);
    expect(world[OVERLAY_BRIDGE_KEY]).toBe(bridge);
  });

  it('keeps what the reader sent until the overlay attaches: the order the scripts start in does not matter', () => {
    const bridge = overlayBridge({});
    expect(bridge.hasOverlay()).toBe(false);
    bridge.send(posting('lever:a'));
    bridge.send(posting('lever:b'));
    const overlay = endpoint();
    bridge.attach(overlay);
    expect(bridge.hasOverlay()).toBe(true);
    // Each command replaces what is shown, so only the last one waits.
    expect(overlay.shown).toEqual([posting('lever:b')]);
    bridge.send({ kind: 'not-found' });
    bridge.send({ kind: 'close' });
    expect(overlay.shown).toEqual([posting('lever:b'), { kind: 'not-found' }, { kind: 'close' }]);
  });

  it('an overlay that attaches first shows nothing until the reader sends', () => {
    const bridge = overlayBridge({});
    const overlay = endpoint();
    bridge.attach(overlay);
    expect(overlay.shown).toEqual([]);
    bridge.send(posting('lever:a'));
    expect(overlay.shown).toEqual([posting('lever:a')]);
  });

  it('an overlay injected twice: the second takes over, shows the current posting, and the first leaves', () => {
    const bridge = overlayBridge({});
    const first = endpoint();
    const detachFirst = bridge.attach(first);
    bridge.send(posting('lever:a'));
    const second = endpoint();
    bridge.attach(second);
    expect(first.dispose).toHaveBeenCalledOnce();
    expect(second.shown).toEqual([posting('lever:a')]);
    // The first overlay's late detach does not unhook the second.
    detachFirst();
    expect(bridge.hasOverlay()).toBe(true);
    bridge.send(posting('lever:b'));
    expect(first.shown).toEqual([posting('lever:a')]);
    expect(second.shown.at(-1)).toEqual(posting('lever:b'));
  });

  it('does not count an overlay whose script is gone, so the reader asks for a new one', () => {
    const bridge = overlayBridge({});
    let alive = true;
    const overlay = endpoint(() => alive);
    bridge.attach(overlay);
    alive = false;
    expect(bridge.hasOverlay()).toBe(false);
    bridge.send(posting('lever:a'));
    expect(overlay.shown).toEqual([]);
    const next = endpoint();
    bridge.attach(next);
    expect(next.shown).toEqual([posting('lever:a')]);

    const throwing = endpoint(() => {
      throw new Error('Extension context invalidated.');
    });
    bridge.attach(throwing);
    expect(bridge.hasOverlay()).toBe(false);
  });

  it('a detached overlay is not listening', () => {
    const bridge = overlayBridge({});
    const detach = bridge.attach(endpoint());
    detach();
    expect(bridge.hasOverlay()).toBe(false);
  });

  it('tells the reader when the user closes the panel, and a later overlay starts closed', () => {
    const bridge = overlayBridge({});
    const heard = vi.fn();
    const stop = bridge.onClosed(heard);
    bridge.attach(endpoint());
    bridge.send(posting('lever:a'));
    bridge.closed();
    expect(heard).toHaveBeenCalledOnce();
    const next = endpoint();
    bridge.attach(next);
    expect(next.shown).toEqual([{ kind: 'close' }]);
    stop();
    bridge.closed();
    expect(heard).toHaveBeenCalledOnce();
  });
});
