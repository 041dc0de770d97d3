// What the iframe's snippet tells the frame beyond the quiz and the origin: the trainer's
// page (`page=`), where result links lead, and a booking link per outcome
// (`book-<outcome>=` and `book-<outcome>-text=`). Addresses are http(s) only: anything
// else is ignored, and the frame behaves as if it had not been given.
import type { Quiz } from "../engine/schema";

export type Booking = { href: string; text: string };

export function webAddressParam(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The booking links given for the quiz's outcomes; one without words is left out. */
export function bookingsIn(params: URLSearchParams, quiz: Quiz): Record<string, Booking> {
  const bookings: Record<string, Booking> = {};
  for (const { id } of quiz.outcomes) {
    const href = webAddressParam(params.get(`book-${id}`));
    const text = params.get(`book-${id}-text`)?.trim().replace(/\s+/g, " ");
    if (href && text) bookings[id] = { href: href.href, text };
  }
  return bookings;
}

/** The address that reopens a result: on the trainer's page if given, else the quiz page beside the frame. */
export function frameResultUrl(page: URL | undefined, frame: string): (token: string) => string {
  return (token) => new URL(page ? `#r=${token}` : `./#r=${token}`, page ?? frame).href;
}

const SCHEMES = new Set(["light", "dark", "light dark"]);

/**
 * The frame's colour scheme. A frame cannot see its host page's, so it is light unless the
 * snippet says `color-scheme=dark` (or `light dark`: the visitor's device), like the
 * element on a page that sets none: a dark-mode visitor on a light course page sees a light quiz.
 */
export function schemeParam(value: string | null): string {
  const scheme = value?.trim().replace(/\s+/g, " ") ?? "";
  return SCHEMES.has(scheme) ? scheme : "light";
}
