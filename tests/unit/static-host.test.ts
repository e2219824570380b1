/**
 * The `_redirects` and `_headers` files for static hosts (deploy/static-host.ts), run through the
 * hosts' own code where it is published: Netlify's redirect engine (netlify-redirector, the
 * WebAssembly build its CLI uses), Cloudflare's _redirects parser and evaluator (redirects-in-workers
 * bundles the one from Cloudflare's workers-sdk) and Netlify's _headers parser. Cloudflare's header
 * matching is not published as a package; it is modelled from its documentation here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseAllHeaders } from '@netlify/headers-parser';
import { generateRedirectsEvaluator } from 'redirects-in-workers';
import { CACHE_RULES, DEFAULT_CACHE_CONTROL, DOWNLOAD_DISPOSITION, SECURITY_HEADERS } from '../../deploy/headers.ts';
import { shortLinkId } from '../../deploy/redirects.ts';
import { renderHeadersFile, renderRedirectsFile } from '../../deploy/static-host.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { netlifyMatch, netlifyMatcher } from '../netlify.ts';

const graph = buildGraph(readContent());
const links = Object.fromEntries(LANGS.flatMap((lang) => graph.all(lang).map((n) => [n.id, n.url])));
const redirects = renderRedirectsFile(links);

/**
 * What forums and readers make of a short link; the fragment never reaches a server (the browser
 * keeps it through a 301 whose Location has none). Letter case is the one thing a `_redirects`
 * file cannot list: those requests reach the 404 page, whose script sets the id right.
 */
function variants(id: string): { url: string; via404: boolean }[] {
  return [
    ...[`/kb/${id}`, `/kb/${id}/`, `/kb/${id}.`, `/kb/${id},`, `/kb/${id})`, `/kb/${id}!`, `/kb/${id}#steps`].map(
      (url) => ({ url, via404: false }),
    ),
    ...[`/kb/${id.toUpperCase()}`, `/kb/${id[0].toUpperCase()}${id.slice(1)}/`].map((url) => ({ url, via404: true })),
  ];
}

/**
 * One request as a host with this `_redirects` answers it; when no rule matched, the 404 page's
 * script lower-cases the id and drops what follows it (shortLinkId) and the host is asked again.
 */
async function resolve(
  answer: (path: string) => Promise<string | undefined>,
  { url, via404 }: { url: string; via404: boolean },
): Promise<string> {
  const path = url.split('#')[0];
  const location = await answer(path);
  if (location) return location;
  assert.ok(via404, `${url}: no rule answers it directly`);
  const id = shortLinkId(path);
  assert.ok(id && `/kb/${id}` !== path, `${url}: no rule, and the 404 page could not set it right`);
  const retried = await answer(`/kb/${id}`);
  assert.ok(retried, `${url}: /kb/${id} has no rule`);
  return retried;
}

const samples = LANGS.flatMap((lang) => [...graph.symptoms(lang).slice(0, 2), ...graph.fixes(lang).slice(0, 1)]);

describe('_redirects on Netlify (netlify-redirector)', () => {
  it('every variant of a short link reaches its article with a 301, forced over the fallback page', async () => {
    const matcher = await netlifyMatcher(redirects);
    const answer = async (path: string) => {
      const match = netlifyMatch(matcher, path);
      if (!match) return undefined;
      assert.equal(match.status, 301, path);
      // /kb/<id>/ exists as a page (the refresh for hosts without redirects): only a forced rule wins.
      if (shortLinkId(path) && /^\/kb\/[a-z0-9-]+\/?$/.test(path)) assert.ok(match.force, `${path} is not forced`);
      return match.to;
    };
    for (const node of samples)
      for (const variant of variants(node.id))
        assert.equal(await resolve(answer, variant), node.url, `${node.lang} ${variant.url}`);
  });

  it('a missing page below /de/ or /en/ gets that language 404 page with status 404', async () => {
    const matcher = await netlifyMatcher(redirects);
    for (const lang of LANGS) {
      const match = netlifyMatch(matcher, `/${lang}/gibt-es-nicht/`);
      assert.deepEqual([match?.status, match?.to], [404, `/${lang}/404/index.html`]);
    }
  });
});

describe('_redirects: moved addresses (deploy/redirects.ts)', () => {
  it('answer with a 301 on both hosts, with and without the trailing slash', async () => {
    const file = renderRedirectsFile(links, { '/en/fixes/old-slug/': '/en/fixes/new-slug/' });
    const matcher = await netlifyMatcher(file);
    const quiet = console.warn;
    console.warn = () => {};
    const evaluate = generateRedirectsEvaluator(file);
    console.warn = quiet;
    const assets = { fetch: async () => new Response('a file') } as unknown as Parameters<typeof evaluate>[1];
    for (const path of ['/en/fixes/old-slug/', '/en/fixes/old-slug']) {
      const netlify = netlifyMatch(matcher, path);
      assert.deepEqual([netlify?.status, netlify?.to], [301, '/en/fixes/new-slug/'], path);
      const cloudflare = await evaluate(new Request(`https://netzfreigabe.example${path}`), assets);
      assert.deepEqual([cloudflare?.status, cloudflare?.headers.get('location')], [301, '/en/fixes/new-slug/'], path);
    }
  });
});

describe('_redirects on Cloudflare Pages (its parser and evaluator, from redirects-in-workers)', () => {
  it('every variant reaches its article with a 301; the only lines it skips are the Netlify-only ones', async () => {
    const skipped: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => skipped.push(args.join(' '));
    let evaluate: ReturnType<typeof generateRedirectsEvaluator>;
    try {
      evaluate = generateRedirectsEvaluator(redirects);
    } finally {
      console.warn = warn;
    }
    const warnings = skipped.join('\n');
    assert.doesNotMatch(warnings, /Maximum number of/, 'over the 2,000 static or 100 dynamic rules');
    const reasons = [...warnings.matchAll(/Got ([^.\s]+)\./g)].map((m) => m[1]);
    assert.ok(reasons.length > 0 && reasons.every((r) => r === '301!' || r === '404'), warnings.slice(0, 500));
    const assets = { fetch: async () => new Response('a file') } as unknown as Parameters<typeof evaluate>[1];
    const answer = async (path: string) => {
      const response = await evaluate(new Request(`https://netzfreigabe.example${path}`), assets);
      if (!response) return undefined;
      assert.equal(response.status, 301, path);
      return response.headers.get('location') ?? undefined;
    };
    for (const node of samples)
      for (const variant of variants(node.id))
        assert.equal(await resolve(answer, variant), node.url, `${node.lang} ${variant.url}`);
  });
});

describe('_headers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'headers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, '_headers');
  writeFileSync(file, renderHeadersFile());
  const paths = {
    page: '/de/symptome/gastzugriff-blockiert/',
    asset: '/_astro/Base.abc123.css',
    search: '/pagefind/pagefind.js',
    reg: '/en/fixes/allow-insecure-guest-logons/allow-insecure-guest-logons.reg',
  };
  const expected = (path: string) => CACHE_RULES.find((r) => path.startsWith(r.prefix))?.value ?? DEFAULT_CACHE_CONTROL;

  it('Netlify (its parser, matched the way its CLI matches): security headers everywhere, one cache rule each', async () => {
    const { headers, errors } = await parseAllHeaders({ headersFiles: [file], configHeaders: [], minimal: false });
    assert.deepEqual(errors, []);
    const rules = headers as { forRegExp: RegExp; values: Record<string, string> }[];
    for (const path of Object.values(paths)) {
      const got = Object.assign({}, ...rules.filter((r) => r.forRegExp.test(path)).map((r) => r.values));
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        assert.equal(got[name], value, `${name} on ${path}`);
      assert.equal(got['Cache-Control'], expected(path), path);
    }
    const reg = Object.assign({}, ...rules.filter((r) => r.forRegExp.test(paths.reg)).map((r) => r.values));
    assert.equal(reg['Content-Disposition'], DOWNLOAD_DISPOSITION);
  });

  it('Cloudflare (its documented rules: all matching rules apply, repeats are joined, "! Name" detaches)', () => {
    const rules: { pattern: RegExp; set: [string, string][]; unset: string[] }[] = [];
    for (const line of renderHeadersFile().split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (line.startsWith('/')) {
        const pattern = new RegExp(
          `^${line
            .split('*')
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        );
        rules.push({ pattern, set: [], unset: [] });
      } else if (line.trim().startsWith('! ')) rules.at(-1)!.unset.push(line.trim().slice(2).toLowerCase());
      else {
        const [name, ...value] = line.trim().split(':');
        rules.at(-1)!.set.push([name.toLowerCase(), value.join(':').trim()]);
      }
    }
    for (const path of Object.values(paths)) {
      const got = new Map<string, string>();
      for (const rule of rules.filter((r) => r.pattern.test(path))) {
        for (const name of rule.unset) got.delete(name);
        for (const [name, value] of rule.set) got.set(name, got.has(name) ? `${got.get(name)}, ${value}` : value);
      }
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        assert.equal(got.get(name.toLowerCase()), value, `${name} on ${path}`);
      assert.equal(got.get('cache-control'), expected(path), path);
    }
  });
});
