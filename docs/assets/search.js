// The library's search page: Pagefind's UI over the library's one index (every document's
// pages; generator/outputs/search_merge.py), with a filter to limit the results to one document. The query is kept in the
// address (?q=), so a search can be linked and the header's search button lands here.
(function () {
  "use strict";
  // Whole yuan of "1.5" x 10^zeros, exactly (no floating point): 1.5万 -> 15000.
  function yuan(number, zeros) {
    var parts = number.split("."), frac = (parts[1] || "");
    if (frac.length > zeros) return null;
    var digits = (parts[0] + frac + "0".repeat(zeros - frac.length)).replace(/^0+(?=\d)/, "");
    return digits;
  }
  var SCALE = { "万": 4, "亿": 8, "thousand": 3, "million": 6, "billion": 9 };
  // The clause numbers and amounts a reader types become the whole-word tokens every clause
  // page carries (generator/render/filters.py: search_terms), so 50万元 finds the clauses
  // that give 50万元, not 500元 or clause 50.
  // Everyday words readers type (冰箱, 电车, 高企, fridge), and the terms themselves, become
  // the token the clause pages carry beside each occurrence of the glossary's term
  // (glossary.yaml `also`; generator/render/filters.py: searchable).
  var aliases = {};
  function unalias(term) {
    var words = Object.keys(aliases).sort(function (a, b) { return b.length - a.length; });
    var t = term;
    words.forEach(function (w) {
      if (/^[\x00-\x7f]+$/.test(w)) {
        var re = new RegExp("\\b" + w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "\\b", "gi");
        t = t.replace(re, aliases[w]);
      } else if (t.indexOf(w) >= 0) {
        t = t.split(w).join(" " + aliases[w] + " ");
      }
    });
    return t;
  }
  function rewrite(term) {
    var t = " " + term + " ";
    t = t.replace(/第\s*(\d+)\s*条|(\d+)\s*条|\bclause\s+(\d+)\b/gi, function (m, a, b, c) {
      return " clause" + (a || b || c) + "x ";
    });
    t = t.replace(/(\d+(?:\.\d+)?)\s*(万|亿)元?|(\d+(?:\.\d+)?)\s*元/g, function (m, n, u, plain) {
      var v = u ? yuan(n, SCALE[u]) : yuan(plain, 0);
      return v === null ? m : " amt" + v + "x ";
    });
    t = t.replace(/(?:\bCNY|\bRMB|¥)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(thousand|million|billion))?/gi,
      function (m, n, f, u) {
        var v = yuan(n.replace(/,/g, "") + (f || ""), u ? SCALE[u.toLowerCase()] : 0);
        return v === null ? m : " amt" + v + "x ";
      });
    // words last: their tokens (term…x) are never read again as amounts or clause numbers
    return unalias(t).replace(/\s+/g, " ").trim();
  }
  window.phSearchRewrite = rewrite;  // for the tests
  function init() {
    var box = document.getElementById("ph-search");
    if (!box || box.dataset.phBound || typeof PagefindUI === "undefined") return;
    box.dataset.phBound = "1";
    aliases = JSON.parse(box.getAttribute("data-aliases") || "{}");
    // the filter by document, only when there is more than one document to choose from
    box.classList.toggle("ph-search-one-document", Number(box.getAttribute("data-documents")) < 2);
    var ui = new PagefindUI({
      element: "#ph-search",
      bundlePath: new URL(box.getAttribute("data-bundle"), location.href).pathname,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true,
      debounceTimeoutMs: 60,
      translations: JSON.parse(box.getAttribute("data-strings")),
      processResult: function (result) {
        // The whole-word tokens are for matching, not for reading: Pagefind writes an
        // attribute it indexes before the element's text, with ". " after it.
        var strip = function (html) {
          return html.replace(/(?:(?:<mark>)?(?:clause|amt|term)[\da-f.]+x(?:<\/mark>)?\s?)+(?:\.\s?)?/g, "")
            .replace(/([\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])/g, "$1")
            .replace(/^\s*[.。：:·]\s*/, "");
        };
        result.excerpt = strip(result.excerpt);
        // A page's first section repeats the page's own title: it is the page itself (so
        // Pagefind's UI shows its excerpt under the one title, not the title twice).
        var page = (result.meta && result.meta.url) || result.url;
        (result.sub_results || []).forEach(function (sub) {
          if (sub.title === result.meta.title) sub.url = page;
          sub.excerpt = strip(sub.excerpt);
        });
        return result;
      },
      processTerm: function (term) {
        var q = new URL(location.href);
        if (term) q.searchParams.set("q", term); else q.searchParams.delete("q");
        history.replaceState(history.state, "", q.href);
        return rewrite(term);
      },
    });
    // The index loads as the page opens, not at the first key (Pagefind's UI waits for the
    // box's focus event, which its own autofocus comes too early to send): a reader who came
    // here to search does not wait for it after typing.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) input.dispatchEvent(new Event("focus"));
    var q = new URL(location.href).searchParams.get("q");
    if (q) ui.triggerSearch(q);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
