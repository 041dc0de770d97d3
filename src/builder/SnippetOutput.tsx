// The finished snippet, read-only, with buttons that copy it and a polite status line
// that says whether they did.
import { useEffect, useRef, useState } from "react";
import type { Snippet } from "./snippet";

type Props = {
  /** The snippet, or undefined while the form has problems. */
  snippet: Snippet | undefined;
  problemCount: number;
  mode: "element" | "iframe";
  /** The trainer asked for a snippet that is not ready: show them what to fix. */
  onNotReady: () => void;
};

export function SnippetOutput({ snippet, problemCount, mode, onNotReady }: Props) {
  const [status, setStatus] = useState("");
  const html = snippet?.html;
  const css = snippet?.css;
  // A new snippet has not been copied yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the snippet changes
  useEffect(() => setStatus(""), [html, css]);

  const copy = async (text: string, box: HTMLTextAreaElement | null, what: string) => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setStatus(`${what} copied.`);
    } catch {
      box?.focus();
      box?.select();
      setStatus(
        `This browser did not let the page copy. The ${what.toLowerCase()} is selected: press Ctrl+C (or Command+C on a Mac) to copy it.`,
      );
    }
  };

  return (
    <section className="cfb-output" aria-labelledby="cfb-snippet-title">
      <h2 id="cfb-snippet-title">Your snippet</h2>
      {snippet ? (
        <>
          <CodeToCopy
            id="cfb-html"
            label="HTML for your page"
            hint={
              mode === "element"
                ? "Paste it where the quiz should appear, in your page's HTML (in WordPress, a Custom HTML block)."
                : "Paste it where the quiz should appear, in your page's HTML (in WordPress, a Custom HTML block). The script is optional: leave it out on pages that allow no scripts."
            }
            text={snippet.html}
            button="Copy snippet"
            primary
            onCopy={(box) => copy(snippet.html, box, "Snippet")}
          />
          {snippet.css && (
            <CodeToCopy
              id="cfb-css"
              label="CSS for your stylesheet"
              hint="Put this in your stylesheet (in WordPress, Appearance, Customise, Additional CSS), not in the page: many sites refuse styles written into a page."
              text={snippet.css}
              button="Copy CSS"
              onCopy={(box) => copy(snippet.css ?? "", box, "CSS")}
            />
          )}
        </>
      ) : (
        <>
          <p>
            Your snippet is not ready yet:{" "}
            {problemCount === 1
              ? "there is 1 thing to fix in the form."
              : `there are ${problemCount} things to fix in the form.`}
          </p>
          <div className="cf-actions">
            <button type="button" className="cf-button cf-primary" onClick={onNotReady}>
              Show what to fix
            </button>
          </div>
        </>
      )}
      <p className="cfb-status" role="status">
        {status}
      </p>
    </section>
  );
}

/** A read-only box of code with its label, hint and copy button. */
function CodeToCopy(props: {
  id: string;
  label: string;
  hint: string;
  text: string;
  button: string;
  primary?: boolean;
  onCopy: (box: HTMLTextAreaElement | null) => void;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  return (
    <>
      <label htmlFor={props.id} className="cfb-label">
        {props.label}
      </label>
      <p className="cf-hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <textarea
        id={props.id}
        ref={box}
        className="cfb-code"
        readOnly
        value={props.text}
        rows={lineCount(props.text)}
        spellCheck={false}
        aria-describedby={`${props.id}-hint`}
      />
      <div className="cf-actions">
        <button
          type="button"
          className={props.primary ? "cf-button cf-primary" : "cf-button"}
          onClick={() => props.onCopy(box.current)}
        >
          {props.button}
        </button>
      </div>
    </>
  );
}

/** Rows enough to show the text without scrolling, counting long lines as they wrap. */
function lineCount(text: string) {
  const rows = text
    .trimEnd()
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 60)), 0);
  return Math.min(16, Math.max(3, rows + 1));
}
