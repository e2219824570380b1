/** The 404 page's logic: closest matches, exact matches of mangled addresses, and step anchors. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { candidatesOf, closestMatches, exactMatch, nearListPath, type NearList } from '../../src/lib/closest.ts';
import { addStepAnchors } from '../../src/lib/step-anchors.ts';

const list: NearList = {
  base: '/de/symptome/',
  rows: [
    ['gastzugriff-blockiert', 'Windows öffnet eine NAS-Freigabe ohne Kennwort nicht mehr'],
    ['heimnetzgruppe-geht-nicht', 'Heimnetzgruppe lässt sich nicht verlassen', 'homegroup-id'],
    ['netzwerk-weg-nach-update', 'Nach einem Update ist das Netzwerk weg'],
  ],
};
const candidates = candidatesOf(list);

test('near lists: one file per language and section; rows become addresses', () => {
  assert.equal(nearListPath('de', 'fix'), '/kb/near-de-loesungen.json');
  assert.equal(nearListPath('en', 'symptom'), '/kb/near-en-symptoms.json');
  assert.deepEqual(candidates[1], {
    url: '/de/symptome/heimnetzgruppe-geht-nicht/',
    title: 'Heimnetzgruppe lässt sich nicht verlassen',
    id: 'homegroup-id',
  });
});

test('a typo, a missing letter or a truncated slug finds the article first', () => {
  for (const path of [
    '/de/symptome/gastzugrif-blockiert/',
    '/de/symptome/gastzugriff-blokiert/',
    '/de/symptome/gastzugriff/',
    '/de/symptom/gastzugriff-blockiert',
  ])
    assert.equal(closestMatches(path, candidates, 5)[0]?.url, '/de/symptome/gastzugriff-blockiert/', path);
  assert.equal(closestMatches('/kb/homegroup-idd', candidates, 5)[0]?.id, 'homegroup-id');
  assert.deepEqual(closestMatches('/de/symptome/xyz/', candidates, 5), []);
});

test('an address that only lost its case or gained a full stop is matched exactly', () => {
  assert.equal(exactMatch('/de/symptome/Gastzugriff-Blockiert).', candidates)?.id, 'gastzugriff-blockiert');
  assert.equal(exactMatch('/de/symptome/gastzugriff-blockiert', candidates)?.id, 'gastzugriff-blockiert');
  assert.equal(exactMatch('/de/symptome/gastzugriff', candidates), undefined);
});

test('numbered steps get anchors step-1, step-2, … (nested lists and other lists stay as they are)', () => {
  const html = addStepAnchors(
    '<h2 id="steps">Steps</h2><ol><li>a<ol><li>x</li></ol></li><li class="b">b</li></ol><ul><li>u</li></ul>',
  );
  assert.equal(
    html,
    '<h2 id="steps">Steps</h2><ol><li id="step-1">a<ol><li>x</li></ol></li><li id="step-2" class="b">b</li></ol><ul><li>u</li></ul>',
  );
});
