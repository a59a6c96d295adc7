// The path finder: the k cheapest career paths between two roles, computed in the page
// on the embedded move graph (dc-path) with graphology, the same costs as the CLI
// (`datacareers path`), each step explained. Works from its address:
//   path.html?from=data-analyst&to=chief-data-officer&k=3&max=6&evidence=stated&skills=ID,ID
//   path.html?from=M1203&to=data-analyst   (a ROME fiche: "Votre métier actuel")
//   path.html?job=comptable                (the titles holding these words, to pick from)
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("dc-path").textContent);
  var W = JSON.parse(document.getElementById("dc-words").textContent);
  var lib = window.datacareersGraph;
  var el = window.datacareersDom.el, fill = window.datacareersDom.fill;  // assets/dom.js
  var $ = function (id) { return document.getElementById(id); };
  var ORDER = ["stated", "related", "inferred"];
  // The occupations one may start from (ROME fiches, no skills listed) come packed after the
  // roles, their moves as arrays (datacareers.views.site.pathdata): unpacked here once.
  D.occupations.forEach(function (o) {
    D.roles.push({ slug: o[0], label: o[1], names: o[2], skills: [], essential: [], pay: [], occupation: true });
  });
  D.entryMoves.forEach(function (a) {
    var sources = [];
    for (var j = 0; j + 1 < a[2].length; j += 2) sources.push([a[2][j], a[2][j + 1]]);
    D.moves.push({ from: a[0], to: a[1], sources: sources, rank: a[3] || null, outOf: a[4] || null,
                   similarity: a[5], probability: a[6], cost: a[7],
                   evidence: ORDER.filter(function (k, n) { return sources.some(function (s) { return s[1] === n; }); }) });
  });
  var outOf = D.roles.map(function () { return []; });
  D.moves.forEach(function (m) { outOf[m.from].push(m); });
  var bySlug = {}, skillById = {}, skillByLabel = {};
  D.roles.forEach(function (r, i) { bySlug[r.slug] = i; r.skillSet = new Set(r.skills); });
  D.skills.forEach(function (s, i) { skillById[s.id] = i; skillByLabel[s.label.toLowerCase()] = i; });
  var held = new Set();  // skill numbers the reader says they have

  /**
   * The cost of one move, the ONE place the page decides it. It mirrors the CLI
   * (datacareers.views.paths.Search.edge and datacareers.skillgap.gap):
   *   cost = evidence weight + gap
   * - the evidence is the strongest kind the reader allows among those the move's sources
   *   give (stated, then related, then inferred), weighing D.weights[kind] (1, 1.5, 2), an
   *   inferred move with the model's probability p weighing 2 - (2 - D.inferredFloor) * p
   *   (datacareers.views.moves.evidence_weight: 2 down to 1.5);
   * - the gap is the share, 0 to 1, of the target role's essential skills (every skill
   *   when no source marks any essential) the mover does not cover: a held skill counts 1,
   *   a skill of whose groups the mover holds one counts D.partialCredit (0.5), else 0;
   *   gap = 1 when no source lists the target's skills. Rounded to 4 decimals, as in Python.
   * The mover holds the source role's skills plus the skills the reader added (none added
   * and every evidence allowed: exactly the CLI's cost, `move.cost`, which the browser
   * tests compare). Returns null when no allowed evidence supports the move.
   */
  function round4(x) { return Math.round(x * 1e4) / 1e4; }
  function groupsOf(skills) {
    var out = new Set();
    skills.forEach(function (s) { D.skills[s].groups.forEach(function (g) { out.add(g); }); });
    return out;
  }
  function stepCost(move, from, to, extra, allowed) {
    var kinds = move.evidence.filter(function (k) { return !allowed || allowed.has(k); });
    if (!kinds.length) return null;
    var evidence = ORDER.filter(function (k) { return kinds.indexOf(k) >= 0; })[0];
    var weight = D.weights[evidence];
    if (evidence === "inferred" && move.probability !== null && move.probability !== undefined) {
      weight = round4(D.weights.inferred - (D.weights.inferred - D.inferredFloor) * move.probability);
    }
    var needed = to.essential.length ? to.essential : to.skills;
    if (!needed.length) return { cost: round4(weight + 1), gap: null, evidence: evidence };
    var have = new Set(from.skills);
    extra.forEach(function (s) { have.add(s); });
    var haveGroups = groupsOf(have), covered = 0;
    needed.forEach(function (s) {
      if (have.has(s)) covered += 1;
      else if (D.skills[s].groups.some(function (g) { return haveGroups.has(g); })) covered += D.partialCredit;
    });
    var gap = round4(1 - covered / needed.length);
    return { cost: round4(weight + gap), gap: gap, evidence: evidence };
  }

  // The moves a path from *start* may use: every role, and of the occupations (which no role
  // moves into) only those reachable from *start*; without a start, everything.
  function moveGraph(evidence, extra, start) {
    var g = new lib.Graph({ type: "directed", multi: false, allowSelfLoops: false }), keep = new Set();
    D.roles.forEach(function (r, i) { if (!r.occupation) keep.add(i); });
    var queue = start === undefined ? D.roles.map(function (r, i) { return i; }) : [start];
    queue.forEach(function (i) { keep.add(i); });
    while (queue.length) {
      outOf[queue.pop()].forEach(function (m) { if (!keep.has(m.to)) { keep.add(m.to); queue.push(m.to); } });
    }
    keep.forEach(function (i) { g.addNode(String(i)); });
    D.moves.forEach(function (m) {
      if (!keep.has(m.from) || !keep.has(m.to)) return;
      var c = stepCost(m, D.roles[m.from], D.roles[m.to], extra, evidence);
      if (c) g.addEdge(String(m.from), String(m.to), { cost: c.cost, gap: c.gap, evidence: c.evidence, move: m });
    });
    return g;
  }
  function costOf(g, nodes) {
    var total = 0;
    for (var i = 0; i + 1 < nodes.length; i++) total += g.getEdgeAttribute(nodes[i], nodes[i + 1], "cost");
    return total;
  }
  function shortest(g, s, t) {
    if (!g.hasNode(s) || !g.hasNode(t)) return null;
    return lib.dijkstra.bidirectional(g, s, t, "cost");
  }

  // The k cheapest simple paths, cheapest first (Yen's algorithm, as networkx's
  // shortest_simple_paths that the CLI uses): each shortest path comes from graphology's
  // Dijkstra; the next path is the cheapest detour from a path already found, searched
  // with the roles before the detour and the moves already taken from there removed.
  // Paths longer than maxSteps are skipped; the search stops after a bounded number of
  // candidates.
  function kShortest(g, s, t, k, maxSteps) {
    var found = [], candidates = [], seen = new Set(), first = shortest(g, s, t), tries = 0;
    if (!first) return found;
    candidates.push({ nodes: first, cost: costOf(g, first) });
    seen.add(first.join(" "));
    while (candidates.length && found.length < k && tries < 200 + 20 * k) {
      tries += 1;
      candidates.sort(function (a, b) { return a.cost - b.cost || a.nodes.length - b.nodes.length; });
      var best = candidates.shift();
      if (best.nodes.length - 1 <= maxSteps) found.push(best);
      var path = best.nodes;
      for (var i = 0; i + 1 < path.length; i++) {
        var root = path.slice(0, i + 1), spurNode = path[i], h = g.copy();
        [best].concat(found).forEach(function (p) {
          var same = p.nodes.length > i && p.nodes.slice(0, i + 1).join(" ") === root.join(" ");
          if (same && h.hasEdge(p.nodes[i], p.nodes[i + 1])) h.dropEdge(p.nodes[i], p.nodes[i + 1]);
        });
        root.slice(0, -1).forEach(function (n) { if (h.hasNode(n)) h.dropNode(n); });
        var spur = shortest(h, spurNode, t);
        if (!spur) continue;
        var whole = root.slice(0, -1).concat(spur), key = whole.join(" ");
        if (seen.has(key)) continue;
        seen.add(key);
        candidates.push({ nodes: whole, cost: costOf(g, whole) });
      }
    }
    return found;
  }

  // ------------------------------------------------------------------ explaining
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 2 });
  function num(x) { return numberFormat.format(x); }
  var percent = new Intl.NumberFormat(document.documentElement.lang, { style: "percent" });
  function roleLink(i) {  // an occupation has no page here: its title and ROME code
    var r = D.roles[i];
    if (r.occupation) return el("span", r.label + " (" + fill(W.occupation, { code: r.slug }) + ")");
    var a = el("a", r.label);
    a.href = "roles/" + r.slug + ".html";
    return a;
  }
  function sourceTag(i) {
    var a = el("a", D.sources[i].short, "src");
    a.href = "sources.html#src-" + D.sources[i].short;
    return a;
  }
  // What a step adds: the target's skills the mover lacks, essential ones first.
  function adds(from, to) {
    var essential = new Set(to.essential);
    return to.skills.filter(function (s) { return !from.skillSet.has(s) && !held.has(s); })
      .sort(function (a, b) {
        return (essential.has(b) - essential.has(a)) || D.skills[a].label.localeCompare(D.skills[b].label);
      }).map(function (s) { return { label: D.skills[s].label, essential: essential.has(s) }; });
  }
  function stepItem(g, u, v, n) {
    var from = D.roles[u], to = D.roles[v], attrs = g.getEdgeAttributes(String(u), String(v)), li = el("li");
    var head = el("p");
    head.appendChild(el("strong", fill(W.step, { i: n, a: from.label, b: to.label })));
    head.appendChild(el("span", W.evidenceKinds[attrs.evidence], "tag ev-" + attrs.evidence));
    attrs.move.sources.forEach(function (s) {
      if (ORDER[s[1]] !== attrs.evidence) return;  // the sources of the evidence this step uses
      head.appendChild(document.createTextNode(" "));
      head.appendChild(sourceTag(s[0]));
    });
    if (attrs.evidence === "stated" && attrs.move.rank) {
      var ranked = attrs.move.rank === 1 ? W.rankFirstOf : W.rankOf;  // "1re", not "1e", in French
      head.appendChild(el("span", attrs.move.outOf ? fill(ranked, { n: attrs.move.rank, of: attrs.move.outOf })
                                                   : fill(W.rank, { n: attrs.move.rank }), "tag"));
    }
    if (attrs.evidence === "inferred" && attrs.move.probability !== null) {
      head.appendChild(el("span", fill(W.probability, { pct: percent.format(attrs.move.probability) }), "tag"));
    } else if (attrs.evidence === "inferred" && attrs.move.similarity !== null) {
      head.appendChild(el("span", fill(W.similarity, { pct: percent.format(attrs.move.similarity) }), "tag"));
    }
    head.appendChild(el("span", " " + fill(W.stepCost, { cost: num(attrs.cost),
      gap: attrs.gap === null ? W.gapUnknown : num(attrs.gap) }), "muted"));
    li.appendChild(head);
    var list = adds(from, to);
    if (!to.skills.length) li.appendChild(el("p", fill(W.noSkills, { b: to.label })));
    else if (!list.length) li.appendChild(el("p", W.addsNone));
    else {
      li.appendChild(el("p", fill(W.adds, { n: list.length })));
      var ul = el("ul", null, "lines"), shown = list.slice(0, 12);
      shown.forEach(function (s) {
        var item = el("li", s.label);
        if (s.essential) item.appendChild(el("span", W.essential, "tag"));
        ul.appendChild(item);
      });
      li.appendChild(ul);
      if (list.length > shown.length) {
        var more = el("details"), rest = el("ul", null, "lines");
        more.appendChild(el("summary", fill(W.more, { n: list.length - shown.length })));
        list.slice(shown.length).forEach(function (s) { rest.appendChild(el("li", s.label)); });
        more.appendChild(rest);
        li.appendChild(more);
      }
    }
    var before = {};
    from.pay.forEach(function (p) { before[p.key + " " + p.currency] = p; });
    to.pay.forEach(function (p) {
      var b = before[p.key + " " + p.currency];
      if (b) li.appendChild(el("p", fill(W.salary, { level: p.level, unit: p.currency,
        a: num(b.min) + "–" + num(b.max), b: num(p.min) + "–" + num(p.max) })));
    });
    return li;
  }
  function show(g, s, t, paths, query) {
    var out = $("results");
    out.replaceChildren();
    if (!paths.length) {
      out.appendChild(el("p", fill(W.none, { a: D.roles[s].label, b: D.roles[t].label }), "message"));
      return;
    }
    out.appendChild(el("h2", fill(W.heading, { a: D.roles[s].label, b: D.roles[t].label })));
    paths.forEach(function (p, i) {
      var box = el("section", null, "result"), nodes = p.nodes.map(Number);
      box.appendChild(el("h3", fill(W.pathN, { i: i + 1 }) + " · " + fill(W.cost, { cost: num(p.cost) }) + " · " +
        (nodes.length === 2 ? W.oneStep : fill(W.steps, { n: nodes.length - 1 }))));
      var chain = el("ol", null, "chain");
      nodes.forEach(function (r) { var li = el("li"); li.appendChild(roleLink(r)); chain.appendChild(li); });
      box.appendChild(chain);
      var steps = el("ol", null, "steps");
      for (var j = 0; j + 1 < nodes.length; j++) steps.appendChild(stepItem(g, nodes[j], nodes[j + 1], j + 1));
      box.appendChild(steps);
      var mapped = nodes.filter(function (r) { return !D.roles[r].occupation; });  // the map shows roles only
      if (mapped.length > 1) {
        var onMap = el("a", W.map);
        onMap.href = "map.html?path=" + mapped.map(function (r) { return D.roles[r].slug; }).join(",");
        box.appendChild(onMap);
      }
      out.appendChild(box);
    });
    var link = el("a", W.link);
    link.href = "?" + query;
    link.id = "permalink";
    out.appendChild(el("p")).appendChild(link);
  }

  // ------------------------------------------------------------------ the form
  function settings() {
    var evidence = Array.prototype.filter.call(document.querySelectorAll("input[name=evidence]"),
      function (b) { return b.checked; }).map(function (b) { return b.value; });
    return { from: $("from").value, to: $("to").value, k: Math.max(1, Math.min(10, parseInt($("k").value, 10) || 3)),
             max: Math.max(1, parseInt($("max").value, 10) || 12), evidence: evidence,
             skills: Array.from(held).sort(function (a, b) { return a - b; }).map(function (s) { return D.skills[s].id; }) };
  }
  function queryOf(o) {
    var q = new URLSearchParams({ from: o.from, to: o.to, k: String(o.k), max: String(o.max),
                                  evidence: o.evidence.join(",") });
    if (o.skills.length) q.set("skills", o.skills.join(","));
    return q.toString();
  }
  function run() {
    var o = settings(), out = $("results");
    if (!o.from || !o.to) { out.replaceChildren(); return null; }
    if (o.from === o.to) { out.replaceChildren(el("p", W.same, "message")); return null; }
    var g = moveGraph(new Set(o.evidence), held, bySlug[o.from]), s = String(bySlug[o.from]);
    var t = String(bySlug[o.to]);
    var paths = kShortest(g, s, t, o.k, o.max), query = queryOf(o);
    show(g, Number(s), Number(t), paths, query);
    var sw = $("lang-switch");
    if (sw) sw.href = sw.getAttribute("href").split("?")[0] + "?" + query;
    try { history.replaceState(null, "", "?" + query); } catch (e) { /* file:// pages may not rename themselves */ }
    view.last = { from: o.from, to: o.to, paths: paths.map(function (p) {
      return { cost: p.cost, roles: p.nodes.map(function (r) { return D.roles[Number(r)].slug; }) }; }) };
    return view.last;
  }
  // a held skill; *words*: the words of a pasted text that named it; *text*: what else to show
  function chip(s, words, text) {
    var li = el("li", text || (words ? fill(W.matched, { words: words, name: D.skills[s].label }) : D.skills[s].label));
    var x = el("button", "×");
    x.type = "button";
    x.setAttribute("aria-label", fill(W.remove, { name: D.skills[s].label }));
    x.addEventListener("click", function () { held.delete(s); li.remove(); });
    li.appendChild(x);
    $("chips").appendChild(li);
    return li;
  }
  function addSkill() {
    var s = skillByLabel[$("skill").value.trim().toLowerCase()];
    if (s === undefined || held.has(s)) return;
    held.add(s); chip(s); $("skill").value = "";
  }
  var list = $("skill-list");
  D.skills.slice().sort(function (a, b) { return a.label.localeCompare(b.label); }).forEach(function (s) {
    var o = el("option"); o.value = s.label; list.appendChild(o);
  });
  $("add-skill").addEventListener("click", addSkill);

  // "What I can already do": the skills a pasted text names, recognised here by the CLI's rules.
  var matcher = new window.datacareersText.Matcher(D.matcher);
  function recognise(text) {
    return matcher.match(text).map(function (m) { return { id: D.skills[m.skill].id, skill: m.skill, words: m.words }; });
  }
  function readText() {
    var text = $("have-text").value, status = $("have-text-status");
    if (text.length > D.maxText) { status.textContent = fill(W.tooLong, { n: num(D.maxText) }); return; }
    var found = recognise(text);
    status.textContent = found.length ? fill(W.recognised, { n: found.length }) : W.recognisedNone;
    found.forEach(function (m) { if (!held.has(m.skill)) { held.add(m.skill); chip(m.skill, m.words); } });
    if ($("from").value && $("to").value) run();
  }
  $("read-text").addEventListener("click", readText);

  // "Your job today": picking a title makes its node where the path starts; an occupation
  // (not in the roles' list) gets its own option, in a group of its own, at the top.
  function startFrom(i) {
    var r = D.roles[i], select = $("from"), group = $("job-group");
    if (r.occupation) {
      if (!group) {
        group = el("optgroup");
        group.id = "job-group";
        group.label = W.jobGroup;
        select.insertBefore(group, select.children[1] || null);
      }
      var option = el("option", r.label);
      option.value = r.slug;
      group.replaceChildren(option);
    }
    select.value = r.slug;
  }
  var jobs = window.datacareersJobs;
  function describeJob(hit) {  // an option: the title found, then the node it names when another
    var r = D.roles[hit.node];
    if (!r.occupation) return [hit.title, hit.title === r.label ? "" : r.label];
    return [hit.title, hit.title === r.label ? fill(W.occupation, { code: r.slug })
                                             : fill(W.jobOther, { title: r.label, code: r.slug })];
  }
  // ESCO occupations named like a start (D.escoStarts: [start, [names], [skills]]): their names
  // find the start too, and picking a title that is one of their names holds their essential
  // skills, as `datacareers path` does with the name typed.
  var nameKey = window.datacareersText.nameKey, escoOf = new Map();
  D.escoStarts.forEach(function (e) {
    var keys = new Set();
    e[1].forEach(function (n) { jobs.escoForms(n).forEach(function (f) { keys.add(nameKey(f)); }); });
    if (!escoOf.has(e[0])) escoOf.set(e[0], []);
    escoOf.get(e[0]).push({ keys: keys, skills: e[2] });
  });
  var escoChips = [];  // the skills the last title picked holds: a new pick replaces them
  function holdEsco(node, title) {
    var key = nameKey(title), notes = [];
    escoChips.forEach(function (c) { held.delete(c.s); c.li.remove(); });
    escoChips = [];
    (escoOf.get(node) || []).forEach(function (o) {
      if (!o.keys.has(key)) return;
      notes.push(fill(o.skills.length ? W.escoHeld : W.escoNone, { name: title, n: o.skills.length }));
      o.skills.forEach(function (s) {
        if (held.has(s)) return;
        held.add(s);
        escoChips.push({ s: s, li: chip(s, null, fill(W.escoSkill, { name: title, skill: D.skills[s].label })) });
      });
    });
    $("job-status").textContent = notes.join(" ");
  }
  var jobSearch = jobs.attach($("job"), $("job-list"), $("job-status"),
    function () { return jobs.index(D.roles, D.escoStarts); }, describeJob,
    function (node, title) {
      startFrom(node);
      holdEsco(node, title);
      if ($("to").value) run(); else $("to").focus();
    }, W, fill);
  $("skill").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); addSkill(); } });
  $("finder").addEventListener("submit", function (ev) { ev.preventDefault(); run(); });

  var view = window.datacareersPath = { run: run, stepCost: stepCost, moveGraph: moveGraph, kShortest: kShortest,
                                         recognise: recognise, jobs: jobSearch, data: D, last: null, ready: false };
  (function fromAddress() {
    var q = new URLSearchParams(location.search), problems = [];
    ["from", "to"].forEach(function (key) {
      var slug = q.get(key);
      if (slug === null) return;
      if (bySlug[slug] === undefined) problems.push(fill(W.unknown, { slug: slug }));
      else if (key === "from") { startFrom(bySlug[slug]); $("job").value = D.roles[bySlug[slug]].label; }
      else $(key).value = slug;
    });
    if (q.get("k")) $("k").value = q.get("k");
    if (q.get("max")) $("max").value = q.get("max");
    if (q.get("evidence") !== null) {
      var wanted = new Set(q.get("evidence").split(","));
      document.querySelectorAll("input[name=evidence]").forEach(function (b) { b.checked = wanted.has(b.value); });
    }
    (q.get("skills") || "").split(",").forEach(function (id) {
      var s = skillById[id];
      if (s !== undefined && !held.has(s)) { held.add(s); chip(s); }
    });
    if (q.get("job") && q.get("from") === null) {  // from the index: a title to look for
      $("job").value = q.get("job");
      jobSearch.update();
    }
    if (problems.length) $("results").replaceChildren(el("p", problems.join(" "), "message"));
    else run();
  })();
  view.ready = true;
  view.readyAt = performance.now();
  document.body.setAttribute("data-ready", "true");
  setTimeout(jobSearch.titles, 0);  // the titles' index, once the first answer is shown
})();
