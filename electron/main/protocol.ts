import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { readStatic, resolveStaticPath } from '../web/static-files';
import { APP_SCHEME } from './security';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps the app's compiled scripts between launches, as it does for https pages
  // (Electron 28+, standard schemes only); without it every start compiles the bundle again.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

/** Maps app://app/<path> to a file inside the renderer output; anything else is refused. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== 'app') return null;
  const path = url.pathname === '/' ? '/index.html' : url.pathname;
  return resolveStaticPath(rendererDir, path);
}

export function registerAppProtocol(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppRequest(rendererDir, request.url);
    const found = file ? await readStatic(file) : null;
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(found.body), {
      headers: {
        'content-type': found.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
