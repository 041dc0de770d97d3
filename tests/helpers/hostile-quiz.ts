// Quizzes shaped for the validator's worst case: many outcomes, traits, questions and
// options, and a chain of show-if conditions. With `unreachable`, outcome o0 gets the
// most points from every option, so no other outcome can ever win and the reachability
// search for each of them runs until its budget ends.
export type HostileShape = {
  outcomes: number;
  traits: number;
  questions: number;
  options: number;
  /** How many questions, from the second on, each depend on the one before. */
  chain?: number;
  unreachable?: boolean;
};

export const HOSTILE_SOURCE = "Some words to quote.";

export function hostileQuiz(shape: HostileShape): Record<string, unknown> {
  const { outcomes, traits, questions, options, chain = 0, unreachable = false } = shape;
  const o = (i: number) => `o${i}`;
  const t = (i: number) => `t${i}`;
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const allTraits = Object.fromEntries(range(traits).map((i) => [t(i), "p"]));
  return {
    id: "hostile",
    version: "1.0.0",
    title: "Hostile",
    intro: "A quiz shaped to make the validator work hard.",
    minutes: 1,
    sources: [{ id: "s", title: "S", author: "A", date: "2024-01-01", file: "source.txt" }],
    passages: [{ id: "p", source: "s", text: "Some words" }],
    conclusion: "p",
    traits: range(traits).map((i) => ({ id: t(i), label: `Trait ${i}` })),
    outcomes: range(outcomes).map((i) => ({
      id: o(i),
      label: `Outcome ${i}`,
      summary: "S.",
      passages: allTraits,
    })),
    comparison: [],
    questions: range(questions).map((q) => ({
      id: `q${q}`,
      type: "single",
      prompt: `Question ${q}?`,
      ...(q > 0 && q <= chain ? { showIf: [{ question: `q${q - 1}`, anyOf: ["a0"] }] } : {}),
      options: range(options).map((a) => {
        const trait = t((q * options + a) % traits);
        const weights = unreachable
          ? { [trait]: { [o(0)]: 2, [o(1 + (a % Math.max(1, outcomes - 1)))]: 1 } }
          : { [trait]: { [o(a % outcomes)]: 1 } };
        return { id: `a${a}`, label: `Answer ${a}`, weights };
      }),
    })),
    scoring: {
      traitWeights: Object.fromEntries(range(traits).map((i) => [t(i), 1])),
      tieMargin: 5,
    },
  };
}
