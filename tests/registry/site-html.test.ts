/** Unit tests of site/html.ts: the command blocks and .reg links of one page, read with an HTML parser. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readPage } from './site/index.ts';

describe('readPage', () => {
  test('pre.cmd blocks: attributes and text with entities decoded and markup dropped', () => {
    const { blocks } = readPage(
      `<main><pre class="cmd wide" data-shell="cmd" data-role="apply" data-setting="a&amp;b" data-copy>
<code>reg add &quot;HKLM\\A&#32;B&quot; <span>/v</span> N &#x2F;f</code></pre></main>`,
    );
    assert.equal(blocks.length, 1);
    assert.deepEqual(blocks[0], {
      attrs: { class: 'cmd wide', 'data-shell': 'cmd', 'data-role': 'apply', 'data-setting': 'a&b', 'data-copy': '' },
      text: 'reg add "HKLM\\A B" /v N /f',
    });
  });
  test('only pre elements whose class list holds cmd', () => {
    const { blocks } = readPage(
      `<pre>plain</pre><pre class="cmdline">near</pre><div class="cmd">div</div><PRE CLASS='x cmd'>upper</PRE>`,
    );
    assert.deepEqual(
      blocks.map((b) => b.text),
      ['upper'],
    );
  });
  test('a[data-reg] links with their attributes; other links are left out', () => {
    const { regLinks } = readPage(
      `<a href="/en/">home</a><a href="/x/a.reg?v=1&amp;w=2" download data-reg="apply">apply</a><a href='/x/b.reg' data-reg=undo>undo</a>`,
    );
    assert.deepEqual(regLinks, [
      { href: '/x/a.reg?v=1&w=2', download: '', 'data-reg': 'apply' },
      { href: '/x/b.reg', 'data-reg': 'undo' },
    ]);
  });
});
