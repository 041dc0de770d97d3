// <coursefit-quiz>: the whole quiz inside an open shadow root, for trainers' pages.
//
//   <script type="module" src=".../embed.js"></script>
//   <coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>          a built-in quiz
//   <coursefit-quiz src="https://.../my-quiz.json"></coursefit-quiz> a trainer's own quiz
//
// Attributes: quiz, src, persist="off", color-scheme (light, dark or "light dark"; without
// it, the host page's). Slots: outcome-<id> for each outcome's link.
// Events (bubbling, composed): coursefit-ready (a quiz is shown: its id, title and
// outcomes), coursefit-start, coursefit-answer, coursefit-complete.
import { createRoot, type Root } from "react-dom/client";
import type { QuizEmitted } from "../engine/machine";
import type { Quiz } from "../engine/schema";
import { decodeAnswers } from "../engine/share";
import { builtInQuizzes, DEFAULT_QUIZ } from "../quizzes";
import { HeadingBase } from "../ui/Heading";
import { Notice } from "../ui/Notice";
import { browserProgressStore, localStorageOrNothing } from "../ui/progress-store";
import css from "../ui/quiz.css?inline";
import { ResultLinkQuizApp } from "../ui/ResultLinkQuizApp";
import { decideStart, resultTokenIn } from "../ui/start";
import { collectOption } from "./collect-option";
import { loadRemoteQuiz, type RemoteQuiz } from "./remote-quiz";

const EVENT_NAMES: Record<QuizEmitted["type"], string> = {
  started: "coursefit-start",
  answered: "coursefit-answer",
  completed: "coursefit-complete",
};

/**
 * The folder embed.js came from, where validate.html sits beside it. Bundled into one of
 * our own pages (the embed builder), this code sits one folder down, in assets/.
 */
const QUIZ_PAGE = new URL(
  /* @vite-ignore */ import.meta.url.includes("/assets/") ? "../" : "./",
  import.meta.url,
);

let sheet: CSSStyleSheet | undefined;

/**
 * First in the sheet: the inherited text properties quiz.css does not set itself. The host
 * page's rules reach this element (`* { letter-spacing: 3px }` matches it) and would flow
 * into the quiz through inheritance; quiz.css's own `.cf` rules come after and win.
 */
const HOST_RESET =
  ".cf{font:400 1rem sans-serif;letter-spacing:normal;word-spacing:normal;text-transform:none;" +
  "text-indent:0;text-align:start;text-shadow:none;white-space:normal;word-break:normal;hyphens:manual}";

export class CoursefitQuizElement extends HTMLElement {
  static observedAttributes = ["quiz", "src", "persist"];
  #root: Root | undefined;
  /** Counts renders, so a slow remote quiz never overwrites a newer choice. */
  #generation = 0;

  connectedCallback() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    // A constructed sheet, shared by every element on the page: no inline <style>, which
    // a strict Content-Security-Policy on the host page would refuse.
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(HOST_RESET + css);
    shadow.adoptedStyleSheets = [sheet];
    const mount = document.createElement("div");
    shadow.replaceChildren(mount);
    this.#root = createRoot(mount);
    void this.#show();
  }

  disconnectedCallback() {
    this.#generation++;
    this.#root?.unmount();
    this.#root = undefined;
  }

  attributeChangedCallback(_name: string, before: string | null, after: string | null) {
    if (this.#root && before !== after) void this.#show();
  }

  async #show() {
    const generation = ++this.#generation;
    const src = this.getAttribute("src");
    if (!src) {
      const id = this.getAttribute("quiz") ?? DEFAULT_QUIZ;
      const quiz = Object.hasOwn(builtInQuizzes, id) ? builtInQuizzes[id] : undefined;
      if (quiz) this.#render(quiz, generation);
      else
        this.#problems(generation, [
          `There is no built-in quiz called "${id}". Built in: ${Object.keys(builtInQuizzes).join(", ")}.`,
        ]);
      return;
    }
    let url: URL;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      this.#problems(generation, [`"${src}" is not a web address.`]);
      return;
    }
    this.#root?.render(<p className="cf">Loading the quiz…</p>);
    // The checker frame goes into the shadow root, hidden, and is removed once it has answered.
    const checker = { page: new URL("validate.html", QUIZ_PAGE), within: this.shadowRoot ?? this };
    const loaded = await loadRemoteQuiz(url, checker).catch(
      (error: unknown): RemoteQuiz => ({
        ok: false,
        problems: [`${url.href}: could not be checked (${String(error)})`],
      }),
    );
    if (generation !== this.#generation) return;
    if (loaded.ok) this.#render(loaded.quiz, generation);
    else
      this.#problems(
        generation,
        loaded.problems,
        loaded.tooSlow ? "This quiz took too long to check" : undefined,
      );
  }

  /**
   * Shows the quiz. A result link is the host page's address with `#r=`: it reopens the
   * result here, beside the trainer's booking links, not on the quiz's own host.
   */
  #render(quiz: Quiz, generation: number) {
    const store =
      this.getAttribute("persist") === "off"
        ? undefined
        : browserProgressStore(this.#progressKey(quiz), localStorageOrNothing);
    // A result link to this host page reopens the result here, if it is for this quiz.
    const hash = () => location.hash;
    const start = decideStart(quiz, hash(), store);
    const resultUrl = (token: string) => new URL(`#r=${token}`, location.href).href;
    // Which quiz is shown, with its outcomes' ids: what slots can name (the builder offers them).
    this.dispatchEvent(
      new CustomEvent("coursefit-ready", {
        bubbles: true,
        composed: true,
        detail: {
          quiz: quiz.id,
          title: quiz.title,
          outcomes: quiz.outcomes.map((o) => ({ id: o.id, label: o.label })),
        },
      }),
    );
    this.#root?.render(
      <HeadingBase.Provider value={2}>
        <ResultLinkQuizApp
          embedded
          key={generation}
          quiz={quiz}
          start={
            start.kind === "bad-link" && forAnotherQuiz(quiz, hash()) ? { kind: "fresh" } : start
          }
          hash={hash}
          // Only a link to a result of this quiz: another may be for another element.
          startFromLink={() => {
            const opened = decideStart(quiz, hash(), store);
            return opened.kind === "result" ? opened : undefined;
          }}
          store={store}
          resultUrl={resultUrl}
          outcomeLink={(outcome, nextStep) => <slot name={`outcome-${outcome}`}>{nextStep}</slot>}
          collect={collectOption(
            {
              collect: this.getAttribute("collect"),
              trainer: this.getAttribute("trainer"),
              cohort: this.getAttribute("cohort"),
            },
            QUIZ_PAGE.href,
          )}
          onEvent={(event) => {
            const detail =
              event.type === "completed"
                ? { ...event.result, link: resultUrl(event.result.token) }
                : event.type === "answered"
                  ? {
                      quiz: quiz.id,
                      question: event.question,
                      answer: event.answer,
                      answers: event.answers,
                    }
                  : { quiz: quiz.id };
            this.dispatchEvent(
              new CustomEvent(EVENT_NAMES[event.type], { bubbles: true, composed: true, detail }),
            );
          }}
        />
      </HeadingBase.Provider>,
    );
  }

  /**
   * Progress is kept per quiz and per page; several elements with the same quiz on one
   * page are told apart by their id attribute, or else by their order on the page.
   */
  #progressKey(quiz: Quiz): string {
    // A trainer's quiz is keyed by its file's address too, so that it never shares progress
    // with a built-in quiz (or another file) of the same id; a built-in's key is as it was.
    const src = this.getAttribute("src") ? `@${this.#source()}` : "";
    const key = `coursefit:${quiz.id}${src}:${location.pathname}`;
    if (this.id) return `${key}#${this.id}`;
    // Elements showing the same quiz, however their attributes spell it, are told apart by order.
    const twins = [...document.querySelectorAll("coursefit-quiz")].filter(
      (element) => element instanceof CoursefitQuizElement && element.#source() === this.#source(),
    );
    const position = twins.indexOf(this);
    return position > 0 ? `${key}:${position}` : key;
  }

  /** Where the quiz comes from, resolved: a built-in's id, or a trainer's file's full address. */
  #source(): string {
    const src = this.getAttribute("src");
    if (!src) return `built-in:${this.getAttribute("quiz") ?? DEFAULT_QUIZ}`;
    try {
      return new URL(src, document.baseURI).href;
    } catch {
      return src;
    }
  }

  /**
   * A visitor gets a short, plain notice; the site's owner finds the file:line:col
   * diagnostics under "Details" and in the console, where they look.
   */
  #problems(generation: number, problems: string[], title = "This quiz cannot be shown right now") {
    if (generation !== this.#generation) return;
    console.warn(`coursefit: this quiz cannot be shown:\n${problems.join("\n")}`);
    // The notice's heading is one below the base: base 1 makes it an h2 under the host's h1
    // (with 2 it was an h3 straight after the h1, which skips a level).
    this.#root?.render(
      <HeadingBase.Provider value={1}>
        <div className="cf">
          <Notice title={title} tone="error">
            <details>
              <summary>Details for the site's owner</summary>
              <ul className="cf-problems">
                {problems.map((problem) => (
                  <li key={problem}>
                    <code>{problem}</code>
                  </li>
                ))}
              </ul>
            </details>
          </Notice>
        </div>
      </HeadingBase.Provider>,
    );
  }
}

/**
 * A damaged result link says so, as the page does; but a link for another quiz belongs to
 * another element on the same page, and this one starts at its intro.
 */
function forAnotherQuiz(quiz: Quiz, hash: string): boolean {
  const decoded = decodeAnswers(quiz, resultTokenIn(hash) ?? "");
  return !decoded.ok && decoded.error.kind === "other-quiz";
}

if (!customElements.get("coursefit-quiz"))
  customElements.define("coursefit-quiz", CoursefitQuizElement);
