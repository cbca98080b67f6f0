// Client-side search over the archive: the index is the JSON embedded in search.html, so the page works from a
// file:// folder and makes no request. Results are built with textContent, never innerHTML.
(function () {
  "use strict";
  var source = document.getElementById("search-index");
  var box = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!source || !box || !list || !status) { return; }

  var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  var entries = JSON.parse(source.textContent).map(function (e) {
    return {
      entry: e,
      title: fold(e.title),
      rest: fold([e.tldr, e.authors, e.id, e.tags.join(" "), e.issue_title, e.week].join(" "))
    };
  });
  var total = entries.length;
  var limit = 50;

  function search(query) {
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    list.textContent = "";
    if (words.length === 0) {
      status.textContent = total + " papers in the archive.";
      return;
    }
    var hits = [];
    entries.forEach(function (item, order) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var inTitle = item.title.indexOf(words[i]) >= 0;
        if (!inTitle && item.rest.indexOf(words[i]) < 0) { return; }
        score += inTitle ? 3 : 1;
      }
      hits.push({ item: item, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = hits.length === 0 ? "No paper matches “" + query + "”."
      : hits.length + (hits.length === 1 ? " paper matches." : " papers match.") + (hits.length > limit ? " Showing the first " + limit + "." : "");
    hits.slice(0, limit).forEach(function (hit) {
      var e = hit.item.entry;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.className = "title";
      a.href = e.url;
      a.textContent = e.title;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "dateline";
      meta.textContent = e.week + ": " + e.issue_title + (e.authors ? " · " + e.authors : "");
      li.appendChild(meta);
      if (e.tldr) {
        var tldr = document.createElement("span");
        tldr.className = "tldr";
        tldr.textContent = e.tldr;
        li.appendChild(tldr);
      }
      list.appendChild(li);
    });
  }

  box.addEventListener("input", function () { search(box.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { box.value = initial; }
  search(box.value);
}());
