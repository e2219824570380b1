/**
 * What the checks compare the site with: the settings and the fixes' `settings:` lists, read only
 * through the project's content reader and graph, and the documented cmdlets in known-cmdlets.json.
 */
import { readFileSync } from 'node:fs';
import { CONTENT_DIR, ROOT } from '../../scripts/lib/paths.ts';
import { buildGraph } from '../../src/model/graph.ts';
import { readContent } from '../../src/model/read.ts';
import { LANGS } from '../../src/model/schemas/common.ts';
import { registrySettings } from '../../src/lib/commands.ts';
import type { PowershellSetting, RegistrySetting, Setting } from '../../src/model/schemas/setting.ts';
import type { KnownCmdlets } from './checks/index.ts';

/** A fix as the checks need it: which page is its own and which settings it lists. */
export interface FixSettings {
  id: string;
  lang: string;
  /** The fix's page, e.g. /en/fixes/<slug>/. */
  url: string;
  /** The article file, relative to the project root, for messages. */
  file: string;
  settings: string[];
}

export interface RegistryData {
  settings: Setting[];
  /** The registry settings and the PowerShell settings of `settings`. */
  registry: RegistrySetting[];
  powershell: PowershellSetting[];
  fixes: FixSettings[];
}

/** Validated content (errors name the file) and the graph's fixes in every language. */
export function loadContent(dir = CONTENT_DIR): RegistryData {
  const content = readContent(dir, ROOT);
  const graph = buildGraph(content);
  const fixes = LANGS.flatMap((lang) => graph.fixes(lang)).map((fix) => ({
    id: fix.id,
    lang: fix.lang,
    url: fix.url,
    file: fix.filePath,
    settings: fix.data.settings,
  }));
  const { settings } = content;
  const powershell = settings.filter((s): s is PowershellSetting => s.kind === 'powershell');
  return { settings, registry: registrySettings(settings), powershell, fixes };
}

export function loadKnownCmdlets(): KnownCmdlets {
  return JSON.parse(readFileSync(new URL('./known-cmdlets.json', import.meta.url), 'utf8')) as KnownCmdlets;
}
