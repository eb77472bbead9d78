import { sessionCookieName } from '../../electron/web/security';

/** The session cookie's name for the app at this address (one per port: see electron/web/security.ts). */
export const sessionCookieOf = (url: string): string => sessionCookieName(Number(new URL(url).port));
