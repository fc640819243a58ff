// `make serve` only: reload the page when a new build lands, and while the last build failed,
// show its problems (path:line:col: what, how to fix) over the page, as Hugo and Vite do.
// /__build_status?after=N answers when the build after build N ends (a long poll).
(function () {
  "use strict";
  var current = null, state = null;
  function overlay(problems) {
    var box = document.getElementById("ph-build-problems");
    if (!problems.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("section");
      box.id = "ph-build-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;" +
        "overflow:auto;z-index:10;background:#2b0d0b;color:#fff;padding:1rem 1.2rem;" +
        "font:13px/1.5 monospace;box-shadow:0 -2px 8px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.textContent = "";
    var h = document.createElement("h2");
    h.style.cssText = "margin:0 0 .5rem;font-size:15px;color:#ffb4ab";
    h.textContent = "The last build failed; this page is from the build before it. " +
      "Fix these and save:";
    box.appendChild(h);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2rem";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.textContent = p;
      list.appendChild(li);
    });
    box.appendChild(list);
  }
  function poll() {
    var wait = 1000;  // after an error (the server restarting): ask again in a second
    fetch("/__build_status" + (state === null ? "" : "?after=" + state), { cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (status) {
        if (status === null) return;
        wait = 0;
        if (current !== null && status.id !== current) { wait = -1; location.reload(); return; }
        current = status.id;
        state = status.state;
        overlay(status.problems || []);
      })
      .catch(function () {})
      .finally(function () { if (wait >= 0) setTimeout(poll, wait); });
  }
  poll();
})();
