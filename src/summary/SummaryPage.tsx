// The summary page: input (paste or files), a progress bar while the worker reads, what
// was counted and what was not, the active filters, every view, the results table and
// export. The page holds no summary logic: the worker sends what to draw.
import { useEffect, useRef, useState } from "react";
import type { Quiz } from "../engine/schema";
import { dayOf, dayText } from "../engine/summary/input";
import { groupLabel, report } from "../engine/summary/report";
import type { Filter, FromWorker, SortKey, ToWorker } from "./protocol";
import { NO_FILTER } from "./protocol";
import { ServerResults } from "./ServerResults";
import { MovedView, QuestionsView, SplitView, StrengthView, TraitsView } from "./Views";

type ViewMessage = Extract<FromWorker, { type: "view" }>;

export function SummaryPage({ quiz, worker }: { quiz: Quiz; worker: Worker }) {
  const [text, setText] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [view, setView] = useState<ViewMessage | null>(null);
  const [filter, setFilterState] = useState<Filter>(NO_FILTER);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: "date",
    descending: true,
  });
  const [dragging, setDragging] = useState(false);
  const download = useRef<HTMLAnchorElement>(null);
  const dropZone = useRef<HTMLDivElement>(null);
  const send = (message: ToWorker) => worker.postMessage(message);

  useEffect(() => {
    const listen = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === "progress") setProgress(message.done < message.total ? message : null);
      else if (message.type === "view") setView(message);
      else {
        const link = download.current;
        if (!link) return;
        const type = message.format === "csv" ? "text/csv;charset=utf-8" : "application/json";
        URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(new Blob([message.text], { type }));
        link.download = `${quiz.id}-summary.${message.format}`;
        link.click();
      }
    };
    worker.addEventListener("message", listen);
    return () => worker.removeEventListener("message", listen);
  }, [worker, quiz.id]);

  // Files dropped on the zone are read like chosen ones (the file input stays the keyboard way).
  useEffect(() => {
    const zone = dropZone.current;
    if (!zone) return;
    const over = (event: DragEvent) => {
      event.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (event: DragEvent) => {
      event.preventDefault();
      setDragging(false);
      const files = event.dataTransfer?.files;
      if (files && files.length > 0)
        worker.postMessage({ type: "files", files: [...files] } satisfies ToWorker);
    };
    zone.addEventListener("dragover", over);
    zone.addEventListener("dragleave", leave);
    zone.addEventListener("drop", drop);
    return () => {
      zone.removeEventListener("dragover", over);
      zone.removeEventListener("dragleave", leave);
      zone.removeEventListener("drop", drop);
    };
  }, [worker]);

  const setFilter = (next: Filter) => {
    setFilterState(next);
    send({ type: "view", filter: next, sort: sort.key, descending: sort.descending });
  };
  const sortBy = (key: SortKey) => {
    const next = { key, descending: sort.key === key ? !sort.descending : true };
    setSort(next);
    send({ type: "view", filter, sort: next.key, descending: next.descending });
  };
  const readFiles = (files: FileList | null) => {
    if (files && files.length > 0) send({ type: "files", files: [...files] });
  };

  const all = view?.all;
  const shown = view ? report(quiz, view.summary) : null;
  const active = [
    ...filter.groups.map((g) => ({
      label: `Result: ${groupLabel(quiz, g)}`,
      clear: () => setFilter({ ...filter, groups: [] }),
    })),
    ...(filter.from !== null || filter.to !== null
      ? [
          {
            label: `Dates: ${filter.from === null ? "any" : dayText(filter.from)} to ${filter.to === null ? "any" : dayText(filter.to)}`,
            clear: () => setFilter({ ...filter, from: null, to: null }),
          },
        ]
      : []),
    ...(filter.answer && shown
      ? [
          {
            label: `Answer: ${shown.questions[filter.answer.question]?.prompt} ${shown.questions[filter.answer.question]?.answers[filter.answer.slot]?.label}`,
            clear: () => setFilter({ ...filter, answer: null }),
          },
        ]
      : []),
  ];

  return (
    <>
      <section aria-labelledby="input" className="cfs-input">
        <h2 id="input">Results to summarise</h2>
        <p>Everything stays in this browser: nothing you paste or choose is uploaded.</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() !== "") send({ type: "text", source: "pasted text", text });
          }}
        >
          <label htmlFor="pasted">
            Result links or tokens, one per line (or JSON Lines, or CSV)
          </label>
          <textarea
            id="pasted"
            rows={6}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" className="cf-button">
            Summarise
          </button>
        </form>
        <div className={dragging ? "cfs-drop cfs-dragging" : "cfs-drop"} ref={dropZone}>
          <label htmlFor="files">
            Or choose files (Result JSON, JSON Lines, CSV, link lists), or drop them here
          </label>
          <input
            id="files"
            type="file"
            multiple
            onChange={(event) => readFiles(event.target.files)}
          />
        </div>
        <ServerResults quizId={quiz.id} onFile={(file) => send({ type: "files", files: [file] })} />
        {progress ? (
          <p>
            <label htmlFor="reading">Reading</label>{" "}
            <progress id="reading" max={progress.total} value={progress.done} />
          </p>
        ) : null}
      </section>

      <div aria-live="polite" className="cfs-status">
        {all ? (
          <p>
            {all.results.toLocaleString("en")} results counted
            {all.rescored > 0
              ? `, ${all.rescored.toLocaleString("en")} re-scored from an older version`
              : ""}
            {all.duplicates > 0
              ? `, ${all.duplicates.toLocaleString("en")} duplicates counted once`
              : ""}
            {all.otherVersion.count > 0
              ? `, ${all.otherVersion.count.toLocaleString("en")} from another version`
              : ""}
            {all.invalid.count > 0 ? `, ${all.invalid.count.toLocaleString("en")} invalid` : ""}.
          </p>
        ) : null}
      </div>

      {view && (view.issues.invalid.length > 0 || view.issues.otherVersion.length > 0) ? (
        <section aria-labelledby="not-counted">
          <h2 id="not-counted">Rows not counted</h2>
          <table>
            <caption>The first rows that could not be counted, by file and line</caption>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...view.issues.otherVersion.map((i) => ({
                  ...i,
                  reason: `from another version: ${i.reason}`,
                })),
                ...view.issues.invalid,
              ].map((i) => (
                <tr key={`${i.source}:${i.line}:${i.reason}`}>
                  <td>
                    {i.source}, line {i.line}
                  </td>
                  <td>{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {view && shown && all && all.results > 0 ? (
        <>
          <section aria-labelledby="filters" className="cfs-filters">
            <h2 id="filters">Filters</h2>
            <p>
              Showing {view.matching.toLocaleString("en")} of {all.results.toLocaleString("en")}{" "}
              results.
            </p>
            {active.length > 0 ? (
              <ul aria-label="Active filters">
                {active.map((f) => (
                  <li key={f.label}>
                    {f.label}{" "}
                    <button type="button" className="cf-button cf-secondary" onClick={f.clear}>
                      Clear<span className="cf-visually-hidden"> {f.label}</span>
                    </button>
                  </li>
                ))}
                <li>
                  <button
                    type="button"
                    className="cf-button cf-secondary"
                    onClick={() => setFilter(NO_FILTER)}
                  >
                    Clear all filters
                  </button>
                </li>
              </ul>
            ) : (
              <p>No filters: every result is shown.</p>
            )}
            <div className="cfs-filter-fields">
              <label htmlFor="group">Result</label>
              <select
                id="group"
                value={filter.groups[0] ?? ""}
                onChange={(event) =>
                  setFilter({ ...filter, groups: event.target.value ? [event.target.value] : [] })
                }
              >
                <option value="">Any</option>
                {view.summary.groups.map((g) => (
                  <option key={g} value={g}>
                    {groupLabel(quiz, g)}
                  </option>
                ))}
              </select>
              {all.firstDay !== null ? (
                <>
                  <label htmlFor="from">From</label>
                  <input
                    id="from"
                    type="date"
                    value={filter.from === null ? "" : dayText(filter.from)}
                    onChange={(event) =>
                      setFilter({ ...filter, from: dayOf(event.target.value) ?? null })
                    }
                  />
                  <label htmlFor="to">To</label>
                  <input
                    id="to"
                    type="date"
                    value={filter.to === null ? "" : dayText(filter.to)}
                    onChange={(event) =>
                      setFilter({ ...filter, to: dayOf(event.target.value) ?? null })
                    }
                  />
                </>
              ) : null}
            </div>
          </section>

          <div className="cfs-views">
            <SplitView quiz={quiz} report={shown} filter={filter} setFilter={setFilter} />
            <StrengthView quiz={quiz} report={shown} filter={filter} setFilter={setFilter} />
            <TraitsView quiz={quiz} report={shown} filter={filter} setFilter={setFilter} />
            <QuestionsView quiz={quiz} report={shown} filter={filter} setFilter={setFilter} />
            <MovedView quiz={quiz} report={shown} filter={filter} setFilter={setFilter} />
          </div>

          <section aria-labelledby="results">
            <h2 id="results">Individual results</h2>
            <table className="cfs-results">
              <caption>
                The first {view.rows.length.toLocaleString("en")} of{" "}
                {view.matching.toLocaleString("en")} results; each opens that person's result
              </caption>
              <thead>
                <tr>
                  {(["recommendation", "margin", "date"] as const).map((key) => (
                    <th
                      scope="col"
                      key={key}
                      aria-sort={
                        sort.key === key ? (sort.descending ? "descending" : "ascending") : "none"
                      }
                    >
                      <button type="button" className="cfs-link" onClick={() => sortBy(key)}>
                        {key[0]?.toUpperCase()}
                        {key.slice(1)}
                      </button>
                    </th>
                  ))}
                  {quiz.outcomes.map((o) => (
                    <th scope="col" key={o.id}>
                      {o.shortLabel ?? o.label} score
                    </th>
                  ))}
                  <th scope="col">Result</th>
                </tr>
              </thead>
              <tbody>
                {view.rows.map((row, i) => (
                  <tr key={row.token}>
                    <td>{groupLabel(quiz, row.group)}</td>
                    <td>{row.margin}</td>
                    <td>{row.date}</td>
                    {row.scores.map((s, o) => (
                      <td key={quiz.outcomes[o]?.id}>{s}</td>
                    ))}
                    <td>
                      <a href={`index.html#r=${row.token}`}>
                        Open<span className="cf-visually-hidden"> result {i + 1}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section aria-labelledby="export" className="cfs-export">
            <h2 id="export">Export</h2>
            <button
              type="button"
              className="cf-button"
              onClick={() => send({ type: "export", format: "csv", filter })}
            >
              Download CSV
            </button>{" "}
            <button
              type="button"
              className="cf-button cf-secondary"
              onClick={() => send({ type: "export", format: "json", filter })}
            >
              Download the summary as JSON
            </button>{" "}
            <button type="button" className="cf-button cf-secondary" onClick={() => window.print()}>
              Print
            </button>
            <a ref={download} hidden href="about:blank">
              download
            </a>
          </section>
        </>
      ) : null}
    </>
  );
}
