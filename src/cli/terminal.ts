// Text from a quiz file reaches a terminal only through here: a title such as
// "\e[2J\e]0;x\a" would otherwise clear the screen, rename the window or write to the
// clipboard (OSC 52), and a bidi control would reorder the line around it.

/**
 * Every C0 control but the newline (tabs included; a carriage return only when it ends a
 * CRLF line, which CSV output needs and which moves nothing), DEL, every C1 control, and
 * the bidi controls (ALM, LRM, RLM, the embeddings, overrides and isolates).
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * `text` with each control character written as a visible `\uXXXX`. The same escape is
 * valid inside a JSON string, so `--json` output stays JSON that decodes to the file's text.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
