// The language switch in the header links the same page in the other language. Material's
// instant navigation does not redraw the header, so after each navigation the links are
// taken again from the page (span.ph-lang-paths), keeping the query and the fragment.
(function () {
  "use strict";
  function update() {
    var paths = document.querySelector("span.ph-lang-paths");
    if (!paths) return;
    document.querySelectorAll("a[data-ph-switch]").forEach(function (a) {
      var target = paths.getAttribute("data-" + a.getAttribute("data-ph-switch"));
      if (target) a.href = new URL(target, location.href).href.split("#")[0].split("?")[0] +
        location.search + location.hash;
    });
  }
  if (typeof document$ !== "undefined") document$.subscribe(update);
  else document.addEventListener("DOMContentLoaded", update);
})();
