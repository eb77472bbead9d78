import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

const contentType = (path: string) => CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';

/** Resolves a URL path inside `root`; anything escaping it (../, encoded or not) gives null. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootResolved = resolve(root);
  const target = resolve(rootResolved, '.' + normalize('/' + decoded));
  if (target !== rootResolved && !target.startsWith(rootResolved + sep)) return null;
  return target;
}

export async function readStatic(path: string): Promise<{ body: Buffer; contentType: string } | null> {
  try {
    const body = await readFile(path);
    return { body, contentType: contentType(path) };
  } catch {
    return null;
  }
}

/** The same in one step: the app page, small and asked for once per window, while the start is busy. */
export function readStaticNow(path: string): { body: Buffer; contentType: string } | null {
  try {
    return { body: readFileSync(path), contentType: contentType(path) };
  } catch {
    return null;
  }
}

/** Files read once and kept in memory: the renderer's hashed assets, which never change while it runs. */
export class StaticCache {
  private readonly files = new Map<string, Promise<{ body: Buffer; contentType: string } | null>>();

  /**
   * Reads the assets the app page names (its script, preloads and styles) now, at start: while the
   * backend's modules load (a turn of the event loop each), a file read in steps (open, stat, read,
   * close) would wait a turn for each. Other assets are read when first asked for.
   */
  preload(root: string): void {
    let page: string;
    try {
      page = readFileSync(join(root, 'index.html'), 'utf8');
    } catch {
      return; // no built renderer (a test's folder): everything is read on demand
    }
    for (const [, name] of page.matchAll(/(?:src|href)="(?:\.?\/)?assets\/([^"/]+)"/g)) {
      const path = resolve(root, 'assets', name ?? '');
      try {
        this.files.set(path, Promise.resolve({ body: readFileSync(path), contentType: contentType(path) }));
      } catch {
        // named but missing: asked for, it answers 404 as before
      }
    }
  }

  read(path: string): Promise<{ body: Buffer; contentType: string } | null> {
    let found = this.files.get(path);
    if (!found) {
      found = readStatic(path);
      this.files.set(path, found);
      // A name that is not there is not kept: any local page could fill the map with them.
      void found.then((file) => file ?? this.files.delete(path));
    }
    return found;
  }
}
