// jsdom set-up for the pane's component tests: every language's catalog, unmount after each test
// (vitest runs without globals, so Testing Library cannot register this itself) and the browser APIs
// Fluent expects.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { LANGUAGES, loadCatalog } from '../../addin/i18n/translate';

// Every catalog, as the entry points load the one of the display language before the first render.
await Promise.all(LANGUAGES.map(loadCatalog));

afterEach(() => cleanup());

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class NoopResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
}
