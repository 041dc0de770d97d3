import type { Context } from "hono";

/** The request's JSON body, or undefined when it is not JSON: the caller's schema says why. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}
