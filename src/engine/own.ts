/**
 * A record's own value for a key. Quiz ids may be any lower-case word, "constructor"
 * included, and a plain `record[key]` would then read what every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
