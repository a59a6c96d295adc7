// The site's map: the HTML view (views/html) made readable from its address.
//   map.html                      the career map, opened at a zoom where labels can be read
//   map.html?focus=data-analyst   the role and its direct neighbours, the most relevant
//                                 first, at most SITE.cap at a time ("show more" for the rest)
//   map.html?path=a,b,c           the steps of a path in a row, with what each step adds
// Runs before the view's code: window.datacareersOnly(DATA) tells the view what to draw.
(function () {
  "use strict";
  var SITE = window.datacareersSite, W = SITE.words, plan = null;
  var el = window.datacareersDom.el, fill = window.datacareersDom.fill;  // assets/dom.js
  var query = new URLSearchParams(location.search);
  // Relations by relevance to a role: moves, then reporting lines, then essential skills...
  var RELEVANCE = { canBecome: 0, managedBy: 1, worksWith: 1, essentialSkill: 2, inSector: 3, employedBy: 3,
                    optionalSkill: 4, requiresSkill: 4 };
  var SKILL_LINKS = ["essentialSkill>", "optionalSkill>", "requiresSkill>"];

  function ranked(DATA, centre) {
    var degree = {}, best = {}, label = {};
    DATA.nodes.forEach(function (n) { label[n.id] = n.full; });
    DATA.edges.forEach(function (e) {
      degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1;
      var other = e.from === centre ? e.to : e.to === centre ? e.from : null, r = RELEVANCE[e.rel];
      if (other && other !== centre) best[other] = Math.min(best[other] === undefined ? 9 : best[other], r === undefined ? 5 : r);
    });
    return Object.keys(best).sort(function (a, b) {
      return best[a] - best[b] || (degree[b] || 0) - (degree[a] || 0) || String(label[a]).localeCompare(String(label[b]));
    });
  }
  function skillsOf(DATA, id) {
    var links = (DATA.details[id] || {}).links || {}, out = {};
    SKILL_LINKS.forEach(function (k, i) {
      (links[k] || []).forEach(function (x) { if (!(x[0] in out)) out[x[0]] = { name: x[1], essential: i === 0 }; });
    });
    return out;
  }

  window.datacareersOnly = function (DATA) {
    var path = (query.get("path") || "").split(",").filter(Boolean).map(function (s) { return SITE.roles[s]; });
    if (path.length >= 2 && path.every(Boolean)) {
      var byId = {};
      DATA.nodes.forEach(function (n) { byId[n.id] = n; });
      path.forEach(function (id, i) {
        var n = byId[id];
        if (!n) return;
        n.x = i * 320; n.y = 0; n.pinned = true; n.step = String(i + 1);
      });
      DATA.initiallyOff = [];
      plan = { mode: "path", ids: path };
      return new Set(path);
    }
    var focus = SITE.roles[query.get("focus") || ""];
    if (focus) {
      var order = ranked(DATA, focus);
      DATA.initiallyOff = [];
      DATA.focus = focus;
      plan = { mode: "focus", focus: focus, order: order, shown: Math.min(SITE.cap - 1, order.length) };
      var kind = {};
      DATA.nodes.forEach(function (n) { kind[n.id] = n.kind; });
      // The focus's own links, and the moves and reporting lines between roles: not every
      // link between two neighbours (skills shared by other roles made the hairball).
      window.datacareersOnlyEdge = function (e) {
        return e.from === focus || e.to === focus || (kind[e.from] === "role" && kind[e.to] === "role");
      };
      return new Set([focus].concat(order.slice(0, plan.shown)));
    }
    return null;
  };

  function link(text, href, attrs) {
    var a = el("a", text);
    a.href = href;
    Object.keys(attrs || {}).forEach(function (k) { a.setAttribute(k, attrs[k]); });
    return a;
  }

  function siteBar() {
    var style = el("style", "header .site-nav { display: flex; flex-wrap: wrap; gap: 4px 14px; width: 100%; }" +
      " header .site-nav a { padding: 4px 0; } header .site-nav #lang-switch { margin-left: auto; }" +
      " header .site-focus { width: 100%; margin: 0; } :focus-visible { outline: 3px solid #b45309; }");
    document.head.appendChild(style);
    var nav = el("nav", null, "site-nav");
    nav.setAttribute("aria-label", W.nav.label);
    [["index", "index.html"], ["path", "path.html"], ["sources", "sources.html"]].forEach(function (p) {
      nav.appendChild(link(W.nav[p[0]], p[1]));
    });
    nav.appendChild(link(SITE.otherName, "../" + SITE.other + "/map.html" + location.search,
                         { id: "lang-switch", hreflang: SITE.other, lang: SITE.other }));
    document.querySelector("header").prepend(nav);
  }
  function focusBar(view) {
    var box = el("p", null, "site-focus"), status = el("span"), more = el("button", "", "btn");
    more.type = "button";
    function update() {
      var hidden = plan.order.length - plan.shown;
      status.textContent = fill(W.capped, { n: plan.shown + 1, total: plan.order.length + 1,
                                            label: view.data.nodes.filter(function (n) { return n.id === plan.focus; })[0].full });
      more.textContent = fill(W.more, { n: hidden });
      more.hidden = hidden <= 0;
    }
    more.addEventListener("click", function () {
      plan.shown = Math.min(plan.order.length, plan.shown + SITE.cap);
      view.setOnly(new Set([plan.focus].concat(plan.order.slice(0, plan.shown))));
      update();
    });
    box.appendChild(status); box.appendChild(document.createTextNode(" ")); box.appendChild(more);
    box.appendChild(document.createTextNode(" ")); box.appendChild(link(W.all, "map.html"));
    document.querySelector("header").appendChild(box);
    update();
  }
  function pathPanel(view) {
    var DATA = view.data, box = document.getElementById("path"), names = {};
    DATA.nodes.forEach(function (n) { names[n.id] = n.full; });
    box.appendChild(el("h3", W.stepAdds));
    var ol = el("ol");
    for (var i = 0; i + 1 < plan.ids.length; i++) {
      var before = skillsOf(DATA, plan.ids[i]), after = skillsOf(DATA, plan.ids[i + 1]);
      var added = Object.keys(after).filter(function (s) { return !(s in before); }).sort(function (a, b) {
        return (after[b].essential - after[a].essential) || after[a].name.localeCompare(after[b].name);
      });
      var li = el("li"), head = el("button", names[plan.ids[i]] + " → " + names[plan.ids[i + 1]], "link");
      head.type = "button";
      head.addEventListener("click", (function (id) { return function () { view.selectNode(id); }; })(plan.ids[i + 1]));
      li.appendChild(head);
      li.appendChild(el("span", " — " + fill(W.adds, { n: added.length }), "tag"));
      var ul = el("ul");
      added.slice(0, 8).forEach(function (s) { ul.appendChild(el("li", after[s].name)); });
      if (added.length > 8) ul.appendChild(el("li", "…"));
      li.appendChild(ul);
      ol.appendChild(li);
    }
    box.appendChild(ol);
  }
  // Labels readable at the opening zoom: never open below SITE.minScale.
  function legible(view) {
    var net = view.network;
    if (net.getScale() >= SITE.minScale) return;
    var at = view.data.focus ? net.getPositions([view.data.focus])[view.data.focus] : net.getViewPosition();
    net.moveTo({ position: at, scale: SITE.minScale });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var view = window.datacareersView;
    siteBar();
    if (plan && plan.mode === "focus") focusBar(view);
    if (plan && plan.mode === "path") pathPanel(view);
    function whenStable() {
      // the site's bars took room from the canvas after it was drawn: let vis-network see its
      // size now (it rescales the camera on a resize) so the zoom set below is the last word
      window.dispatchEvent(new Event("resize"));
      legible(view);
      SITE.readyAt = performance.now();
      document.body.setAttribute("data-site-ready", "true");
    }
    if (view.stable) whenStable();
    else new MutationObserver(function (changes, observer) {
      if (document.body.getAttribute("data-stable") === "true") { observer.disconnect(); whenStable(); }
    }).observe(document.body, { attributes: true, attributeFilter: ["data-stable"] });
  });
})();
