/**
 * Serves dist/ the way production does (headers from deploy/headers.ts, 404 page, /kb/<id> as
 * 301 redirects), for `npm start` and the end-to-end tests. Usage: node scripts/serve.ts [--port N] [--dir D]
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONTENT_TYPES,
  DOWNLOAD_DISPOSITION,
  DOWNLOAD_EXTENSIONS,
  MAX_REQUEST_HEADER_KIB,
  REDIRECT_CACHE_CONTROL,
  SECURITY_HEADERS,
  cacheControl,
} from '../deploy/headers.ts';
import { redirectFor } from '../deploy/redirects.ts';
import { DIST_DIR } from './lib/paths.ts';

/** The short links, /kb/<id> -> article path, as the build wrote them to /kb/links.json. */
export function readShortLinks(dir: string): Map<string, string> {
  const file = join(dir, 'kb', 'links.json');
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

export function startServer(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const links = readShortLinks(root);
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_KIB * 1024 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '/';
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const moved = redirectFor(path);
    if (moved) {
      res.writeHead(301, { Location: moved, 'Cache-Control': REDIRECT_CACHE_CONTROL });
      res.end();
      return;
    }
    const short = /^\/kb\/([a-z0-9-]+)\/?$/.exec(path);
    if (short && links.has(short[1])) {
      res.writeHead(301, { Location: links.get(short[1])!, 'Cache-Control': REDIRECT_CACHE_CONTROL });
      res.end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${path}/${url.search}` });
        res.end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
      path = '/404.html';
    }
    if (DOWNLOAD_EXTENSIONS.includes(extname(file))) res.setHeader('Content-Disposition', DOWNLOAD_DISPOSITION);
    res.writeHead(status, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(path),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

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
