// `make serve` only: reload the page when the server reports a new build.
(function () {
  "use strict";
  var current = null;
  function poll() {
    fetch("/__build_id", { cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (id) {
        if (id === null) return;
        if (current !== null && id !== current) location.reload();
        current = id;
      })
      .catch(function () {})
      .finally(function () { setTimeout(poll, 300); });
  }
  poll();
})();
