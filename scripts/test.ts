/**
 * `npm test`: every gate in order, stopping at the first failure with a line that says which.
 * Steps: type check and lint, unit tests, production build with search index, browser tests,
 * registry commands under Wine.
 */
import { spawnSync } from 'node:child_process';

const steps: { name: string; command: string; args: string[] }[] = [
  { name: 'type check and lint', command: 'npm', args: ['run', 'check'] },
  { name: 'unit tests', command: 'node', args: ['--test', 'tests/unit/*.test.ts'] },
  { name: 'production build with search index', command: 'npm', args: ['run', 'build'] },
  { name: 'checks of the built files', command: 'node', args: ['--test', 'tests/built/*.test.ts'] },
  { name: 'browser tests against the built site', command: 'npx', args: ['playwright', 'test'] },
  { name: 'registry commands under Wine', command: 'node', args: ['--test', 'tests/registry/*.test.ts'] },
];

const only = process.argv.slice(2);
for (const step of steps) {
  if (only.length && !only.some((word) => step.name.includes(word))) continue;
  console.log(`\n=== npm test: ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(
      `\nnpm test FAILED at step "${step.name}" (${step.command} ${step.args.join(' ')}, exit ${result.status}, ${seconds} s)`,
    );
    process.exit(1);
  }
  console.log(`=== ok: ${step.name} (${seconds} s)`);
}
console.log('\nnpm test: all steps passed');
