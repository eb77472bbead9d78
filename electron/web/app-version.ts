import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json, two folders above the app's folder (out/main or electron/web). */
export function appVersion(appDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(appDir, '..', '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
