// The summary's views: split, strength, traits, questions, what moved people. Each reads
// the engine's report, so the page and the terminal say the same.
import type { Quiz } from "../engine/schema";
import { groupLabel, type Report } from "../engine/summary/report";
import { BarChart } from "./BarChart";
import type { Filter } from "./protocol";

type Props = { quiz: Quiz; report: Report; filter: Filter; setFilter: (f: Filter) => void };

export function SplitView({ report, filter, setFilter }: Props) {
  const bars = report.groups
    .filter((g) => g.id !== "none" || g.count > 0)
    .map((g, i) => ({
      key: g.id,
      label: g.label,
      value: g.count,
      series: i % 2,
      chosen: filter.groups.includes(g.id),
      onChoose: () => setFilter({ ...filter, groups: filter.groups.includes(g.id) ? [] : [g.id] }),
    }));
  return (
    <section aria-labelledby="split">
      <h2 id="split">How the cohort splits</h2>
      <BarChart caption="Results by recommendation (choose one to filter every view)" bars={bars} />
    </section>
  );
}

export function StrengthView({ report }: Props) {
  const bins = Array.from({ length: 10 }, (_, i) => ({
    key: `m${i}`,
    label: i === 9 ? "45 or more points" : `${i * 5} to ${i * 5 + 4.9} points`,
    value: report.margins.slice(i * 5, i === 9 ? undefined : i * 5 + 5).reduce((a, b) => a + b, 0),
  }));
  return (
    <section aria-labelledby="strength">
      <h2 id="strength">How strongly they lean</h2>
      <p>
        {report.withinTie.toLocaleString("en")} within the tie margin of {report.tieMargin} points
        (balanced); {report.closeToTie.toLocaleString("en")} close to it (a lead under{" "}
        {2 * report.tieMargin}).
      </p>
      <BarChart caption="Results by margin (the lead of the top outcome)" bars={bins} />
      <BarChart
        caption="Results by strength"
        bars={report.strength.map((s) => ({ key: s.id, label: s.id, value: s.count }))}
      />
    </section>
  );
}

export function TraitsView({ quiz, report }: Props) {
  return (
    <section aria-labelledby="traits">
      <h2 id="traits">Each trait across the cohort</h2>
      <table>
        <caption>
          Trait scores (0 to 100) by the result people got: mean, spread (standard deviation) and
          how many
        </caption>
        <thead>
          <tr>
            <th scope="col">Trait score</th>
            <th scope="col">Result</th>
            <th scope="col">Mean</th>
            <th scope="col">Spread</th>
            <th scope="col">Results</th>
            <th scope="col">Scores in tens (0-9 ... 100)</th>
          </tr>
        </thead>
        <tbody>
          {report.traits.flatMap((t) =>
            t.byGroup.map((g, i) => (
              <tr key={`${t.trait}-${t.outcome}-${g.group}`}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={t.byGroup.length}>
                    {t.label}
                  </th>
                ) : null}
                <td>{groupLabel(quiz, g.group)}</td>
                <td>{g.mean.toFixed(1)}</td>
                <td>{g.sd.toFixed(1)}</td>
                <td>{g.count.toLocaleString("en")}</td>
                <td>{g.bins.join(" ")}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </section>
  );
}

export function QuestionsView({ report, filter, setFilter }: Props) {
  const groups = report.groups.filter((g) => g.count > 0);
  return (
    <section aria-labelledby="questions">
      <h2 id="questions">How each question was answered</h2>
      {report.questions.map((question, q) => (
        <table key={question.id}>
          <caption>{question.prompt}</caption>
          <thead>
            <tr>
              <th scope="col">Answer (choose one to filter)</th>
              {groups.map((g) => (
                <th scope="col" key={g.id}>
                  {g.label}
                </th>
              ))}
              <th scope="col">All</th>
            </tr>
          </thead>
          <tbody>
            {question.answers.map((a) => {
              const chosen = filter.answer?.question === q && filter.answer.slot === a.slot;
              return (
                <tr key={a.slot}>
                  <th scope="row">
                    <button
                      type="button"
                      className="cfs-link"
                      aria-pressed={chosen}
                      onClick={() =>
                        setFilter({
                          ...filter,
                          answer: chosen ? null : { question: q, slot: a.slot },
                        })
                      }
                    >
                      {a.label}
                    </button>
                  </th>
                  {groups.map((g) => (
                    <td key={g.id}>
                      {(a.byGroup[report.groups.indexOf(g)] ?? 0).toLocaleString("en")}
                    </td>
                  ))}
                  <td>{a.total.toLocaleString("en")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ))}
    </section>
  );
}

export function MovedView({ report }: Props) {
  const moved = [...report.questions].sort((a, b) => b.decisiveTotal - a.decisiveTotal);
  return (
    <section aria-labelledby="moved">
      <h2 id="moved">What moved people</h2>
      <p>
        For each question, how many results would change if that answer were left out, and the
        answers that most often decided a result.
      </p>
      <BarChart
        caption="Results that would change without the question"
        bars={moved.map((q) => ({ key: q.id, label: q.prompt, value: q.decisiveTotal }))}
      />
      <table>
        <caption>The answers that most often decided a result</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Deciding answers (how often)</th>
          </tr>
        </thead>
        <tbody>
          {moved
            .filter((q) => q.decidedBy.length > 0)
            .map((q) => (
              <tr key={q.id}>
                <th scope="row">{q.prompt}</th>
                <td>
                  {q.decidedBy
                    .slice(0, 3)
                    .map((d) => `${d.label} (${d.count.toLocaleString("en")})`)
                    .join("; ")}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
