// The backend thread run from the TypeScript source (tests, `tsx electron/web/cli.ts`); the build
// runs backend-worker.js instead. tsx is a development dependency: never reached in a built app.
import { register as registerCjs } from 'tsx/cjs/api';
import { register as registerEsm } from 'tsx/esm/api';

registerCjs();
registerEsm();
await import('./backend-worker.ts');
