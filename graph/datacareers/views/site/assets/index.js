// The index's search: hides the roles whose names (French and English, alternative
// names too) do not hold every typed word; accents, case and punctuation ignored. A search
// no role matches links to the path finder's search of every job title (path.html?job=...).
(function () {
  "use strict";
  var W = JSON.parse(document.getElementById("dc-words").textContent);
  var fill = window.datacareersDom.fill;  // assets/dom.js
  var input = document.getElementById("q"), status = document.getElementById("q-status");
  var cards = Array.prototype.slice.call(document.querySelectorAll("li[data-search]"));
  var families = Array.prototype.slice.call(document.querySelectorAll("section.family"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}_]+/gu, " ").trim();
  }
  function apply() {
    var words = fold(input.value).split(" ").filter(Boolean), shown = 0;
    cards.forEach(function (card) {
      var names = " " + card.getAttribute("data-search").replace(/ \| /g, " ");
      var hit = words.every(function (w) { return names.indexOf(" " + w) >= 0; });
      card.hidden = !hit;
      if (hit) shown += 1;
    });
    families.forEach(function (f) { f.hidden = !f.querySelector("li[data-search]:not([hidden])"); });
    status.textContent = !words.length ? "" : shown ? fill(W.shown, { n: shown, total: cards.length })
      : fill(W.noMatch, { q: input.value }) + " ";
    if (words.length && !shown) {  // not a data role: perhaps the job one has today
      var link = document.createElement("a");
      link.href = "path.html?" + new URLSearchParams({ job: input.value.trim() }).toString() + "#job";
      link.textContent = fill(W.searchJobs, { q: input.value.trim() });
      status.appendChild(link);
    }
  }
  input.addEventListener("input", apply);
  var query = new URLSearchParams(location.search).get("q");
  if (query) { input.value = query; apply(); }
  window.datacareersIndex = { apply: apply, fold: fold };
})();
