// The quiz page: the default quiz, full-page, saving progress in this browser.
import quiz from "../../quizzes/csm-vs-cspo.yaml";
import { QuizApp, type QuizAppProps } from "../ui/QuizApp";
import "../ui/quiz.css";
import "./page.css";

export { quiz };

export function App(props: Omit<QuizAppProps, "quiz" | "manageTitle">) {
  return <QuizApp quiz={quiz} manageTitle {...props} />;
}
