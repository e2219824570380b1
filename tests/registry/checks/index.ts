/** The checks: plain functions that return problem lists (empty = fine), so defects can be planted. */
export { cmdPairs, regPairs, runCmdPair, runRegPair } from './pairs.ts';
export type { CmdPair, RegPair } from './pairs.ts';
export { checkPsCommand, checkPsSetting, psLineMatchesSetting, sitePsProblems } from './powershell.ts';
export type { KnownCmdlet, KnownCmdlets } from './powershell.ts';
export { matchRegEntries, settingProblems } from './reg-entries.ts';
export { cmdAction, regAction, roundTrip } from './round-trip.ts';
export type { Action } from './round-trip.ts';
export { checkCoverage, fixOfPage, matchSiteRegFiles, siteFormProblems } from './site.ts';
export type { SiteRegFile } from './site.ts';
