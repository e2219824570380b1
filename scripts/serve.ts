/**
 * Serves a built site with the production headers and redirects (scripts/lib/server.ts).
 * Usage: node scripts/serve.ts [--port N] [--dir D]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './lib/server.ts';
import { DIST_DIR } from './lib/paths.ts';

// Kept for callers that imported the server from here before it moved to scripts/lib/server.ts.
export { readShortLinks, startServer } from './lib/server.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '4321' }, dir: { type: 'string', default: DIST_DIR } },
  });
  if (!existsSync(join(values.dir, 'index.html'))) {
    console.error(`serve: ${values.dir}/index.html not found; run "npm run build" first`);
    process.exit(1);
  }
  await startServer(values.dir, Number(values.port));
  console.log(`Serving ${values.dir} at http://localhost:${values.port}/`);
}
