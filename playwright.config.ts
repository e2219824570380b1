import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, NO_CHROMIUM, findChromium } from './tests/chromium.ts';

const executablePath = findChromium();
if (!executablePath) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const port = Number(process.env.E2E_PORT ?? 4399);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`,
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: `node scripts/serve.ts --port ${port}`,
        url: `http://127.0.0.1:${port}/de/`,
        reuseExistingServer: false,
      },
});
