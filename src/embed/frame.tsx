// embed.html: the quiz as a page of its own, for trainers' pages that allow no scripts.
//
//   <iframe src=".../embed.html?quiz=csm-vs-cspo&origin=https://trainer.example
//                &page=https://trainer.example/csm&book-csm=https://...&book-csm-text=Book...
//                &color-scheme=dark"
//           title="Which Scrum course fits you?"></iframe>
//
// It fills the iframe's width and scrolls inside a fixed height. When the page around it
// names its origin, it tells that page (and only that page) its height, for resize.js,
// and the result when the quiz is completed.
import { createRoot } from "react-dom/client";
import { builtInQuizzes, DEFAULT_QUIZ } from "../quizzes";
import { HeadingBase } from "../ui/Heading";
import { Notice } from "../ui/Notice";
import { browserProgressStore, localStorageOrNothing } from "../ui/progress-store";
import { ResultLinkQuizApp } from "../ui/ResultLinkQuizApp";
import { decideStart } from "../ui/start";
import { collectOption } from "./collect-option";
import { onParentHello, parentOrigin, parentPoster, watchHeight } from "./frame-messages";
import { bookingsIn, frameResultUrl, schemeParam, webAddressParam } from "./frame-params";
import "../ui/quiz.css";
import "./frame.css";

const container = document.getElementById("app");
if (!container) throw new Error("the page has no #app element");

const params = new URLSearchParams(location.search);
const id = params.get("quiz") ?? DEFAULT_QUIZ;
const quiz = Object.hasOwn(builtInQuizzes, id) ? builtInQuizzes[id] : undefined;
const origin = parentOrigin(params.get("origin"));
document
  .querySelector('meta[name="color-scheme"]')
  ?.setAttribute("content", schemeParam(params.get("color-scheme")));
const post = parentPoster(window, origin);

if (post && origin) {
  const height = watchHeight(document.documentElement, (height) =>
    post({ source: "coursefit", type: "resize", height }),
  );
  onParentHello(window, origin, height.again);
}

if (quiz) {
  document.title = quiz.title;
  // Per quiz, in the frame's own storage, which a browser may block in a third-party
  // frame: the quiz then runs in memory and says so.
  const store = browserProgressStore(
    `coursefit:${quiz.id}:${location.pathname}`,
    localStorageOrNothing,
  );
  // A result link reopens on the trainer's page when the snippet names it, else on the
  // quiz page next to this one.
  const resultUrl = frameResultUrl(webAddressParam(params.get("page")), location.href);
  const bookings = bookingsIn(params, quiz);
  createRoot(container).render(
    <ResultLinkQuizApp
      embedded
      quiz={quiz}
      start={decideStart(quiz, location.hash, store)}
      // The host page may point the frame at another result (`embed.html?...#r=...`).
      hash={() => location.hash}
      startFromLink={() => decideStart(quiz, location.hash, store)}
      store={store}
      resultUrl={resultUrl}
      outcomeLink={(outcome, nextStep) => {
        const booking = bookings[outcome];
        if (!booking) return nextStep;
        // Opened beside the trainer's page, as every link in the frame (embed.html's <base>).
        return (
          <a className="cf-button cf-primary cf-book" href={booking.href}>
            {booking.text}
          </a>
        );
      }}
      collect={collectOption(
        {
          collect: params.get("collect"),
          trainer: params.get("trainer"),
          cohort: params.get("cohort"),
        },
        location.href,
      )}
      onEvent={(event) => {
        if (event.type === "completed")
          post?.({
            source: "coursefit",
            type: "complete",
            result: event.result,
            link: resultUrl(event.result.token),
          });
      }}
    />,
  );
} else {
  createRoot(container).render(
    // Alone on its page, the notice's heading is the page's h1.
    <HeadingBase.Provider value={0}>
      <div className="cf">
        <Notice title="This quiz cannot be shown" tone="error">
          <p>
            There is no built-in quiz called <code>{id}</code>. Built in:{" "}
            {Object.keys(builtInQuizzes).join(", ")}.
          </p>
        </Notice>
      </div>
    </HeadingBase.Provider>,
  );
}
