// Offering to send the result to the trainer, shown under the result only when the
// embed was given `collect`. Nothing is sent until the taker ticks the box and presses
// Send; a name or email goes only with its own tick. Sent, it can be deleted again as
// easily, now or later from the same browser. A failed send keeps everything and says so.
import { type FormEvent, useId, useState } from "react";
import { describeAnswer } from "../engine/answers";
import { own } from "../engine/own";
import type { Result } from "../engine/result";
import type { Quiz } from "../engine/schema";
import { type Collect, deleteResult, type Receipt, sendResult, sentBefore } from "./collect";
import { Heading } from "./Heading";
import { headline } from "./texts";

type Props = { quiz: Quiz; result: Result; collect: Collect };

type State =
  | { step: "offer"; error?: string }
  | { step: "sending" }
  | { step: "sent"; receipt: Receipt; error?: string }
  | { step: "deleting"; receipt: Receipt }
  | { step: "deleted" };

export function SendResult({ quiz, result, collect }: Props) {
  const [state, setState] = useState<State>(() => {
    const receipt = sentBefore(collect, result.token);
    return receipt ? { step: "sent", receipt } : { step: "offer" };
  });
  const [agreed, setAgreed] = useState(false);
  const [contact, setContact] = useState("");
  const [contactAgreed, setContactAgreed] = useState(false);
  const id = useId();
  const { trainer } = collect;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) {
      setState({ step: "offer", error: `Tick “Send my result to ${trainer}” to send it.` });
      return;
    }
    const wanted = contact.trim();
    if (wanted !== "" && !contactAgreed) {
      setState({
        step: "offer",
        error: `Tick “${trainer} may contact me” to send your name or email, or leave that field empty.`,
      });
      return;
    }
    setState({ step: "sending" });
    const sent = await sendResult(collect, {
      quiz: quiz.id,
      token: result.token,
      ...(wanted !== "" && contactAgreed ? { contact: wanted } : {}),
    });
    if (sent.ok) setState({ step: "sent", receipt: sent.receipt });
    else {
      const wait = sent.retryAfter ? ` Try again in ${sent.retryAfter} seconds.` : "";
      setState({
        step: "offer",
        error: `Your result was not sent: ${sent.message}.${wait} It is still here; nothing was lost.`,
      });
    }
  };

  const remove = async (receipt: Receipt) => {
    setState({ step: "deleting", receipt });
    const deleted = await deleteResult(collect, result.token, receipt);
    setState(
      deleted.ok
        ? { step: "deleted" }
        : { step: "sent", receipt, error: `It was not deleted: ${deleted.message}. Try again.` },
    );
  };

  const heading = (
    <Heading depth={1} className="cf-send-heading">
      Send your result to {trainer}?
    </Heading>
  );

  if (state.step === "sent" || state.step === "deleting") {
    return (
      <section className="cf-send">
        {heading}
        <p role="status">Sent. {trainer} can see this result.</p>
        {state.step === "sent" && state.error && (
          <p className="cf-send-error" role="alert">
            {state.error}
          </p>
        )}
        <button
          type="button"
          className="cf-button"
          disabled={state.step === "deleting"}
          onClick={() => remove(state.receipt)}
        >
          {state.step === "deleting" ? "Deleting…" : "Delete it again"}
        </button>
      </section>
    );
  }
  if (state.step === "deleted") {
    return (
      <section className="cf-send">
        {heading}
        <p role="status">Deleted. {trainer} no longer has this result.</p>
      </section>
    );
  }

  const rec = result.recommendation;
  const shown = quiz.questions.filter((q) => own(result.answers, q.id) !== undefined);
  return (
    <section className="cf-send">
      {heading}
      <p>
        {trainer} would like to see how people came out. Nothing is sent unless you tick the box and
        press Send, and you can delete it again afterwards.
      </p>
      <form onSubmit={send} noValidate>
        <details className="cf-send-preview">
          <summary>What is sent</summary>
          <p>
            Your answers and the recommendation; no name, no address, no device details. The day it
            arrives is stored, not the time.
          </p>
          <p>
            Recommendation: <strong>{rec.kind === "none" ? "none" : headline(quiz, result)}</strong>
          </p>
          <ul>
            {shown.map((question) => (
              <li key={question.id}>
                <bdi>{question.prompt}</bdi>{" "}
                <strong>
                  <bdi>{describeAnswer(question, own(result.answers, question.id) ?? "")}</bdi>
                </strong>
              </li>
            ))}
          </ul>
        </details>
        <label className="cf-check">
          <input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />{" "}
          Send my result to {trainer}
        </label>
        <label htmlFor={`${id}-contact`} className="cf-label">
          Your name or email, if you would like {trainer} to follow up (optional)
        </label>
        <input
          id={`${id}-contact`}
          className="cf-input"
          type="text"
          autoComplete="email"
          maxLength={200}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
        />
        <label className="cf-check">
          <input
            type="checkbox"
            checked={contactAgreed}
            onChange={(e) => setContactAgreed(e.target.checked)}
          />{" "}
          {trainer} may contact me about my result
        </label>
        {state.step === "offer" && state.error && (
          <p className="cf-send-error" role="alert">
            {state.error}
          </p>
        )}
        <button type="submit" className="cf-button" disabled={state.step === "sending"}>
          {state.step === "sending" ? "Sending…" : "Send"}
        </button>
      </form>
    </section>
  );
}
