// What a coursefit server said went wrong: its JSON `error`, or else the status.
export async function responseError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === "string") return body.error;
  } catch {
    // not JSON: fall through to the status
  }
  return `the server answered ${response.status}`;
}
