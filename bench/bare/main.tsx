// The yardstick for `npm run bench`: the same first questions rendered with React, XState
// and @xstate/react (useActorRef + useSelector), as the quiz's views are, and nothing else
// (no styles, no scoring, no saving), so ratios against it hold on a noisy machine.
import { useActorRef, useSelector } from "@xstate/react";
import { createRoot } from "react-dom/client";
import { assign, setup } from "xstate";
import quiz from "../../quizzes/csm-vs-cspo.yaml";

const questions = quiz.questions.filter((q) => q.type === "single");

const machine = setup({
  types: {
    context: {} as { index: number; answers: Record<string, string> },
    events: {} as { type: "ANSWER"; id: string; option: string } | { type: "NEXT" },
  },
}).createMachine({
  context: { index: 0, answers: {} },
  on: {
    ANSWER: {
      actions: assign({
        answers: ({ context, event }) => ({ ...context.answers, [event.id]: event.option }),
      }),
    },
    NEXT: { actions: assign({ index: ({ context }) => (context.index + 1) % questions.length }) },
  },
});

function Bare() {
  const actor = useActorRef(machine);
  const state = useSelector(actor, (snapshot) => snapshot);
  const send = actor.send;
  const question = questions[state.context.index];
  if (question?.type !== "single") return null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        send({ type: "NEXT" });
      }}
    >
      <fieldset>
        <legend>
          <h1>{question.prompt}</h1>
        </legend>
        {question.options.map((o) => (
          <label key={o.id}>
            <input
              type="radio"
              name={question.id}
              checked={state.context.answers[question.id] === o.id}
              onChange={() => send({ type: "ANSWER", id: question.id, option: o.id })}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
      <button type="submit">Next</button>
    </form>
  );
}

const container = document.getElementById("app");
if (container) createRoot(container).render(<Bare />);
