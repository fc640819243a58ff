// Handbook behaviour: sortable and filterable tables. Bound through Material's document$
// so it runs after instant navigation too; each table is bound once.
(function () {
  "use strict";
  function cellValue(row, index) {
    var cell = row.cells[index];
    var key = cell.getAttribute("data-sort");
    if (key !== null && key !== "" && !isNaN(Number(key))) return Number(key);
    return cell.textContent.trim();
  }
  function bindSort(table) {
    if (table.dataset.phBound) return;
    table.dataset.phBound = "1";
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return dir === "ascending" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }
  function bindFilter(input) {
    if (input.dataset.phBound) return;
    input.dataset.phBound = "1";
    var table = document.getElementById(input.getAttribute("data-table"));
    if (!table) return;
    var counter = document.querySelector('[data-count-for="' + table.id + '"]');
    var empty = document.getElementById(input.getAttribute("data-empty") || "");
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase(), shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        // a row's text, and the everyday words the glossary gives for its terms (冰箱: 家电)
        var text = (row.textContent + " " + (row.getAttribute("data-terms") || "")).toLowerCase();
        row.hidden = q !== "" && text.indexOf(q) < 0;
        if (!row.hidden) shown += 1;
      });
      if (counter) counter.textContent = counter.getAttribute("data-template").replace("{n}", shown);
      table.hidden = shown === 0;  // no empty header: what to try instead
      if (empty) {
        empty.hidden = shown > 0;
        empty.textContent = shown ? "" : empty.getAttribute("data-template").replace("{q}", input.value.trim());
      }
    });
  }
  function init() {
    document.querySelectorAll("table.ph-sortable").forEach(bindSort);
    document.querySelectorAll("input.ph-filter").forEach(bindFilter);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
