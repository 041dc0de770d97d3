// A started actor and its latest snapshot, on React's own useSyncExternalStore.
// @xstate/react does the same through a compatibility shim for React 17 and older; this
// page only runs on React 19, and the shim's kilobyte is 1.3% of the page's whole budget.
import { useEffect, useState, useSyncExternalStore } from "react";
import {
  type Actor,
  type AnyStateMachine,
  createActor,
  type InputFrom,
  type SnapshotFrom,
} from "xstate";

export function useActor<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
): [Actor<M>, SnapshotFrom<M>] {
  const [actor] = useState(() => createActor(machine, { input }));
  useEffect(() => {
    actor.start();
    return () => {
      actor.stop();
    };
  }, [actor]);
  const snapshot = useSyncExternalStore(
    (changed) => {
      const subscription = actor.subscribe(changed);
      return () => subscription.unsubscribe();
    },
    () => actor.getSnapshot(),
    () => actor.getSnapshot(),
  );
  return [actor, snapshot];
}
