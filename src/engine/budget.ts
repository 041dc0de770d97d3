/**
 * A count of work that a check may do. Some checks on a quiz (can every outcome win? can
 * every question be shown? how fair is it?) are searches whose cost grows with the
 * product of outcomes, traits, questions and options, so a small hostile file could make
 * them run for minutes. Each inner loop spends units from one budget and stops, saying
 * so, when it is gone: a check cut short reports "not shown within the budget", never a
 * guess as a fact.
 *
 * One unit is about one step of an inner loop (a weight looked up, an option compared, a
 * constraint copied): roughly 10 to 30 ns in V8, so the budgets below are a few tenths of
 * a second each on an ordinary machine. `npm run bench` measures the worst cases.
 */
export class Budget {
  #left: number;
  readonly #parent: Budget | undefined;
  /** True once a spend was refused, here or in a share of this budget: some check did not finish. */
  exhausted = false;

  constructor(units: number, parent?: Budget) {
    this.#left = units;
    this.#parent = parent;
  }

  get left(): number {
    return Math.min(this.#left, this.#parent?.left ?? Number.POSITIVE_INFINITY);
  }

  /** Spends `units` and returns true, or, when that is more than is left, spends nothing and returns false. */
  spend(units: number): boolean {
    if (units > this.left) {
      for (let b: Budget | undefined = this; b; b = b.#parent) b.exhausted = true;
      return false;
    }
    this.#left -= units;
    this.#parent?.spend(units);
    return true;
  }

  /** An equal part of what is left, for one of `parts` checks that share this budget. */
  share(parts: number): Budget {
    return new Budget(Math.floor(this.left / Math.max(1, parts)), this);
  }
}

/** What validateQuiz may spend on the semantic checks and on whether each outcome can win. */
export const VALIDATION_BUDGET = 8_000_000;
/** What the fairness report may spend on sampling and on each outcome's highest score. */
export const FAIRNESS_BUDGET = 20_000_000;
