// @vitest-environment jsdom
// The builder page's form, snippet and preview together, as a trainer uses them. The
// real <coursefit-quiz> element is registered by the page (main.tsx), not here: in jsdom
// the preview is an unknown element whose attributes, style and children are checked.
import { render, screen, within } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Builder } from "../../src/builder/Builder";
import { loadQuiz } from "../helpers/quiz";

const quiz = loadQuiz();
const BASE = "https://quiz.example/coursefit/";

function renderBuilder() {
  const user = userEvent.setup();
  render(<Builder quizzes={{ [quiz.id]: quiz }} base={BASE} pageOrigin="https://quiz.example" />);
  return user;
}

/** Replaces a field's text, as pasting over it would. */
async function fill(user: UserEvent, field: HTMLElement, text: string) {
  await user.clear(field);
  if (text) {
    await user.click(field);
    await user.paste(text);
  }
}

const html = () => (screen.getByLabelText("HTML for your page") as HTMLTextAreaElement).value;
const css = () =>
  (screen.queryByLabelText("CSS for your stylesheet") as HTMLTextAreaElement | null)?.value;
const group = (name: string) => screen.getByRole("group", { name });
const preview = () => {
  const element = document.querySelector("coursefit-quiz");
  if (!(element instanceof HTMLElement)) throw new Error("no preview element");
  return element;
};

describe("the builder", () => {
  it("starts with the element snippet for the built-in quiz and its preview", () => {
    renderBuilder();
    expect(html()).toBe(
      `<script type="module" src="${BASE}embed.js"></script>\n<coursefit-quiz quiz="csm-vs-cspo"></coursefit-quiz>\n`,
    );
    expect(css()).toBeUndefined();
    expect(preview().getAttribute("quiz")).toBe("csm-vs-cspo");
    // Every field has a name; the parts of the form are groups named by their headings.
    for (const name of [
      "Quiz",
      "How it goes on your page",
      "Booking links",
      "Colours and font",
      "Saving progress",
    ])
      expect(within(group(name)).getByRole("heading", { level: 2, name })).toBeInTheDocument();
  });

  it("updates the snippet and the preview with each booking link", async () => {
    const user = renderBuilder();
    const csm = within(group("Certified ScrumMaster (CSM)"));
    await fill(user, csm.getByLabelText("Booking page address"), "https://trainer.example/csm");
    expect(html()).toContain(
      '<a slot="outcome-csm" href="https://trainer.example/csm">Book our CSM course</a>',
    );
    await fill(user, csm.getByLabelText("Link text"), "Join us in May");
    expect(html()).toContain('href="https://trainer.example/csm">Join us in May</a>');
    const slotted = preview().querySelector('a[slot="outcome-csm"]');
    expect(slotted).toHaveAttribute("href", "https://trainer.example/csm");
    expect(slotted).toHaveTextContent("Join us in May");
  });

  it("themes the preview through its style and gives CSS for the stylesheet", async () => {
    const user = renderBuilder();
    await fill(user, screen.getByLabelText("Accent colour"), "#0b6e4f");
    expect(css()).toBe(
      "coursefit-quiz {\n  --cf-accent: #0b6e4f;\n  --cf-on-accent: #ffffff;\n}\n",
    );
    expect(preview().style.getPropertyValue("--cf-accent")).toBe("#0b6e4f");
    expect(screen.getByLabelText("Accent colour: colour picker")).toHaveValue("#0b6e4f");
    // Clearing the colour removes it from the element again.
    await fill(user, screen.getByLabelText("Accent colour"), "");
    expect(preview().style.getPropertyValue("--cf-accent")).toBe("");
    expect(css()).toBeUndefined();
  });

  it("warns about colours that are hard to read", async () => {
    const user = renderBuilder();
    expect(screen.queryByText("Some text may be hard to read")).not.toBeInTheDocument();
    await fill(user, screen.getByLabelText("Text colour"), "#bbbbbb");
    await fill(user, screen.getByLabelText("Background colour"), "#ffffff");
    expect(screen.getByText("Some text may be hard to read")).toBeInTheDocument();
    expect(
      screen.getByText("Text on the background: contrast 1.91:1, but at least 4.5:1 is needed."),
    ).toBeInTheDocument();
  });

  it("turns saving off", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("Do not save answers"));
    expect(html()).toContain('<coursefit-quiz quiz="csm-vs-cspo" persist="off">');
    expect(preview()).toHaveAttribute("persist", "off");
  });

  it("makes the iframe snippet once it knows the page's address", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("Iframe"));
    // The element's theme does not apply to the iframe; its booking links do.
    expect(screen.getByRole("group", { name: "Booking links" })).toBeInTheDocument();
    expect(screen.queryByLabelText("HTML for your page")).not.toBeInTheDocument();
    expect(
      screen.getByText(/Your snippet is not ready yet: there is 1 thing to fix/),
    ).toBeInTheDocument();
    await fill(
      user,
      screen.getByLabelText("Address of the page the quiz goes on"),
      "https://trainer.example/courses/csm",
    );
    expect(screen.getByText(/a result link leads back to this page/)).toBeInTheDocument();
    expect(html()).toContain(
      `<iframe src="${BASE}embed.html?quiz=csm-vs-cspo&amp;origin=https%3A%2F%2Ftrainer.example&amp;page=https%3A%2F%2Ftrainer.example%2Fcourses%2Fcsm"`,
    );
    expect(html()).toContain(`<script src="${BASE}resize.js"></script>`);
    await user.click(screen.getByLabelText("Fit the frame to the quiz"));
    expect(html()).not.toContain("resize.js");
    // The preview frame posts to this page.
    const frame = screen.getByTitle(`Preview: ${quiz.title}`);
    expect(frame).toHaveAttribute(
      "src",
      `${BASE}embed.html?quiz=csm-vs-cspo&origin=https%3A%2F%2Fquiz.example`,
    );
    expect(document.querySelector("coursefit-quiz")).toBeNull();
  });
});

describe("copying", () => {
  it("copies the snippet and says so politely", async () => {
    const user = renderBuilder();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copy snippet" }));
    expect(writeText).toHaveBeenCalledWith(html());
    expect(screen.getByRole("status")).toHaveTextContent("Snippet copied.");
    // A change makes a new snippet, not yet copied.
    await user.click(screen.getByLabelText("Do not save answers"));
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("copies the CSS on its own", async () => {
    const user = renderBuilder();
    const writeText = vi.spyOn(navigator.clipboard, "writeText");
    await fill(user, screen.getByLabelText("Corner radius"), "0");
    await user.click(screen.getByRole("button", { name: "Copy CSS" }));
    expect(writeText).toHaveBeenCalledWith("coursefit-quiz {\n  --cf-radius: 0;\n}\n");
    expect(screen.getByRole("status")).toHaveTextContent("CSS copied.");
  });

  it("selects the snippet and says how to copy it when the browser refuses", async () => {
    const user = renderBuilder();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(
      new DOMException("denied", "NotAllowedError"),
    );
    await user.click(screen.getByRole("button", { name: "Copy snippet" }));
    const box = screen.getByLabelText("HTML for your page") as HTMLTextAreaElement;
    expect(screen.getByRole("status")).toHaveTextContent(
      "This browser did not let the page copy. The snippet is selected: press Ctrl+C (or Command+C on a Mac) to copy it.",
    );
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
  });

  it("falls back the same way where there is no clipboard at all", async () => {
    const user = renderBuilder();
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    try {
      await user.click(screen.getByRole("button", { name: "Copy snippet" }));
      expect(screen.getByRole("status")).toHaveTextContent(/The snippet is selected/);
    } finally {
      Reflect.deleteProperty(navigator, "clipboard");
    }
  });
});

describe("problems", () => {
  it("shows an invalid link's error once the trainer leaves it, and a summary that leads back", async () => {
    const user = renderBuilder();
    const field = within(group("Certified ScrumMaster (CSM)")).getByLabelText(
      "Booking page address",
    );
    await fill(user, field, "javascript:alert(1)");
    const message = "The address for the CSM booking link must start with https:// or http://";
    // Not while typing...
    expect(screen.queryByText(message)).not.toBeInTheDocument();
    expect(screen.queryByLabelText("HTML for your page")).not.toBeInTheDocument();
    expect(screen.getByText(/there is 1 thing to fix in the form/)).toBeInTheDocument();
    // ...but once they move on.
    await user.tab();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(`Error: ${message}`);
    const summary = screen.getByRole("heading", { name: "There is a problem" })
      .parentElement as HTMLElement;
    expect(summary).not.toHaveFocus();
    const link = within(summary).getByRole("link", { name: message });
    expect(link).toHaveAttribute("href", `#${field.id}`);

    await user.click(screen.getByRole("button", { name: "Show what to fix" }));
    expect(summary).toHaveFocus();
    await user.click(link);
    expect(field).toHaveFocus();

    await fill(user, field, "https://trainer.example/csm");
    expect(screen.queryByText("There is a problem")).not.toBeInTheDocument();
    expect(field).not.toHaveAttribute("aria-invalid");
    expect(html()).toContain('href="https://trainer.example/csm"');
  });

  it("lists every problem, even in fields not visited, when asked what to fix", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("My own quiz file"));
    await fill(user, screen.getByLabelText("Accent colour"), "teal");
    await user.click(screen.getByRole("button", { name: "Show what to fix" }));
    const summary = screen.getByRole("heading", { name: "There is a problem" })
      .parentElement as HTMLElement;
    expect(summary).toHaveFocus();
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual([
      "Enter the address of your quiz file",
      "Enter the accent colour as a hex colour code, like #1d5fbf",
    ]);
  });

  it("refuses a quiz file address that is not a web address", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("My own quiz file"));
    const field = screen.getByLabelText("Address of your quiz file");
    await fill(user, field, "my-quiz.json");
    await user.tab();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining(
        "Error: Enter the address of your quiz file as a full web address, like https://example.com/quizzes/my-quiz.json",
      ),
    );
  });
});

describe("the trainer's own quiz", () => {
  it("loads the file by its address and takes outcome id + link pairs", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("My own quiz file"));
    await fill(
      user,
      screen.getByLabelText("Address of your quiz file"),
      "https://trainer.example/q.yaml",
    );
    expect(preview()).toHaveAttribute("src", "https://trainer.example/q.yaml");
    expect(preview()).not.toHaveAttribute("quiz");
    expect(html()).toContain(
      '<coursefit-quiz src="https://trainer.example/q.yaml"></coursefit-quiz>',
    );

    const first = within(group("Link 1"));
    await fill(user, first.getByLabelText("Outcome id"), "po");
    await fill(user, first.getByLabelText("Booking page address"), "https://trainer.example/po");
    await fill(user, first.getByLabelText("Link text"), "Book PO");

    await user.click(screen.getByRole("button", { name: "Add another link" }));
    const second = within(group("Link 2"));
    expect(second.getByLabelText("Outcome id")).toHaveFocus();
    await user.paste("sm");
    await fill(user, second.getByLabelText("Booking page address"), "https://trainer.example/sm");
    await fill(user, second.getByLabelText("Link text"), "Book SM");
    expect(html()).toBe(
      `<script type="module" src="${BASE}embed.js"></script>\n` +
        '<coursefit-quiz src="https://trainer.example/q.yaml">\n' +
        '  <a slot="outcome-po" href="https://trainer.example/po">Book PO</a>\n' +
        '  <a slot="outcome-sm" href="https://trainer.example/sm">Book SM</a>\n' +
        "</coursefit-quiz>\n",
    );
    expect([...preview().querySelectorAll("a")].map((a) => a.slot)).toEqual([
      "outcome-po",
      "outcome-sm",
    ]);

    await user.click(screen.getByRole("button", { name: "Remove link 1" }));
    expect(screen.getByRole("button", { name: "Add another link" })).toHaveFocus();
    expect(within(group("Link 1")).getByLabelText("Outcome id")).toHaveValue("sm");
    expect(html()).not.toContain("outcome-po");
  });

  it("refuses the same outcome twice", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("My own quiz file"));
    await fill(
      user,
      screen.getByLabelText("Address of your quiz file"),
      "https://trainer.example/q.yaml",
    );
    for (const n of [1, 2]) {
      if (n === 2) await user.click(screen.getByRole("button", { name: "Add another link" }));
      const row = within(group(`Link ${n}`));
      await fill(user, row.getByLabelText("Outcome id"), "po");
      await fill(user, row.getByLabelText("Booking page address"), `https://trainer.example/${n}`);
      await fill(user, row.getByLabelText("Link text"), `Book ${n}`);
    }
    await user.tab();
    await user.click(screen.getByRole("button", { name: "Show what to fix" }));
    expect(within(group("Link 2")).getByLabelText("Outcome id")).toHaveAccessibleDescription(
      expect.stringContaining(
        'Error: Link 2 is for outcome "po" again: give each outcome one link',
      ),
    );
  });

  it("says the iframe cannot show it", async () => {
    const user = renderBuilder();
    await user.click(screen.getByLabelText("My own quiz file"));
    await user.click(screen.getByLabelText("Iframe"));
    expect(group("How it goes on your page")).toHaveAccessibleDescription(
      expect.stringContaining("The iframe can show the built-in quizzes only"),
    );
  });
});
