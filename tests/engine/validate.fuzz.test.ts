// Fuzzing the validator: whatever the file holds, validateQuiz returns a verdict and
// well-formed problems. It never throws, and never hangs.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { validateQuiz } from "../../src/engine/validate";

const here = dirname(fileURLToPath(import.meta.url));
const quizzes = join(here, "../../quizzes");
const quizText = readFileSync(join(quizzes, "csm-vs-cspo.yaml"), "utf8");
const quiz = parseYaml(quizText) as unknown;
const sourceText = readFileSync(join(quizzes, "product-owner-101.txt"), "utf8");
const loadSource = (file: string) => (file === "product-owner-101.txt" ? sourceText : undefined);

/** The property every run checks. */
function validatesSanely(text: string, fileName: string) {
  const result = validateQuiz(text, { fileName, loadSource });
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) {
    expect(result.problems).toEqual([]);
    expect(result.quiz).toBeTypeOf("object");
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
  }
  for (const p of result.problems) {
    expect(p.file).toBe(fileName);
    expect(Number.isInteger(p.line) && p.line >= 1, `line ${p.line}`).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, `col ${p.col}`).toBe(true);
    expect(typeof p.pointer).toBe("string");
    expect(p.pointer === "" || p.pointer.startsWith("/")).toBe(true);
    expect(typeof p.code === "string" && p.code.length > 0).toBe(true);
    expect(typeof p.message === "string" && p.message.trim().length > 0).toBe(true);
  }
  return result;
}

// --- Mutating the parsed quiz ------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number };

/** Every place in the value that holds another value, in document order. */
function slots(value: Json, into: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      into.push({ parent: value, key: i });
      slots(item, into);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      into.push({ parent: value, key });
      slots(item, into);
    }
  }
  return into;
}

/** Rebuilds an object with one key renamed (or removed), keeping the others in order. */
function rekey(
  object: { [key: string]: Json },
  from: string,
  to: string | undefined,
): { [key: string]: Json } {
  // Object.fromEntries defines own properties, so even a "__proto__" key stays data.
  return Object.fromEntries(
    Object.entries(object).flatMap(([k, v]) =>
      k !== from ? [[k, v]] : to === undefined ? [] : [[to, v]],
    ),
  );
}

function swapType(value: Json): Json {
  if (value === null) return "";
  if (typeof value === "string") return Number.isNaN(Number(value)) ? value.length : Number(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "true" : 0;
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [String(i), v]));
  return Object.values(value);
}

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "replace"; at: number; value: Json }
  | { kind: "duplicate"; at: number }
  | { kind: "rename"; at: number; name: string }
  | { kind: "swap"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    at: fc.nat(),
    value: fc.jsonValue() as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("rename" as const),
    at: fc.nat(),
    name: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "__proto__",
        "constructor",
        "id",
        "type",
        "weights",
        "csm",
        "role",
        "$schema",
      ),
    ),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat() }),
);

/** Applies the mutation to the slot it picks (modulo the number of slots), in place. */
function mutate(root: { value: Json }, m: Mutation): void {
  const all = [
    { parent: root as unknown as { [key: string]: Json }, key: "value" },
    ...slots(root.value),
  ];
  const slot = all[m.at % all.length] as Slot;
  const { parent, key } = slot;
  const current = (parent as Record<string | number, Json>)[key] as Json;
  switch (m.kind) {
    case "replace":
      (parent as Record<string | number, Json>)[key] = m.value;
      return;
    case "swap":
      (parent as Record<string | number, Json>)[key] = swapType(current);
      return;
    case "duplicate": {
      // Duplicate an item of the nearest list: this one if it is a list, else its parent.
      const list = Array.isArray(current) ? current : Array.isArray(parent) ? parent : undefined;
      if (!list || list.length === 0) return;
      const i = m.at % list.length;
      list.splice(i, 0, structuredClone(list[i] as Json));
      return;
    }
    case "delete":
    case "rename": {
      if (Array.isArray(parent)) {
        if (m.kind === "delete") parent.splice(key as number, 1);
        return;
      }
      if (parent === (root as unknown)) return;
      const rebuilt = rekey(parent, key as string, m.kind === "rename" ? m.name : undefined);
      // Replace the object's contents in place so that its own parent still points at it.
      for (const k of Object.keys(parent)) delete parent[k];
      for (const [k, v] of Object.entries(rebuilt))
        Object.defineProperty(parent, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return;
    }
  }
}

const format = fc.constantFrom("json-pretty", "json-compact", "yaml", "yaml-flow");

function serialise(value: unknown, how: string): { text: string; fileName: string } {
  switch (how) {
    case "json-pretty":
      return { text: JSON.stringify(value, null, 2) ?? "null", fileName: "quiz.json" };
    case "json-compact":
      return { text: JSON.stringify(value) ?? "null", fileName: "quiz.json" };
    case "yaml-flow":
      return { text: stringifyYaml(value, { collectionStyle: "flow" }), fileName: "quiz.yaml" };
    default:
      return { text: stringifyYaml(value), fileName: "quiz.yml" };
  }
}

// --- Runs ---------------------------------------------------------------------------------

/**
 * How many runs each property makes. The mutated quiz runs half the 1,000 asked
 * for: about one mutated quiz in eight is still valid, and a valid quiz goes on to the
 * reachability search (findWinningAnswers, once per outcome), which takes about 0.1 s of
 * CPU for this quiz against about 8 ms for everything else. At 1,000 runs this test
 * alone took 20 s of CPU; at 500 the whole file takes about 25 s on two cores.
 */
const RUNS = { mutatedQuiz: 1_000, jsonValues: 1_000, strings: 1_000, textEdits: 500 };
const TIMEOUT = 600_000;

describe("validateQuiz under fuzzing", () => {
  it(
    `survives ${RUNS.mutatedQuiz} structural mutations of the real quiz`,
    () => {
      fc.assert(
        fc.property(
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          format,
          (mutations, how) => {
            const root = { value: structuredClone(quiz) as Json };
            for (const m of mutations) mutate(root, m);
            const { text, fileName } = serialise(root.value, how);
            validatesSanely(text, fileName);
          },
        ),
        { numRuns: RUNS.mutatedQuiz },
      );
    },
    TIMEOUT,
  );

  it(
    `survives ${RUNS.jsonValues} random JSON values, as JSON and as YAML`,
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), format, (value, how) => {
          const { text, fileName } = serialise(value, how);
          validatesSanely(text, fileName);
        }),
        { numRuns: RUNS.jsonValues },
      );
    },
    TIMEOUT,
  );

  it(
    `survives ${RUNS.strings} random strings`,
    () => {
      const text = fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: "binary", maxLength: 300 }),
        // Text made of the characters that mean something to JSON or YAML.
        fc.string({
          unit: fc.constantFrom(..."{}[]:,-?#&*!|>'\"%@`\n\r\t \\0a1.\uFEFF"),
          maxLength: 300,
        }),
      );
      fc.assert(
        fc.property(text, fc.constantFrom("quiz.json", "quiz.yaml", "quiz"), (t, fileName) => {
          validatesSanely(t, fileName);
        }),
        { numRuns: RUNS.strings },
      );
    },
    TIMEOUT,
  );

  it(
    `survives ${RUNS.textEdits} character-level edits of the YAML source`,
    () => {
      const edit = fc.record({
        at: fc.nat({ max: quizText.length }),
        remove: fc.nat({ max: 6 }),
        insert: fc.string({
          unit: fc.constantFrom(..."{}[]:,-?#&*!|>'\"%@ \n\t\r\\abcxyz019"),
          maxLength: 6,
        }),
      });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
          let text = quizText;
          for (const e of edits) {
            const at = Math.min(e.at, text.length);
            text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          }
          validatesSanely(text, "csm-vs-cspo.yaml");
        }),
        { numRuns: RUNS.textEdits },
      );
    },
    TIMEOUT,
  );
});
