/** Keyboard activation for SVG marks: Enter or Space acts like a click (they are role="button"). */
import type { KeyboardEvent } from 'react';

export function onActivate(fn: () => void) {
  return (event: KeyboardEvent<SVGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      fn();
    }
  };
}
