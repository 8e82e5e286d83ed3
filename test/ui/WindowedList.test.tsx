// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { WindowedList, visibleRange } from '../../src/ui/popup/WindowedList.tsx';

afterEach(cleanup);

const ITEMS = Array.from({ length: 10_000 }, (_, i) => `Item ${i}`);

function renderList(height = 300) {
  return render(
    <WindowedList
      items={ITEMS}
      rowHeight={50}
      height={height}
      overscan={2}
      label="Things"
      itemKey={(s) => s}
      renderItem={(s) => <span>{s}</span>}
    />,
  );
}

describe('WindowedList', () => {
  it('renders only the rows in view, plus the overscan, out of 10,000', () => {
    renderList();
    const list = screen.getByRole('list', { name: 'Things' });
    const rows = within(list).getAllByRole('listitem');
    // 300px / 50px = 6 in view, + 2 overscan below (none above at the top).
    expect(rows).toHaveLength(8);
    expect(rows[0]!.textContent).toBe('Item 0');
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    // The list is as tall as all the rows would be, so the scrollbar is honest.
    expect(list.style.height).toBe('500000px');
  });

  it('renders the rows around the scroll position', () => {
    const { container } = renderList();
    const viewport = container.querySelector('.jl-window') as HTMLElement;
    viewport.scrollTop = 250_000; // row 5,000
    fireEvent.scroll(viewport);
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows).toHaveLength(10);
    expect(rows.map((r) => r.textContent)).toContain('Item 5000');
    expect(rows[0]!.textContent).toBe('Item 4998');
    expect(rows[0]!.style.top).toBe(`${4998 * 50}px`);
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('4999');
  });

  it('works out the range at the edges', () => {
    expect(visibleRange(0, 0, 50, 300, 2)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(3, 0, 50, 300, 2)).toEqual({ first: 0, last: 3 });
    // Scrolled past the end (the list shrank): clamped to the last screenful.
    expect(visibleRange(100, 999_999, 50, 300, 2)).toEqual({ first: 92, last: 100 });
  });
});
