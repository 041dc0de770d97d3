// Untrusted text -> a plain value plus a way to find any path's line and column.
// JSON and YAML both end up as the same shape, so every later check reports positions
// the same way whichever format a trainer wrote.
import {
  createScanner,
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import {
  Composer,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  type Node,
  Parser,
  YAMLParseError,
} from "yaml";
import { type Path, toPointer } from "./problem";

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;
/**
 * How deep the pre-scan lets a file nest before either parser sees it. Both parsers
 * recurse per level (the YAML composer overflows the stack at about 900 levels, and near
 * that V8 can even abort the process), so this must stay far below that. It is looser than
 * MAX_DEPTH so that ordinary excess is reported by the tree walk, with a JSON Pointer.
 */
const PRESCAN_DEPTH = 2 * MAX_DEPTH;

/** A source text may be larger than a quiz, but not without end (a 21.6 MB one took 22 s). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; code: string; message: string };

/**
 * A file's bytes -> its text. The size is counted in bytes, before decoding (decoded, each
 * byte that is not UTF-8 becomes a 3-byte replacement character), and a file that is not
 * UTF-8 is refused as such rather than read as garbled text.
 */
export function decodeFile(bytes: Uint8Array, limit = MAX_FILE_BYTES): Decoded {
  if (bytes.length > limit)
    return {
      ok: false,
      code: "file-too-large",
      // Readers may stop at limit + 1 bytes, so the exact size is not known here.
      message: `the file is more than ${limit} bytes, the most it may be`,
    };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      code: "not-utf8",
      message: "the file is not UTF-8 text: save it as UTF-8 (most editors offer it under Save As)",
    };
  }
}

export type Position = { line: number; col: number };
export type ParseFailure = { code: string; message: string; offset: number; path: Path };
export type Parsed =
  | { ok: true; value: unknown; locate: (path: Path, at?: "key" | "value") => Position }
  | { ok: false; failure: ParseFailure; position: Position };

/** Offsets of every value (and of every key) in the document, by JSON Pointer. */
type Offsets = Map<string, { value: number; key?: number }>;

export function parseQuizText(text: string, fileName: string): Parsed {
  // A byte-order mark is invisible in an editor and means nothing to either format (the
  // JSON parser would call it an invalid symbol): drop it, so columns match the editor's.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = lineStarts(source);
  const position = (offset: number): Position => toPosition(lines, offset);
  const fail = (failure: ParseFailure): Parsed => ({
    ok: false,
    failure,
    position: position(failure.offset),
  });

  const bytes = utf8Length(source);
  if (bytes > MAX_FILE_BYTES) {
    return fail({
      code: "file-too-large",
      message: `the file is ${bytes} bytes; a quiz may be at most ${MAX_FILE_BYTES}`,
      offset: 0,
      path: [],
    });
  }
  if (source.trim() === "") return fail(emptyFile());

  const isYaml = /\.ya?ml$/i.test(fileName);
  // Refuse deep nesting before the JSON parser recurses into it (readYaml does the same
  // for YAML as it reads). The scan uses the parser's own tokenizer, so quotes and
  // comments are read exactly as the parser will read them: a stray quote cannot hide
  // brackets from it.
  if (!isYaml) {
    const deep = findDeepJson(source);
    if (deep !== undefined) return fail(tooDeep(deep, []));
  }

  const read = isYaml ? readYaml(source) : readJson(source);
  if ("code" in read) return fail(read);
  const { value, offsets } = read;
  return {
    ok: true,
    value,
    locate(path, at = "value") {
      // The deepest part of the path that exists: a missing field points at its parent.
      for (let n = path.length; n >= 0; n--) {
        const entry = offsets.get(toPointer(path.slice(0, n)));
        if (entry)
          return position(
            at === "key" && n === path.length ? (entry.key ?? entry.value) : entry.value,
          );
      }
      return { line: 1, col: 1 };
    },
  };
}

function readJson(text: string): { value: unknown; offsets: Offsets } | ParseFailure {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first || !root) {
    if (!root && !first) return emptyFile();
    return {
      code: "malformed-json",
      message: first
        ? `not valid JSON: ${describeJsonError(printParseErrorCode(first.error))}`
        : "not valid JSON",
      offset: first?.offset ?? 0,
      path: [],
    };
  }
  const offsets: Offsets = new Map();
  const build = (node: JsonNode, path: (string | number)[], keyOffset?: number): unknown => {
    offsets.set(toPointer(path), { value: node.offset, key: keyOffset });
    if (path.length > MAX_DEPTH) throw new Refusal(tooDeep(node.offset, path));
    if (node.type === "array")
      return (node.children ?? []).map((child, i) => build(child, [...path, i]));
    if (node.type === "number" && !Number.isFinite(node.value)) {
      // 1e999 parses to Infinity, which JSON cannot hold and no field accepts.
      throw refuse("bad-scalar", "this number is too large", node.offset, path);
    }
    if (node.type !== "object") return node.value;
    const object: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      const keyProblem = checkKey(key, object, [...path, key], keyNode.offset);
      if (keyProblem) throw new Refusal(keyProblem);
      object[key] = build(valueNode, [...path, key], keyNode.offset);
    }
    return object;
  };
  try {
    return { value: build(root, []), offsets };
  } catch (failure) {
    return asFailure(failure);
  }
}

function readYaml(text: string): { value: unknown; offsets: Offsets } | ParseFailure {
  const doc = composeYaml(text);
  if ("code" in doc) return doc;
  const first = doc.errors[0];
  if (first) {
    return {
      code: "malformed-yaml",
      message: `not valid YAML: ${first.message.split("\n")[0]}`,
      offset: first.pos[0],
      path: [],
    };
  }
  // Comments only, or a bare `---`: nothing written at all (an explicit `~` or `null`
  // is something, and the schema says what is wrong with it).
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && !contents.source))
    return emptyFile();
  const offsets: Offsets = new Map();
  const build = (node: unknown, path: (string | number)[], keyOffset?: number): unknown => {
    // A value left out entirely (`? key` with no value) has no range: point at its key,
    // not at the top of the file.
    const start = (node as Node | null)?.range?.[0] ?? keyOffset ?? 0;
    offsets.set(toPointer(path), { value: start, key: keyOffset });
    if (path.length > MAX_DEPTH) throw new Refusal(tooDeep(start, path));
    if (isAlias(node)) {
      // Aliases can multiply a small file into a huge value ("billion laughs"): refuse them.
      throw refuse("yaml-alias", "YAML aliases (*name) are not allowed", start, path);
    }
    if (isSeq(node)) return node.items.map((item, i) => build(item, [...path, i]));
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyStart = (keyNode as Node | null)?.range?.[0] ?? start;
        if (!isScalar(keyNode) || typeof keyNode.value !== "string") {
          throw refuse("bad-key", describeBadKey(keyNode), keyStart, path);
        }
        const key = keyNode.value;
        const keyProblem = checkKey(key, object, [...path, key], keyStart);
        if (keyProblem) throw new Refusal(keyProblem);
        object[key] = build(pair.value, [...path, key], keyStart);
      }
      return object;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === "string" || typeof v === "boolean") return v;
      if (typeof v === "number" && Number.isFinite(v)) return v;
      throw refuse("bad-scalar", describeBadScalar(v), start, path);
    }
    return null;
  };
  try {
    return { value: build(doc.contents, []), offsets };
  } catch (failure) {
    return asFailure(failure);
  }
}

/** Thrown out of the recursive tree walks; anything else thrown there is a real bug. */
class Refusal {
  constructor(readonly failure: ParseFailure) {}
}

function refuse(code: string, message: string, offset: number, path: Path): Refusal {
  return new Refusal({ code, message, offset, path });
}

function asFailure(thrown: unknown): ParseFailure {
  if (thrown instanceof Refusal) return thrown.failure;
  throw thrown;
}

function tooDeep(offset: number, path: Path): ParseFailure {
  return { code: "too-deep", message: `nested deeper than ${MAX_DEPTH} levels`, offset, path };
}

function emptyFile(): ParseFailure {
  return {
    code: "empty-file",
    message: "the file is empty; a quiz starts with its id, version and title",
    offset: 0,
    path: [],
  };
}

function describeBadKey(key: unknown): string {
  if (isScalar(key) && (typeof key.value === "number" || typeof key.value === "boolean")) {
    // `2024: x` or `true: x`: YAML reads the key as a number or boolean, not a name.
    const text = String(key.source ?? key.value);
    return `the key ${text} is read as a ${typeof key.value}; write it in quotes ("${text}") to use it as a name`;
  }
  // Under `%YAML 1.1`, `<<` is a merge key (its value is a symbol), which only works with aliases.
  if (isScalar(key) && typeof key.value === "symbol") return "YAML merge keys (<<) are not allowed";
  return "every key must be a plain name, such as id or label";
}

function describeBadScalar(value: unknown): string {
  if (typeof value === "number") return `${value} is not allowed here; use a finite number`;
  // Only YAML 1.1 (a `%YAML 1.1` line at the top) reads an unquoted 2023-06-01 as a date.
  if (value instanceof Date)
    return 'under %YAML 1.1 this date is read as a timestamp, not text: write it in quotes ("2023-06-01"), or remove the %YAML 1.1 line';
  const kind =
    value instanceof Date ? "a date" : value instanceof Uint8Array ? "binary data" : typeof value;
  return `this value is ${kind}; only text, numbers, true/false and null are allowed`;
}

function checkKey(
  key: string,
  object: object,
  path: Path,
  offset: number,
): ParseFailure | undefined {
  if (key === "__proto__") {
    return { code: "forbidden-key", message: 'the key "__proto__" is not allowed', offset, path };
  }
  if (Object.hasOwn(object, key)) {
    return { code: "duplicate-key", message: `the key "${key}" appears twice`, offset, path };
  }
  return undefined;
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot import.
const JSON_OPEN_BRACE = 1;
const JSON_CLOSE_BRACE = 2;
const JSON_OPEN_BRACKET = 3;
const JSON_CLOSE_BRACKET = 4;
const JSON_EOF = 17;

/**
 * The offset of the first bracket that opens deeper than PRESCAN_DEPTH, read with the
 * JSON parser's own scanner (which also reads comments and unterminated strings, as the
 * parser does). A closing bracket only counts when it matches the innermost open one, so
 * malformed input can only make the count higher than the parser's depth, never lower.
 */
function findDeepJson(text: string): number | undefined {
  const scanner = createScanner(text, true);
  const open: number[] = [];
  const deep = deepestPoint();
  for (let kind = scanner.scan(); kind !== JSON_EOF; kind = scanner.scan()) {
    if (kind === JSON_OPEN_BRACE || kind === JSON_OPEN_BRACKET) open.push(kind);
    else if (
      (kind === JSON_CLOSE_BRACE && open.at(-1) === JSON_OPEN_BRACE) ||
      (kind === JSON_CLOSE_BRACKET && open.at(-1) === JSON_OPEN_BRACKET)
    )
      open.pop();
    const found = deep(open.length, scanner.getTokenOffset());
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * parseDocument, with a depth limit. The YAML composer recurses once per level: 1,000
 * levels overflowed the stack, and near the limit V8 could abort the whole process. YAML
 * nests by indentation and by `- - -` or `? ? ?` on one line as well as by brackets, so
 * depth is counted the way the library itself sees it: its syntax-tree parser keeps an
 * explicit stack (no recursion) with one entry per open collection. The composer only
 * receives a document once the parser has finished it, so a document that grows too deep
 * is refused before anything recurses into it.
 */
function composeYaml(text: string): Document.Parsed | ParseFailure {
  const parser = new Parser();
  const deep = deepestPoint();
  let tooDeepAt: number | undefined;
  function* tokens() {
    for (const lexeme of new Lexer().lex(text)) {
      yield* parser.next(lexeme);
      // The stack also holds the document (and, while one is read, a scalar).
      tooDeepAt = deep(parser.stack.length - 1, Math.max(0, parser.offset - lexeme.length));
      if (tooDeepAt !== undefined) return;
    }
    yield* parser.end();
  }
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (tooDeepAt !== undefined) break;
    if (doc) {
      // As parseDocument does, in words for a trainer: one document per file.
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          "MULTIPLE_DOCS",
          "the file holds more than one document (a second ---); a quiz is one document",
        ),
      );
      break;
    }
    doc = next;
  }
  if (tooDeepAt !== undefined) return tooDeep(tooDeepAt, []);
  // compose(…, forceDoc = true) always ends with a document, even for an empty file.
  return doc as Document.Parsed;
}

/**
 * Fed each depth as the scan goes, returns where the nesting first went past MAX_DEPTH
 * once it goes past PRESCAN_DEPTH: the place a trainer should look, not the 65th bracket.
 */
function deepestPoint(): (depth: number, offset: number) => number | undefined {
  let crossed: number | undefined;
  return (depth, offset) => {
    if (depth <= MAX_DEPTH) crossed = undefined;
    else crossed ??= offset;
    return depth > PRESCAN_DEPTH ? crossed : undefined;
  };
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** Where each line starts. CRLF is one break; a lone CR (old Mac files) is one too, as in editors. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) starts.push(i + 1);
  }
  return starts;
}

/** The UTF-8 size of the text, counted without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4; // a surrogate pair is one 4-byte character
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function toPosition(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
}
