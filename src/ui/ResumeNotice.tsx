// "Welcome back": saved answers are offered before anything else happens. One primary
// button (carry on where it stopped), and starting again asks first, because it deletes
// the saved answers.
import { useEffect, useRef, useState } from "react";
import type { Progress } from "../engine/machine";
import { Notice } from "./Notice";

export function ResumeNotice({
  progress,
  dropped,
  unknown,
  onResume,
  onStartAgain,
}: {
  progress: Progress;
  /** Saved answers that no longer fit the quiz and were removed. */
  dropped: number;
  /** Saved keys that name no question of this quiz. */
  unknown: number;
  onResume: () => void;
  onStartAgain: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  // The pressed button has gone: focus the safe choice rather than lose it to the page.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const finished = progress.step === "result";
  const kept = Object.keys(progress.answers).length;
  if (confirming)
    return (
      <Notice title="Start again?">
        <p>
          Starting again deletes your {kept} saved {kept === 1 ? "answer" : "answers"}
          {finished ? " and your result" : ""}.
        </p>
        <div className="cf-actions">
          <button ref={keep} type="button" className="cf-button cf-primary" onClick={onResume}>
            {finished ? "Keep them and see my result" : "Keep them and resume"}
          </button>
          <button type="button" className="cf-button" onClick={onStartAgain}>
            Delete them and start again
          </button>
        </div>
      </Notice>
    );
  return (
    <Notice title="Welcome back">
      <p>
        {finished ? "You finished this quiz." : "You have a quiz in progress."}
        {dropped > 0 &&
          ` The quiz has changed since: ${dropped} of your answers no longer ${dropped === 1 ? "applies" : "apply"} and ${dropped === 1 ? "was" : "were"} removed.`}
        {unknown > 0 &&
          " Part of what was saved is for questions this quiz does not have (the quiz has changed, or the saved progress was damaged) and was left out."}
      </p>
      <div className="cf-actions">
        <button type="button" className="cf-button cf-primary" onClick={onResume}>
          {finished ? "See my result" : "Resume"}
        </button>
        <button type="button" className="cf-button" onClick={() => setConfirming(true)}>
          Start again
        </button>
      </div>
    </Notice>
  );
}
