// Browser APIs jsdom lacks but antd and bpmn-io components use; loaded only by tests that run in the jsdom environment.
import '@testing-library/jest-dom/jest-globals';

if (typeof window !== 'undefined') {
  // antd's responsive grid and Table read media queries.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  // rc-resize-observer and the properties panel observe element sizes.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
}
