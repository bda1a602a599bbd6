// The antd styles of the first paint: index.html of a build preloads a stylesheet of the components the task page and
// the shell show (designer/vite-plugins/antdFirstPaintCss); applied before the first render, it lets antd skip making
// those styles in the browser. Without it (the dev server, a failed download) antd makes every style, as it always can.

/** Applies the preloaded first-paint stylesheet when index.html names one; resolves once it is in effect (or failed). */
export function applyFirstPaintStyles(): Promise<void> {
  const preload = document.querySelector<HTMLLinkElement>('link[rel="preload"][data-antd-first-paint]');
  if (!preload) return Promise.resolve();
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = preload.href;
  return new Promise((resolve) => {
    sheet.onload = () => resolve();
    sheet.onerror = () => resolve();
    document.head.appendChild(sheet);
  });
}
