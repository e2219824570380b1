/**
 * The local server: serves a built site the way production does (headers from deploy/headers.ts,
 * redirects from deploy/redirects.ts, /kb/<id> short links as 301s, each language's 404 page), so
 * `npm start` and the tests that need HTTP see what nginx would send. scripts/serve.ts is its CLI.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import {
  CONTENT_TYPES,
  DOWNLOAD_DISPOSITION,
  DOWNLOAD_EXTENSIONS,
  MAX_REQUEST_HEADER_KIB,
  REDIRECT_CACHE_CONTROL,
  SECURITY_HEADERS,
  cacheControl,
} from '../../deploy/headers.ts';
import { notFoundPage, redirectFor, shortLinkId } from '../../deploy/redirects.ts';
import { HOST_FILES } from '../../deploy/static-host.ts';

/** The short links, /kb/<id> -> article path, as the build wrote them to /kb/links.json. */
export function readShortLinks(dir: string): Map<string, string> {
  const file = join(dir, 'kb', 'links.json');
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/** The file a site path names below `root`, or undefined when it would leave the root. */
function fileFor(root: string, path: string): string | undefined {
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root + sep) ? file : undefined;
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
    const redirect = (location: string) => {
      res.writeHead(301, { Location: location, 'Cache-Control': REDIRECT_CACHE_CONTROL });
      res.end();
    };
    const moved = redirectFor(path);
    if (moved) return redirect(moved);
    const id = shortLinkId(path);
    if (id && links.has(id)) return redirect(links.get(id)!);

    // The static hosts' rule files are no pages (as in deploy/nginx.conf).
    let file = (HOST_FILES as readonly string[]).includes(path.slice(1)) ? undefined : fileFor(root, path);
    if (file && existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!file || !existsSync(file)) {
      status = 404;
      const page = notFoundPage(path);
      file = join(root, page.endsWith('/') ? `${page}index.html` : page);
      path = page;
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
