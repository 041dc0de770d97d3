// The quiz, reopened whenever the address's fragment turns into another result link
// (`#r=...`) in the same tab: a link clicked on the page, or pasted into the address bar.
// Without this the page kept showing the result it opened with.
import { useEffect, useRef, useState } from "react";
import { QuizApp, type QuizAppProps, type Start } from "./QuizApp";
import { resultTokenIn } from "./start";

export type ResultLinkQuizAppProps = QuizAppProps & {
  /**
   * Where the quiz starts for the address as it is now, or undefined to leave it as it is
   * (a link this quiz cannot read may be for another quiz on the same page).
   */
  startFromLink: () => Start | undefined;
  /** The fragment this quiz reads links from: the page's, or none (undefined). */
  hash: () => string | undefined;
};

export function ResultLinkQuizApp({ startFromLink, hash, ...props }: ResultLinkQuizAppProps) {
  const [visit, setVisit] = useState({ id: 0, start: props.start });
  // The result shown now: our own address updates (replaceState) fire no hashchange, but
  // Back and Forward between steps do, and those must not reopen what is already shown.
  const shown = useRef<string | null>(null);
  const latest = useRef({ startFromLink, hash });
  latest.current = { startFromLink, hash };

  useEffect(() => {
    const changed = () => {
      const fragment = latest.current.hash();
      const token = fragment === undefined ? undefined : resultTokenIn(fragment);
      if (token === undefined || token === shown.current) return;
      const start = latest.current.startFromLink();
      if (start) setVisit((v) => ({ id: v.id + 1, start }));
    };
    window.addEventListener("hashchange", changed);
    return () => window.removeEventListener("hashchange", changed);
  }, []);

  return (
    <QuizApp
      key={visit.id}
      {...props}
      start={visit.start}
      onResultChange={(token) => {
        shown.current = token;
        props.onResultChange?.(token);
      }}
    />
  );
}
