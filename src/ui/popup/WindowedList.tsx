import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * A list that renders only the rows in view (plus a few either side), so 10,000 saved
 * jobs cost as much to draw as ten. Rows have one fixed height; the list is a real
 * `<ul>` whose items carry their place in the whole (aria-setsize / aria-posinset), so a
 * screen reader still hears "3 of 10,000".
 */
export interface WindowedListProps<T> {
  items: readonly T[];
  /** Height of every row, in pixels. */
  rowHeight: number;
  /** Height of the scrolling viewport, in pixels. */
  height: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  label: string;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ComponentChildren;
  itemClass?: string;
  /** A row to show when the list first renders (coming back to it from a row's details). */
  initialIndex?: number;
}

export function visibleRange(
  count: number,
  scrollTop: number,
  rowHeight: number,
  height: number,
  overscan: number,
): { first: number; last: number } {
  const maxTop = Math.max(0, count * rowHeight - height);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { first, last };
}

export function WindowedList<T>({
  items,
  rowHeight,
  height,
  overscan = 3,
  label,
  itemKey,
  renderItem,
  itemClass,
  initialIndex,
}: WindowedListProps<T>) {
  // The initial row centred in the viewport, as far as the list allows.
  const [scrollTop, setScrollTop] = useState(() =>
    initialIndex === undefined ? 0 : Math.max(0, Math.min(initialIndex * rowHeight - (height - rowHeight) / 2, items.length * rowHeight - height)),
  );
  const viewport = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (viewport.current && scrollTop > 0) viewport.current.scrollTop = scrollTop;
  }, []);
  const { first, last } = visibleRange(items.length, scrollTop, rowHeight, height, overscan);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i += 1) {
    const item = items[i]!;
    rows.push(
      <li
        key={itemKey(item)}
        class={itemClass}
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ position: 'absolute', top: `${i * rowHeight}px`, left: 0, right: 0, height: `${rowHeight}px` }}
      >
        {renderItem(item)}
      </li>,
    );
  }
  return (
    <div
      ref={viewport}
      class="jl-window"
      style={{ height: `${Math.min(height, items.length * rowHeight)}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <ul
        class="jl-saved-list"
        aria-label={label}
        style={{ position: 'relative', height: `${items.length * rowHeight}px`, margin: 0, padding: 0, listStyle: 'none' }}
      >
        {rows}
      </ul>
    </div>
  );
}
