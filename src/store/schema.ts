// The database, described once: Kysely types every query from these tables.
export interface Database {
  /** One row per result a taker agreed to send. */
  results: ResultsTable;
  /** One row per chosen option (or scale point) of a result, for summaries in SQL. */
  answers: AnswersTable;
  /** Named values: the trainer key's hash. */
  settings: { name: string; value: string };
  /** Signed-in trainer sessions, by the SHA-256 of the cookie's token; `expires` in ms. */
  sessions: { token_hash: string; expires: number | string };
}

export interface ResultsTable {
  /** The server's id for the result, random, answered to the taker. */
  id: string;
  /** The client's own id for the submission: a retry with the same one stores nothing new. */
  submission: string;
  quiz: string;
  version: string;
  cohort: string | null;
  /** A name or email, only from its own field with its own consent. */
  contact: string | null;
  /** The recommended outcome's id, or "balanced". */
  recommendation: string;
  margin: number;
  strength: string;
  /** The answers as a share token: the result is always recomputed from it. */
  token: string;
  /** The day it was received (YYYY-MM-DD, UTC): never the time, never who sent it. */
  day: string;
  /** SHA-256 of the deletion secret; the secret itself is only ever in the taker's browser. */
  secret_hash: string;
}

export interface AnswersTable {
  result_id: string;
  question: string;
  /** An option id, or a scale point as text. */
  value: string;
}
