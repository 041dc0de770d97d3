// Is the quiz fair to every outcome? For answers chosen uniformly at random (each shown
// question answered, every allowed answer equally likely), how often does each outcome
// win, how often is the result balanced, and how high can each outcome score?
import { visibleQuestions } from "./answers";
import type { Answer, Answers, Question, Quiz } from "./schema";
import { scoreAnswers } from "./score";

export type Fairness = {
  /** "exact": every combination of answers was scored; "sampled": a seeded random sample. */
  method: "exact" | "sampled";
  /** How many answer sets were scored. */
  answerSets: number;
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
 * How many answer sets one check may score. A scoring walks every question once and
 * sums points for every (trait, outcome) pair (about 0.1 ms for the built-in quiz);
 * capping the total work keeps a huge or hostile quiz from hanging the checks, at the
 * price of a smaller sample for it.
 */
function affordable(quiz: Quiz, most: number): number {
  const cost = quiz.questions.length * (quiz.traits.length * quiz.outcomes.length + 4);
  return Math.max(100, Math.min(most, Math.floor(4_000_000 / cost)));
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
  return { domains, exact: size <= EXACT_LIMIT };
}

export function fairness(quiz: Quiz, random: () => number = seededRandom(1)): Fairness {
  const { domains, exact } = answerSpace(quiz);
  const wins = Object.fromEntries(quiz.outcomes.map((o) => [o.id, 0]));
  const highest = Object.fromEntries(quiz.outcomes.map((o) => [o.id, 0]));
  let balanced = 0;
  let total = 0;
  let answerSets = 0;
  const tally = (answers: Answers, weight: number) => {
    answerSets++;
    const scores = scoreAnswers(quiz, answers);
    if (scores.recommendation.kind === "balanced") balanced += weight;
    else wins[scores.recommendation.outcome] = (wins[scores.recommendation.outcome] ?? 0) + weight;
    for (const { outcome, score } of scores.ranking)
      highest[outcome] = Math.max(highest[outcome] ?? 0, score);
    total += weight;
  };

  if (exact) {
    forEachAnswerSet(quiz, domains, tally);
  } else {
    const samples = affordable(quiz, SAMPLES);
    for (let i = 0; i < samples; i++) tally(randomAnswers(quiz, domains, random), 1);
    for (const outcome of quiz.outcomes) {
      const best = climb(quiz, domains, (answers) => scoreOf(quiz, answers, outcome.id), random);
      highest[outcome.id] = Math.max(highest[outcome.id] ?? 0, best.value);
    }
  }
  const share = (x: number) => Math.round((x / total) * 10_000) / 10_000;
  return {
    method: exact ? "exact" : "sampled",
    answerSets,
    wins: Object.fromEntries(Object.entries(wins).map(([o, w]) => [o, share(w)])),
    balanced: share(balanced),
    highest,
  };
}

/**
 * Answers that make `outcome` win outright, or undefined when none were found: exact
 * for small quizzes, a greedy hill climb from several random starts otherwise.
 */
export function findWinningAnswers(
  quiz: Quiz,
  outcome: string,
  random = seededRandom(7),
): Answers | undefined {
  const { domains, exact } = answerSpace(quiz);
  const lead = (answers: Answers) => {
    const scores = scoreAnswers(quiz, answers);
    const mine = scores.ranking.find((r) => r.outcome === outcome)?.score ?? 0;
    const others = Math.max(
      ...scores.ranking.filter((r) => r.outcome !== outcome).map((r) => r.score),
    );
    const wins =
      scores.recommendation.kind === "outcome" && scores.recommendation.outcome === outcome;
    return mine - others + (wins ? 1000 : 0);
  };
  if (exact) {
    let found: Answers | undefined;
    forEachAnswerSet(quiz, domains, (answers) => {
      if (lead(answers) >= 1000) found = answers;
      return found !== undefined;
    });
    return found;
  }
  const best = climb(quiz, domains, lead, random);
  return best.value >= 1000 ? best.answers : undefined;
}

/**
 * Visits every answer set once, with its probability when each shown question's answers
 * are equally likely; answer sets that hide questions stand for all the ones they would
 * have split into. Stops early when `visit` returns true.
 */
function forEachAnswerSet(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  visit: (answers: Answers, probability: number) => unknown,
): void {
  let stopped = false;
  const walk = (answers: Record<string, Answer>, from: number, probability: number) => {
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
 * Changes one answer at a time while that improves `objective`, from several random
 * starts, and keeps the best. A budget of scorings bounds it on any quiz, however large.
 */
function climb(
  quiz: Quiz,
  domains: Map<string, Answer[]>,
  objective: (answers: Answers) => number,
  random: () => number,
  starts = 8,
): { answers: Answers; value: number } {
  let budget = affordable(quiz, 20_000);
  let best = { answers: {} as Answers, value: Number.NEGATIVE_INFINITY };
  const score = (answers: Answers) => {
    budget--;
    return objective(answers);
  };
  for (let s = 0; s < starts && budget > 0; s++) {
    let answers: Record<string, Answer> = randomAnswers(quiz, domains, random);
    let value = score(answers);
    for (let improved = true; improved && budget > 0; ) {
      improved = false;
      for (const question of quiz.questions) {
        for (const answer of domains.get(question.id) ?? []) {
          if (budget <= 0) break;
          const candidate = { ...answers, [question.id]: answer };
          const v = score(candidate);
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
  return scoreAnswers(quiz, answers).ranking.find((r) => r.outcome === outcome)?.score ?? 0;
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
