// The result's chunk (./result-part), loaded once for every quiz on the page. A failed
// load is forgotten, so that asking again (the person's "Try again") loads it afresh.
export type ResultPart = typeof import("./result-part");

let loading: Promise<ResultPart> | undefined;
let loaded: ResultPart | undefined;

export function loadResultPart(): Promise<ResultPart> {
  loading ??= import("./result-part").then(
    (part) => {
      loaded = part;
      return part;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The chunk if it has loaded, else undefined. */
export function loadedResultPart(): ResultPart | undefined {
  return loaded;
}
