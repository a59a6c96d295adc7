// The region picker of a role page's hiring tension: shows the chosen region's 2019 tension,
// read from the option itself (the page holds every region's figure; nothing is fetched).
(function () {
  "use strict";
  var pick = document.getElementById("region-pick");
  var out = document.getElementById("region-out");
  if (!pick || !out) { return; }
  function show() {
    var option = pick.options[pick.selectedIndex];
    out.textContent = option ? option.getAttribute("data-text") || "" : "";
  }
  pick.addEventListener("change", show);
  show();
}());
