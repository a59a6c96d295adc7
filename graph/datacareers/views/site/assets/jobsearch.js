// "Your job today": a search over every title of every node the path finder knows (the
// roles' French and English names, the ROME fiches' titles and appellations), offline,
// accents, case and plurals ignored (the folding of assets/textskills.js, the CLI's), each
// typed word the start of a word of the title; a "Professeur / Professeure de ..." title
// is found, and shown, in the gender typed (datacareers.store.resolve.gendered_forms).
window.datacareersJobs = (function () {
  "use strict";
  var nameKey = window.datacareersText.nameKey;
  function gendered(label) {
    var parts = label.split(" / ");
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return [label];
    var first = parts[0].split(/\s+/).filter(Boolean), second = parts[1].split(/\s+/).filter(Boolean);
    if (first.length === 1) return [label, [first[0]].concat(second.slice(1)).join(" "), second.join(" ")];
    if (first.length === second.length) return [label, first.join(" "), second.join(" ")];
    return [label];
  }
  // Folding is done word by word (it never joins two words), each distinct word once:
  // 13,000 titles share 9,000 words.
  function folder() {
    var folded = new Map();
    return function (title) {
      var words = title.split(" "), out = "";
      for (var n = 0; n < words.length; n++) {
        var k = folded.get(words[n]);
        if (k === undefined) { k = nameKey(words[n]); folded.set(words[n], k); }
        if (k) out = out ? out + " " + k : k;
      }
      return out;
    };
  }
  // The names of an ESCO French label: "chef cuisinier/cheffe cuisinière" is each gender
  // form (ESCO writes no spaces around the slash), else the label.
  function escoForms(label) {
    var parts = label.split("/").map(function (p) { return p.trim(); });
    if (parts.length === 2 && parts[0] && parts[1]) {
      var split = gendered(parts[0] + " / " + parts[1]);
      if (split.length === 3) return split.slice(1);
    }
    return [label.trim()];
  }
  // [[" folded title", node, title], ...] for nodes [{label, names}] and, from *extra*
  // ([[node, [ESCO names]], ...]), the ESCO names of a node; and the folding used.
  function index(nodes, extra) {
    var out = [], fold = folder(), seen = nodes.map(function () { return new Set(); });
    function add(i, name) {
      var key = fold(name);
      if (key && !seen[i].has(key)) { seen[i].add(key); out.push([" " + key, i, name]); }
    }
    nodes.forEach(function (r, i) { [r.label].concat(r.names || []).forEach(function (name) { add(i, name); }); });
    (extra || []).forEach(function (e) {
      e[1].forEach(function (name) { escoForms(name).forEach(function (form) { add(e[0], form); }); });
    });
    out.fold = fold;
    return out;
  }
  function holds(key, words) { return words.every(function (w) { return key.indexOf(" " + w) >= 0; }); }
  // The nodes whose titles hold every typed word, best first: the title typed exactly,
  // then titles starting with it, then the shortest; each node once, with its best title
  // (of a "masculine / feminine" title, the form that holds the words, shortest first).
  function search(entries, query) {
    var key = nameKey(query), words = key.split(" ").filter(Boolean);
    if (!words.length) return [];
    var best = new Map();
    entries.forEach(function (e) {
      if (!holds(e[0], words)) return;
      gendered(e[2]).forEach(function (form) {
        var folded = form === e[2] ? e[0] : " " + entries.fold(form);
        if (!holds(folded, words)) return;
        var rank = folded === " " + key ? 0 : folded.indexOf(" " + key) === 0 ? 1 : 2, had = best.get(e[1]);
        if (!had || rank < had.score[0] || (rank === had.score[0] && folded.length < had.score[1])) {
          best.set(e[1], { node: e[1], title: form, score: [rank, folded.length] });
        }
      });
    });
    return Array.from(best.values()).sort(function (a, b) {
      return a.score[0] - b.score[0] || a.score[1] - b.score[1] || a.title.localeCompare(b.title);
    });
  }
  // Binds a combobox: *input* (role=combobox) and its listbox *list*; *describe(hit)* gives
  // an option's [title, detail]; *pick(node, title)* runs on a choice (click, Enter).
  // *entries* is a function giving the index, called on first use.
  function attach(input, list, status, entries, describe, pick, words, fill) {
    var hits = [], active = -1, SHOWN = 12, built = null;
    function titles() { return built || (built = entries()); }
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1;
                       input.removeAttribute("aria-activedescendant"); }
    function choose(i) { var h = hits[i]; close(); input.value = h.title; status.textContent = ""; pick(h.node, h.title); }
    function mark(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, n) { li.setAttribute("aria-selected", String(n === i)); });
      if (i >= 0) { input.setAttribute("aria-activedescendant", "job-opt-" + i); list.children[i].scrollIntoView({ block: "nearest" }); }
    }
    function update() {
      hits = search(titles(), input.value);
      list.replaceChildren();
      if (!input.value.trim()) { close(); status.textContent = ""; return; }
      if (!hits.length) { close(); status.textContent = words.jobNone; return; }
      hits.slice(0, SHOWN).forEach(function (h, i) {
        var text = describe(h), li = document.createElement("li");
        li.id = "job-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = text[0];
        if (text[1]) { var small = document.createElement("span"); small.className = "muted"; small.textContent = text[1]; li.appendChild(small); }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = hits.length > SHOWN ? fill(words.jobCount, { n: hits.length, shown: SHOWN }) : "";
      active = -1;
    }
    input.addEventListener("input", update);
    input.addEventListener("keydown", function (ev) {
      var n = Math.min(hits.length, SHOWN);
      if (ev.key === "ArrowDown" && n) { ev.preventDefault(); if (list.hidden) update(); mark((active + 1) % n); }
      else if (ev.key === "ArrowUp" && n) { ev.preventDefault(); mark(active <= 0 ? n - 1 : active - 1); }
      else if (ev.key === "Enter") { if (n && !list.hidden) { ev.preventDefault(); choose(active >= 0 ? active : 0); } }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", close);
    return { update: update, titles: titles, search: function (q) { return search(titles(), q); } };
  }
  return { gendered: gendered, escoForms: escoForms, index: index, search: search, attach: attach };
})();
