// The headers every response carries, whatever its status (a 404 or a 400 included): a
// strict Content-Security-Policy (the same one the browser tests hold the pages to),
// no MIME sniffing, no Referer, no caching.
import type { MiddlewareHandler } from "hono";

export const CSP =
  "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; frame-ancestors 'self'";

/** The policy of a page that trainers' pages, wherever they are, may frame. */
export const FRAMEABLE_CSP = CSP.replace("frame-ancestors 'self'", "frame-ancestors *");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CSP,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

/**
 * Adds `headers` (by default SECURITY_HEADERS) to every response that does not set its
 * own value, so a route may choose a looser policy (embed.html) but never forget one.
 */
export function secureHeaders(
  headers: Readonly<Record<string, string>> = SECURITY_HEADERS,
): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  };
}

/** A plain-text answer with the security headers, for the edge that has no app to ask. */
export function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
  });
}
