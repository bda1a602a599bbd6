// Serving the built designer: hashed files under /assets cached for a year and sent as their brotli or gzip copies
// (written at build time by designer/vite-plugins/precompress.mts) when the browser accepts them; other files revalidated.
import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler, type Response } from 'express';

/** Cache-Control of content-hashed files: a new build gives new names, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of index.html and other unhashed files: always asked again (cheaply, by ETag), so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

/** The precompressed copies by encoding, smallest first. */
const COPIES = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

const setCaching = (res: Response, file: string, assetsDir: string) =>
  res.setHeader('Cache-Control', file.startsWith(assetsDir + path.sep) ? IMMUTABLE : REVALIDATE);

/** Sends a file under /assets as its .br or .gz copy when one exists and Accept-Encoding allows it; otherwise passes on. */
function precompressedCopies(assetsDir: string): RequestHandler {
  const exists = new Map<string, boolean>();
  const hasFile = (file: string) => {
    if (!exists.has(file)) exists.set(file, fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false);
    return exists.get(file)!;
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.join(assetsDir, relative);
    if (relative.includes('\0') || !file.startsWith(assetsDir + path.sep) || !hasFile(file)) return next();
    const copies = COPIES.filter((copy) => hasFile(file + copy.suffix));
    if (copies.length === 0) return next();
    res.vary('Accept-Encoding');
    // The smallest copy the browser accepts at all (browsers list gzip before br at equal weight).
    const copy = copies.find((candidate) => req.acceptsEncodings(candidate.encoding) === candidate.encoding);
    if (!copy) return next();
    res.type(path.extname(file));
    res.setHeader('Content-Encoding', copy.encoding);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.sendFile(file + copy.suffix, { cacheControl: false, dotfiles: 'deny' }, (error) => error && next(error));
  };
}

/** The designer's files from `dir` (index.html excluded: the caller sends it for the app's paths with indexPage.ts's sendIndex). */
export function designerFiles(dir: string): RequestHandler[] {
  const root = path.resolve(dir);
  const assetsDir = path.join(root, 'assets');
  return [
    express.Router().use('/assets', precompressedCopies(assetsDir)),
    express.static(root, { index: false, cacheControl: false, setHeaders: (res, file) => setCaching(res, file, assetsDir) }),
  ];
}
