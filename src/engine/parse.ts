// Untrusted text -> a plain value plus a way to find any path's line and column.
// JSON and YAML both end up as the same shape, so every later check reports positions
// the same way whichever format a trainer wrote.
import {
  type Node as JsonNode,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from "jsonc-parser";
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { type Path, toPointer } from "./problem";

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;

export type Position = { line: number; col: number };
export type ParseFailure = { code: string; message: string; offset: number; path: Path };
export type Parsed =
  | { ok: true; value: unknown; locate: (path: Path, at?: "key" | "value") => Position }
  | { ok: false; failure: ParseFailure; position: Position };

/** Offsets of every value (and of every key) in the document, by JSON Pointer. */
type Offsets = Map<string, { value: number; key?: number }>;

export function parseQuizText(text: string, fileName: string): Parsed {
  const lines = lineStarts(text);
  const position = (offset: number): Position => toPosition(lines, offset);
  const fail = (failure: ParseFailure): Parsed => ({
    ok: false,
    failure,
    position: position(failure.offset),
  });

  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return fail({
      code: "file-too-large",
      message: `the file is ${bytes} bytes; a quiz may be at most ${MAX_FILE_BYTES}`,
      offset: 0,
      path: [],
    });
  }
  const deep = findExcessiveNesting(text);
  if (deep !== undefined) return fail(tooDeep(deep, []));

  const isYaml = /\.ya?ml$/i.test(fileName);
  const read = isYaml ? readYaml(text) : readJson(text);
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
    return {
      code: "malformed-json",
      message: first
        ? `not valid JSON: ${describeJsonError(printParseErrorCode(first.error))}`
        : "the file is empty",
      offset: first?.offset ?? 0,
      path: [],
    };
  }
  const offsets: Offsets = new Map();
  const build = (node: JsonNode, path: (string | number)[], keyOffset?: number): unknown => {
    offsets.set(toPointer(path), { value: node.offset, key: keyOffset });
    if (path.length > MAX_DEPTH) throw tooDeep(node.offset, path);
    if (node.type === "array")
      return (node.children ?? []).map((child, i) => build(child, [...path, i]));
    if (node.type !== "object") return node.value;
    const object: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) continue;
      const key = String(keyNode.value);
      const keyProblem = checkKey(key, object, [...path, key], keyNode.offset);
      if (keyProblem) throw keyProblem;
      object[key] = build(valueNode, [...path, key], keyNode.offset);
    }
    return object;
  };
  try {
    return { value: build(root, []), offsets };
  } catch (failure) {
    return failure as ParseFailure;
  }
}

function readYaml(text: string): { value: unknown; offsets: Offsets } | ParseFailure {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter });
  const first = doc.errors[0];
  if (first) {
    return {
      code: "malformed-yaml",
      message: `not valid YAML: ${first.message.split("\n")[0]}`,
      offset: first.pos[0],
      path: [],
    };
  }
  const offsets: Offsets = new Map();
  const build = (node: unknown, path: (string | number)[], keyOffset?: number): unknown => {
    const start = (node as Node | null)?.range?.[0] ?? 0;
    offsets.set(toPointer(path), { value: start, key: keyOffset });
    if (path.length > MAX_DEPTH) throw tooDeep(start, path);
    if (isAlias(node)) {
      // Aliases can multiply a small file into a huge value ("billion laughs"): refuse them.
      throw {
        code: "yaml-alias",
        message: "YAML aliases (*name) are not allowed",
        offset: start,
        path,
      };
    }
    if (isSeq(node)) return node.items.map((item, i) => build(item, [...path, i]));
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyStart = (keyNode as Node | null)?.range?.[0] ?? start;
        if (!isScalar(keyNode) || typeof keyNode.value !== "string") {
          throw {
            code: "bad-key",
            message: "every key must be a plain string",
            offset: keyStart,
            path,
          };
        }
        const key = keyNode.value;
        const keyProblem = checkKey(key, object, [...path, key], keyStart);
        if (keyProblem) throw keyProblem;
        object[key] = build(pair.value, [...path, key], keyStart);
      }
      return object;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === "string" || typeof v === "boolean") return v;
      if (typeof v === "number" && Number.isFinite(v)) return v;
      throw { code: "bad-scalar", message: `unsupported value ${String(v)}`, offset: start, path };
    }
    return null;
  };
  try {
    return { value: build(doc.contents, []), offsets };
  } catch (failure) {
    return failure as ParseFailure;
  }
}

function tooDeep(offset: number, path: Path): ParseFailure {
  return { code: "too-deep", message: `nested deeper than ${MAX_DEPTH} levels`, offset, path };
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

/**
 * Finds the first bracket that opens deeper than MAX_DEPTH, before any parser recurses
 * into it. Indentation-nested YAML cannot get that deep within the size limit.
 */
function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"') {
      quote = c;
    } else if (c === "[" || c === "{") {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
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
