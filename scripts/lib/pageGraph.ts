// The files each page of the built designer loads, read from Vite's manifest (.vite/manifest.json), index.html's
// preloaded stylesheets and the chunk → modules map (.vite/modules.json, written by
// designer/vite-plugins/chunkModules.mts).
import fs from 'node:fs';
import path from 'node:path';

/** One manifest entry (the fields used here). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Vite's build manifest: source key → chunk. */
export type Manifest = Record<string, ManifestChunk>;

/** The pages measured: each names the page module its route loads lazily (null: the entry alone). */
export const PAGES: Record<string, string | null> = {
  login: 'src/pages/Login/index.tsx',
  'task list': 'src/pages/TaskList/index.tsx',
  'task page': 'src/pages/Task/index.tsx',
  'start case': 'src/pages/StartCase/index.tsx',
  modeler: 'src/pages/Modeler/index.tsx',
};

/** Modules that belong to editing, never to the task list or the task page. */
export const EDITOR_MODULES = [
  /node_modules\/bpmn-js\/lib\/Modeler\.js$/,
  /node_modules\/bpmn-js\/lib\/features\/modeling\//,
  /node_modules\/diagram-js\/lib\/features\/(modeling|palette|context-pad)\//,
  /node_modules\/(@bpmn-io\/properties-panel|bpmn-js-properties-panel|bpmn-js-element-templates|@bpmn-io\/form-js-editor|bpmn-js-bpmnlint|dmn-js[^/]*|echarts)\//,
];

/** Reads the manifest and the chunk → modules map (undefined for a build without it) of the build in `dist`. */
export function readBuild(dist: string): { manifest: Manifest; modules?: Record<string, string[]>; preloadedStyles: string[] } {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dist, '.vite', name), 'utf8'));
  return { manifest: read('manifest.json'), modules: fs.existsSync(path.join(dist, '.vite/modules.json')) ? read('modules.json') : undefined, preloadedStyles: preloadedStyles(dist) };
}

/** The stylesheets index.html preloads for every page (the antd first-paint styles), as paths in the build. */
function preloadedStyles(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<link rel="preload" as="style" href="\/([^"]+)"/g)].map((match) => match[1]);
}

/** The key of the entry (index.html). */
export const entryKey = (manifest: Manifest) => Object.keys(manifest).find((key) => manifest[key].isEntry) ?? 'index.html';

/** Keys statically reachable from `keys` (themselves included). */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

/** The JS and CSS files of a set of chunks. */
const filesOf = (manifest: Manifest, keys: Iterable<string>) => [...new Set([...keys].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]))];

/**
 * What opening `page` (a PAGES key) loads: `initial`, the entry's and the page's static chunks with their CSS (and
 * `preloadedStyles`, which index.html loads for every page); `onDemand`, what the page's own lazy imports (and theirs)
 * add when it uses them (other pages left out).
 */
export function pageFiles(manifest: Manifest, page: string, preloadedStyles: string[] = []): { initial: string[]; onDemand: string[] } {
  const entry = entryKey(manifest);
  const pageKey = PAGES[page];
  const initial = staticClosure(manifest, pageKey ? [entry, pageKey] : [entry]);
  const routeKeys = new Set(Object.values(PAGES).filter((key): key is string => key !== null));
  // lazy imports of lazy chunks too (the task page's case progress loads after paint, and its diagram when shown)
  const lazyOf = (keys: Iterable<string>) => [...keys].flatMap((key) => (key === entry ? [] : (manifest[key].dynamicImports ?? []))).filter((key) => !routeKeys.has(key));
  const lazy = new Set<string>();
  for (let roots = lazyOf(initial); roots.length > 0; ) {
    const added = [...staticClosure(manifest, roots)].filter((key) => !initial.has(key) && !lazy.has(key));
    added.forEach((key) => lazy.add(key));
    roots = lazyOf(added);
  }
  return { initial: [...preloadedStyles, ...filesOf(manifest, initial)], onDemand: filesOf(manifest, [...lazy]) };
}

/** The modules of `files` (JS chunks) that match EDITOR_MODULES. */
export function editorModulesIn(modules: Record<string, string[]>, files: string[]): string[] {
  return files.flatMap((file) => (modules[file] ?? []).filter((id) => EDITOR_MODULES.some((pattern) => pattern.test(id))));
}
