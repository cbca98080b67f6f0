// The readers page: a CSV file larger than the desk imports is refused before it is sent, with the same words as
// the server's answer (which still checks it: this only saves sending a large file for nothing).
"use strict";
(() => {
  const input = document.getElementById("file");
  const problem = document.getElementById("file-problem");
  if (!input || !problem) return;
  const max = Number(input.dataset.maxBytes);
  input.form.addEventListener("submit", event => {
    const file = input.files && input.files[0];
    if (file && max > 0 && file.size > max) {
      event.preventDefault();
      event.stopImmediatePropagation();
      problem.textContent = `${file.name} is ${file.size.toLocaleString("en")} bytes; the desk imports files of at most ${max.toLocaleString("en")} bytes. Split it, or use roundup subscribers import.`;
      problem.hidden = false;
      input.focus();
    } else {
      problem.hidden = true;
    }
  });
})();
