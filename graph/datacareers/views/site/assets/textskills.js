// Skills recognised in free text, in the page: the rules of the CLI's --have-text
// (datacareers.store.textskills.TextMatcher), on the table the site embeds (dc-path's
// "matcher": every folded skill label with its skill numbers, and the heads such as
// "Python" matched by their exact spelling). A test runs both on the same texts.
//   nameKey: lower case, no accents, punctuation as spaces, a word of more than three
//            letters without its plural s/x (datacareers.store.resolve.name_key);
//   match:   the labels whose words follow each other in the text, the longest first, each
//            word of the text serving one match; returns [{skill, words}] in text order.
window.datacareersText = (function () {
  "use strict";
  var WORD = /[\p{L}\p{N}_]+/gu, LONGEST = 10;
  function normalize(text) {
    var plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(/\p{Mn}/gu, "");
    return plain.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").split(" ").filter(Boolean).join(" ");
  }
  function nameKey(text) {
    return normalize(text).split(" ").filter(Boolean).map(function (w) {
      return Array.from(w).length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w;
    }).join(" ");
  }
  // The matcher for one table: {phrases: [[folded words, [skill, ...]], ...], heads: {Spelling: [skill]}}.
  function Matcher(table) {
    this.phrases = new Map(table.phrases.map(function (p) { return [p[0], p[1]]; }));
    this.heads = new Map(Object.entries(table.heads));
  }
  Matcher.prototype.match = function (text) {
    var tokens = [], found = new Map(), i = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var key = nameKey(m[0]);
      if (key) tokens.push([m[0], key]);
    }
    while (i < tokens.length) {
      var step = 1;
      for (var size = Math.min(LONGEST, tokens.length - i); size > 0; size--) {
        var part = tokens.slice(i, i + size), skills = this.phrases.get(part.map(function (t) { return t[1]; }).join(" "));
        skills = skills ? skills.slice() : [];
        if (size === 1) (this.heads.get(tokens[i][0]) || []).forEach(function (s) { skills.push(s); });
        if (skills.length) {
          var words = part.map(function (t) { return t[0]; }).join(" ");
          Array.from(new Set(skills)).sort(function (a, b) { return a - b; }).forEach(function (s) {
            if (!found.has(s)) found.set(s, { skill: s, words: words });
          });
          step = size;
          break;
        }
      }
      i += step;
    }
    return Array.from(found.values());
  };
  return { normalize: normalize, nameKey: nameKey, Matcher: Matcher };
})();
