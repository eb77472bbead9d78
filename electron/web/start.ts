import { join } from 'node:path';
import { defaultUserDataDir } from '../backend/paths';
import { keepCompiledCode } from '../boot/code-cache';
import { appVersion } from './app-version';

// Browser mode's entry (out/main/web.js): the compiled-code cache first, so that everything the
// start loads, browser mode's own modules included, comes from the code kept at the last launch.
keepCompiledCode(join(defaultUserDataDir(), 'code-cache'), appVersion(__dirname));
void import('./cli').then(({ runBrowserMode }) => runBrowserMode(__dirname));
