// Answers <-> a compact, versioned, checked token for a result link (`#r=<token>`).
//
// Token bytes (multi-byte integers are big-endian), then base64url without padding:
//
//   [1 byte  format version = 1]
//   [2 bytes hash of quiz.id]          a link for another quiz -> "other-quiz"
//   [4 bytes quizFingerprint(quiz)]    same quiz, edited since  -> "quiz-changed"
//   [one unsigned LEB128 varint per question, in quiz order]
//   [4 bytes CRC-32 of all bytes before it]
//
// Per question, 0 means unanswered; otherwise single: option index + 1, multiple: a
// bitmask of the chosen option indexes (bit i = option i), scale: the 1-based point.
//
// The token stores positions, not ids, so it is only meaningful against the exact quiz
// it was made for: that is what the fingerprint guarantees. Decoding treats the token
// as untrusted input: it never throws, and it returns only answers valid for the quiz.
// Every token is canonical (one byte string per answers, one spelling per byte string),
// so any string other than encodeAnswers' own output is refused.
import { answersOfValues } from "./answers";
import type { Answer, Answers, Quiz } from "./schema";

const FORMAT_VERSION = 1;
/** Longer inputs are refused before any work: real tokens are a few hundred characters. */
const MAX_TOKEN_LENGTH = 2000;
/** Bitmasks stay exact JavaScript numbers (below 2^31) and fit in a 5-byte varint. */
const MAX_MULTIPLE_OPTIONS = 31;

const HEADER_BYTES = 1 + 2 + 4;
const CRC_BYTES = 4;
const MAX_VARINT_BYTES = 5; // 35 bits: enough for any value encodeAnswers writes

export type TokenError = {
  kind:
    | "malformed"
    | "checksum"
    | "unsupported-version"
    | "other-quiz"
    | "quiz-changed"
    | "invalid-answers";
  message: string;
};

export type DecodeResult = { ok: true; answers: Answers } | { ok: false; error: TokenError };
/** One value per question, in quiz order, as the token stores it (see the top of this file). */
export type DecodedValues = { ok: true; values: Int32Array } | { ok: false; error: TokenError };

// ---------------------------------------------------------------------------------------
// Hashes

/** JSON with object keys sorted at every level, so key order in a file does not matter. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    // Like JSON.stringify, array holes and undefined become null.
    return `[${Array.from(value, (item) => (item === undefined ? "null" : stableStringify(item))).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`);
    return `{${entries.join(",")}}`;
  }
  // Strings, numbers, booleans, null; undefined and functions have no JSON form.
  return JSON.stringify(value) ?? "null";
}

/** 32-bit FNV-1a over the UTF-8 bytes of a string. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash >>> 0;
}

// Hashing a large quiz takes about a millisecond; a summary page decodes many tokens
// against one quiz. Quizzes are immutable once validated, so the hash is kept per object.
const fingerprints = new WeakMap<Quiz, number>();

/**
 * A 32-bit hash of the whole quiz definition. Any edit (a question, an option, a label,
 * the version) changes it, because the token's positions would then mean something else.
 * Computed once per quiz object: do not mutate a quiz after using it here.
 */
export function quizFingerprint(quiz: Quiz): number {
  let fingerprint = fingerprints.get(quiz);
  if (fingerprint === undefined) {
    fingerprint = fnv1a(stableStringify(quiz));
    fingerprints.set(quiz, fingerprint);
  }
  return fingerprint;
}

/** A 16-bit hash of the quiz id: both halves of FNV-1a folded together. */
function idHash(id: string): number {
  const hash = fnv1a(id);
  return (hash ^ (hash >>> 16)) & 0xffff;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as used by zip and PNG. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------
// base64url (RFC 4648 section 5, no padding), over btoa/atob's binary strings.

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const SEXTETS = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTETS[ALPHABET.charCodeAt(i)] = i;

/**
 * Bytes, or undefined if the text is not canonical base64url without padding: refused too
 * are spellings that differ only in the unused low bits of the last character, so that
 * each byte string has exactly one token. Read straight from a table: summaries decode
 * millions of tokens.
 */
function fromBase64Url(text: string): Uint8Array | undefined {
  const tail = text.length % 4;
  if (tail === 1) return undefined; // no byte count has this length
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const sextet = SEXTETS[text.charCodeAt(i)] ?? -1;
    if (sextet < 0) return undefined;
    bits = (bits << 6) | sextet;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (bits >>> held) & 0xff;
    }
  }
  // What is left over (2 or 4 bits) must be zero.
  return (bits & ((1 << held) - 1)) === 0 ? bytes : undefined;
}

// ---------------------------------------------------------------------------------------
// Encoding

function pushUint(bytes: number[], value: number, size: number): void {
  for (let shift = (size - 1) * 8; shift >= 0; shift -= 8) bytes.push((value >>> shift) & 0xff);
}

/** Unsigned LEB128, by division so that values above 2^31 stay exact. */
function pushVarint(bytes: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
}

/** The number stored for one question's answer; 0 for no (usable) answer. */
function answerValue(question: Quiz["questions"][number], answer: Answer | undefined): number {
  switch (question.type) {
    case "single": {
      if (typeof answer !== "string") return 0;
      return question.options.findIndex((option) => option.id === answer) + 1;
    }
    case "multiple": {
      if (!Array.isArray(answer)) return 0;
      let mask = 0;
      question.options.forEach((option, index) => {
        if (answer.includes(option.id)) mask += 2 ** index;
      });
      return mask;
    }
    case "scale": {
      const inRange =
        typeof answer === "number" &&
        Number.isInteger(answer) &&
        answer >= 1 &&
        answer <= question.labels.length;
      return inRange ? answer : 0;
    }
  }
}

/**
 * Appends the CRC to a payload (version, header and varints) and spells it as a token.
 * Exported so that tests can build well-signed tokens with chosen payloads.
 */
export function signPayload(payload: Uint8Array): string {
  const bytes = Array.from(payload);
  pushUint(bytes, crc32(payload), 4);
  return toBase64Url(Uint8Array.from(bytes));
}

/**
 * The token for a set of answers. The caller passes answers already validated against
 * the quiz: anything that does not fit (unknown questions or options, a wrong type, a
 * scale point out of range) is silently left out rather than reported. Multiple-choice
 * answers come back from decodeAnswers in the quiz's option order, without duplicates.
 *
 * Throws a RangeError only for a quiz this format cannot carry: a multiple-choice
 * question with more than MAX_MULTIPLE_OPTIONS options.
 */
export function encodeAnswers(quiz: Quiz, answers: Answers): string {
  const bytes: number[] = [FORMAT_VERSION];
  pushUint(bytes, idHash(quiz.id), 2);
  pushUint(bytes, quizFingerprint(quiz), 4);
  for (const question of quiz.questions) {
    if (question.type === "multiple" && question.options.length > MAX_MULTIPLE_OPTIONS) {
      throw new RangeError(
        `Question "${question.id}" has ${question.options.length} options; a result link can carry at most ${MAX_MULTIPLE_OPTIONS} for a multiple-choice question.`,
      );
    }
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    pushVarint(bytes, answerValue(question, answer));
  }
  return signPayload(Uint8Array.from(bytes));
}

// ---------------------------------------------------------------------------------------
// Decoding

function failure(kind: TokenError["kind"], message: string): { ok: false; error: TokenError } {
  return { ok: false, error: { kind, message } };
}

function readUint(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}

/** Counts set bits of a non-negative integer up to 2^53, without 32-bit operators. */
function bitCount(value: number): number {
  let count = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2;
  return count;
}

/**
 * The answers a token carries, or why it cannot be read. Never throws, whatever the
 * input; answers returned are always valid for this quiz (show-if visibility aside).
 */
export function decodeAnswers(quiz: Quiz, token: string): DecodeResult {
  const decoded = decodeValues(quiz, token);
  return decoded.ok ? { ok: true, answers: answersOfValues(quiz, decoded.values) } : decoded;
}

/**
 * decodeAnswers without the ids: the values a token carries, each checked against its
 * question exactly as decodeAnswers checks them. What summaries read, without making and
 * then unmaking an answers object per row.
 */
export function decodeValues(quiz: Quiz, token: string): DecodedValues {
  const damaged = (why: string) => failure("malformed", `This link is damaged: ${why}`);
  if (typeof token !== "string") return damaged("it carries no result code.");
  if (token.length > MAX_TOKEN_LENGTH) return damaged("its result code is far too long.");
  if (!/^[A-Za-z0-9_-]*$/.test(token)) {
    return damaged("its result code contains characters that do not belong there.");
  }
  const bytes = fromBase64Url(token);
  if (!bytes) {
    return damaged("its result code is cut short or garbled.");
  }
  if (bytes.length < HEADER_BYTES + CRC_BYTES) return damaged("its result code is too short.");

  const end = bytes.length - CRC_BYTES;
  if (crc32(bytes.subarray(0, end)) !== readUint(bytes, end, CRC_BYTES)) {
    return failure(
      "checksum",
      "This link is damaged: part of it is missing or was changed. Try copying the whole link again.",
    );
  }
  const version = bytes[0];
  if (version !== FORMAT_VERSION) {
    return failure(
      "unsupported-version",
      `This link was made in a result format (version ${version}) that this page cannot read.`,
    );
  }
  if (readUint(bytes, 1, 2) !== idHash(quiz.id)) {
    return failure("other-quiz", `This link is for a different quiz, not for "${quiz.title}".`);
  }
  if (readUint(bytes, 3, 4) !== quizFingerprint(quiz)) {
    return failure(
      "quiz-changed",
      `This link is for a different version of this quiz: "${quiz.title}" has changed since the link was made, so its answers can no longer be read. Please take the quiz again.`,
    );
  }

  const invalid = (why: string) =>
    failure("invalid-answers", `This link's answers do not fit this quiz: ${why}`);
  const values = new Int32Array(quiz.questions.length);
  let at = HEADER_BYTES;
  for (const [index, question] of quiz.questions.entries()) {
    const number = index + 1;
    // Read one varint, refusing one cut short, longer than any we write, or padded
    // with a trailing zero byte (two spellings of one value would break canonicity).
    let value = 0;
    let scale = 1;
    let length = 0;
    let done = false;
    while (!done) {
      if (at >= end) return invalid(`the answer to question ${number} is missing.`);
      if (length === MAX_VARINT_BYTES) {
        return invalid(`question ${number} has an impossible answer.`);
      }
      const byte = bytes[at++] ?? 0;
      length++;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
      done = (byte & 0x80) === 0;
      if (done && byte === 0 && length > 1) {
        return invalid(
          `the answer to question ${number} is written in a way the quiz never writes.`,
        );
      }
    }
    if (value === 0) continue; // unanswered

    switch (question.type) {
      case "single": {
        if (!question.options[value - 1]) {
          return invalid(`question ${number} has an answer that is not one of its options.`);
        }
        break;
      }
      case "multiple": {
        if (value >= 2 ** question.options.length) {
          return invalid(`question ${number} has an answer that is not one of its options.`);
        }
        const count = bitCount(value);
        if (count < question.minChoices || count > question.maxChoices) {
          return invalid(
            `question ${number} has ${count} options ticked, outside the ${question.minChoices} to ${question.maxChoices} allowed.`,
          );
        }
        break;
      }
      case "scale": {
        if (value > question.labels.length) {
          return invalid(`question ${number} has a point beyond the end of its scale.`);
        }
        break;
      }
    }
    values[index] = value;
  }
  if (at !== end) return invalid("it has more answers than the quiz has questions.");
  return { ok: true, values };
}
