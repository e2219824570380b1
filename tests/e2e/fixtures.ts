/**
 * Shared Playwright fixture: every test fails when a page logs a console error or throws
 * (uncaught exception, CSP violation, failed resource), in the default context and in any
 * context the test opens itself with browser.newContext(). Use it instead of @playwright/test:
 *
 *   import { test, expect } from './fixtures.ts';
 *
 * A test that expects an error (the 404 page loads with status 404) allows it by pattern:
 *   test.use({ allowedConsoleErrors: [/status of 404/] });
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';

interface Options {
  /** Console errors matching one of these do not fail the test. */
  allowedConsoleErrors: RegExp[];
}

export const test = base.extend<Options & { _consoleErrors: void }>({
  allowedConsoleErrors: [[], { option: true }],
  _consoleErrors: [
    async ({ context, browser, allowedConsoleErrors }, use, testInfo) => {
      const errors: string[] = [];
      const watch = (ctx: BrowserContext) => {
        ctx.on('console', (message) => {
          if (message.type() !== 'error') return;
          const text = `console error on ${message.page()?.url() ?? '?'}: ${message.text()}`;
          if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
        });
        ctx.on('weberror', (error) => errors.push(`page error: ${error.error().message}`));
      };
      watch(context);
      // Contexts the test opens itself (e.g. with JavaScript disabled) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      if (testInfo.status === testInfo.expectedStatus)
        expect(errors, 'the pages logged errors in the console or threw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
