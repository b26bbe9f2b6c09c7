// Whether the pane is scrolled past an element (a zero-height marker): the header collapses then.
import { useEffect, useRef, useState } from 'react';

export function useScrolledPast<T extends Element>(): { ref: React.RefObject<T | null>; past: boolean } {
  const ref = useRef<T | null>(null);
  const [past, setPast] = useState(false);
  useEffect(() => {
    const check = () => {
      const el = ref.current;
      if (el) setPast(el.getBoundingClientRect().top < 0);
    };
    check();
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    return () => {
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
    };
  }, []);
  return { ref, past };
}
