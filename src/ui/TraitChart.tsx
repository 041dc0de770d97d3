// Each trait's score for each outcome, as bars to see at a glance and as a table with
// the same figures for screen readers (the drawing itself is hidden from them).
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";
import { formatScore, outcomeName } from "./texts";

const BAR = 10;
const GAP = 4;

export function TraitChart({ quiz, result }: { quiz: Quiz; result: Result }) {
  const outcomes = quiz.outcomes.map((o) => o.id);
  const traits = result.breakdown.filter((t) => t.weight > 0);
  const height = outcomes.length * (BAR + GAP) - GAP;
  return (
    <div className="cf-chart">
      <ul className="cf-chart-keys" aria-hidden="true">
        {outcomes.map((o, i) => (
          <li key={o}>
            <svg className="cf-chart-key" viewBox="0 0 10 10" focusable="false" aria-hidden="true">
              <rect className={`cf-series-${i}`} width="10" height="10" />
            </svg>
            {outcomeName(quiz, o)}
          </li>
        ))}
      </ul>
      <div aria-hidden="true">
        {traits.map((t) => (
          <div className="cf-chart-row" key={t.trait}>
            <span className="cf-chart-trait">{t.label}</span>
            <svg
              className="cf-chart-bars"
              viewBox={`0 0 100 ${height}`}
              preserveAspectRatio="none"
              focusable="false"
              aria-hidden="true"
            >
              {outcomes.map((o, i) => (
                <rect
                  key={o}
                  className={`cf-series-${i}`}
                  x="0"
                  y={i * (BAR + GAP)}
                  width={Math.max(0.5, t.scores[o] ?? 0)}
                  height={BAR}
                />
              ))}
            </svg>
            <span className="cf-chart-figures">
              {outcomes.map((o) => formatScore(t.scores[o] ?? 0)).join(" / ")}
            </span>
          </div>
        ))}
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
