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
  // A printed page says where and when it was printed; folded sections print open.
  function printMeta() {
    var url = document.querySelector(".ph-print-url"), date = document.querySelector(".ph-print-date");
    if (url) url.textContent = location.href;
    if (date) date.textContent = new Date().toISOString().slice(0, 10);
  }
  window.addEventListener("beforeprint", function () {
    printMeta();
    document.querySelectorAll("article details:not(.ph-edit)").forEach(function (d) {
      d.setAttribute("open", "");
    });
  });
  // Enter on the language link goes there: with instant navigation on, Material's handler
  // swallows it (a mouse click works, the keyboard did nothing: WCAG 2.1.1). Bound once, on
  // the document, so it holds after instant navigation too.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.defaultPrevented) return;
    var a = ev.target && ev.target.closest && ev.target.closest("a[data-ph-switch]");
    if (!a) return;
    ev.preventDefault();
    update();
    location.assign(a.href);
  }, true);
  // The menu button (a label for Material's drawer checkbox): Enter or Space opens and
  // closes the drawer, an open drawer takes the focus to its first link, Escape closes it.
  document.addEventListener("keydown", function (ev) {
    var drawer = document.getElementById("__drawer");
    if (ev.key === "Escape" && drawer && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
      var back = document.querySelector("[data-ph-drawer]");
      if (back) back.focus();
      return;
    }
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var label = ev.target && ev.target.closest && ev.target.closest("[data-ph-drawer]");
    var toggle = document.getElementById("__drawer");
    if (!label || !toggle) return;
    ev.preventDefault();
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change"));
    if (toggle.checked) {
      var first = document.querySelector(".md-sidebar--primary .md-nav__link[href]");
      if (first) first.focus();
    }
  }, true);
  if (typeof document$ !== "undefined") document$.subscribe(function () { update(); printMeta(); });
  else document.addEventListener("DOMContentLoaded", function () { update(); printMeta(); });
})();
