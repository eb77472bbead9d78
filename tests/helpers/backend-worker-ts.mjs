// Runs browser mode's backend thread from its TypeScript source (tests run before the build).
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCjs();
registerEsm();
await import('../../electron/web/backend-worker.ts');
