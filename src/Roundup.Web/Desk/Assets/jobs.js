// Follows a running job: its state and lines every second, and the link to its result once it is done.
"use strict";
(() => {
  const state = document.getElementById("job-state");
  const lines = document.getElementById("job-lines");
  const result = document.getElementById("job-result");
  if (!state || !lines) return;
  const words = { queued: "waiting for the job before it", running: "running", succeeded: "done", failed: "failed", cancelled: "cancelled" };
  const follow = async () => {
    const answer = await fetch(state.dataset.stateUrl, { headers: { Accept: "application/json" } });
    if (!answer.ok) return;
    const job = await answer.json();
    state.textContent = words[job.state] ?? job.state;
    state.dataset.state = job.state;
    const figures = document.getElementById("job-figures");
    if (figures && job.figures && job.figures.length > 0) {
      figures.replaceChildren(...job.figures.map(figure => {
        const row = document.createElement("div");
        const name = document.createElement("dt");
        const value = document.createElement("dd");
        name.textContent = figure.name;
        value.textContent = figure.value.toLocaleString("en");
        row.append(name, value);
        return row;
      }));
      figures.hidden = false;
    }
    lines.textContent = job.lines.join("\n");
    lines.scrollTop = lines.scrollHeight;
    if (job.done) {
      if (job.result && result) {
        result.querySelector("a").href = job.result;
        result.hidden = false;
      }
      return;
    }
    setTimeout(follow, 1000);
  };
  follow();
})();
