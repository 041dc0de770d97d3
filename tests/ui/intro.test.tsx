// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { HeadingBase } from "../../src/ui/Heading";
import { Intro } from "../../src/ui/Intro";
import { buildQuiz } from "../helpers/build-quiz";
import { loadQuiz } from "../helpers/quiz";
import { renderApp } from "./support";

const quiz = loadQuiz();

describe("Intro", () => {
  it("names the quiz in its heading and says what to expect", () => {
    render(<Intro quiz={quiz} headingRef={createRef()} onStart={() => {}} />);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(
      "CSM or CSPO: which Scrum course fits you?",
    );
    const facts = within(screen.getByRole("list")).getAllByRole("listitem");
    // 13 questions, one of them shown only after "Something else": 12 or 13 are asked.
    expect(facts.map((li) => li.textContent)).toEqual([
      "12 to 13 questions, 3 minutes",
      "Your answers stay in this browser: nothing is sent anywhere.",
      'Explained in the words of "Product Owner 101" by Braintrust Group',
    ]);
    expect(screen.getByText(/both two-day\s+courses/)).toBeInTheDocument();
  });

  it("does not promise, on someone else's page, that nothing is sent anywhere", () => {
    render(<Intro quiz={quiz} headingRef={createRef()} onStart={() => {}} embedded />);
    expect(screen.queryByText(/nothing is sent anywhere/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        "The quiz sends your answers nowhere itself; the site showing it may keep your result.",
      ),
    ).toBeInTheDocument();
  });

  it("says one minute, not one minutes", () => {
    render(<Intro quiz={buildQuiz()} headingRef={createRef()} onStart={() => {}} />);
    expect(screen.getByText("3 questions, 1 minute")).toBeInTheDocument();
  });

  it("starts when Start is pressed, by click or keyboard", async () => {
    const user = userEvent.setup();
    const onStart = vi.fn();
    render(<Intro quiz={quiz} headingRef={createRef()} onStart={onStart} />);
    // The heading is focusable from script only: the first tab stop is Start.
    await user.tab();
    expect(screen.getByRole("button", { name: "Start the quiz" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(onStart).toHaveBeenCalledTimes(1);
    await user.keyboard(" ");
    expect(onStart).toHaveBeenCalledTimes(2);
    await user.click(screen.getByRole("button", { name: "Start the quiz" }));
    expect(onStart).toHaveBeenCalledTimes(3);
  });

  it("gives its heading to the ref, focusable from script only", () => {
    const ref = createRef<HTMLHeadingElement>();
    render(<Intro quiz={quiz} headingRef={ref} onStart={() => {}} />);
    expect(ref.current).toBe(screen.getByRole("heading", { level: 1 }));
    expect(ref.current).toHaveAttribute("tabindex", "-1");
  });

  it("starts its heading at the level of the page around it, like every other step", () => {
    render(
      <HeadingBase.Provider value={3}>
        <Intro quiz={quiz} headingRef={createRef()} onStart={() => {}} />
      </HeadingBase.Provider>,
    );
    expect(screen.getByRole("heading", { level: 3 })).toHaveTextContent(quiz.title);
    expect(screen.queryByRole("heading", { level: 1 })).not.toBeInTheDocument();
  });

  it("is where the quiz app opens, with nothing announced yet", () => {
    renderApp(quiz);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(quiz.title);
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(screen.getByRole("button", { name: "Start the quiz" })).toBeInTheDocument();
  });
});
