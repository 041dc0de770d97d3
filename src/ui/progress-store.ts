// Saving progress where the browser lets us. Storage can be missing (a sandboxed
// iframe), throw (blocked, private mode) or be full; the quiz then runs in memory and
// the person is told once.
import type { Progress } from "../engine/machine";

export type ProgressStore = {
  /** The saved value as stored: untrusted, to be checked by restoreProgress. */
  load(): unknown;
  /** False when the progress could not be saved. */
  save(progress: Progress): boolean;
  clear(): void;
  /**
   * Calls `onChange` whenever another tab or window changes or clears this progress (the
   * same quiz open twice); returns the way to stop listening. Absent where nothing else
   * can write (a store in memory).
   */
  watch?(onChange: () => void): () => void;
};

export function browserProgressStore(
  key: string,
  storage: () => Storage | undefined,
): ProgressStore {
  const attempt = <T>(action: (s: Storage) => T, fallback: T): T => {
    try {
      const s = storage();
      return s ? action(s) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    load: () =>
      attempt((s) => {
        const raw = s.getItem(key);
        return raw === null ? undefined : JSON.parse(raw);
      }, undefined),
    save: (progress) =>
      attempt((s) => {
        s.setItem(key, JSON.stringify(progress));
        return true;
      }, false),
    clear: () => attempt((s) => s.removeItem(key), undefined),
    // A storage event reaches only the other documents of the origin, never the one that
    // wrote: whatever it reports was done elsewhere. A null key means all was cleared.
    watch: (onChange) => {
      const heard = (event: StorageEvent) => {
        if ((event.key === key || event.key === null) && event.storageArea === storage())
          onChange();
      };
      addEventListener("storage", heard);
      return () => removeEventListener("storage", heard);
    },
  };
}

/** Reading `localStorage` itself throws where storage is blocked, so it is read lazily. */
export function localStorageOrNothing(): Storage | undefined {
  return globalThis.localStorage ?? undefined;
}
