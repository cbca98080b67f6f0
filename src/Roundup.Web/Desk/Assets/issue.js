// The issue page: the grounding check of the curator's words as they type (debounced), listed beside the fields in
// an aria-live list, and the field with an unsupported claim marked. The page works without it: a save shows the
// same check.
"use strict";
(() => {
  const labels = { tldr: "TL;DR", summary: "summary", commentary: "commentary" };
  const wait = 600;
  for (const form of document.querySelectorAll("form.entry-words")) {
    const list = form.querySelector("ul.unsupported");
    const state = form.querySelector(".grounding-state");
    const fields = ["tldr", "summary", "commentary"].map(name => form.elements.namedItem(name));
    let timer = 0;
    let asked = 0;
    const check = async () => {
      const mine = ++asked;
      const body = { week: form.dataset.week, paper: form.dataset.paper };
      for (const field of fields) body[field.name] = field.value;
      let answer;
      try {
        answer = await fetch(form.dataset.checkUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", "X-Desk-Form": window.desk.token() },
          body: JSON.stringify(body),
        });
      } catch {
        return;
      }
      if (!answer.ok || mine !== asked) return;
      const result = await answer.json();
      list.replaceChildren(...result.unsupported.map(claim => {
        const item = document.createElement("li");
        item.className = "problem";
        const where = claim.start >= 0 ? ` (at character ${claim.start + 1})` : "";
        item.textContent = `The ${claim.kind} “${claim.text}” in the ${labels[claim.field] ?? claim.field} is not in the paper${where}.`;
        item.dataset.field = claim.field;
        item.dataset.start = String(claim.start);
        return item;
      }));
      for (const field of fields) {
        field.classList.toggle("unsupported-claim", result.unsupported.some(c => c.field === field.name));
        field.setAttribute("aria-invalid", result.unsupported.some(c => c.field === field.name) ? "true" : "false");
      }
      if (state) state.textContent = `${result.found} of ${result.checked} numbers and names found in the paper.`;
    };
    form.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(check, wait);
    });
  }
})();

// Alt+Shift+ArrowUp / ArrowDown moves the paper whose controls have the focus (not from inside a field, where a move
// would drop unsaved words); the move is the paper's own Up or Down form.
document.addEventListener("keydown", event => {
  if (!event.altKey || !event.shiftKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
  const focus = document.activeElement;
  if (!focus || focus.matches("textarea, input, select")) return;
  const article = focus.closest("article.issue-entry");
  const button = article?.querySelector(`.arrange button[value="entry-${event.key === "ArrowUp" ? "up" : "down"}"]`);
  if (!button) return;
  event.preventDefault();
  button.form.requestSubmit(button);
});
