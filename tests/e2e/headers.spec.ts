/**
 * The server the browser tests run against (nginx with deploy/nginx.conf, or scripts/serve.ts when
 * nginx is missing) answers with the production headers from deploy/headers.ts on every kind of
 * response: pages, assets, the 404 page, redirects, short links and .reg downloads.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import {
  CONTENT_TYPES,
  DOWNLOAD_DISPOSITION,
  REDIRECT_CACHE_CONTROL,
  SECURITY_HEADERS,
  cacheControl,
} from '../../deploy/headers.ts';
import { expect, test } from './fixtures.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((f) => '/' + f.split('\\').join('/'));
const css = files.find((f) => f.startsWith('/_astro/') && f.endsWith('.css'))!;
const reg = files.find((f) => f.endsWith('.reg'))!;
const links = JSON.parse(readFileSync(join(dist, 'kb', 'links.json'), 'utf8')) as Record<string, string>;
const [shortId, shortTarget] = Object.entries(links)[0];

function expectSecurityHeaders(response: APIResponse, what: string): void {
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name.toLowerCase()], `${name} on ${what}`).toBe(value);
  }
}

const get = (request: APIRequestContext, path: string) =>
  request.get(path, { maxRedirects: 0, headers: { 'Accept-Encoding': 'gzip' } });

test('pages, assets and data files carry the security headers, their cache rule and content type', async ({
  request,
}) => {
  const cases = [
    ['/de/', '.html'],
    ['/en/symptoms/', '.html'],
    [css, '.css'],
    ['/pagefind/pagefind.js', '.js'],
    ['/en/kb.json', '.json'],
    ['/sitemap.xml', '.xml'],
    [`/cards/de/page-home.png`, '.png'],
  ] as const;
  for (const [path, ext] of cases) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
    expect(response.headers()['cache-control'], `Cache-Control of ${path}`).toBe(cacheControl(path));
    expect(response.headers()['content-type'], `Content-Type of ${path}`).toBe(CONTENT_TYPES[ext]);
  }
  expect(cacheControl(css)).toContain('immutable');
});

test('a missing page answers 404 with its language 404 page and the security headers', async ({ request }) => {
  for (const [path, page] of [
    ['/de/gibt-es-nicht/', 'de/404/index.html'],
    ['/en/no-such-page', 'en/404/index.html'],
    ['/kb/no-such-id', '404.html'],
    ['/_redirects', '404.html'],
  ]) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(404);
    expectSecurityHeaders(response, `the 404 answer to ${path}`);
    expect(await response.text(), path).toBe(readFileSync(join(dist, page), 'utf8'));
  }
});

test('short links and directories without slash are 301 redirects with the security headers', async ({ request }) => {
  for (const path of [`/kb/${shortId}`, `/kb/${shortId}/`, `/kb/${shortId.toUpperCase()}).`]) {
    const response = await get(request, path);
    expect(response.status(), path).toBe(301);
    expect(response.headers()['location'], path).toBe(shortTarget);
    expect(response.headers()['cache-control'], path).toBe(REDIRECT_CACHE_CONTROL);
    expectSecurityHeaders(response, path);
  }
  const response = await get(request, '/de/messages');
  expect(response.status()).toBe(301);
  expect(response.headers()['location']).toBe('/de/messages/');
  expectSecurityHeaders(response, 'the trailing-slash redirect');
});

test('.reg files are downloads', async ({ request }) => {
  const response = await get(request, reg);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe(DOWNLOAD_DISPOSITION);
  expect(response.headers()['content-type']).toBe(CONTENT_TYPES['.reg']);
  expectSecurityHeaders(response, reg);
});

test('nginx compresses text with gzip', async ({ request }) => {
  test.skip(process.env.E2E_SERVER !== 'nginx', 'only nginx compresses; scripts/serve.ts does not');
  for (const path of ['/de/', css, '/en/kb.json']) {
    const response = await get(request, path);
    expect(response.headers()['content-encoding'], path).toBe('gzip');
    expect(response.headers()['vary'], path).toContain('Accept-Encoding');
  }
});
