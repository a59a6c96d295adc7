// A printed role page shows what its folds hold: every <details> opens before printing.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
