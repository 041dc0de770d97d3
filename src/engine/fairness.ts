// Is the quiz fair to every outcome? For answers chosen uniformly at random (each shown
// question answered, every allowed answer equally likely), how often does each outcome
// win, how often is the result balanced, and how high can each outcome score?
import { visibleQuestions } from "./answers";
import { Budget, FAIRNESS_BUDGET, VALIDATION_BUDGET } from "./budget";
import { answerValues, type CompiledScores, compileQuiz, scoreValues } from "./compile";
import { own } from "./own";
import type { Answer, Answers, Question, Quiz } from "./schema";
import { mostPointsFor, pointsFor } from "./score";

export type Fairness = {
  /** "exact": every combination of answers was scored; "sampled": a seeded random sample. */
  method: "exact" | "sampled";
  /** How many answer sets were scored. */
  answerSets: number;
  /**
   * True when the work budget ended the sampling or the search for highest scores early:
   * the shares come from fewer answer sets than usual, and `highest` may be too low.
   */
  cutShort: boolean;
  /** Share of answer sets (0..1) each outcome wins outright. */
  wins: Record<string, number>;
  /** Share of answer sets with a balanced result. */
  balanced: number;
  /** The highest score each outcome reached (exact, or the best found by sampling and search). */
  highest: Record<string, number>;
};

/** Enumerate every answer set when there are at most this many; sample otherwise. */
const EXACT_LIMIT = 50_000;
const SAMPLES = 20_000;

/**
 * Work units for one scoring, at most: walking the questions and their conditions, then,
 * for every (trait, outcome) pair of every answered question, pointsFor's loop over the
 * options (times the ticks it compares, for a multiple choice). The constants are each
 * step's fixed overhead, measured so that a unit is about 30 ns whatever the quiz's shape.
 */
function scoringCost(quiz: Quiz): number {
  const pairs = quiz.traits.length * quiz.outcomes.length;
  return quiz.questions.reduce(
    (sum, q) => sum + 50 + walkCost(q) + pairs * (8 + optionWork(q)),
    50 + 4 * pairs + 10 * quiz.outcomes.length,
  );
}

/** Work units to decide whether one question is shown and its answer well-formed. */
function walkCost(question: Question): number {
  return 10 + 2 * (question.showIf?.length ?? 0) + optionWork(question);
}

function optionWork(question: Question): number {
  if (question.type === "scale") return 2;
  return question.options.length * (question.type === "multiple" ? question.maxChoices : 1);
}

/** Every answer a person could give to a question. */
function answersFor(question: Question): Answer[] {
  if (question.type === "scale") return question.labels.map((_, i) => i + 1);
  const ids = question.options.map((o) => o.id);
  if (question.type === "single") return ids;
  const sets: string[][] = [];
  const pick = (from: number, chosen: string[]) => {
    if (chosen.length >= question.minChoices) sets.push(chosen);
    if (chosen.length === question.maxChoices || sets.length > EXACT_LIMIT) return;
    for (let i = from; i < ids.length; i++) pick(i + 1, [...chosen, ids[i] as string]);
  };
  pick(0, []);
  return sets;
}

/** Each question's possible answers, and an upper bound on how many answer sets there are. */
function answerSpace(quiz: Quiz) {
  const domains = new Map(quiz.questions.map((q) => [q.id, answersFor(q)]));
  const size = quiz.questions.reduce((n, q) => n * Math.max(1, domains.get(q.id)?.length ?? 1), 1);
  return { domains, size, exact: size <= EXACT_LIMIT };
}

export function fairness(
  quiz: Quiz,
  random: () => number = seededRandom(1),
  budget = new Budget(FAIRNESS_BUDGET),
): Fairness {
  const { domains, size, exact } = answerSpace(quiz);
  const cost = scoringCost(quiz);
  const wins = Object.fromEntries(quiz.outcomes.map((o) => [o.id, 0]));
  const highest = Object.fromEntries(quiz.outcomes.map((o) => [o.id, 0]));
  let balanced = 0;
  let total = 0;
  let answerSets = 0;
  const tally = (answers: Answers, weight: number) => {
    answerSets++;
    const scores = scoresOf(quiz, answers);
    const winner = quiz.outcomes[scores.winner]?.id;
    if (winner === undefined) balanced += weight;
    else wins[winner] = (wins[winner] ?? 0) + weight;
    quiz.outcomes.forEach(({ id }, o) => {
      highest[id] = Math.max(highest[id] ?? 0, scores.outcomeScores[o] as number);
    });
    total += weight;
  };

  // Every answer set when that fits in the budget; otherwise a sample with half of it,
  // and the other half to search for each outcome's highest score.
  const enumerate = exact && size * (cost + walkOf(quiz)) <= budget.left;
  let cutShort = false;
  if (enumerate) {
    forEachAnswerSet(quiz, domains, budget, (answers, probability) => {
      if (!budget.spend(cost)) return true;
      tally(answers, probability);
    });
    cutShort = budget.exhausted;
  } else {
    const sampling = budget.share(2);
    while (answerSets < SAMPLES && sampling.spend(cost + walkOf(quiz)))
      tally(randomAnswers(quiz, domains, random), 1);
    cutShort = answerSets < SAMPLES;
    quiz.outcomes.forEach((outcome, i) => {
      const search = budget.share(quiz.outcomes.length - i);
      const best = climb(quiz, domains, search, (a) => scoreOf(quiz, a, outcome.id), random);
      highest[outcome.id] = Math.max(highest[outcome.id] ?? 0, best.value);
      cutShort ||= search.exhausted;
    });
  }
  const share = (x: number) => (total > 0 ? Math.round((x / total) * 10_000) / 10_000 : 0);
  return {
    method: enumerate && !cutShort ? "exact" : "sampled",
    answerSets,
    cutShort,
    wins: Object.fromEntries(Object.entries(wins).map(([o, w]) => [o, share(w)])),
    balanced: share(balanced),
    highest,
  };
}

/**
 * Whether some answers make `outcome` win outright. "never" only when every answer set
 * was scored and none did; "unknown" when the budget ended the search first.
 */
export type Reach = { kind: "wins"; answers: Answers } | { kind: "never" } | { kind: "unknown" };

/**
 * Answers that make `outcome` win outright: every answer set in turn for small quizzes;
 * otherwise each question's most favourable answer, then a greedy hill climb from there
 * and from random starts, while the budget lasts.
 */
export function findWinningAnswers(
  quiz: Quiz,
  outcome: string,
  budget = new Budget(VALIDATION_BUDGET),
  random = seededRandom(7),
): Reach {
  const { domains, size, exact } = answerSpace(quiz);
  const cost = scoringCost(quiz);
  const index = quiz.outcomes.findIndex((o) => o.id === outcome);
  const lead = (answers: Answers) => {
    const { outcomeScores, winner } = scoresOf(quiz, answers);
    let others = Number.NEGATIVE_INFINITY;
    for (let o = 0; o < outcomeScores.length; o++)
      if (o !== index) others = Math.max(others, outcomeScores[o] as number);
    return (outcomeScores[index] ?? 0) - others + (winner === index ? 1000 : 0);
  };
  if (exact && size * (cost + walkOf(quiz)) <= budget.left) {
    let found: Answers | undefined;
    forEachAnswerSet(quiz, domains, budget, (answers) => {
      if (!budget.spend(cost)) return true;
      if (lead(answers) >= 1000) found = answers;
      return found !== undefined;
    });
    if (found) return { kind: "wins", answers: found };
    return budget.exhausted ? { kind: "unknown" } : { kind: "never" };
  }
  const start = favourableAnswers(quiz, domains, outcome, budget);
  if (start && budget.spend(cost) && lead(start) >= 1000) return { kind: "wins", answers: start };
  // Restarts until the budget ends: "unknown" then always means the search ran out.
  const best = climb(quiz, domains, budget, lead, random, start, Number.POSITIVE_INFINITY);
  return best.value >= 1000 ? { kind: "wins", answers: best.answers } : { kind: "unknown" };
}

/**
 * For each question on its own, the answer that gives `outcome` the largest share of the
 * points it could get there, less the largest share any other outcome gets, summed over
 * the traits by their weights. Often wins outright at once (a quiz whose first options
 * all favour one outcome), at the cost of about one scoring per answer.
 */
function favourableAnswers(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  outcome: string,
  budget: Budget,
): Answers | undefined {
  const answers: Record<string, Answer> = {};
  const pairs = quiz.traits.length * quiz.outcomes.length;
  for (const question of quiz.questions) {
    let best: { answer: Answer; value: number } | undefined;
    for (const answer of domains.get(question.id) ?? []) {
      if (!budget.spend(10 + pairs * (10 + 2 * optionWork(question)))) return undefined;
      let value = 0;
      for (const trait of quiz.traits) {
        const share = (id: string) => {
          const most = mostPointsFor(question, trait.id, id);
          return most > 0 ? pointsFor(question, answer, trait.id, id) / most : 0;
        };
        const others = quiz.outcomes.filter((o) => o.id !== outcome).map((o) => share(o.id));
        value +=
          (own(quiz.scoring.traitWeights, trait.id) ?? 0) *
          (share(outcome) - Math.max(0, ...others));
      }
      if (!best || value > best.value) best = { answer, value };
    }
    if (best) answers[question.id] = best.answer;
  }
  return answers;
}

function walkOf(quiz: Quiz): number {
  return quiz.questions.reduce((sum, q) => sum + walkCost(q), 0);
}

/**
 * Visits every answer set once, with its probability when each shown question's answers
 * are equally likely; answer sets that hide questions stand for all the ones they would
 * have split into. Stops early when `visit` returns true or the budget ends.
 */
function forEachAnswerSet(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  budget: Budget,
  visit: (answers: Answers, probability: number) => unknown,
): void {
  const step = walkOf(quiz);
  let stopped = false;
  const walk = (answers: Record<string, Answer>, from: number, probability: number) => {
    if (!budget.spend(step)) {
      stopped = true;
      return;
    }
    const next = visibleQuestions(quiz, answers).find((q) => quiz.questions.indexOf(q) >= from);
    if (!next) {
      stopped = visit(answers, probability) === true;
      return;
    }
    const options = domains.get(next.id) ?? [];
    for (const answer of options) {
      if (stopped) return;
      walk(
        { ...answers, [next.id]: answer },
        quiz.questions.indexOf(next) + 1,
        probability / options.length,
      );
    }
  };
  walk({}, 0, 1);
}

/**
 * Changes one answer at a time while that improves `objective`, from `from` (when given)
 * and then from random starts, and keeps the best, until the budget ends.
 */
function climb(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  budget: Budget,
  objective: (answers: Answers) => number,
  random: () => number,
  from?: Answers,
  starts = 8,
): { answers: Answers; value: number } {
  const cost = scoringCost(quiz);
  let best = { answers: {} as Answers, value: Number.NEGATIVE_INFINITY };
  // Stops at a win for `lead` (1000 or more; a score never reaches it).
  for (let s = 0; s < starts && best.value < 1000 && budget.spend(cost + walkOf(quiz)); s++) {
    let answers: Record<string, Answer> =
      s === 0 && from ? { ...from } : randomAnswers(quiz, domains, random);
    let value = objective(answers);
    for (let improved = true; improved; ) {
      improved = false;
      for (const question of quiz.questions) {
        for (const answer of domains.get(question.id) ?? []) {
          if (!budget.spend(cost)) return value > best.value ? { answers, value } : best;
          const candidate = { ...answers, [question.id]: answer };
          const v = objective(candidate);
          if (v > value) {
            answers = candidate;
            value = v;
            improved = true;
          }
        }
      }
    }
    if (value > best.value) best = { answers, value };
  }
  return best;
}

function scoreOf(quiz: Quiz, answers: Answers, outcome: string): number {
  const o = quiz.outcomes.findIndex((x) => x.id === outcome);
  return scoresOf(quiz, answers).outcomeScores[o] ?? 0;
}

/**
 * The figures of one scoring, by outcome index, through the compiled quiz (the same
 * figures as scoreAnswers, property-tested): these checks score thousands of answer sets
 * and read only the outcomes' scores and the winner.
 */
function scoresOf(quiz: Quiz, answers: Answers): CompiledScores {
  const compiled = compileQuiz(quiz);
  return scoreValues(compiled, answerValues(compiled, answers));
}

function randomAnswers(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  random: () => number,
): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const question of quiz.questions) {
    const options = domains.get(question.id) ?? [];
    const answer = options[Math.floor(random() * options.length)];
    if (answer !== undefined) answers[question.id] = answer;
  }
  return answers;
}

/** A small seeded generator (mulberry32), so that reports are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
