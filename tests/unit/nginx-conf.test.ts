/**
 * deploy/nginx.conf is generated from deploy/headers.ts: the committed file must equal the
 * generator's output, so a header changed in one place reaches production and the tests alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CACHE_RULES, SECURITY_HEADERS } from '../../deploy/headers.ts';
import { SHORT_LINK_PATTERN, notFoundPage, redirectFor, shortLinkId } from '../../deploy/redirects.ts';
import { NGINX_CONF, PRODUCTION, renderLinksMap, renderNginxConf } from '../../scripts/nginx-conf.ts';
import { FORUM_FORMS_OF_A_SHORT_LINK } from './fixtures.ts';

const committed = readFileSync(NGINX_CONF, 'utf8');

test('deploy/nginx.conf is what `npm run nginx-conf` generates from deploy/headers.ts', () => {
  assert.ok(
    committed === renderNginxConf(),
    `${NGINX_CONF} is stale or was edited by hand: run "npm run nginx-conf" and commit the result`,
  );
});

/** The body of each block that sets headers, without nested blocks. */
function headerBlocks(conf: string): { head: string; body: string }[] {
  const blocks: { head: string; body: string }[] = [];
  const stack: { head: string; lines: string[] }[] = [];
  for (const raw of conf.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line.endsWith('{')) stack.push({ head: line, lines: [] });
    else if (line === '}') {
      const block = stack.pop()!;
      if (block.lines.some((l) => l.startsWith('add_header')))
        blocks.push({ head: block.head, body: block.lines.join('\n') });
    } else if (stack.length) stack.at(-1)!.lines.push(line);
  }
  return blocks;
}

test('every nginx block that adds headers repeats all security headers, with "always"', () => {
  const blocks = headerBlocks(committed);
  assert.ok(blocks.length >= 3 + CACHE_RULES.length, `only ${blocks.length} blocks add headers`);
  for (const { head, body } of blocks) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      assert.ok(body.includes(`add_header ${name} "${value}" always;`), `${head} lacks ${name}`);
    }
    assert.match(body, /add_header Cache-Control "[^"]+" always;/, `${head} lacks Cache-Control`);
  }
});

test('deploy/nginx.conf holds each production line the test server replaces exactly once', () => {
  for (const line of Object.values(PRODUCTION)) assert.equal(committed.split(line).length - 1, 1, line);
  for (const rule of CACHE_RULES) assert.ok(committed.includes(`location ^~ ${rule.prefix} {`), rule.prefix);
  assert.match(committed, /error_page 404 \$netzfreigabe_not_found;/);
  assert.match(committed, /gzip_types [^;]*text\/css/);
});

test('the short link map takes the id the regex map extracted and refuses odd input', () => {
  assert.equal(
    renderLinksMap({ 'guest-access-blocked': '/en/symptoms/guest-access-blocked/' }),
    'guest-access-blocked /en/symptoms/guest-access-blocked/;\n',
  );
  assert.ok(committed.includes(`    ~${SHORT_LINK_PATTERN} $1;`), 'nginx runs the pattern of deploy/redirects.ts');
  assert.throws(() => renderLinksMap({ 'a b': '/en/' }), /unexpected short link id/);
  assert.throws(() => renderLinksMap({ ok: '/en/x; return 200' }), /unexpected target/);
});

test('a short link survives what forums do to it: punctuation, capitals, a slash', () => {
  for (const path of [
    ...FORUM_FORMS_OF_A_SHORT_LINK,
    '/kb/guest-access-blocked).',
    '/kb/guest-access-blocked"',
    '/kb/guest-access-blocked-',
  ])
    assert.equal(shortLinkId(path), 'guest-access-blocked', path);
  for (const path of ['/kb/', '/kb/links.json', '/kb/near-de-symptome.json', '/kb/a/b', '/kb/a--b', '/en/kb/x'])
    assert.equal(shortLinkId(path), undefined, path);
});

test('a missing page gets the 404 page of its language folder, any other the bilingual one', () => {
  assert.equal(notFoundPage('/de/symptome/gibt-es-nicht/'), '/de/404/');
  assert.equal(notFoundPage('/en/nope'), '/en/404/');
  assert.equal(notFoundPage('/kb/nope'), '/404.html');
  assert.equal(notFoundPage('/den/'), '/404.html');
  assert.match(committed, /~\^\/de\/ \/de\/404\/;/);
});

test('moved addresses become 301s with the security headers, with and without the slash', () => {
  const conf = renderNginxConf({
    '/en/fixes/old/': '/en/fixes/new/',
    '/en/fixes/old/old.reg': '/en/fixes/new/new.reg',
  });
  for (const path of ['/en/fixes/old/', '/en/fixes/old']) {
    const block = new RegExp(`location = ${path} \\{([^}]*)\\}`).exec(conf);
    assert.ok(block, `no block for ${path}`);
    assert.match(block[1], /return 301 \/en\/fixes\/new\/;/);
    assert.match(block[1], /add_header Content-Security-Policy/);
  }
  assert.match(conf, /location = \/en\/fixes\/old\/old\.reg \{[^}]*return 301 \/en\/fixes\/new\/new\.reg;/);
  assert.throws(() => renderNginxConf({ '/a/': '/a/' }), /loops or chains/);
  assert.throws(() => renderNginxConf({ '/a/': '/b/', '/b/': '/c/' }), /loops or chains/);
  assert.throws(() => renderNginxConf({ '/a b/': '/b/' }), /unsafe redirect/);
  assert.equal(redirectFor('/en/fixes/old', { '/en/fixes/old/': '/en/fixes/new/' }), '/en/fixes/new/');
  assert.equal(redirectFor('/en/fixes/other/', { '/en/fixes/old/': '/en/fixes/new/' }), undefined);
  assert.equal(redirectFor('/toString', {}), undefined);
});
