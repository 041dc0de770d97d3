// The checks a schema cannot express: ids that clash or point nowhere, quotes that are
// not in the source, conditions that can never hold, and answers that move nothing.
import { Budget, VALIDATION_BUDGET } from "./budget";
import type { Path } from "./problem";
import type { ChoiceQuestion, Condition, Quiz, Weights } from "./schema";

export type Finding = { path: Path; code: string; message: string; at?: "key" | "value" };

/** `warnings`: checks the budget cut short; they never make a quiz invalid. */
export function checkSemantics(
  quiz: Quiz,
  loadSource: (file: string) => string | undefined,
  budget = new Budget(VALIDATION_BUDGET),
): { findings: Finding[]; warnings: Finding[] } {
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  const add = (path: Path, code: string, message: string, at?: "key") =>
    findings.push({ path, code, message, ...(at ? { at } : {}) });

  const ids = <T extends { id: string }>(items: readonly T[], path: Path) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        add([...path, i, "id"], "duplicate-id", `the id "${item.id}" is used twice`);
      seen.add(item.id);
    });
    return seen;
  };
  const sources = ids(quiz.sources, ["sources"]);
  const passages = ids(quiz.passages, ["passages"]);
  const traits = ids(quiz.traits, ["traits"]);
  const outcomes = ids(quiz.outcomes, ["outcomes"]);
  ids(quiz.comparison, ["comparison"]);
  ids(quiz.questions, ["questions"]);

  const reference = (set: Set<string>, kind: string, id: string, path: Path, at?: "key") => {
    if (!set.has(id)) add(path, "unknown-reference", `there is no ${kind} "${id}"`, at);
  };
  /** Every `kinds` id must be a key of `map`, and every key must be one. */
  const covers = (
    map: Record<string, unknown>,
    set: Set<string>,
    kind: string,
    path: Path,
    code: string,
  ) => {
    for (const key of Object.keys(map)) reference(set, kind, key, [...path, key], "key");
    // Own keys only: `"constructor" in {}` is true, and "constructor" is a valid id.
    const missing = [...set].filter((id) => !Object.hasOwn(map, id));
    if (missing.length)
      add(path, code, `no entry for ${kind} ${missing.map((m) => `"${m}"`).join(", ")}`);
  };

  // Sources and the passages quoted from them.
  const texts = new Map<string, string | undefined>();
  quiz.sources.forEach((source, i) => {
    const text = loadSource(source.file);
    if (text === undefined)
      add(["sources", i, "file"], "source-missing", `cannot read "${source.file}" beside the quiz`);
    texts.set(source.id, text);
  });
  quiz.passages.forEach((passage, i) => {
    if (!sources.has(passage.source)) {
      reference(sources, "source", passage.source, ["passages", i, "source"]);
      return;
    }
    const text = texts.get(passage.source);
    if (text !== undefined && !text.includes(passage.text)) {
      add(
        ["passages", i, "text"],
        "quote-not-verbatim",
        `this text is not found word for word in source "${passage.source}"`,
      );
    }
  });
  reference(passages, "passage", quiz.conclusion, ["conclusion"]);

  // Scoring settings, outcomes and the comparison table.
  covers(
    quiz.scoring.traitWeights,
    traits,
    "trait",
    ["scoring", "traitWeights"],
    "missing-trait-weight",
  );
  quiz.outcomes.forEach((outcome, i) => {
    covers(outcome.passages, traits, "trait", ["outcomes", i, "passages"], "missing-passage");
    for (const [trait, passage] of Object.entries(outcome.passages)) {
      reference(passages, "passage", passage, ["outcomes", i, "passages", trait]);
    }
  });
  quiz.comparison.forEach((row, i) => {
    covers(row.passages, outcomes, "outcome", ["comparison", i, "passages"], "missing-passage");
    for (const [outcome, passage] of Object.entries(row.passages)) {
      reference(passages, "passage", passage, ["comparison", i, "passages", outcome]);
    }
    if (row.scored !== traits.has(row.id)) {
      add(
        ["comparison", i, "scored"],
        "comparison-scored-mismatch",
        row.scored
          ? `no trait "${row.id}" scores this row`
          : `trait "${row.id}" is scored; mark the row scored`,
      );
    }
  });

  // Questions: options, weights, limits and conditions.
  const checkWeights = (weights: Weights, path: Path) => {
    for (const [trait, perOutcome] of Object.entries(weights)) {
      reference(traits, "trait", trait, [...path, trait], "key");
      for (const outcome of Object.keys(perOutcome))
        reference(outcomes, "outcome", outcome, [...path, trait, outcome], "key");
    }
  };
  const moved = new Set<string>();
  const noteMoves = (weights: Weights) => {
    for (const [trait, perOutcome] of Object.entries(weights)) {
      if (Object.values(perOutcome).some((w) => w > 0)) moved.add(trait);
    }
  };
  quiz.questions.forEach((question, i) => {
    const path: Path = ["questions", i];
    if (question.type === "scale") {
      checkWeights(question.agree, [...path, "agree"]);
      checkWeights(question.disagree, [...path, "disagree"]);
      if (!movesAnything(question.agree) && !movesAnything(question.disagree)) {
        add(path, "moves-nothing", "neither agreeing nor disagreeing gives any points");
      }
      noteMoves(question.agree);
      noteMoves(question.disagree);
    } else {
      if (question.options.length < 2)
        add([...path, "options"], "too-few-options", "a choice needs at least 2 options");
      const optionIds = new Set<string>();
      question.options.forEach((option, j) => {
        if (optionIds.has(option.id))
          add(
            [...path, "options", j, "id"],
            "duplicate-id",
            `the option id "${option.id}" is used twice`,
          );
        optionIds.add(option.id);
        checkWeights(option.weights, [...path, "options", j, "weights"]);
        if (!movesAnything(option.weights))
          add([...path, "options", j], "moves-nothing", "this option gives no points to any trait");
        noteMoves(option.weights);
      });
      if (question.type === "multiple") {
        if (question.maxChoices > question.options.length) {
          add(
            [...path, "maxChoices"],
            "bad-choice-limit",
            `maxChoices is ${question.maxChoices} but there are ${question.options.length} options`,
          );
        } else if (question.minChoices > question.maxChoices) {
          add(
            [...path, "minChoices"],
            "bad-choice-limit",
            `minChoices (${question.minChoices}) is above maxChoices (${question.maxChoices})`,
          );
        }
      }
    }
    question.showIf?.forEach((condition, k) => {
      const problem = conditionProblem(quiz, i, condition);
      if (problem) add([...path, "showIf", k, ...problem.path], problem.code, problem.message);
    });
  });
  quiz.traits.forEach((trait, i) => {
    if (!moved.has(trait.id))
      add(["traits", i], "trait-unused", `no answer gives points to trait "${trait.id}"`);
  });

  // Only a quiz whose conditions each make sense can be asked whether they hold together.
  if (!findings.some((f) => f.path.includes("showIf"))) {
    const reachable = shownSomehow(quiz, budget);
    quiz.questions.forEach((question, i) => {
      if (reachable[i] === "no")
        add(
          ["questions", i, "showIf"],
          "never-shown",
          `no answers to earlier questions can show "${question.id}"`,
        );
      if (reachable[i] === "unknown")
        warnings.push({
          path: ["questions", i, "showIf"],
          code: "question-not-shown-reachable",
          message: `"${question.id}" was not shown to be reachable within the budget: its conditions were not all checked`,
        });
    });
  }
  return { findings, warnings };
}

function movesAnything(weights: Weights): boolean {
  return Object.values(weights).some((perOutcome) => Object.values(perOutcome).some((w) => w > 0));
}

function conditionProblem(
  quiz: Quiz,
  index: number,
  condition: Condition,
): Omit<Finding, "at"> | undefined {
  const target = quiz.questions.findIndex((q) => q.id === condition.question);
  const question = quiz.questions[target];
  if (!question)
    return {
      path: ["question"],
      code: "unknown-reference",
      message: `there is no question "${condition.question}"`,
    };
  if (target >= index) {
    return {
      path: ["question"],
      code: "show-if-forward",
      message: `"${condition.question}" is not asked before this question`,
    };
  }
  const hasRange = condition.atLeast !== undefined || condition.atMost !== undefined;
  if (question.type === "scale") {
    if (condition.anyOf || !hasRange) {
      return {
        path: [],
        code: "show-if-mismatch",
        message: `"${question.id}" is a scale: use atLeast and/or atMost`,
      };
    }
    const lo = Math.max(1, condition.atLeast ?? 1);
    const hi = Math.min(question.labels.length, condition.atMost ?? question.labels.length);
    if (lo > hi) {
      return {
        path: [],
        code: "show-if-never-true",
        message: `no point of "${question.id}" (1 to ${question.labels.length}) is in this range`,
      };
    }
    return undefined;
  }
  if (!condition.anyOf || hasRange) {
    return {
      path: [],
      code: "show-if-mismatch",
      message: `"${question.id}" is a choice: use anyOf with its option ids`,
    };
  }
  const known = new Set(question.options.map((o) => o.id));
  const unknown = condition.anyOf.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    return {
      path: ["anyOf", unknown],
      code: "unknown-reference",
      message: `"${question.id}" has no option "${condition.anyOf[unknown]}"`,
    };
  }
  return undefined;
}

/** What the answer to one earlier question must be for a question to be shown. */
type Constraint = { allowed?: Set<string>; lo?: number; hi?: number; hits?: string[][] };

/**
 * Whether each question can be shown by some answers. A question's conditions, and the
 * conditions of every question they depend on, all constrain earlier answers; it can be
 * shown when those constraints can all be met at once. A question inherits every
 * constraint of the questions its conditions look at, so a long chain of conditions
 * costs the square of its length (5,000 chained questions, a 1 MiB file, ran out of
 * memory): each constraint copied spends INHERIT_COST units of the budget (it is kept, so
 * it costs memory as well as time), and past it the remaining questions are "unknown".
 */
const INHERIT_COST = 40;

function shownSomehow(quiz: Quiz, budget: Budget): ("yes" | "no" | "unknown")[] {
  type Need = Map<string, Constraint>;
  const needs = new Map<string, Need>();
  const shown = new Map<string, boolean>();
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  return quiz.questions.map((question) => {
    const need: Need = new Map();
    needs.set(question.id, need);
    // Constraints taken unchanged from a question that can be shown are known to hold
    // together; only the ones merged here need checking.
    const changed = new Set<string>();
    let dependsOnHidden = false;
    for (const condition of question.showIf ?? []) {
      const inherited = needs.get(condition.question) ?? new Map<string, Constraint>();
      if (!budget.spend(1 + INHERIT_COST * inherited.size)) {
        need.clear();
        return "unknown";
      }
      if (shown.get(condition.question) === false) dependsOnHidden = true;
      for (const [id, constraint] of inherited) {
        const into = need.get(id);
        if (!into) need.set(id, constraint);
        else if (into !== constraint) {
          need.set(id, merge(into, constraint));
          changed.add(id);
        }
      }
      const target = byId.get(condition.question);
      const own: Constraint =
        target?.type === "scale"
          ? { lo: condition.atLeast ?? 1, hi: condition.atMost ?? target.labels.length }
          : target?.type === "single"
            ? { allowed: new Set(condition.anyOf) }
            : { hits: [condition.anyOf ?? []] };
      const into = need.get(condition.question);
      need.set(condition.question, into ? merge(into, own) : own);
      changed.add(condition.question);
    }
    if (dependsOnHidden) {
      shown.set(question.id, false);
      return "no";
    }
    let verdict: "yes" | "no" | "unknown" = "yes";
    for (const id of changed) {
      const ok = satisfiable(id, need.get(id) ?? {});
      if (ok === false) verdict = "no";
      if (ok === undefined && verdict === "yes") verdict = "unknown";
      if (verdict === "no") break;
    }
    // A question not shown to be reachable is given the benefit of the doubt below it.
    shown.set(question.id, verdict !== "no");
    return verdict;
  });

  /** Whether the constraint can be met; undefined when the budget ended the search. */
  function satisfiable(id: string, constraint: Constraint): boolean | undefined {
    const target = byId.get(id);
    if (!target) return false;
    if (target.type === "scale") {
      return (
        Math.max(1, constraint.lo ?? 1) <=
        Math.min(target.labels.length, constraint.hi ?? target.labels.length)
      );
    }
    if (target.type === "single")
      return constraint.allowed === undefined || constraint.allowed.size > 0;
    return canHitAll(target, constraint.hits ?? [], budget);
  }

  function merge(a: Constraint, b: Constraint): Constraint {
    const allowed =
      a.allowed && b.allowed
        ? new Set([...a.allowed].filter((x) => b.allowed?.has(x)))
        : (a.allowed ?? b.allowed);
    // The same requirement reaches a question along every path of conditions that leads
    // to it; keeping each only once stops the lists doubling at every diamond (a quiz of
    // 35 questions, each conditioned on the two before, took 17 s and 1 GB without this).
    const hits = new Map<string, string[]>();
    const sets = [...(a.hits ?? []), ...(b.hits ?? [])];
    budget.spend(sets.reduce((n, set) => n + set.length, 0));
    for (const set of sets) {
      const unique = [...new Set(set)].sort();
      hits.set(unique.join(" "), unique);
    }
    return {
      ...(allowed ? { allowed } : {}),
      lo: Math.max(a.lo ?? Number.NEGATIVE_INFINITY, b.lo ?? Number.NEGATIVE_INFINITY),
      hi: Math.min(a.hi ?? Number.POSITIVE_INFINITY, b.hi ?? Number.POSITIVE_INFINITY),
      hits: [...hits.values()],
    };
  }
}

/**
 * Whether at most maxChoices options can include one of each required set; undefined when
 * the budget ended the search (it is combinatorial: 31 options give 2^31 choices).
 */
function canHitAll(
  question: ChoiceQuestion,
  required: string[][],
  budget: Budget,
): boolean | undefined {
  if (required.length === 0) return true;
  const limit = question.type === "multiple" ? question.maxChoices : 1;
  const candidates = [...new Set(required.flat())];
  const work = required.reduce((n, set) => n + set.length, 0);
  let cut = false;
  const search = (chosen: string[], from: number): boolean => {
    if (!budget.spend(work * (1 + chosen.length))) {
      cut = true;
      return false;
    }
    if (required.every((set) => set.some((id) => chosen.includes(id)))) return true;
    if (chosen.length >= limit) return false;
    for (let i = from; i < candidates.length && !cut; i++) {
      if (search([...chosen, candidates[i] as string], i + 1)) return true;
    }
    return false;
  };
  const found = search([], 0);
  return found || (cut ? undefined : false);
}
