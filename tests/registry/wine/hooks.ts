/** The node:test hooks that give a test file (or suite) one Wine prefix for all its tests. */
import { after, before } from 'node:test';
import { PREFIX_TIMEOUT_MS, WinePrefix } from './prefix.ts';

/** Creates the prefix before the first test and removes it after the last; call inside a describe or at top level. */
export function usePrefix(winePath: string): () => WinePrefix {
  let wine: WinePrefix | undefined;
  before(
    async () => {
      wine = await WinePrefix.create(winePath);
    },
    { timeout: PREFIX_TIMEOUT_MS },
  );
  after(async () => {
    await wine?.dispose();
  });
  return () => {
    if (!wine) throw new Error('the Wine prefix is not ready (did its before hook fail?)');
    return wine;
  };
}
