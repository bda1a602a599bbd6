// The app's scripts fetched at low priority (`fetchpriority="low"` on the entry's `<script type="module">` and its
// `<link rel="modulepreload">`s): index.html paints its header without them (module scripts never block rendering),
// and at the default high priority the browser ranked them with render-blocking resources, ahead of the first API
// calls, and Lighthouse counted their download in the first paint, which then swung between 0.7 and 3 s.
import type { Plugin } from 'vite';

/** Marks the built index.html's module script and module preloads `fetchpriority="low"`. */
export function scriptsAfterPaint(): Plugin {
  return {
    name: 'sparrow-scripts-after-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<(script type="module"|link rel="modulepreload")(?![^>]*fetchpriority)/g, '<$1 fetchpriority="low"'),
    },
  };
}
