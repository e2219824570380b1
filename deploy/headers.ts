/**
 * The HTTP headers the site is served with, defined once. deploy/nginx.conf is generated from this
 * file (`npm run nginx-conf`) and the local server (scripts/serve.ts) sends the same headers, so the
 * tests prove the pages work under the production policy.
 */

/** Content-Security-Policy: no inline script; Pagefind needs WebAssembly and a blob worker. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Cache-Control by path prefix, first match wins: Astro's hashed build output never changes under
 * the same name; Pagefind's index changes with every build; everything else (HTML) stays fresh.
 */
export const CACHE_RULES: readonly { prefix: string; value: string }[] = [
  { prefix: '/_astro/', value: 'public, max-age=31536000, immutable' },
  { prefix: '/pagefind/', value: 'public, max-age=3600' },
];
export const DEFAULT_CACHE_CONTROL = 'public, max-age=300, must-revalidate';
/** The 301 answers of the permanent short links /kb/<id>. */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=86400';

export function cacheControl(path: string): string {
  return CACHE_RULES.find((rule) => path.startsWith(rule.prefix))?.value ?? DEFAULT_CACHE_CONTROL;
}

/**
 * Room for the request line and headers, in KiB. A pasted dialog travels in ?q=: 5,000 characters of
 * German text encode to about 16 KB, over nginx's default 8 KB (the reader would get a bare 414).
 */
export const MAX_REQUEST_HEADER_KIB = 64;

/** Files offered as a download rather than shown: the generated registry files. */
export const DOWNLOAD_EXTENSIONS: readonly string[] = ['.reg'];
export const DOWNLOAD_DISPOSITION = 'attachment';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.reg': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
