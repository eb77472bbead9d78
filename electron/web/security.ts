import { createHash, randomBytes } from 'node:crypto';

/** The one Content-Security-Policy of the app; browser mode and the app:// protocol both send it. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A request is only served when it names this server as its host (a DNS-rebinding page names its
 * own domain) and, when the browser sends an Origin, that origin is this server.
 */
export function isSameOriginRequest(
  host: string | undefined,
  origin: string | undefined,
  port: number,
): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (host === undefined || !allowedHosts.includes(host)) return false;
  if (origin === undefined) return true;
  return allowedHosts.some((h) => origin === `http://${h}`);
}

export const SESSION_COOKIE = 'tourdesk_session';
export const LOGIN_CODE_TTL_MS = 60_000;

const randomSecret = () => randomBytes(32).toString('base64url');
// Only digests are kept, so a lookup compares hashes and no secret sits in a map key as typed.
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64');

/** The value of one cookie in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The session cookie's name for the app served on this port. Browsers keep cookies by host, not by
 * port: two browser-mode apps on one computer (another base, a training copy) would otherwise sign
 * each other's windows out at every sign-in.
 */
export function sessionCookieName(port: number): string {
  return `${SESSION_COOKIE}_${port}`;
}

/** Session cookie: not readable by scripts, never sent by another site's page, for the whole app. */
export function sessionCookie(secret: string, port: number): string {
  return `${sessionCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Browser-mode sign-in: the launcher asks for a one-time code and hands it to the browser; the page
 * trades it (once, within the time limit) for a session secret that lives only in this process, so
 * a cookie of an earlier run is worthless.
 */
export class SignIn {
  private readonly codes = new Map<string, number>();
  private readonly sessions = new Set<string>();

  constructor(
    private readonly codeTtlMs: number = LOGIN_CODE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  issueCode(): string {
    const code = randomSecret();
    this.codes.set(digest(code), this.now() + this.codeTtlMs);
    return code;
  }

  /** A new session secret for a valid code; the code is spent whether or not it was still valid. */
  redeem(code: string): string | null {
    const key = digest(code);
    const expires = this.codes.get(key);
    this.codes.delete(key);
    for (const [other, otherExpires] of this.codes) if (otherExpires < this.now()) this.codes.delete(other);
    if (expires === undefined || expires < this.now()) return null;
    const secret = randomSecret();
    this.sessions.add(digest(secret));
    return secret;
  }

  isSession(secret: string | undefined): boolean {
    return secret !== undefined && secret !== '' && this.sessions.has(digest(secret));
  }
}
