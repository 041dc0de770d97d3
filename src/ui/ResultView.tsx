import { type ReactNode, type RefObject, useState } from "react";
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";
import { Heading } from "./Heading";
import { QuoteBlock } from "./QuoteBlock";
import { TraitChart } from "./TraitChart";
import { formatScore, headline, leaning, NOTHING_TO_SCORE, outcomeName } from "./texts";

type Props = {
  quiz: Quiz;
  result: Result;
  headingRef: RefObject<HTMLHeadingElement | null>;
  resultUrl: (token: string) => string;
  outcomeLink?: (outcome: string) => ReactNode;
  onBack: () => void;
  onRestart: () => void;
};

export function ResultView({
  quiz,
  result,
  headingRef,
  resultUrl,
  outcomeLink,
  onBack,
  onRestart,
}: Props) {
  const actions = (
    <ResultActions
      quiz={quiz}
      result={result}
      link={resultUrl(result.token)}
      onBack={onBack}
      onRestart={onRestart}
    />
  );
  const rec = result.recommendation;
  if (rec.kind === "none") {
    return (
      <section className="cf-step cf-result">
        <Heading headingRef={headingRef} className="cf-heading">
          {NOTHING_TO_SCORE.title}
        </Heading>
        <p className="cf-lead">{NOTHING_TO_SCORE.body}</p>
        {actions}
      </section>
    );
  }
  const leaders = rec.kind === "outcome" ? [rec.outcome] : rec.outcomes;
  const traitLabel = (id: string) => quiz.traits.find((t) => t.id === id)?.label ?? id;
  return (
    <section className="cf-step cf-result">
      <Heading headingRef={headingRef} className="cf-heading">
        {headline(quiz, result)}
      </Heading>
      <p className="cf-lead">{leaning(quiz, result)}</p>
      {leaders.map((id) => (
        <p key={id}>{quiz.outcomes.find((o) => o.id === id)?.summary}</p>
      ))}

      <Heading depth={1}>Your answers, trait by trait</Heading>
      <TraitChart quiz={quiz} result={result} />

      <Heading depth={1}>Why</Heading>
      <ol className="cf-reasons">
        {result.reasons.map((reason) => (
          <li key={`${reason.trait}-${reason.outcome}`} className="cf-reason">
            <Heading depth={2} className="cf-reason-title">
              {traitLabel(reason.trait)} points to {outcomeName(quiz, reason.outcome)}
              {reason.impact > 0 && ` (+${formatScore(reason.impact)} points)`}
            </Heading>
            {reason.answers.length > 0 && (
              <>
                <p className="cf-hint">Because you answered:</p>
                <ul className="cf-reason-answers">
                  {reason.answers.map((a) => (
                    <li key={a.question}>
                      {a.prompt} <strong>{a.answer}</strong>
                    </li>
                  ))}
                </ul>
              </>
            )}
            <QuoteBlock quote={reason} />
          </li>
        ))}
      </ol>
      {result.conclusion && (
        <>
          <p>As the article concludes:</p>
          <QuoteBlock quote={result.conclusion} />
        </>
      )}

      <Heading depth={1}>The two certifications side by side</Heading>
      {result.comparison.map((row) => (
        <section className="cf-compare-row" key={row.id} aria-label={row.label}>
          <Heading depth={2}>{row.label}</Heading>
          <div className="cf-compare-cells">
            {Object.entries(row.quotes).map(([outcome, quote]) => (
              <div key={outcome} className="cf-compare-cell">
                <p className="cf-compare-outcome">{outcomeName(quiz, outcome)}</p>
                <QuoteBlock quote={quote} />
              </div>
            ))}
          </div>
        </section>
      ))}

      <Heading depth={1}>What to do next</Heading>
      <ul className="cf-next">
        {leaders.map((id) => {
          return <li key={id}>{outcomeLink?.(id) ?? <NextStep quiz={quiz} outcome={id} />}</li>;
        })}
      </ul>
      {actions}
    </section>
  );
}

function ResultActions({
  quiz,
  result,
  link,
  onBack,
  onRestart,
}: {
  quiz: Quiz;
  result: Result;
  link: string;
  onBack: () => void;
  onRestart: () => void;
}) {
  const [copied, setCopied] = useState<string>("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("Link copied.");
    } catch {
      setCopied("Copying was blocked: select the link above and copy it.");
    }
  };
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(result, null, 2)], { type: "application/json" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = `${quiz.id}-result.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="cf-result-actions">
      <p className="cf-share">
        Link to this result: <a href={link}>{link}</a>
      </p>
      <div className="cf-actions">
        <button type="button" className="cf-button" onClick={copy}>
          Copy link
        </button>
        <button type="button" className="cf-button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="cf-button" onClick={download}>
          Download (JSON)
        </button>
        <button type="button" className="cf-button" onClick={onBack}>
          Change answers
        </button>
        <button type="button" className="cf-button" onClick={onRestart}>
          Start over
        </button>
      </div>
      <p role="status" className="cf-hint">
        {copied}
      </p>
    </div>
  );
}

/** The quiz's own next step for an outcome: its link, or where to look for the course. */
export function NextStep({ quiz, outcome }: { quiz: Quiz; outcome: string }) {
  const found = quiz.outcomes.find((o) => o.id === outcome);
  if (found?.nextStep) return <a href={found.nextStep.url}>{found.nextStep.label}</a>;
  return <>Look for a {found?.label ?? outcome} course taught by a Certified Scrum Trainer.</>;
}
