import assert from 'node:assert/strict';
import { it } from 'node:test';
import { UI, useTranslations } from '../../src/i18n/index.ts';

it('German and English UI strings have the same keys and placeholders', () => {
  const de = UI.de;
  const en = UI.en;
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en) as (keyof typeof en)[])
    assert.deepEqual(placeholders(de[key]), placeholders(en[key]), `placeholders of "${key}" differ`);
});

it('fills placeholders', () => {
  assert.equal(
    useTranslations('en')('evidence.summary', { worked: 7, partly: 1, failed: 4 }),
    'Worked for 7, partly for 1, not for 4',
  );
});
