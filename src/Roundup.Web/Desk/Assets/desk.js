// The desk's shared script: progressive enhancement only, every page works without it.
// Forms marked data-confirm ask before they post.
"use strict";
document.addEventListener("submit", event => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// The antiforgery token and the desk's root, for scripts that post or fetch.
window.desk = {
  token: () => document.getElementById("main")?.dataset.formToken ?? "",
  root: () => document.getElementById("main")?.dataset.root ?? "/desk/",
};
