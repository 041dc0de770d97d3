// The quiz page: the default quiz, full-page, saving progress in this browser. Another
// result link opened in this tab (`#r=...`) shows that result.
import quiz from "../../quizzes/csm-vs-cspo.yaml";
import type { QuizAppProps } from "../ui/QuizApp";
import { ResultLinkQuizApp } from "../ui/ResultLinkQuizApp";
import { decideStart } from "../ui/start";
import "../ui/quiz.css";
import "./page.css";

export { quiz };

export function App(props: Omit<QuizAppProps, "quiz" | "manageTitle">) {
  return (
    <ResultLinkQuizApp
      quiz={quiz}
      manageTitle
      stepHistory
      {...props}
      hash={() => location.hash}
      startFromLink={() => decideStart(quiz, location.hash, props.store)}
    />
  );
}
