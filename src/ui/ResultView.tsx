// The result: first the recommendation, how strongly it leans, why in one sentence and
// the next step as the one primary button; then the chart, the strongest reasons with a
// short quote each, the comparison in a disclosure, and what can be done with the result.
// No quote is shown twice, and each source is cited once.
import { type ReactNode, type RefObject, useState } from "react";
import { keyReasons, type Quote, type Reason, splitQuote } from "../engine/explain";
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";
import type { Collect } from "./collect";
import { Heading } from "./Heading";
import { SendResult } from "./SendResult";
import { TraitChart } from "./TraitChart";
import { formatDate, headline, leaning, NOTHING_TO_SCORE, outcomeName } from "./texts";

type Props = {
  quiz: Quiz;
  result: Result;
  headingRef: RefObject<HTMLHeadingElement | null>;
  resultUrl: (token: string) => string;
  outcomeLink?: (outcome: string) => ReactNode;
  /** Where the taker may choose to send the result; without it nothing is offered. */
  collect?: Collect;
  onBack: () => void;
  onRestart: () => void;
};

export function ResultView({
  quiz,
  result,
  headingRef,
  resultUrl,
  outcomeLink,
  collect,
  onBack,
  onRestart,
}: Props) {
  const link = resultUrl(result.token);
  const actions = (
    <ResultActions quiz={quiz} result={result} link={link} onBack={onBack} onRestart={onRestart} />
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
  const reasons = keyReasons(result.reasons, leaders);
  const traitLabel = (id: string) => quiz.traits.find((t) => t.id === id)?.label ?? id;
  const why =
    rec.kind === "outcome"
      ? quiz.outcomes.find((o) => o.id === rec.outcome)?.summary
      : balancedWhy(quiz, leaders, reasons, traitLabel);
  // Passages the reasons quote the start of: the comparison shows only the rest of them.
  const quoted = new Set(reasons.map((r) => r.passage));
  const sources = citedSources([
    ...reasons,
    ...(result.conclusion ? [result.conclusion] : []),
    ...result.comparison.flatMap((row) => Object.values(row.quotes)),
  ]);

  return (
    <section className="cf-step cf-result">
      <p className="cf-result-print-head">
        {quiz.title} · {formatDate(new Date().toISOString().slice(0, 10))}
      </p>
      <div className="cf-result-card">
        <Heading headingRef={headingRef} className="cf-heading">
          {headline(quiz, result)}
        </Heading>
        <p className="cf-lead">{leaning(quiz, result)}</p>
        {why && <p className="cf-result-why">{why}</p>}
        <ul className="cf-result-next" aria-label="Next step">
          {leaders.map((id) => (
            <li key={id}>{outcomeLink?.(id) ?? <NextStep quiz={quiz} outcome={id} />}</li>
          ))}
        </ul>
      </div>

      <Heading depth={1}>Your answers, trait by trait</Heading>
      <TraitChart quiz={quiz} result={result} />

      {reasons.length > 0 && (
        <>
          <Heading depth={1}>Why</Heading>
          <ol className="cf-reasons">
            {reasons.map((reason) => (
              <li key={`${reason.trait}-${reason.outcome}`} className="cf-reason">
                <Heading depth={2} className="cf-reason-title">
                  {traitLabel(reason.trait)} points to {outcomeName(quiz, reason.outcome)}
                </Heading>
                <p className="cf-hint">Because you answered:</p>
                <ul className="cf-reason-answers">
                  {reason.answers.map((a) => (
                    <li key={a.question}>
                      {a.prompt} <strong>{a.answer}</strong>
                    </li>
                  ))}
                </ul>
                <blockquote className="cf-quote" cite={reason.source.url}>
                  <p>{splitQuote(reason.quote).short}</p>
                </blockquote>
              </li>
            ))}
          </ol>
        </>
      )}
      {result.conclusion && (
        <>
          <p>{quiz.conclusionLead}</p>
          <blockquote className="cf-quote" cite={result.conclusion.source.url}>
            <p>{result.conclusion.quote}</p>
          </blockquote>
        </>
      )}

      {result.comparison.length > 0 && (
        <details className="cf-compare">
          <summary>{quiz.comparisonHeading}</summary>
          {result.comparison.map((row) => (
            <section className="cf-compare-row" key={row.id} aria-label={row.label}>
              <Heading depth={2}>{row.label}</Heading>
              <div className="cf-compare-cells">
                {Object.entries(row.quotes).map(([outcome, quote]) => (
                  <div key={outcome} className="cf-compare-cell">
                    <p className="cf-compare-outcome">{outcomeName(quiz, outcome)}</p>
                    <CompareQuote quote={quote} quotedAbove={quoted.has(quote.passage)} />
                  </div>
                ))}
              </div>
            </section>
          ))}
        </details>
      )}

      <p className="cf-sources">
        {sources.length === 1 ? "Quoted from" : "Quoted from these sources"}:{" "}
        {sources.map((source, i) => (
          <span key={`${source.author}-${source.title}-${source.date}`}>
            {i > 0 && "; "}
            {source.author},{" "}
            <cite>{source.url ? <a href={source.url}>{source.title}</a> : source.title}</cite>,{" "}
            {formatDate(source.date)}
          </span>
        ))}
        .
      </p>
      {collect && <SendResult quiz={quiz} result={result} collect={collect} />}
      {actions}
    </section>
  );
}

/** One sentence for a balanced result: the strongest trait pointing to each side, in the headline's order. */
function balancedWhy(
  quiz: Quiz,
  leaders: string[],
  reasons: Reason[],
  traitLabel: (id: string) => string,
) {
  const sides = leaders.flatMap((outcome) => {
    const best = reasons.find((r) => r.outcome === outcome);
    return best ? [`${traitLabel(best.trait)} points to ${outcomeName(quiz, outcome)}`] : [];
  });
  return sides.length > 1 ? `${sides.join(", while ")}.` : undefined;
}

/** A comparison cell: the passage, or only what the reasons above did not already quote. */
function CompareQuote({ quote, quotedAbove }: { quote: Quote; quotedAbove: boolean }) {
  const rest = quotedAbove ? splitQuote(quote.quote).rest : quote.quote;
  if (!rest) return <p className="cf-hint">Quoted above, under “Why”.</p>;
  return (
    <>
      {quotedAbove && <p className="cf-hint">Quoted in part above; it goes on:</p>}
      <blockquote className="cf-quote" cite={quote.source.url}>
        <p>{rest}</p>
      </blockquote>
    </>
  );
}

/** Each source once, in the order first quoted. */
function citedSources(quotes: Quote[]): Quote["source"][] {
  const seen = new Map<string, Quote["source"]>();
  for (const { source } of quotes) {
    const key = `${source.author}\u0000${source.title}\u0000${source.date}`;
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()];
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
      setCopied("Copying was blocked: select the link below and copy it.");
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
      <div className="cf-actions">
        <button type="button" className="cf-button" onClick={copy}>
          Copy a link to this result
        </button>
        <button type="button" className="cf-button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="cf-button" onClick={download}>
          Save as a file
        </button>
        <button type="button" className="cf-button" onClick={onBack}>
          Change answers
        </button>
        <button type="button" className="cf-button" onClick={onRestart}>
          Start again
        </button>
      </div>
      <p role="status" className="cf-hint">
        {copied}
      </p>
      <p className="cf-share">
        Link to this result: <a href={link}>{link}</a>
      </p>
    </div>
  );
}

/**
 * The quiz's own next step for an outcome, as the primary button: a link when the quiz
 * file gives one, else its words alone, set out the same way.
 */
export function NextStep({ quiz, outcome }: { quiz: Quiz; outcome: string }) {
  const found = quiz.outcomes.find((o) => o.id === outcome);
  // Neutral words for a quiz that gives none: no course type, no certifying body.
  const step = found?.nextStep ?? { label: `Find out more about ${found?.label ?? outcome}` };
  if (step.url)
    return (
      <a className="cf-button cf-primary cf-book" href={step.url}>
        {step.label}
      </a>
    );
  return <p className="cf-next-words">{step.label}</p>;
}
