// The results a coursefit server collected, for the trainer signed in with the trainer
// key. Shown only where the page is served by `coursefit serve` with a database (its
// trainer routes answer); elsewhere the page offers local files alone. The results come
// as the server's JSON Lines and are read by the worker like a chosen file.
import { type FormEvent, useEffect, useState } from "react";
import { responseError } from "../ui/response-error";

type State =
  | { step: "checking" }
  | { step: "no-server" }
  | { step: "signed-out"; error?: string }
  | { step: "signing-in" }
  | { step: "signed-in"; error?: string }
  | { step: "loading" };

const API = "api/trainer/";

export function ServerResults({
  quizId,
  onFile,
}: {
  quizId: string;
  onFile: (file: File) => void;
}) {
  const [state, setState] = useState<State>({ step: "checking" });
  const [key, setKey] = useState("");
  const [cohort, setCohort] = useState("");

  // Asks the server what it is: a collector (signed in or not), or a plain one (npm start).
  useEffect(() => {
    let live = true;
    fetch(`${API}status`)
      .then((response) => (response.ok ? response.json() : undefined))
      .then((status: { collecting?: boolean; signedIn?: boolean } | undefined) => {
        if (!live) return;
        if (!status?.collecting) setState({ step: "no-server" });
        else setState({ step: status.signedIn ? "signed-in" : "signed-out" });
      })
      .catch(() => live && setState({ step: "no-server" }));
    return () => {
      live = false;
    };
  }, []);

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === "") {
      setState({
        step: "signed-out",
        error: "Enter the trainer key that coursefit serve printed.",
      });
      return;
    }
    setState({ step: "signing-in" });
    const response = await fetch(`${API}session`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ key: key.trim() }),
    }).catch(() => undefined);
    if (response?.ok) {
      setKey("");
      setState({ step: "signed-in" });
    } else {
      const why = response ? await responseError(response) : "the server could not be reached";
      setState({ step: "signed-out", error: `Not signed in: ${why}.` });
    }
  };

  const load = async () => {
    setState({ step: "loading" });
    const query = new URLSearchParams({ format: "jsonl", quiz: quizId });
    if (cohort.trim() !== "") query.set("cohort", cohort.trim());
    const response = await fetch(`${API}results?${query}`).catch(() => undefined);
    if (response?.status === 401) {
      setState({ step: "signed-out", error: "Your session has ended: sign in again." });
      return;
    }
    if (!response?.ok) {
      const why = response ? await responseError(response) : "the server could not be reached";
      setState({ step: "signed-in", error: `The results were not loaded: ${why}.` });
      return;
    }
    const name = cohort.trim() ? `server results (${cohort.trim()})` : "server results";
    onFile(new File([await response.text()], name, { type: "application/jsonl" }));
    setState({ step: "signed-in" });
  };

  const signOut = async () => {
    await fetch(`${API}session`, { method: "DELETE" }).catch(() => undefined);
    setState({ step: "signed-out" });
  };

  if (state.step === "checking" || state.step === "no-server") return null;
  return (
    <section aria-labelledby="server-results" className="cfs-server">
      <h3 id="server-results">Results sent to this server</h3>
      {state.step === "signed-out" || state.step === "signing-in" ? (
        <form onSubmit={signIn} noValidate>
          <label htmlFor="trainer-key">Trainer key</label>
          <input
            id="trainer-key"
            type="password"
            autoComplete="current-password"
            value={key}
            onChange={(event) => setKey(event.target.value)}
          />
          {state.step === "signed-out" && state.error ? (
            <p role="alert" className="cfs-error">
              {state.error}
            </p>
          ) : null}
          <button type="submit" className="cf-button" disabled={state.step === "signing-in"}>
            {state.step === "signing-in" ? "Signing in…" : "Sign in"}
          </button>
        </form>
      ) : (
        <>
          <p>Signed in as the trainer.</p>
          <label htmlFor="server-cohort">Cohort (optional)</label>
          <input
            id="server-cohort"
            type="text"
            value={cohort}
            onChange={(event) => setCohort(event.target.value)}
          />
          {state.step === "signed-in" && state.error ? (
            <p role="alert" className="cfs-error">
              {state.error}
            </p>
          ) : null}
          <button
            type="button"
            className="cf-button"
            disabled={state.step === "loading"}
            onClick={load}
          >
            {state.step === "loading" ? "Loading…" : "Summarise the results sent here"}
          </button>{" "}
          <button type="button" className="cf-link" onClick={signOut}>
            Sign out
          </button>
        </>
      )}
    </section>
  );
}
