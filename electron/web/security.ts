import { timingSafeEqual } from 'node:crypto';

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

export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
