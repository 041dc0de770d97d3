// Sending a result to the trainer's coursefit server, only when the taker agrees, and
// taking it back. What the browser keeps: per result, the submission id (so that a retry
// after a lost answer stores nothing twice) and, once sent, the id and deletion secret the
// server answered (so that "Delete it again" works later from the same browser).
import { responseError } from "./response-error";

/** Where results go and whom the taker is told they go to. */
export type Collect = { endpoint: string; trainer: string; cohort?: string };

export type Receipt = { id: string; secret: string };

export type SendOutcome =
  | { ok: true; receipt: Receipt }
  | { ok: false; message: string; retryAfter?: number };

const KEY = "coursefit:sent:";

function storageKey(collect: Collect, token: string): string {
  return `${KEY}${new URL(collect.endpoint).origin}:${token}`;
}

type Stored = { submission: string; receipt?: Receipt };

function read(key: string): Stored | undefined {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? "null") as Stored | null;
    return value && typeof value.submission === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: Stored | undefined): void {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, a full quota): sending still works, only "delete it
    // later from this browser" and the retry's id across reloads are lost.
  }
}

/** The receipt of this result's earlier send from this browser, if any. */
export function sentBefore(collect: Collect, token: string): Receipt | undefined {
  return read(storageKey(collect, token))?.receipt;
}

function newSubmissionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** Sends the result once; the same submission id on every retry. */
export async function sendResult(
  collect: Collect,
  body: { quiz: string; token: string; contact?: string },
): Promise<SendOutcome> {
  const key = storageKey(collect, body.token);
  const submission = read(key)?.submission ?? newSubmissionId();
  write(key, { submission });
  let response: Response;
  try {
    response = await fetch(new URL("api/results", collect.endpoint), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        ...body,
        submission,
        ...(collect.cohort ? { cohort: collect.cohort } : {}),
      }),
    });
  } catch {
    return { ok: false, message: "the server could not be reached" };
  }
  if (response.status === 200 || response.status === 201) {
    const receipt = (await response.json()) as Receipt;
    write(key, { submission, receipt });
    return { ok: true, receipt };
  }
  const retryAfter = Number(response.headers.get("Retry-After"));
  return {
    ok: false,
    message: await responseError(response),
    ...(retryAfter > 0 ? { retryAfter } : {}),
  };
}

/** Deletes a sent result with its secret; forgets it here once the server has. */
export async function deleteResult(
  collect: Collect,
  token: string,
  receipt: Receipt,
): Promise<{ ok: true } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetch(
      new URL(`api/results/${encodeURIComponent(receipt.id)}`, collect.endpoint),
      {
        method: "DELETE",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ secret: receipt.secret }),
      },
    );
  } catch {
    return { ok: false, message: "the server could not be reached" };
  }
  // 404: already gone (deleted by the trainer, or past retention): as good as deleted.
  if (response.status === 204 || response.status === 404) {
    write(storageKey(collect, token), undefined);
    return { ok: true };
  }
  return { ok: false, message: await responseError(response) };
}
