// Triage at the speed of reading, on the week's list: j/k or arrows move, o/Enter opens, p pins, d drops, u undoes
// the last decision, ? shows the keys. Decisions are posted with fetch (the X-Desk-Form header) and shown in place;
// without this script the same buttons post as plain forms.
"use strict";
(() => {
  const list = document.getElementById("triage");
  if (!list) return;
  const rows = () => Array.from(list.querySelectorAll("li.paper"));
  const status = document.getElementById("triage-status");
  const keys = document.getElementById("triage-keys");
  const history = [];
  let current = null;

  const say = text => { if (status) status.textContent = text; };

  const select = (row, scroll = true) => {
    if (!row) return;
    if (current) {
      current.classList.remove("selected");
      current.removeAttribute("aria-current");
    }
    current = row;
    row.classList.add("selected");
    row.setAttribute("aria-current", "true");
    row.focus({ preventScroll: !scroll });
    if (scroll) row.scrollIntoView({ block: "nearest" });
  };

  const move = step => {
    const all = rows();
    if (all.length === 0) return;
    const at = current ? all.indexOf(current) : -1;
    select(all[Math.min(all.length - 1, Math.max(0, at + step))]);
  };

  const show = (row, word) => {
    row.dataset.word = word;
    const now = row.querySelector(".word-now");
    if (now) now.textContent = word === "pin" ? "pinned" : word === "drop" ? "dropped" : "none";
    for (const button of row.querySelectorAll("form.decide button")) {
      const on = button.value === word;
      button.textContent = on ? (word === "pin" ? "pinned" : "dropped") : button.value;
      // The accessible name begins with the visible word (WCAG 2.5.3, label in name): "Pinned 2506.01234".
      const label = button.getAttribute("aria-label");
      if (label) button.setAttribute("aria-label", button.textContent[0].toUpperCase() + button.textContent.slice(1) + label.slice(label.indexOf(" ")));
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    const undo = row.querySelector("form.undo button");
    if (undo) undo.hidden = word === "";
  };

  const post = async (action, row, kind) => {
    const body = new URLSearchParams({ week: list.dataset.week, paper: row.dataset.paper, stage: list.dataset.stage ?? "" });
    if (kind) body.set("kind", kind);
    const answer = await fetch(window.desk.root() + action, {
      method: "POST",
      headers: { "X-Desk-Form": window.desk.token(), "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body,
      credentials: "same-origin",
    });
    if (!answer.ok) throw new Error(`the desk answered ${answer.status}`);
    return answer.json();
  };

  // Sets the paper's word ("pin", "drop" or "" for none) at once on the page, remembering the one before for undo;
  // the posts go one after another in the order pressed, and a failed one puts the word back and says so.
  let posting = Promise.resolve();
  const decide = (row, word, remember = true) => {
    const before = row.dataset.word ?? "";
    if (remember) history.push({ row, before });
    show(row, word);
    const title = row.querySelector("h3")?.textContent ?? row.dataset.paper;
    say(word === "" ? `Your word on ${title} is undone.` : `${word === "pin" ? "Pinned" : "Dropped"}: ${title}.`);
    list.dataset.pending = String(Number(list.dataset.pending ?? "0") + 1);
    posting = posting
      .then(() => (word === "" ? post("undo", row) : post("decide", row, word)))
      .catch(e => {
        show(row, before);
        say(`Not saved: ${e.message}. Reload the page.`);
      })
      .finally(() => { list.dataset.pending = String(Number(list.dataset.pending) - 1); });
  };

  const undo = () => {
    const last = history.pop();
    if (!last) {
      say("Nothing to undo.");
      return;
    }
    decide(last.row, last.before, false);
    select(last.row);
  };

  // The buttons, enhanced: the same decision through fetch, shown in place, focus kept on the paper.
  list.addEventListener("submit", event => {
    const form = event.target;
    const row = form.closest("li.paper");
    if (!row) return;
    event.preventDefault();
    select(row, false);
    const kind = event.submitter?.value;
    decide(row, form.classList.contains("undo") ? "" : kind === "pin" || kind === "drop" ? kind : "");
  });
  list.addEventListener("click", event => {
    const row = event.target.closest("li.paper");
    if (row && row !== current) select(row, false);
  });

  document.addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, select, textarea, button, a, [contenteditable]")) return;
    const act = {
      j: () => move(1), ArrowDown: () => move(1),
      k: () => move(-1), ArrowUp: () => move(-1),
      o: () => current && (window.location.href = current.dataset.href),
      Enter: () => current && (window.location.href = current.dataset.href),
      p: () => current && decide(current, "pin"),
      d: () => current && decide(current, "drop"),
      u: () => undo(),
      "?": () => { if (keys) keys.hidden = !keys.hidden; },
    }[event.key];
    if (!act) return;
    event.preventDefault();
    if (!current && event.key !== "?" && event.key !== "u") {
      select(rows()[0]);
      if (event.key === "j" || event.key === "ArrowDown" || event.key === "k" || event.key === "ArrowUp") return;
    }
    act();
  });

  list.dataset.pending = "0";
  list.dataset.ready = "true";
})();
