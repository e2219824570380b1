/**
 * HTML gate: every HTML page of the built site passes html-validate with the
 * "html-validate:recommended" preset (.htmlvalidate.mjs says which rules are changed and why).
 * DIST_DIR=<folder> checks another build.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HtmlValidate, type ConfigData } from 'html-validate';
import config from '../../.htmlvalidate.mjs';
import { DIST_DIR } from '../../scripts/lib/paths.ts';

const dist = DIST_DIR;

test('every page in the built site is valid HTML (html-validate:recommended)', async () => {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort();
  assert.ok(files.length > 20, `only ${files.length} HTML files in ${dist}`);
  const validator = new HtmlValidate(config as ConfigData);
  const problems: string[] = [];
  const byRule = new Map<string, number>();
  for (const file of files) {
    const report = await validator.validateFile(join(dist, file));
    for (const result of report.results) {
      for (const m of result.messages) {
        byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
        problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}`);
      }
    }
  }
  console.log(`html: validated ${files.length} HTML files in ${dist}: ${problems.length} problems`);
  const summary = [...byRule].map(([rule, count]) => `${rule} ×${count}`).join(', ');
  assert.deepEqual(problems.slice(0, 40), [], `invalid HTML (${summary}); first 40 shown`);
});
