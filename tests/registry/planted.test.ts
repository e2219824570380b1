/**
 * Proof that the registry checks can fail: each test plants one defect in a COPY of the real data
 * (settings, generated commands, .reg bytes, a small fake built site in a temp folder) and asserts
 * that the same functions registry.test.ts uses report it. Each has a clean control next to it, so
 * a detection is due to the plant and not to a broken harness. Nothing in content/ or src/ changes.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import {
  encodeRegFile,
  psApplyCommand,
  quoteArgument,
  regApplyCommand,
  regFileText,
  registrySettings,
  regUndoCommand,
} from '../../src/lib/commands.ts';
import type { PowershellSetting, RegistrySetting, Setting } from '../../src/model/schemas/setting.ts';
import * as check from './checks/index.ts';
import { loadContent, loadKnownCmdlets } from './data.ts';
import { goodPage, plantedFix, usePlantedSites } from './fixtures.ts';
import type { PlantedPage } from './fixtures.ts';
import { parseCmdLine, parseRegFile } from './parse/index.ts';
import { collectSite } from './site/index.ts';
import { findWine, STEP_TIMEOUT_MS, usePrefix, WINE_MISSING_MESSAGE, wineMissingMessage } from './wine/index.ts';

const TIMEOUT = STEP_TIMEOUT_MS * 4;
const { settings, registry, powershell } = loadContent();
const known = loadKnownCmdlets();
const real = registry.find((s) => s.type === 'REG_DWORD') ?? registry[0];
assert.ok(real, 'settings.yaml needs a registry setting to plant defects in');

const copy = <T>(value: T): T => structuredClone(value);
/** Swaps the last two letters of the key: a typical typo (Parameters -> Parametesr). */
const misspell = (key: string) => key.replace(/([A-Za-z])([A-Za-z])$/, '$2$1');
const wrongType = (s: RegistrySetting): RegistrySetting =>
  s.type === 'REG_DWORD'
    ? { ...copy(s), type: 'REG_SZ', data: String(s.data) }
    : { ...copy(s), type: 'REG_DWORD', data: 1 };

/** Asserts that problems were found and that each pattern matches one; shows them in the output. */
function detected(t: TestContext, problems: string[], ...patterns: RegExp[]): void {
  assert.ok(problems.length > 0, 'the planted defect was NOT detected');
  for (const p of problems) t.diagnostic(`detected: ${p}`);
  for (const pattern of patterns)
    assert.ok(
      problems.some((p) => pattern.test(p)),
      `no problem matches ${pattern}: ${problems.join(' | ')}`,
    );
}

// ---------------------------------------------------------------------------------------------
// Planted defects that need no Wine
// ---------------------------------------------------------------------------------------------

describe('planted: .reg format', () => {
  const good = regFileText([real], 'apply');
  test('control: the generated file has no format problem', () => {
    assert.deepEqual(parseRegFile(encodeRegFile(good)).problems, []);
  });
  const plants: [string, Uint8Array, RegExp][] = [
    ['LF line ends', new TextEncoder().encode(good.replace(/\r\n/g, '\n')), /CRLF/],
    [
      'missing header',
      new TextEncoder().encode(good.replace(/^Windows Registry Editor Version 5\.00\r\n/, '')),
      /first line/,
    ],
    [
      'REGEDIT4 header',
      new TextEncoder().encode(good.replace('Windows Registry Editor Version 5.00', 'REGEDIT4')),
      /first line/,
    ],
    ['no CRLF after the last line', new TextEncoder().encode(good.replace(/(\r\n)+$/, '')), /last line/],
    ['non-ASCII written as UTF-8 without BOM', new TextEncoder().encode(`${good}; für\r\n`), /non-ASCII bytes/],
    [
      'UTF-8 byte-order mark',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(good)]),
      /UTF-8 byte-order mark/,
    ],
    [
      'dword with fewer than 8 hex digits',
      new TextEncoder().encode(good.replace(/dword:[0-9a-f]{8}/, 'dword:1')),
      /8 hex digits/,
    ],
    [
      'single backslash in a string',
      new TextEncoder().encode(`${good}[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n"P"="C:\\Temp"\r\n`),
      /backslash/,
    ],
    ['whole-key delete', new TextEncoder().encode(`${good}[-HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n`), /whole key/],
  ];
  for (const [name, bytes, pattern] of plants)
    test(`plant: ${name}`, (t) => detected(t, parseRegFile(bytes).problems, pattern));
});

describe('planted: .reg content against settings.yaml', () => {
  test('control: generated apply and undo match', () => {
    for (const which of ['apply', 'undo'] as const)
      assert.deepEqual(
        check.matchRegEntries(parseRegFile(encodeRegFile(regFileText([real], which))).entries, registry, which, 'x.reg')
          .problems,
        [],
      );
  });
  test('plant: misspelled key in the file', (t) => {
    const file = regFileText([{ ...copy(real), key: misspell(real.key) }], 'apply');
    detected(
      t,
      check.matchRegEntries(parseRegFile(encodeRegFile(file)).entries, registry, 'apply', 'typo.reg').problems,
      /no registry setting/,
    );
  });
  test('plant: wrong type in the file', (t) => {
    const file = regFileText([wrongType(real)], 'apply');
    detected(
      t,
      check.matchRegEntries(parseRegFile(encodeRegFile(file)).entries, registry, 'apply', 'type.reg').problems,
      /settings\.yaml .* says/,
    );
  });
  test('plant: undo file that leaves the value (same as apply)', (t) => {
    const file = regFileText([real], 'apply');
    detected(
      t,
      check.matchRegEntries(parseRegFile(encodeRegFile(file)).entries, registry, 'undo', 'undo.reg').problems,
      /for undo/,
    );
  });
});

describe('planted: settings.yaml records', () => {
  test('control: real registry settings have an undo that changes something', () =>
    assert.deepEqual(registry.flatMap(check.settingProblems), []));
  test('plant: undo set to the data the fix writes', (t) => {
    detected(
      t,
      check.settingProblems({ ...copy(real), undo: { action: 'set', data: real.data } }),
      /undo leaves the value/,
    );
  });
});

describe('planted: cmd command lines', () => {
  test('control: the generated command splits into the expected arguments', () => {
    const { args, problems } = parseCmdLine(regApplyCommand(real));
    assert.deepEqual(problems, []);
    assert.deepEqual(args, [
      'reg',
      'add',
      `${real.hive}\\${real.key}`,
      '/v',
      real.name,
      '/t',
      real.type,
      '/d',
      String(real.data),
      '/f',
    ]);
  });
  const line = regApplyCommand(real);
  const plants: [string, string, RegExp][] = [
    [
      'typographic quotes (Markdown smartypants)',
      line.replace(/"/, '\u201c').replace(/"/, '\u201d'),
      /typographic quote/,
    ],
    ['non-breaking space', line.replace(' /v', '\u00a0/v'), /non-breaking space/],
    ['%variable%', line.replace(real.name, `%${real.name}%`), /%/],
    ['& outside quotes', `${line} & echo done`, /operator/],
    ['unclosed quote', line.replace(/"([^"]*)$/, '$1'), /unclosed/],
    ['two lines', `${line}\nreg query x`, /several lines/],
  ];
  for (const [name, planted, pattern] of plants)
    test(`plant: ${name}`, (t) => detected(t, parseCmdLine(planted).problems, pattern));
});

describe('planted: PowerShell by form', () => {
  const ps = powershell[0];
  test('control: real PowerShell settings pass', () =>
    assert.deepEqual(
      powershell.flatMap((s) => check.checkPsSetting(s, known)),
      [],
    ));
  if (!ps) return;
  const first = Object.keys(ps.parameters).find((name) => ps.parameters[name] !== null)!;
  const plants: [string, PowershellSetting, RegExp][] = [
    [
      'misspelled parameter',
      {
        ...copy(ps),
        parameters: { [`${first}x`]: true, Force: null },
        undoParameters: { [`${first}x`]: false, Force: null },
      },
      /has no parameter/,
    ],
    ['unknown cmdlet', { ...copy(ps), cmdlet: 'Set-SmbClientConfig' }, /not in tests\/registry\/known-cmdlets\.json/],
    ['switch given a value', { ...copy(ps), parameters: { ...copy(ps.parameters), Force: 'yes' } }, /switch/],
    [
      'boolean given text',
      { ...copy(ps), parameters: { ...copy(ps.parameters), [first]: 'true' } },
      /\$true or \$false/,
    ],
    ['undo that does not reset the value', { ...copy(ps), undoParameters: { Force: null } }, /does not reset/],
    ['undo that sets the same value', { ...copy(ps), undoParameters: copy(ps.parameters) }, /same value/],
  ];
  for (const [name, planted, pattern] of plants)
    test(`plant: ${name}`, (t) => detected(t, check.checkPsSetting(planted, known), pattern));
  test('plant: command on the site differs from settings.yaml', (t) => {
    const line = psApplyCommand(ps).replace(/\$(true|false)/, (m) => (m === '$true' ? '$false' : '$true'));
    const swapped = line === psApplyCommand(ps) ? `${line} -WhatIf` : line;
    detected(t, check.psLineMatchesSetting(swapped, ps, 'apply'), /settings\.yaml/);
  });
  test('plant: positional value and operator', (t) => {
    detected(t, check.checkPsCommand(`${psApplyCommand(ps)} 1; Remove-Item x`, known), /positional|operator/);
  });
});

// ---------------------------------------------------------------------------------------------
// A small fake built site in a temp folder (fixtures.ts)
// ---------------------------------------------------------------------------------------------

const allIds = settings.map((s) => s.id);

describe('planted: built site without running it', () => {
  const plantSite = usePlantedSites();
  const build = async (pages: PlantedPage[]) => {
    const site = collectSite(await plantSite(pages));
    return { site, regFiles: check.matchSiteRegFiles(site, registry) };
  };

  test('control: a correct page for a fix using every setting passes form, PowerShell and coverage', async () => {
    const { site, regFiles } = await build([goodPage('en', 'planted-fix', settings)]);
    const fixes = [plantedFix('en', 'planted-fix', allIds)];
    assert.equal(site.commands.length, settings.length * 2);
    assert.equal(site.regLinks.length, 2);
    assert.deepEqual(check.siteFormProblems(site, regFiles, settings, fixes), []);
    assert.deepEqual(check.sitePsProblems(site, settings, known), []);
    assert.deepEqual(check.checkCoverage(site, regFiles, settings, fixes).problems, []);
  });
  test('plant: a fix uses a registry setting the site does not show', async (t) => {
    const { site, regFiles } = await build([
      goodPage(
        'en',
        'planted-fix',
        settings.filter((s) => s.id !== real.id),
      ),
    ]);
    detected(
      t,
      check.checkCoverage(site, regFiles, settings, [plantedFix('en', 'planted-fix', allIds)]).problems,
      new RegExp(`"${real.id}" is used by a fix`),
    );
  });
  test('plant: the site shows a setting no fix references', async (t) => {
    const { site, regFiles } = await build([goodPage('en', 'planted-fix', settings)]);
    detected(
      t,
      check.checkCoverage(site, regFiles, settings, [
        plantedFix(
          'en',
          'planted-fix',
          allIds.filter((id) => id !== real.id),
        ),
      ]).problems,
      /no fix references it/,
    );
  });
  test('plant: undo .reg link missing, download attribute missing, unknown data-setting, dangling link', async (t) => {
    const page = goodPage('en', 'planted-fix', settings);
    const dist = await plantSite([
      {
        ...page,
        blocks: [...page.blocks, { shell: 'cmd', role: 'apply', setting: 'no-such-setting', text: 'reg query x' }],
      },
    ]);
    const file = path.join(dist, 'en', 'fixes', 'planted-fix', 'index.html');
    const html = (await readFile(file, 'utf8')).replace(
      /<a href="[^"]*-undo\.reg" download data-reg="undo">undo<\/a>/,
      '<a href="/en/fixes/planted-fix/gone.reg" data-reg="undo">undo</a>',
    );
    await writeFile(file, html);
    const site = collectSite(dist);
    const regFiles = check.matchSiteRegFiles(site, registry);
    const problems = [
      ...check.siteFormProblems(site, regFiles, settings, [plantedFix('en', 'planted-fix', allIds)]),
      ...check.checkCoverage(site, regFiles, settings, [plantedFix('en', 'planted-fix', allIds)]).problems,
    ];
    detected(
      t,
      problems,
      /download attribute/,
      /does not point to a \.reg file/,
      /no-such-setting/,
      /lacks .*an undo \.reg file/,
    );
  });
  test('control: a correct German fix page passes form checks against its fix', async () => {
    const { site, regFiles } = await build([goodPage('de', 'geplante-loesung', settings)]);
    assert.deepEqual(
      check.siteFormProblems(site, regFiles, settings, [plantedFix('de', 'geplante-loesung', allIds)]),
      [],
    );
  });
  test('plant: a fix page shows settings its fix does not list (block and .reg file)', async (t) => {
    const { site, regFiles } = await build([goodPage('de', 'geplante-loesung', settings)]);
    const listed = allIds.filter((id) => id !== real.id);
    detected(
      t,
      check.siteFormProblems(site, regFiles, settings, [plantedFix('de', 'geplante-loesung', listed)]),
      new RegExp(`shows setting "${real.id}", which fix geplante-loesung does not list`),
      /\.reg: covers .*; fix geplante-loesung uses registry settings/,
    );
  });
  test('plant: PowerShell block on the site with a misspelled parameter', async (t) => {
    const ps = powershell[0];
    if (!ps) return t.skip('no PowerShell setting');
    const page = goodPage('en', 'planted-fix', [ps]);
    page.blocks[0].text = page.blocks[0].text.replace(/ -(\w+)/, ' -$1s');
    const { site } = await build([page]);
    detected(t, check.sitePsProblems(site, settings, known), /has no parameter|lacks/);
  });
});

// ---------------------------------------------------------------------------------------------
// Planted defects that only running them in Wine can show
// ---------------------------------------------------------------------------------------------

const winePath = findWine();
describe('planted: running in Wine', { skip: winePath ? false : wineMissingMessage() }, () => {
  const wine = usePrefix(winePath!);
  const run = (record: RegistrySetting, apply: string, undo: string) =>
    check.roundTrip(wine(), [record], check.cmdAction(apply), check.cmdAction(undo));

  test('control: the real commands pass', { timeout: TIMEOUT }, async () => {
    assert.deepEqual(await run(real, regApplyCommand(real), regUndoCommand(real)), []);
  });
  test('plant: command with a misspelled key', { timeout: TIMEOUT }, async (t) => {
    const bad = { ...copy(real), key: misspell(real.key) };
    detected(t, await run(real, regApplyCommand(bad), regUndoCommand(bad)), /after apply .* is \(absent\)/);
  });
  test('plant: command with the wrong type', { timeout: TIMEOUT }, async (t) => {
    const bad = wrongType(real);
    detected(
      t,
      await run(real, regApplyCommand(bad), regUndoCommand(bad)),
      new RegExp(`after apply .* is ${bad.type}`),
    );
  });
  test('plant: command with the wrong data', { timeout: TIMEOUT }, async (t) => {
    const bad = { ...copy(real), data: typeof real.data === 'number' ? real.data + 1 : `${real.data}x` };
    detected(t, await run(real, regApplyCommand(bad), regUndoCommand(real)), /after apply/);
  });
  test('plant: undo that leaves the value (deletes a misspelled name)', { timeout: TIMEOUT }, async (t) => {
    const bad = { ...copy(real), name: `${real.name}s`, undo: { action: 'delete' as const } };
    detected(
      t,
      await run(real, regApplyCommand(real), `reg delete "${real.hive}\\${real.key}" /v ${bad.name} /f`),
      /after undo .* the undo does not restore/,
    );
  });
  test('plant: undo that sets the applied data again', { timeout: TIMEOUT }, async (t) => {
    detected(t, await run(real, regApplyCommand(real), regApplyCommand(real)), /after undo/);
  });
  test('plant: typographic quotes in the command', { timeout: TIMEOUT }, async (t) => {
    const line = regApplyCommand(real).replace(/"/, '\u201c').replace(/"/, '\u201d');
    detected(t, await run(real, line, regUndoCommand(real)), /after apply .* is \(absent\)/);
  });

  const reg = (record: RegistrySetting, apply: string | Uint8Array, undo: string | Uint8Array) =>
    check.roundTrip(wine(), [record], check.regAction('planted.reg', apply), check.regAction('planted-undo.reg', undo));
  test('control: the real .reg files pass', { timeout: TIMEOUT }, async () => {
    assert.deepEqual(
      await reg(real, encodeRegFile(regFileText([real], 'apply')), encodeRegFile(regFileText([real], 'undo'))),
      [],
    );
  });
  test('plant: .reg with a misspelled key', { timeout: TIMEOUT }, async (t) => {
    const bad = { ...copy(real), key: misspell(real.key) };
    detected(
      t,
      await reg(real, regFileText([bad], 'apply'), regFileText([bad], 'undo')),
      /after apply .* is \(absent\)/,
    );
  });
  test(
    'plant: .reg with the DWORD written in decimal digits (16 as dword:00000016)',
    { timeout: TIMEOUT },
    async (t) => {
      const record = { ...copy(real), type: 'REG_DWORD' as const, data: 16 };
      const file = regFileText([record], 'apply').replace('dword:00000010', 'dword:00000016');
      detected(
        t,
        await reg(record, file, regFileText([record], 'undo')),
        /is REG_DWORD 22 \(0x16\); settings\.yaml .* says REG_DWORD 16/,
      );
    },
  );
  test('plant: .reg without its header line (regedit ignores the file)', { timeout: TIMEOUT }, async (t) => {
    const file = regFileText([real], 'apply').replace(/^Windows Registry Editor Version 5\.00\r\n/, '');
    detected(t, await reg(real, file, regFileText([real], 'undo')), /first line/);
  });
  test('plant: undo .reg that leaves the value', { timeout: TIMEOUT }, async (t) => {
    detected(t, await reg(real, regFileText([real], 'apply'), regFileText([real], 'apply')), /after undo/);
  });

  describe('planted site run in Wine', () => {
    const plantSite = usePlantedSites();
    const runSite = async (pages: PlantedPage[], records: Setting[]) => {
      const site = collectSite(await plantSite(pages));
      const regFiles = check.matchSiteRegFiles(site, registrySettings(records));
      const problems: string[] = [];
      for (const pair of check.cmdPairs(site)) problems.push(...(await check.runCmdPair(wine(), pair, records)));
      for (const pair of check.regPairs(regFiles)) problems.push(...(await check.runRegPair(wine(), pair)));
      return { problems, site, regFiles };
    };

    test('control: a correct page (en and de) runs clean', { timeout: TIMEOUT * 2 }, async () => {
      const { problems, site } = await runSite(
        [goodPage('en', 'planted-fix', registry), goodPage('de', 'planted-fix', registry)],
        settings,
      );
      assert.equal(check.cmdPairs(site).length, registry.length, 'identical de/en pairs run once');
      assert.deepEqual(problems, []);
    });
    test('plant: HTML command with a misspelled key (entities decoded)', { timeout: TIMEOUT }, async (t) => {
      const page = goodPage('en', 'planted-fix', [real]);
      page.blocks[0].text = regApplyCommand({ ...copy(real), key: misspell(real.key) });
      detected(t, (await runSite([page], settings)).problems, /after apply .* is \(absent\)/);
    });
    test('plant: .reg on the site with wrong data', { timeout: TIMEOUT }, async (t) => {
      const page = goodPage('en', 'planted-fix', [real]);
      page.reg!.apply = encodeRegFile(
        regFileText([{ ...copy(real), data: typeof real.data === 'number' ? real.data + 1 : 'x' }], 'apply'),
      );
      const { problems, regFiles } = await runSite([page], settings);
      detected(t, [...regFiles.flatMap((f) => f.problems), ...problems], /after apply/);
    });
    test(
      'plant: settings.yaml copy with a misspelled key, checked against a correct site',
      { timeout: TIMEOUT },
      async (t) => {
        const records = settings.map((s) => (s.id === real.id ? { ...copy(real), key: misspell(real.key) } : s));
        const { problems, regFiles } = await runSite([goodPage('en', 'planted-fix', [real])], records);
        detected(
          t,
          [...regFiles.flatMap((f) => f.problems), ...problems],
          /after apply .* is \(absent\)|no registry setting/,
        );
      },
    );
    test(
      'plant: settings.yaml copy with the wrong type, checked against a correct site',
      { timeout: TIMEOUT },
      async (t) => {
        const records = settings.map((s) => (s.id === real.id ? wrongType(real) : s));
        detected(
          t,
          (await runSite([goodPage('en', 'planted-fix', [real])], records)).problems,
          /after apply .* settings\.yaml .* says/,
        );
      },
    );
    test(
      'plant: settings.yaml copy whose undo restores other data than the site undo does',
      { timeout: TIMEOUT },
      async (t) => {
        const records = settings.map((s) =>
          s.id === real.id
            ? {
                ...copy(real),
                undo:
                  real.undo.action === 'delete'
                    ? { action: 'set' as const, data: typeof real.data === 'number' ? real.data + 1 : 'x' }
                    : { action: 'delete' as const },
              }
            : s,
        );
        detected(t, (await runSite([goodPage('en', 'planted-fix', [real])], records)).problems, /after undo/);
      },
    );
  });

  test(
    'plant: a reg add line that puts REG_SZ data with a quote in quotes without escaping it',
    { timeout: TIMEOUT },
    async (t) => {
      // What the generator did before quoteArgument: reg.exe then ends the argument at the inner quote.
      const record = {
        ...copy(real),
        key: 'SOFTWARE\\KbRegistryTest\\Planted',
        name: 'Quote',
        type: 'REG_SZ' as const,
        data: 'say "hi"',
        undo: { action: 'delete' as const },
      };
      const naive = regApplyCommand(record).replace(quoteArgument(record.data), `"${record.data}"`);
      assert.notEqual(naive, regApplyCommand(record), 'the planted command must differ from the generated one');
      detected(t, await run(record, naive, regUndoCommand(record)), /after apply/);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// e. Missing Wine: one skip line, or a failure under CI=true
// ---------------------------------------------------------------------------------------------

describe('planted: Wine missing', () => {
  const file = fileURLToPath(new URL('./registry.test.ts', import.meta.url));
  const runWithout = (ci: boolean) => {
    const env: NodeJS.ProcessEnv = { ...process.env, WINE: '/nonexistent/wine' };
    delete env.NODE_TEST_CONTEXT;
    if (ci) env.CI = 'true';
    else delete env.CI;
    return spawnSync(process.execPath, ['--test', '--test-reporter=spec', file], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
  };
  test('without CI: the file skips with one line naming the fix', (t) => {
    const result = runWithout(false);
    const output = result.stdout + result.stderr;
    t.diagnostic(output.split('\n').find((l) => l.includes(WINE_MISSING_MESSAGE)) ?? '');
    assert.equal(result.status, 0, output);
    assert.equal(output.split('\n').filter((l) => l.includes(WINE_MISSING_MESSAGE)).length, 1, output);
    assert.match(output, /skipped 1/);
    assert.match(output, /pass 0/);
  });
  test('with CI=true: missing Wine fails', (t) => {
    const result = runWithout(true);
    const output = result.stdout + result.stderr;
    t.diagnostic(`exit ${result.status}`);
    assert.notEqual(result.status, 0, output);
    assert.match(output, /fail 1/);
    assert.ok(output.includes(WINE_MISSING_MESSAGE), output);
  });
});
