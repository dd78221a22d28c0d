/**
 * The width a chart gets on screen, at most `max`, for drawing at that width instead of scaling a
 * `max`-wide drawing down: shrunk into a 320 px window, 10 px labels came out 5 px high.
 */
import { useEffect, useRef, useState } from 'react';

export function useFittedWidth(max: number, drawn = true) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(max);
  useEffect(() => {
    const el = ref.current;
    if (!drawn || !el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const seen = Math.floor(entry?.contentRect.width ?? 0);
      if (seen > 0) setWidth(Math.min(seen, max));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [max, drawn]);
  return { ref, width };
}
