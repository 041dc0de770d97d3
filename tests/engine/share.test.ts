import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Answers, Question, Quiz } from "../../src/engine/schema";
import {
  crc32,
  decodeAnswers,
  encodeAnswers,
  quizFingerprint,
  signPayload,
  stableStringify,
  type TokenError,
} from "../../src/engine/share";

// --- Test quizzes ------------------------------------------------------------------------

function makeQuiz(id: string, questions: Question[]): Quiz {
  return {
    id,
    version: "1.0.0",
    title: "Which course fits you?",
    intro: "A few questions about how you like to work.",
    minutes: 5,
    sources: [
      {
        id: "po-101",
        title: "Product Owner 101",
        author: "Braintrust Group",
        date: "2023-06-01",
        file: "product-owner-101.txt",
      },
    ],
    passages: [{ id: "p1", source: "po-101", text: "A passage." }],
    conclusion: "p1",
    conclusionLead: "In the source's own words:",
    comparisonHeading: "How they compare",
    traits: [{ id: "role", label: "Role" }],
    outcomes: [
      { id: "csm", label: "CSM", summary: "Scrum Master.", passages: { role: "p1" } },
      { id: "cspo", label: "CSPO", summary: "Product Owner.", passages: { role: "p1" } },
    ],
    comparison: [],
    questions,
    scoring: { traitWeights: { role: 1 }, tieMargin: 5 },
  };
}

const options = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    label: `Option ${i}`,
    weights: { role: { csm: i % 2, cspo: (i + 1) % 2 } },
  }));

const single = (id: string, count: number): Question => ({
  id,
  prompt: `Question ${id}?`,
  required: true,
  type: "single",
  options: options(`${id}-o`, count),
});

const multiple = (id: string, count: number, minChoices: number, maxChoices: number): Question => ({
  id,
  prompt: `Question ${id}?`,
  required: false,
  type: "multiple",
  options: options(`${id}-o`, count),
  minChoices,
  maxChoices,
});

const scale = (id: string, points: number): Question => ({
  id,
  prompt: `Question ${id}?`,
  required: true,
  type: "scale",
  labels: Array.from({ length: points }, (_, i) => `Point ${i + 1}`),
  agree: { role: { csm: 2 } },
  disagree: { role: { cspo: 2 } },
});

const small = makeQuiz("csm-vs-cspo", [
  single("pick", 3),
  multiple("tick", 4, 1, 2),
  scale("agree", 5),
]);

// 50 questions: singles, multiples (one with the full 31 options) and scales.
const big = makeQuiz(
  "big-quiz",
  Array.from({ length: 50 }, (_, i): Question => {
    if (i === 0) return multiple(`q${i}`, 31, 1, 31);
    if (i % 3 === 0) return single(`q${i}`, 12);
    if (i % 3 === 1) return multiple(`q${i}`, 8, 1, 8);
    return scale(`q${i}`, 7);
  }),
);

// --- Helpers -----------------------------------------------------------------------------

const ERROR_KINDS: TokenError["kind"][] = [
  "malformed",
  "checksum",
  "unsupported-version",
  "other-quiz",
  "quiz-changed",
  "invalid-answers",
];

/** Answers valid for the quiz, multiple-choice ids in option order (as decoding gives). */
function answersArb(quiz: Quiz): fc.Arbitrary<Answers> {
  const perQuestion = quiz.questions.map((q): fc.Arbitrary<Answer | null> => {
    const answer: fc.Arbitrary<Answer> =
      q.type === "single"
        ? fc.constantFrom(...q.options.map((o) => o.id))
        : q.type === "multiple"
          ? fc.subarray(
              q.options.map((o) => o.id),
              { minLength: q.minChoices, maxLength: q.maxChoices },
            )
          : fc.integer({ min: 1, max: q.labels.length });
    return fc.option(answer);
  });
  return fc.tuple(...perQuestion).map((values) => {
    const answers: Record<string, Answer> = {};
    values.forEach((value, i) => {
      const q = quiz.questions[i];
      if (q && value !== null) answers[q.id] = value;
    });
    return answers;
  });
}

/** An independent check that answers could have come from a person taking the quiz. */
function isValidAnswers(quiz: Quiz, answers: Answers): boolean {
  return Object.entries(answers).every(([id, answer]) => {
    const q = quiz.questions.find((question) => question.id === id);
    if (!q) return false;
    const ids = q.type === "scale" ? [] : q.options.map((o) => o.id);
    if (q.type === "single") return typeof answer === "string" && ids.includes(answer);
    if (q.type === "multiple") {
      return (
        Array.isArray(answer) &&
        new Set(answer).size === answer.length &&
        answer.every((a) => ids.includes(a)) &&
        answer.length >= q.minChoices &&
        answer.length <= q.maxChoices
      );
    }
    return (
      typeof answer === "number" &&
      Number.isInteger(answer) &&
      answer >= 1 &&
      answer <= q.labels.length
    );
  });
}

const tokenBytes = (token: string) => new Uint8Array(Buffer.from(token, "base64url"));
/** A token's bytes without its CRC, ready to be changed and re-signed. */
const payloadOf = (token: string) => tokenBytes(token).slice(0, -4);
const withBytes = (payload: Uint8Array, ...extra: number[]) =>
  Uint8Array.from([...payload, ...extra]);

function expectError(result: ReturnType<typeof decodeAnswers>, kind: TokenError["kind"]) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toMatch(/^This link.*\.$/);
  }
}

// --- Tests -------------------------------------------------------------------------------

describe("crc32", () => {
  it("gives the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe("quizFingerprint", () => {
  it("does not depend on key order", () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (value !== null && typeof value === "object") {
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversed(v)]),
        );
      }
      return value;
    };
    const shuffled = reversed(small) as Quiz;
    expect(Object.keys(shuffled)[0]).not.toBe(Object.keys(small)[0]);
    expect(quizFingerprint(shuffled)).toBe(quizFingerprint(small));
    expect(decodeAnswers(shuffled, encodeAnswers(small, { pick: "pick-o1" }))).toEqual({
      ok: true,
      answers: { pick: "pick-o1" },
    });
  });

  it("changes with the content and is an unsigned 32-bit number", () => {
    const fp = quizFingerprint(small);
    expect(Number.isInteger(fp) && fp >= 0 && fp < 2 ** 32).toBe(true);
    expect(quizFingerprint({ ...small, version: "1.0.1" })).not.toBe(fp);
  });

  it("stableStringify sorts keys at every level and keeps array order", () => {
    expect(stableStringify({ b: [2, { d: 1, c: undefined, a: "x" }], a: null })).toBe(
      '{"a":null,"b":[2,{"a":"x","d":1}]}',
    );
  });
});

describe("encodeAnswers / decodeAnswers", () => {
  it("round-trips a known set of answers", () => {
    const answers = { pick: "pick-o2", tick: ["tick-o0", "tick-o3"], agree: 4 };
    const token = encodeAnswers(small, answers);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    // 1 version + 2 id + 4 fingerprint + 3 varints + 4 CRC = 14 bytes = 19 characters.
    expect(token).toHaveLength(19);
    expect(decodeAnswers(small, token)).toEqual({ ok: true, answers });
  });

  it("round-trips empty answers", () => {
    const token = encodeAnswers(small, {});
    expect(decodeAnswers(small, token)).toEqual({ ok: true, answers: {} });
  });

  it("leaves out answers that do not fit the quiz", () => {
    const token = encodeAnswers(small, {
      pick: "nope",
      tick: ["nope", "tick-o1"],
      agree: 9,
      other: "x",
    });
    expect(decodeAnswers(small, token)).toEqual({ ok: true, answers: { tick: ["tick-o1"] } });
  });

  it("keeps a 50-question token, every question answered, well under 600 characters", () => {
    const answers: Record<string, Answer> = {};
    for (const q of big.questions) {
      answers[q.id] =
        q.type === "scale"
          ? q.labels.length
          : q.type === "single"
            ? (q.options.at(-1)?.id ?? "")
            : q.options.map((o) => o.id);
    }
    const token = encodeAnswers(big, answers);
    expect(token.length).toBe(110); // 82 bytes
    expect(token.length).toBeLessThan(600);
    expect(decodeAnswers(big, token)).toEqual({ ok: true, answers });
  });

  it("refuses a multiple-choice question with more options than a bitmask carries", () => {
    const tooMany = makeQuiz("wide", [multiple("wide", 32, 1, 2)]);
    expect(() => encodeAnswers(tooMany, {})).toThrow(RangeError);
  });

  it("round-trips arbitrary valid answers exactly", () => {
    for (const quiz of [small, big]) {
      fc.assert(
        fc.property(answersArb(quiz), (answers) => {
          expect(decodeAnswers(quiz, encodeAnswers(quiz, answers))).toEqual({
            ok: true,
            answers,
          });
        }),
        { numRuns: 500 },
      );
    }
  });
});

describe("decodeAnswers refuses", () => {
  const token = encodeAnswers(small, { pick: "pick-o0", agree: 3 });

  it("a link for another quiz", () => {
    const other = makeQuiz("another-quiz", small.questions);
    expectError(decodeAnswers(other, token), "other-quiz");
  });

  it("a link for a changed version of the same quiz", () => {
    const relabelled = structuredClone(small);
    const firstQuestion = relabelled.questions[0];
    if (firstQuestion?.type !== "single") throw new Error("test quiz changed");
    const firstOption = firstQuestion.options[0];
    if (firstOption) firstOption.label = "A new label";
    expectError(decodeAnswers(relabelled, token), "quiz-changed");

    const extended = structuredClone(small);
    const tick = extended.questions[1];
    if (tick?.type !== "multiple") throw new Error("test quiz changed");
    tick.options.push({ id: "tick-o4", label: "Another", weights: {} });
    expectError(decodeAnswers(extended, token), "quiz-changed");
  });

  it("a link in an unknown format version", () => {
    const payload = payloadOf(token);
    payload[0] = 2;
    expectError(decodeAnswers(small, signPayload(payload)), "unsupported-version");
  });

  it("a trailing extra answer: invalid when re-signed, a checksum error when not", () => {
    const longer = withBytes(payloadOf(token), 1);
    expectError(decodeAnswers(small, signPayload(longer)), "invalid-answers");
    const unsigned = Buffer.from(withBytes(longer, ...tokenBytes(token).slice(-4))).toString(
      "base64url",
    );
    expectError(decodeAnswers(small, unsigned), "checksum");
  });

  it("answers cut short, out of range, or written non-canonically", () => {
    const header = payloadOf(token).slice(0, 7);
    const cases: number[][] = [
      [1, 0], // one answer missing
      [1, 0, 0x80], // last varint cut short
      [4, 0, 0], // option 4 of 3
      [0, 0b10000, 0], // bit of a fifth option
      [0, 0b0111, 0], // three ticked, at most two allowed
      [0, 0, 6], // point 6 of 5
      [0x81, 0x00, 0, 0], // overlong varint for 1
      [0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0, 0], // varint longer than any written
    ];
    for (const varints of cases) {
      expectError(
        decodeAnswers(small, signPayload(withBytes(header, ...varints))),
        "invalid-answers",
      );
    }
  });

  it("malformed input", () => {
    for (const bad of ["", "abc", "A", "a+b/", "ab=", `${token} `, "é".repeat(20)]) {
      expectError(decodeAnswers(small, bad), "malformed");
    }
    expectError(decodeAnswers(small, "A".repeat(2001)), "malformed");
    expectError(decodeAnswers(small, "A".repeat(10_000_000)), "malformed");
    // Same bytes, but unused low bits of the last character set: not a canonical spelling.
    const last = token.at(-1) ?? "";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const respelled = token.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1];
    expect(Buffer.from(respelled, "base64url")).toEqual(Buffer.from(token, "base64url"));
    expectError(decodeAnswers(small, respelled), "malformed");
  });
});

describe("decodeAnswers on hostile input", () => {
  const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  type Mutation = (s: string) => string;

  const position = fc.nat();
  const anyChar = fc.oneof(
    fc.constantFrom(...BASE64URL),
    fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // Flip one of the six bits a base64url character carries.
    fc.tuple(position, fc.integer({ min: 0, max: 5 })).map(
      ([p, bit]): Mutation =>
        (s) => {
          if (s.length === 0) return s;
          const i = p % s.length;
          const value = BASE64URL.indexOf(s[i] ?? "");
          const flipped = value < 0 ? "A" : BASE64URL[value ^ (1 << bit)];
          return s.slice(0, i) + flipped + s.slice(i + 1);
        },
    ),
    fc.tuple(position, anyChar).map(
      ([p, c]): Mutation =>
        (s) => {
          const i = p % (s.length + 1);
          return s.slice(0, i) + c + s.slice(i);
        },
    ),
    position.map(
      (p): Mutation =>
        (s) => {
          const i = p % Math.max(s.length, 1);
          return s.slice(0, i) + s.slice(i + 1);
        },
    ),
    fc.tuple(position, anyChar).map(
      ([p, c]): Mutation =>
        (s) => {
          const i = p % Math.max(s.length, 1);
          return s.slice(0, i) + c + s.slice(i + 1);
        },
    ),
    position.map(
      (p): Mutation =>
        (s) =>
          s.slice(0, p % (s.length + 1)),
    ),
    fc.string({ unit: fc.constantFrom(...BASE64URL), minLength: 1, maxLength: 8 }).map(
      (tail): Mutation =>
        (s) =>
          s + tail,
    ),
  );

  it("10,000 mutated tokens: never throws, never returns a wrong answer", () => {
    for (const [quiz, numRuns] of [
      [small, 5000],
      [big, 5000],
    ] as const) {
      fc.assert(
        fc.property(
          answersArb(quiz),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (answers, mutations) => {
            const token = encodeAnswers(quiz, answers);
            const mutated = mutations.reduce((s, m) => m(s), token);
            const result = decodeAnswers(quiz, mutated);
            if (result.ok) {
              // Only an identity mutation (e.g. a flip undone by another) may decode.
              expect(mutated).toBe(token);
              expect(result.answers).toEqual(answers);
              expect(isValidAnswers(quiz, result.answers)).toBe(true);
            } else {
              expect(ERROR_KINDS).toContain(result.error.kind);
              expect(result.error.message.length).toBeGreaterThan(0);
            }
          },
        ),
        { numRuns },
      );
    }
  });

  it("correctly signed random payloads: only valid answers, only canonical tokens", () => {
    const header = payloadOf(encodeAnswers(big, {})).slice(0, 7);
    const varintBytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 80 });
    fc.assert(
      fc.property(varintBytes, (bytes) => {
        const token = signPayload(withBytes(header, ...bytes));
        const result = decodeAnswers(big, token);
        if (result.ok) {
          expect(isValidAnswers(big, result.answers)).toBe(true);
          expect(encodeAnswers(big, result.answers)).toBe(token);
        } else {
          expect(result.error.kind).toBe("invalid-answers");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("arbitrary strings never throw", () => {
    const check = (s: string) => {
      const result = decodeAnswers(small, s);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(ERROR_KINDS).toContain(result.error.kind);
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: "binary" }), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...BASE64URL) }), check), {
      numRuns: 1000,
    });
  });
});
