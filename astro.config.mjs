// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  // The public address is not decided yet; .example is reserved and never resolves. Set SITE_URL to deploy.
  site: process.env.SITE_URL ?? 'https://netzfreigabe.example',
  trailingSlash: 'always',
  integrations: [mdx()],
  // One external stylesheet, cacheable and allowed by a strict Content-Security-Policy.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scripts stay external files too: the Content-Security-Policy allows no inline script.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
