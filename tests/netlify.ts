/**
 * Asks Netlify's redirect engine (netlify-redirector, the WebAssembly build its CLI uses) what it
 * does with a path, as a plain GET without headers or cookies; shared by the unit tests of the
 * generator and the built-file test of dist/_redirects.
 */
import redirector from 'netlify-redirector';

export type NetlifyMatcher = Awaited<ReturnType<typeof redirector.parsePlain>>;

/** The engine for a `_redirects` file. */
export const netlifyMatcher = (file: string): Promise<NetlifyMatcher> => redirector.parsePlain(file, {});

/** The rule that answers `path`, if any. */
export function netlifyMatch(matcher: NetlifyMatcher, path: string) {
  return matcher.match({
    scheme: 'https',
    host: 'netzfreigabe.example',
    path,
    query: '',
    getHeader: () => '',
    getCookie: () => '',
  });
}
