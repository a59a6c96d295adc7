// The two DOM helpers the path finder and the map share. Every piece of data reaches the
// page as text (textContent), never as markup.
window.datacareersDom = {
  // A new element with *text* as its text and *cls* as its class.
  el: function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  },
  // *template* with each {name} replaced by values[name] (unknown names left as they are).
  fill: function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
  }
};
