/** Serves the built site for a built-file test on a free port, with the production headers (scripts/lib/server.ts). */
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import { startServer } from '../../scripts/lib/server.ts';

/** Starts the server before the file's tests and stops it after; returns a getter for its origin. */
export function serveDuringTests(dist: string): () => string {
  let origin = '';
  let close: () => Promise<void> = async () => {};
  before(async () => {
    const server = await startServer(dist, 0);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());
  return () => origin;
}
