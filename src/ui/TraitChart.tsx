// Each trait's score for each outcome: bars on one grid with one 0-100 scale, so equal
// scores draw equal lengths and every bar starts at the same x, each labelled with its
// figure; and a table with the same figures for screen readers (the bars are hidden from them).
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";
import { formatScore, outcomeName } from "./texts";

export function TraitChart({ quiz, result }: { quiz: Quiz; result: Result }) {
  // Outcomes in the result's order, as the headline names them; colours stay with the outcome.
  const outcomes = result.scores.map((s) => s.outcome);
  const series = (o: string) => `cf-series-${quiz.outcomes.findIndex((q) => q.id === o)}`;
  const traits = result.breakdown.filter((t) => t.weight > 0);
  return (
    <div className="cf-chart">
      {/* One grid for every row: the tracks share one column, so one width and one start. */}
      <div className="cf-chart-grid" aria-hidden="true">
        {traits.map((t) => [
          <span
            className="cf-chart-trait"
            key={t.trait}
            style={{ "--cf-rows": outcomes.length } as React.CSSProperties}
          >
            {t.label}
          </span>,
          ...outcomes.flatMap((o) => {
            const score = t.scores[o] ?? 0;
            return [
              <span className="cf-chart-track" key={`${t.trait}-${o}-track`}>
                <span
                  className={`cf-chart-bar ${series(o)}`}
                  data-score={score}
                  style={{ width: `${score}%` }}
                />
              </span>,
              <span className="cf-chart-value" key={`${t.trait}-${o}-value`}>
                {outcomeName(quiz, o)} {formatScore(score)}
              </span>,
            ];
          }),
        ])}
      </div>
      {/* Hidden by a wrapper: a table keeps its full width whatever its own width and overflow,
          so hiding the table itself makes narrow screens scroll sideways. */}
      <div className="cf-visually-hidden">
        <table>
          <caption>Score out of 100 on each trait</caption>
          <thead>
            <tr>
              <th scope="col">Trait</th>
              {outcomes.map((o) => (
                <th scope="col" key={o}>
                  {outcomeName(quiz, o)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {traits.map((t) => (
              <tr key={t.trait}>
                <th scope="row">{t.label}</th>
                {outcomes.map((o) => (
                  <td key={o}>{formatScore(t.scores[o] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
