// Security headers (helmet): the pages' Content-Security-Policy, and the sandbox every API answer gets.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The policy of the designer and the Swagger UI page: scripts only from this origin (no inline script, no eval);
 * bpmn-js, form-js and antd set inline styles and draw data:/blob: images; nothing may frame the app.
 */
export const PAGE_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** API answers are data, never pages: opened in a tab, a sandboxed document without sources runs and loads nothing. */
export const API_CSP_DIRECTIVES = {
  'default-src': ["'none'"],
  sandbox: [],
  'frame-ancestors': ["'none'"],
};

/** helmet with the page policy, nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer, HSTS and the cross-origin isolation headers. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/** Replaces the page policy with the sandbox on API answers; `pagePaths` (the Swagger UI page and its files) keep the page policy. */
export function apiSandbox(pagePaths: RegExp): RequestHandler {
  const sandbox = helmet.contentSecurityPolicy({ useDefaults: false, directives: API_CSP_DIRECTIVES });
  return (req, res, next) => (pagePaths.test(req.path) ? next() : sandbox(req, res, next));
}
