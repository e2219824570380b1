/**
 * "Advice that runs": every registry command and .reg file the site offers is executed in Wine's
 * real reg.exe / regedit.exe in a throw-away prefix, read back with `reg query` and compared with
 * content/settings.yaml; every undo must put the registry back where it started. PowerShell
 * cannot run under Wine and is checked by form against tests/registry/known-cmdlets.json.
 *
 *   node --test tests/registry/*.test.ts      (env: WINE, DIST_DIR, CI=true makes missing Wine fail)
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  commandsFor,
  encodeRegFile,
  psApplyCommand,
  psUndoCommand,
  regApplyCommand,
  regFileText,
  regUndoCommand,
} from '../../src/lib/commands.ts';
import { DIST_DIR } from '../../scripts/lib/paths.ts';
import { settingSchema } from '../../src/model/schemas/setting.ts';
import type { RegistrySetting, Setting } from '../../src/model/schemas/setting.ts';
import * as check from './checks/index.ts';
import { loadContent, loadKnownCmdlets } from './data.ts';
import { parseRegFile } from './parse/index.ts';
import { collectSite } from './site/index.ts';
import { findWine, STEP_TIMEOUT_MS, usePrefix, wineMissingMessage } from './wine/index.ts';

const TIMEOUT = STEP_TIMEOUT_MS * 4;
const winePath = findWine();

if (!winePath) {
  if (process.env.CI === 'true')
    test('registry commands under Wine', () => assert.fail(`${wineMissingMessage()} (CI=true: Wine is required)`));
  else test('registry commands under Wine', { skip: wineMissingMessage() }, () => {});
} else {
  defineTests(winePath);
}

function defineTests(winePath: string): void {
  const { settings, registry, powershell, fixes } = loadContent();
  const known = loadKnownCmdlets();
  const byId = new Map<string, Setting>(settings.map((s) => [s.id, s]));
  const prefix = usePrefix(winePath);

  describe('a. reg.exe commands generated from settings.yaml', () => {
    test('settings.yaml has registry settings, each with an undo that changes something', () => {
      assert.ok(registry.length > 0, 'no registry setting in content/settings.yaml');
      assert.deepEqual(registry.flatMap(check.settingProblems), []);
    });
    for (const setting of registry) {
      test(`${setting.id}: reg add, reg query, undo, reg query`, { timeout: TIMEOUT }, async (t) => {
        const { shell, apply, undo } = commandsFor(setting);
        assert.equal(shell, 'cmd');
        assert.equal(apply, regApplyCommand(setting));
        assert.equal(undo, regUndoCommand(setting));
        t.diagnostic(`apply: ${apply}`);
        t.diagnostic(`undo:  ${undo}`);
        assert.deepEqual(await check.roundTrip(prefix(), [setting], check.cmdAction(apply), check.cmdAction(undo)), []);
      });
    }
  });

  describe('b. .reg files generated from settings.yaml', () => {
    const groups: { label: string; settings: RegistrySetting[] }[] = registry.map((s) => ({
      label: s.id,
      settings: [s],
    }));
    if (registry.length > 1) groups.push({ label: 'all-registry-settings', settings: registry });
    for (const group of groups) {
      test(
        `${group.label}: format, regedit apply, reg query, regedit undo, reg query`,
        { timeout: TIMEOUT },
        async () => {
          const applyBytes = encodeRegFile(regFileText(group.settings, 'apply'));
          const undoBytes = encodeRegFile(regFileText(group.settings, 'undo'));
          for (const [which, bytes] of [
            ['apply', applyBytes],
            ['undo', undoBytes],
          ] as const) {
            const parsed = parseRegFile(bytes);
            assert.deepEqual(parsed.problems, [], `${which} .reg format`);
            assert.deepEqual(
              check.matchRegEntries(parsed.entries, registry, which, `${group.label} ${which}.reg`).problems,
              [],
            );
          }
          const problems = await check.roundTrip(
            prefix(),
            group.settings,
            check.regAction(`${group.label}.reg`, applyBytes),
            check.regAction(`${group.label}-undo.reg`, undoBytes),
          );
          assert.deepEqual(problems, []);
        },
      );
    }
  });

  describe('b2. generators with edge-case data (synthetic settings below HKLM\\SOFTWARE\\KbRegistryTest)', () => {
    const synthetic = (
      id: string,
      type: 'REG_DWORD' | 'REG_SZ',
      data: number | string,
      undo: RegistrySetting['undo'],
    ): RegistrySetting => {
      const setting = settingSchema.parse({
        id,
        kind: 'registry',
        hive: 'HKLM',
        key: 'SOFTWARE\\KbRegistryTest\\Generator',
        name: id.replace(/-/g, '_'),
        type,
        data,
        undo,
        reference: 'test',
      });
      return setting as RegistrySetting;
    };
    const cases: { setting: RegistrySetting; cmd: boolean }[] = [
      { setting: synthetic('dword-max', 'REG_DWORD', 0xffffffff, { action: 'set', data: 0 }), cmd: true },
      { setting: synthetic('dword-zero', 'REG_DWORD', 0, { action: 'set', data: 16 }), cmd: true },
      { setting: synthetic('text-path', 'REG_SZ', 'C:\\Program Files\\Share Tool', { action: 'delete' }), cmd: true },
      { setting: synthetic('text-empty', 'REG_SZ', '', { action: 'set', data: 'before' }), cmd: true },
      { setting: synthetic('text-umlaut', 'REG_SZ', 'Freigabe für Gäste', { action: 'delete' }), cmd: false },
      {
        setting: synthetic('text-quote', 'REG_SZ', 'say "hi"', { action: 'delete' }),
        cmd: true,
      },
      {
        setting: synthetic('text-trailing-backslash', 'REG_SZ', 'C:\\Shares\\', { action: 'delete' }),
        cmd: true,
      },
    ];
    for (const { setting, cmd } of cases) {
      test(`${setting.id}: .reg round trip`, { timeout: TIMEOUT }, async () => {
        const applyBytes = encodeRegFile(regFileText([setting], 'apply'));
        assert.deepEqual(parseRegFile(applyBytes).problems, []);
        const problems = await check.roundTrip(
          prefix(),
          [setting],
          check.regAction(`${setting.id}.reg`, applyBytes),
          check.regAction(`${setting.id}-undo.reg`, encodeRegFile(regFileText([setting], 'undo'))),
        );
        assert.deepEqual(problems, []);
      });
      if (cmd)
        test(`${setting.id}: reg.exe round trip`, { timeout: TIMEOUT }, async (t) => {
          t.diagnostic(regApplyCommand(setting));
          assert.deepEqual(
            await check.roundTrip(
              prefix(),
              [setting],
              check.cmdAction(regApplyCommand(setting)),
              check.cmdAction(regUndoCommand(setting)),
            ),
            [],
          );
        });
    }
  });

  describe('c. built site', () => {
    const dist = DIST_DIR;
    const site = existsSync(dist) ? collectSite(dist) : null;
    if (!site || site.pages.length === 0) {
      test('the built site exists', () => {
        assert.fail(
          `${dist} ${site ? 'contains no HTML pages' : 'does not exist'}: run \`npm run build\` first (or point DIST_DIR at a built site)`,
        );
      });
      return;
    }
    const regFiles = check.matchSiteRegFiles(site, registry);

    test('pre.cmd blocks and .reg links are well-formed, name known settings and match settings.yaml', (t) => {
      const count = (shell: string) => site.commands.filter((c) => c.shell === shell).length;
      t.diagnostic(
        `${dist}: ${site.pages.length} pages, ${count('cmd')} cmd blocks, ${count('powershell')} PowerShell blocks, ${site.regLinks.length} .reg links`,
      );
      assert.deepEqual(check.siteFormProblems(site, regFiles, settings, fixes), []);
      // The checks against a fix's settings: list run only where a page is known as that fix's page.
      const pages = new Set([...site.commands, ...site.regLinks].map((c) => c.page));
      assert.deepEqual(
        [...pages].filter((page) => !check.fixOfPage(page, fixes)),
        [],
        'pages with commands that are no fix page of content/',
      );
    });

    for (const pair of check.cmdPairs(site)) {
      test(
        `cmd ${pair.setting} on ${pair.pages.join(', ')}: run apply and undo in Wine`,
        { timeout: TIMEOUT },
        async (t) => {
          assert.deepEqual(await check.runCmdPair(prefix(), pair, settings, (line) => t.diagnostic(line)), []);
        },
      );
    }

    for (const pair of check.regPairs(regFiles)) {
      const names = [...pair.apply, ...pair.undo].map((f) => f.href).join(', ');
      test(`.reg ${names}: regedit apply and undo in Wine`, { timeout: TIMEOUT }, async (t) => {
        assert.deepEqual(await check.runRegPair(prefix(), pair, (line) => t.diagnostic(line)), []);
      });
    }

    test('PowerShell blocks on the site: known cmdlet and parameters, same call as settings.yaml (by form only)', (t) => {
      for (const text of new Set(site.commands.filter((c) => c.shell === 'powershell').map((c) => c.text)))
        t.diagnostic(`checked by form only (PowerShell cannot run under Wine): ${text}`);
      assert.deepEqual(check.sitePsProblems(site, settings, known), []);
    });

    test('the settings the site covers are exactly the settings fixes reference', (t) => {
      const { problems, covered, referenced } = check.checkCoverage(site, regFiles, settings, fixes);
      t.diagnostic(`referenced by ${fixes.length} fix articles: ${[...referenced].sort().join(', ') || 'none'}`);
      t.diagnostic(`covered by the site: ${[...covered].sort().join(', ') || 'none'}`);
      assert.deepEqual(problems, []);
      const registryIds = (ids: Set<string>) => [...ids].filter((id) => byId.get(id)?.kind === 'registry').sort();
      assert.deepEqual(registryIds(covered), registryIds(referenced));
    });
  });

  describe('d. PowerShell commands from settings.yaml (by form only: PowerShell cannot run under Wine)', () => {
    for (const setting of powershell) {
      test(`${setting.id}: known cmdlet and parameters, undo resets what apply sets`, (t) => {
        t.diagnostic(`checked by form only: ${psApplyCommand(setting)}`);
        t.diagnostic(`checked by form only: ${psUndoCommand(setting)}`);
        assert.deepEqual(check.checkPsSetting(setting, known), []);
      });
    }
  });
}
