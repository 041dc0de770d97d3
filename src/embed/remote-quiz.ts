// A trainer's own quiz, from a URL: fetched, then validated in the browser by a chunk
// that is loaded only now.
import type { RemoteQuiz } from "./validate-remote";

export type { RemoteQuiz };

export async function loadRemoteQuiz(url: URL): Promise<RemoteQuiz> {
  const fetchText = async (from: URL) => {
    const response = await fetch(from, { credentials: "omit" });
    if (!response.ok) throw new Error(`${from.href}: the server answered ${response.status}`);
    return response.text();
  };
  let text: string;
  try {
    text = await fetchText(url);
  } catch (error) {
    const why =
      error instanceof Error && error.message.startsWith(url.href)
        ? error.message
        : `${url.href}: could not be loaded (offline, or the server does not allow this page to read it)`;
    return { ok: false, problems: [why] };
  }
  const { validateRemoteQuiz } = await import("./validate-remote");
  return validateRemoteQuiz(text, url, fetchText);
}
