/**
 * Result excerpts (src/lib/search-excerpt.ts): cut from the article's own text around the searched
 * words, never from the title or the templates' labels, and never the same as an earlier result's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPAN_LABEL, excerptOf, labelMask } from '../../src/lib/search-excerpt.ts';
import { excerptLabels } from '../../src/lib/search-config.ts';

const LABELS = excerptLabels('en');
const text = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
const at = (content: string, word: string) =>
  content
    .split(/\s+/)
    .map((w, i) => (w.replace(/[.,:]$/, '') === word ? i : -1))
    .filter((i) => i >= 0);

// How Pagefind stores a symptom page: title, summary, then the message list with its labels.
const SYMPTOM =
  'Windows no longer opens a NAS share. A NAS share that lets anyone in stops opening, often with 0x80070035. What you see. Dialog · Error code 0x80070035. Windows cannot access \\\\SERVER\\share. Error code: 0x80070035 The network path was not found. Exact text, from Microsoft documentation. On German Windows: Der Netzwerkpfad wurde nicht gefunden. (Exact text, as quoted in real output). What happens. The share sits on a NAS and has always been open to everyone.';

describe('labelMask', () => {
  it('leaves out the title, the labels, the separator and a quote in the other language', () => {
    const words = SYMPTOM.split(/\s+/);
    const mask = labelMask(words, 'Windows no longer opens a NAS share', LABELS);
    const kept = words.filter((_, i) => !mask[i]).join(' ');
    assert.ok(kept.startsWith('A NAS share that lets anyone in'), kept);
    for (const label of [
      'What you see',
      'Dialog',
      '·',
      'Exact text, from Microsoft',
      'On German Windows',
      'Netzwerkpfad',
    ])
      assert.ok(!kept.includes(label), `${label} in: ${kept}`);
    // The code of the label line ("Dialog · Error code 0x80070035.") goes with the label; the
    // English message is the article's text.
    assert.ok(kept.includes('often with 0x80070035. Windows cannot access'), kept);
    assert.ok(kept.includes('0x80070035 The network path was not found'), kept);
    assert.ok(kept.includes('The share sits on a NAS'), kept);
  });

  it('takes a one-word label only where it stands as a label', () => {
    const words = 'Open Settings and pick Apply. Apply the change when asked'.split(' ');
    const mask = labelMask(words, 'No such title', ['Apply', 'Settings']);
    assert.deepEqual(
      words.filter((_, i) => mask[i]),
      ['Apply.'],
    );
  });

  it('marks spans with the span label only up to the next label', () => {
    const words = 'a On German Windows: x y z (Exact text). b'.split(' ');
    const mask = labelMask(words, 'none', [`${SPAN_LABEL}On German Windows`, 'Exact text']);
    assert.deepEqual(
      words.filter((_, i) => !mask[i]),
      ['a', 'b'],
    );
  });
});

describe('excerptOf', () => {
  const title = 'Windows no longer opens a NAS share';

  it('marks the searched words and shows the text around them', () => {
    const excerpt = excerptOf({ content: SYMPTOM, locations: at(SYMPTOM, 'path'), title, labels: LABELS, length: 12 });
    assert.match(text(excerpt.parts), /\[path\]/);
    assert.ok(!text(excerpt.parts).includes('Exact text'), text(excerpt.parts));
  });

  it('starts at the summary when no searched word is in the text', () => {
    const excerpt = excerptOf({ content: SYMPTOM, locations: [], title, labels: LABELS, length: 6 });
    assert.equal(text(excerpt.parts), 'A NAS share that lets anyone …');
  });

  it('passes over a window another result shows and picks the next one', () => {
    const locations = at(SYMPTOM, '0x80070035');
    const first = excerptOf({ content: SYMPTOM, locations, title, labels: LABELS, length: 10 });
    const second = excerptOf({
      content: SYMPTOM,
      locations,
      title,
      labels: LABELS,
      length: 10,
      shown: new Set([first.key]),
    });
    assert.notEqual(second.key, first.key);
    assert.match(text(second.parts), /\[0x80070035/);
  });

  it('never lets page text become markup: parts are plain text', () => {
    const content = 'Title here. <img src=x onerror=alert(1)> and <b>bold</b> words.';
    const excerpt = excerptOf({ content, locations: [2], title: 'Title here.', labels: [], length: 8 });
    assert.equal(text(excerpt.parts), '[<img] src=x onerror=alert(1)> and <b>bold</b> words.');
  });
});
