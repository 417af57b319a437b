import { type RefObject, useCallback, useLayoutEffect, useState } from "react";
import { flushSync } from "react-dom";

/**
 * Which rows of a fixed-row-height list are in view of its scroller, plus `overscan` each side.
 *
 * Why not a general virtualiser: every row here is exactly `rowHeight` tall, so the window is two
 * divisions. A general one (TanStack Virtual) keeps a measurement object per row and rebuilds all
 * of them whenever the row count or keys change, which on a 100,000-row queue is O(n) work and
 * garbage on every keystroke that filters it. This costs O(1) per change of the row list.
 *
 * State is the first row in view, not the pixel offset, so scrolling within a row renders nothing.
 */
export interface RowWindow {
  /** First rendered position (inclusive) and last (exclusive). */
  start: number;
  end: number;
  /** Scrolls so that `position` is in view, moving as little as possible. */
  scrollIntoView(position: number): void;
}

/** jsdom lays nothing out: assume a desk screen's height there so tests get a first screenful. */
const FALLBACK_HEIGHT = 800;

export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [view, setView] = useState({ firstRow: 0, rowsInView: FALLBACK_HEIGHT / rowHeight });

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const read = () => ({
      firstRow: Math.floor(element.scrollTop / rowHeight),
      rowsInView: Math.ceil((element.clientHeight || FALLBACK_HEIGHT) / rowHeight),
    });
    const update = (isSync: boolean) => {
      const next = read();
      const apply = () =>
        setView((current) =>
          current.firstRow === next.firstRow && current.rowsInView === next.rowsInView
            ? current
            : next,
        );
      // During a scroll the rows must be in the DOM before the frame paints, or it shows a gap.
      if (isSync) flushSync(apply);
      else apply();
    };
    update(false);
    const onScroll = () => update(true);
    element.addEventListener("scroll", onScroll, { passive: true });
    const resize =
      typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => update(false));
    resize?.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      resize?.disconnect();
    };
  }, [scrollRef, rowHeight]);

  const scrollIntoView = useCallback(
    (position: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = position * rowHeight;
      const height = element.clientHeight || FALLBACK_HEIGHT;
      // Rows start below the sticky header (about one row tall), which stays over the top edge.
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + 2 * rowHeight > element.scrollTop + height)
        element.scrollTop = top + 2 * rowHeight - height;
    },
    [scrollRef, rowHeight],
  );

  const start = Math.max(0, Math.min(view.firstRow, count) - overscan);
  const end = Math.min(count, view.firstRow + view.rowsInView + overscan);
  return { start, end, scrollIntoView };
}
