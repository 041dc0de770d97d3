// Bars drawn in SVG for the eye, with the same figures as a table for everyone (the drawing
// is hidden from screen readers). A bar with `onChoose` is also a button in the table.
export type Bar = {
  key: string;
  label: string;
  value: number;
  series?: number;
  onChoose?: () => void;
  chosen?: boolean;
};

export function BarChart({
  caption,
  bars,
  unit = "results",
}: {
  caption: string;
  bars: Bar[];
  unit?: string;
}) {
  const most = Math.max(1, ...bars.map((b) => b.value));
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  return (
    <figure className="cfs-chart">
      <svg
        viewBox={`0 0 100 ${bars.length * 6}`}
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
        className="cfs-bars"
      >
        {bars.map((b, i) => (
          <rect
            key={b.key}
            className={`cf-series-${b.series ?? 0}`}
            x="0"
            y={i * 6 + 1}
            height="4"
            width={(100 * b.value) / most}
          />
        ))}
      </svg>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">{unit}</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key}>
              <th scope="row">
                {b.onChoose ? (
                  <button
                    type="button"
                    className="cfs-link"
                    aria-pressed={b.chosen ?? false}
                    onClick={b.onChoose}
                  >
                    {b.label}
                  </button>
                ) : (
                  b.label
                )}
              </th>
              <td>{b.value.toLocaleString("en")}</td>
              <td>{total > 0 ? `${Math.round((100 * b.value) / total)}%` : "-"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
