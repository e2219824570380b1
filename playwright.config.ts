import { spawnSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, NO_CHROMIUM, findChromium } from './scripts/lib/chromium.ts';
import { DIST_DIR } from './scripts/lib/paths.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const port = Number(process.env.E2E_PORT ?? 4399);
/** The built site the server serves and the specs read; DIST_DIR serves another build. */
const dist = DIST_DIR;

// The site runs under nginx with the committed deploy/nginx.conf when nginx is installed (always in
// CI: .ci/run installs it); otherwise under scripts/serve.ts, which sends the same headers.
const isMainProcess = !process.env.TEST_WORKER_INDEX;
const nginx = spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
if (!process.env.E2E_BASE_URL && !nginx) {
  if (process.env.CI === 'true') {
    console.error('nginx not found: CI must run the browser tests under nginx (.ci/run installs it)');
    process.exit(1);
  }
  if (isMainProcess) console.log('nginx not found: browser tests ran under scripts/serve.ts with the same headers');
}
// Specs that check server-only behaviour (gzip) read which server answers.
process.env.E2E_SERVER ??= process.env.E2E_BASE_URL ? 'external' : nginx ? 'nginx' : 'serve';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  // Full-page screenshots of the longest pages take ~25 s on a 2-CPU machine; 30 s left no margin.
  timeout: 60_000,
  use: {
    baseURL: process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: nginx
          ? `node scripts/nginx-serve.ts --port ${port} --dir ${dist} --exit-with-stdin${process.env.E2E_NGINX_CONF ? ` --conf ${process.env.E2E_NGINX_CONF}` : ''}`
          : `node scripts/serve.ts --port ${port} --dir ${dist}`,
        url: `http://127.0.0.1:${port}/de/`,
        reuseExistingServer: false,
        gracefulShutdown: { signal: 'SIGTERM', timeout: 2000 },
      },
});
