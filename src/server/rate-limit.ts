// A fixed-window limit per client, in memory only: nothing about a client is stored.
// With several instances behind a load balancer, each counts on its own.
import type { Context, MiddlewareHandler } from "hono";

export type RateLimit = { limit: number; windowMs: number };

export function rateLimit({ limit, windowMs }: RateLimit): MiddlewareHandler {
  let window = 0;
  let counts = new Map<string, number>();
  return async (c, next) => {
    const now = Math.floor(Date.now() / windowMs);
    if (now !== window) {
      window = now;
      counts = new Map(); // the whole past window is forgotten at once
    }
    const key = clientKey(c);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > limit) {
      c.header("Retry-After", String(Math.ceil(windowMs / 1000)));
      return c.json({ error: "too many requests; try again in a minute" }, 429);
    }
    await next();
  };
}

/** The connection's address, as seen by this process (a reverse proxy's, behind one). */
function clientKey(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}
