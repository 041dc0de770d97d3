// Storage that throws (blocked, or full): the quiz still works in memory and says once
// that progress will not be saved.
import { expect, it } from "vitest";
import {
  BALANCED_ANSWERS,
  completeByMouse,
  describeInBrowser,
  expectNoProblems,
  expectResultShown,
  heading,
  openQuiz,
  useBrowser,
} from "./harness";

/** Init scripts, run in the page before its own scripts. */
const BROKEN_STORAGE: [string, () => void][] = [
  [
    "reading localStorage throws",
    () => {
      Object.defineProperty(window, "localStorage", {
        configurable: true,
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    },
  ],
  [
    "setItem throws QuotaExceededError",
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    },
  ],
];

describeInBrowser("storage that throws", () => {
  const browser = useBrowser();

  it.each(BROKEN_STORAGE)(
    "when %s, the quiz completes and says once that progress is not saved",
    async (_, breakStorage) => {
      const { page, context, problems } = await browser.open();
      await context.addInitScript(breakStorage);
      const notice = heading(page, "Progress will not be saved", 2);

      await openQuiz(page);
      expect(await notice.count(), "nothing is said before anything is saved").toBe(0);
      const result = await completeByMouse(page, BALANCED_ANSWERS);
      await expectResultShown(page, result);
      expect(await notice.count()).toBe(1);
      expect(await page.getByText("Progress will not be saved").count()).toBe(1);

      // Nothing was saved, so a reload starts afresh without a resume prompt.
      await openQuiz(page);
      expect(await heading(page, "Welcome back", 2).count()).toBe(0);
      expectNoProblems(problems);
    },
  );
});
