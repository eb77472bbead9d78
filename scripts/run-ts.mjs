// Runs a TypeScript entry (demo, bench) under Node through tsx, without a build step.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const result = spawnSync(process.execPath, [tsxCli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
