import { describe, expect, it } from "vitest";
import {
  decodeFile,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  type Parsed,
  parseQuizText,
} from "../../src/engine/parse";
import type { Path } from "../../src/engine/problem";
import { validateQuiz } from "../../src/engine/validate";

function ok(parsed: Parsed) {
  if (!parsed.ok) throw new Error(`expected a parse, got ${parsed.failure.code}`);
  return parsed;
}
function failure(parsed: Parsed) {
  if (parsed.ok) throw new Error("expected a failure, got a parse");
  return { ...parsed.failure, ...parsed.position };
}

/** The 1-based line and column of the first `needle` in `text` at or after `from`. */
function positionOf(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, at).split(/\r\n|\r|\n/);
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

const JSON_DOC = `{
  "id": "mini",
  "sources": [
    { "id": "guide", "file": "source.txt" },
    {
      "id": "second",
      "file": "other.txt"
    }
  ],
  "scoring": {
    "traitWeights": { "role": 1 },
    "tieMargin": 5
  }
}
`;

const YAML_DOC = `# comment
id: mini
sources:
  - id: guide
    file: source.txt
  - id: second
    file: other.txt
intro: >-
  A folded
  paragraph.
scoring:
  traitWeights: { role: 1 }
  tieMargin: 5
`;

describe("line and column", () => {
  const cases: [string, string, string][] = [
    ["JSON", "q.json", JSON_DOC],
    ["YAML", "q.yaml", YAML_DOC],
  ];
  it.each(cases)("locates values and keys in %s", (_, file, text) => {
    const parsed = ok(parseQuizText(text, file));
    const q = (s: string) => (file.endsWith(".json") ? `"${s}"` : s);
    const at = (path: Path, kind?: "key" | "value") => parsed.locate(path, kind);
    expect(at(["id"])).toEqual(positionOf(text, q("mini")));
    expect(at(["id"], "key")).toEqual(positionOf(text, q("id")));
    expect(at(["sources", 1, "file"])).toEqual(positionOf(text, q("other.txt")));
    expect(at(["sources", 1, "file"], "key")).toEqual(
      positionOf(text, q("file"), text.indexOf("second")),
    );
    expect(at(["scoring", "tieMargin"])).toEqual(positionOf(text, "5\n"));
    expect(at(["scoring", "traitWeights", "role"], "key")).toEqual(positionOf(text, q("role")));
    // A path that does not exist points at the deepest part that does.
    expect(at(["sources", 1, "title"])).toEqual(at(["sources", 1]));
    expect(at(["nothing", "here"])).toEqual(at([]));
  });

  it("locates a multi-line YAML value at its first line", () => {
    const parsed = ok(parseQuizText(YAML_DOC, "q.yaml"));
    expect(parsed.value).toMatchObject({ intro: "A folded paragraph." });
    expect(parsed.locate(["intro"])).toEqual(positionOf(YAML_DOC, ">-"));
    expect(parsed.locate(["scoring"], "key")).toEqual({ line: 11, col: 1 });
  });

  it("gives the same lines with CRLF line endings", () => {
    for (const [file, text] of [
      ["q.json", JSON_DOC],
      ["q.yaml", YAML_DOC],
    ] as const) {
      const lf = ok(parseQuizText(text, file));
      const crlf = ok(parseQuizText(text.replace(/\n/g, "\r\n"), file));
      expect(crlf.value).toEqual(lf.value);
      for (const path of [["id"], ["sources", 1, "file"], ["scoring", "tieMargin"]] as Path[]) {
        expect(crlf.locate(path)).toEqual(lf.locate(path));
        expect(crlf.locate(path, "key")).toEqual(lf.locate(path, "key"));
      }
    }
  });

  it("reports CRLF files' errors on the right line", () => {
    const text = '{\r\n  "id": "mini",\r\n  "id": "again"\r\n}\r\n';
    expect(failure(parseQuizText(text, "q.json"))).toMatchObject({
      code: "duplicate-key",
      line: 3,
      col: 3,
    });
    const yaml = "id: mini\r\ntitle: x\r\nid: again\r\n";
    expect(failure(parseQuizText(yaml, "q.yaml"))).toMatchObject({
      code: "duplicate-key",
      line: 3,
      col: 1,
    });
  });

  it("counts a lone CR as a line break, as editors do", () => {
    const parsed = ok(parseQuizText('{\r  "id": "mini",\r  "n": 1\r}', "q.json"));
    expect(parsed.locate(["n"])).toEqual({ line: 3, col: 8 });
  });

  it("points a YAML key with no value at that key", () => {
    const parsed = ok(parseQuizText("id: mini\nscoring:\n  ? tieMargin\n", "q.yaml"));
    expect(parsed.value).toEqual({ id: "mini", scoring: { tieMargin: null } });
    expect(parsed.locate(["scoring", "tieMargin"])).toEqual({ line: 3, col: 5 });
  });

  it("reports syntax errors where they are", () => {
    expect(failure(parseQuizText('{\n  "id": "mini"\n  "title": "x"\n}', "q.json"))).toMatchObject({
      code: "malformed-json",
      message: "not valid JSON: comma expected",
      line: 3,
      col: 3,
    });
    expect(failure(parseQuizText("id: mini\ntitle: a: b\n", "q.yaml"))).toMatchObject({
      code: "malformed-yaml",
      line: 2,
      col: 8,
    });
  });
});

describe("size and depth limits", () => {
  it("rejects a file of 1 MiB + 1 byte, and accepts one of exactly 1 MiB", () => {
    const head = '{"id": "x", "pad": "';
    const fill = (bytes: number) => `${head}${"a".repeat(bytes - head.length - 2)}"}`;
    expect(new TextEncoder().encode(fill(MAX_FILE_BYTES + 1)).length).toBe(MAX_FILE_BYTES + 1);
    expect(failure(parseQuizText(fill(MAX_FILE_BYTES + 1), "q.json"))).toMatchObject({
      code: "file-too-large",
      line: 1,
      col: 1,
      message: `the file is ${MAX_FILE_BYTES + 1} bytes; a quiz may be at most ${MAX_FILE_BYTES}`,
    });
    expect(parseQuizText(fill(MAX_FILE_BYTES), "q.json").ok).toBe(true);
  });

  it("counts the size in UTF-8 bytes, not characters", () => {
    const text = `"${"é".repeat(MAX_FILE_BYTES / 2)}"`; // é is two bytes in UTF-8
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(failure(parseQuizText(text, "q.json")).code).toBe("file-too-large");
  });

  it("refuses 10,000 nested brackets as too-deep, in JSON and YAML, without overflowing", () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    for (const file of ["q.json", "q.yaml"]) {
      expect(failure(parseQuizText(deep, file))).toMatchObject({
        code: "too-deep",
        line: 1,
        col: MAX_DEPTH + 1, // the first bracket past the limit
      });
    }
    const inObject = `{"a": ${'{"b": '.repeat(10_000)}1${"}".repeat(10_001)}`;
    expect(failure(parseQuizText(inObject, "q.json")).code).toBe("too-deep");
    expect(failure(parseQuizText(inObject, "q.yaml")).code).toBe("too-deep");
  });

  it("refuses YAML nested by indentation and by `- - -` on one line", () => {
    // The YAML library recurses once per level: 1,000 levels overflowed the stack, and
    // near the limit V8 could abort the whole process.
    const dashes = `${"- ".repeat(100_000)}x\n`;
    expect(failure(parseQuizText(dashes, "q.yaml")).code).toBe("too-deep");
    const keys = `${"? ".repeat(100_000)}x\n`;
    expect(failure(parseQuizText(keys, "q.yaml")).code).toBe("too-deep");
    let indented = "";
    for (let i = 0; i < 1_000; i++) indented += `${" ".repeat(i)}k:\n`;
    expect(failure(parseQuizText(indented, "q.yaml"))).toMatchObject({ code: "too-deep" });
  });

  it("cannot be tricked into missing brackets by a stray quote or a comment", () => {
    const brackets = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    const tricks: [string, string][] = [
      ["q.json", `{"a": "unterminated\n, "b": ${brackets}}`],
      ["q.json", `/* " */ ${brackets}`],
      ["q.yaml", `a: 5" screen\nb: ${brackets}\n`],
      ["q.yaml", `a: 'say "hi'\nb: ${brackets}\n`],
      ["q.yaml", `# "\nb: ${brackets}\n`],
    ];
    for (const [file, text] of tricks) {
      expect(() => parseQuizText(text, file)).not.toThrow();
      expect(failure(parseQuizText(text, file)).code).toBe("too-deep");
    }
  });

  it(`accepts ${MAX_DEPTH} levels and points at level ${MAX_DEPTH + 1} with its pointer`, () => {
    const nest = (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`;
    for (const file of ["q.json", "q.yaml"]) {
      expect(parseQuizText(`{"a": ${nest(MAX_DEPTH - 1)}}`, file).ok).toBe(true);
      const deep = failure(parseQuizText(`{"a": ${nest(MAX_DEPTH)}}`, file));
      expect(deep.code).toBe("too-deep");
      // The value 1 sits at level MAX_DEPTH + 1: "a", then MAX_DEPTH array indexes.
      expect(deep.path).toEqual(["a", ...Array(MAX_DEPTH).fill(0)]);
      expect(deep.col).toBe(7 + MAX_DEPTH);
    }
  });
});

describe("YAML aliases", () => {
  it('refuses the "billion laughs" with yaml-alias, quickly', () => {
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    const names = "abcdefghij";
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(", ")}]`);
    }
    const started = performance.now();
    const result = failure(parseQuizText(`${lines.join("\n")}\n`, "q.yaml"));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result).toMatchObject({ code: "yaml-alias", line: 2, col: 8, path: ["b", 0] });
  });

  it("allows an anchor that nothing refers to", () => {
    expect(ok(parseQuizText("a: &x 1\n", "q.yaml")).value).toEqual({ a: 1 });
  });
});

describe("keys", () => {
  it("never lets __proto__ pollute Object.prototype", () => {
    const attempts: [string, string][] = [
      ["q.json", '{"__proto__": {"polluted": true}}'],
      ["q.json", '{"a": [{"b": {"__proto__": {"polluted": true}}}]}'],
      ["q.yaml", "__proto__: { polluted: true }\n"],
      ["q.yaml", 'a:\n  - b:\n      "__proto__":\n        polluted: true\n'],
      ["q.yaml", "? __proto__\n: { polluted: true }\n"],
    ];
    for (const [file, text] of attempts) {
      const result = failure(parseQuizText(text, file));
      expect(result.code).toBe("forbidden-key");
      expect(result.message).toBe('the key "__proto__" is not allowed');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
    }
    const valid = validateQuiz('{"__proto__": {"polluted": true}}', {
      fileName: "q.json",
      loadSource: () => undefined,
    });
    expect(valid.problems.map((p) => [p.code, p.pointer, p.line, p.col])).toEqual([
      ["forbidden-key", "/__proto__", 1, 2],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps constructor and prototype as ordinary own keys", () => {
    const value = ok(parseQuizText('{"constructor": 1, "prototype": {"x": 2}}', "q.json"))
      .value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["constructor", "prototype"]);
    expect(value.constructor).toBe(1);
  });

  it("reports duplicate keys in JSON and YAML at the second one", () => {
    expect(failure(parseQuizText('{\n  "a": 1,\n  "b": 2,\n  "a": 3\n}', "q.json"))).toMatchObject({
      code: "duplicate-key",
      path: ["a"],
      line: 4,
      col: 3,
    });
    expect(failure(parseQuizText("a: 1\nb:\n  c: 1\n  c: 2\n", "q.yaml"))).toMatchObject({
      code: "duplicate-key",
      path: ["b", "c"],
      line: 4,
      col: 3,
    });
  });

  it("asks for quotes around a YAML key read as a number", () => {
    expect(failure(parseQuizText("passages:\n  2024: intro\n", "q.yaml"))).toMatchObject({
      code: "bad-key",
      line: 2,
      col: 3,
      message: 'the key 2024 is read as a number; write it in quotes ("2024") to use it as a name',
    });
    expect(ok(parseQuizText('passages:\n  "2024": intro\n', "q.yaml")).value).toEqual({
      passages: { "2024": "intro" },
    });
  });
});

describe("values", () => {
  it("refuses numbers that are not finite", () => {
    expect(failure(parseQuizText('{"a": 1e999}', "q.json"))).toMatchObject({
      code: "bad-scalar",
      path: ["a"],
      col: 7,
    });
    for (const v of [".inf", "-.inf", ".nan"])
      expect(failure(parseQuizText(`a: ${v}\n`, "q.yaml")).code).toBe("bad-scalar");
  });

  it("refuses YAML values that are not JSON values", () => {
    expect(failure(parseQuizText("a: !!binary aGk=\n", "q.yaml")).message).toBe(
      "this value is binary data; only text, numbers, true/false and null are allowed",
    );
  });

  it("reads a YAML date as text, as the schema expects", () => {
    expect(ok(parseQuizText("date: 2023-06-01\n", "q.yaml")).value).toEqual({
      date: "2023-06-01",
    });
  });
});

describe("odd files", () => {
  it.each([
    ["q.json", ""],
    ["q.yaml", ""],
    ["q.json", "  \n\t\n"],
    ["q.yaml", "\n\n"],
    ["q.yaml", "# only a comment\n"],
    ["q.json", "\uFEFF"],
  ])("%s %j is an empty file", (file, text) => {
    expect(failure(parseQuizText(text, file))).toMatchObject({
      code: "empty-file",
      line: 1,
      col: 1,
      message: "the file is empty; a quiz starts with its id, version and title",
    });
  });

  it("accepts and strips a byte-order mark, keeping the editor's columns", () => {
    for (const [file, text] of [
      ["q.json", '{"id": "mini"}'],
      ["q.yaml", "id: mini\n"],
    ] as const) {
      const plain = ok(parseQuizText(text, file));
      const bom = ok(parseQuizText(`\uFEFF${text}`, file));
      expect(bom.value).toEqual(plain.value);
      expect(Object.keys(bom.value as object)).toEqual(["id"]);
      expect(bom.locate(["id"])).toEqual(plain.locate(["id"]));
      expect(bom.locate(["id"], "key")).toEqual({ line: 1, col: file === "q.json" ? 2 : 1 });
    }
    expect(failure(parseQuizText('\uFEFF{"a": 1, "a": 2}', "q.json")).col).toBe(10);
  });

  it("treats .yml like .yaml and anything else as JSON", () => {
    expect(ok(parseQuizText("id: mini\n", "q.yml")).value).toEqual({ id: "mini" });
    expect(failure(parseQuizText("id: mini\n", "quiz")).code).toBe("malformed-json");
  });

  it("refuses a YAML file holding more than one document", () => {
    expect(failure(parseQuizText("id: a\n---\nid: b\n", "q.yaml"))).toMatchObject({
      code: "malformed-yaml",
      line: 2,
    });
  });

  it("refuses JSON comments and trailing commas", () => {
    expect(failure(parseQuizText('{"a": 1 // note\n}', "q.json")).code).toBe("malformed-json");
    expect(failure(parseQuizText('{"a": 1,}', "q.json")).code).toBe("malformed-json");
  });
});

describe("decodeFile", () => {
  it("counts a file's size in bytes, before decoding", () => {
    // 900,000 bytes that are not UTF-8 would decode to 2.7 million bytes of U+FFFD.
    const latin1 = new Uint8Array(900_000).fill(0xe9);
    expect(decodeFile(latin1)).toMatchObject({ ok: false, code: "not-utf8" });
    expect(decodeFile(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61))).toEqual({
      ok: false,
      code: "file-too-large",
      message: `the file is more than ${MAX_FILE_BYTES} bytes, the most it may be`,
    });
    expect(decodeFile(new TextEncoder().encode("id: café"))).toEqual({
      ok: true,
      text: "id: café",
    });
  });

  it("says plainly that a file is not UTF-8", () => {
    const result = decodeFile(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9]));
    expect(result).toEqual({
      ok: false,
      code: "not-utf8",
      message: "the file is not UTF-8 text: save it as UTF-8 (most editors offer it under Save As)",
    });
  });
});

describe("YAML 1.1 dates", () => {
  it("explain that %YAML 1.1 reads an unquoted date as a timestamp", () => {
    const parsed = parseQuizText("%YAML 1.1\n---\ndate: 2023-06-01\n", "q.yaml");
    expect(parsed).toMatchObject({
      ok: false,
      failure: {
        code: "bad-scalar",
        message:
          'under %YAML 1.1 this date is read as a timestamp, not text: write it in quotes ("2023-06-01"), or remove the %YAML 1.1 line',
      },
    });
  });
});
