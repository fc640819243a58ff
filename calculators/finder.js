// The benefit finder: who first, then plain situations whose amounts are asked inline; every
// document's rules run through PolicyCalc.find (engine.js), so the total is the calculators'
// results added up. Results: a running total, then the lines by responsible unit, each with
// its clause and a link to its calculator filled in; a printable checklist; the state in the
// URL (?who=…&s=…&<situation>.<input>=…; the old finder's ?has=… is read too).
(function () {
  "use strict";
  var U;

  function bindFinder(form) {
    if (form.dataset.phBound) return;
    form.dataset.phBound = "1";
    U = window.PolicyUI;
    var blob = JSON.parse(form.getAttribute("data-spec"));
    var msg = blob.messages, lang = blob.lang, docs = blob.documents;
    var totalBox = document.getElementById("ph-finder-total");
    var linesBox = document.getElementById("ph-finder-lines");
    var actions = document.querySelector(".ph-finder-actions");
    var bar = form.querySelector(".ph-finder-bar"); // the total, in view while filling in
    if (bar) U.bindBarLink(bar.querySelector("button"));
    var situations = {}; // id -> {doc, situation, calc} from the first document that has it
    docs.forEach(function (doc) {
      doc.rules.finder.forEach(function (g) {
        g.situations.forEach(function (s) {
          if (!situations[s.id]) {
            situations[s.id] = { doc: doc, s: s, audience: g.audience,
              calc: s.calculator ? doc.rules.calculators[s.calculator] : null };
          }
        });
      });
    });

    function who() { return (form.querySelector('input[name="who"]:checked') || {}).value || ""; }

    function ticked() {
      var out = [];
      form.querySelectorAll('input[name="s"]:checked').forEach(function (b) { out.push(b.value); });
      return out;
    }

    // Answers of the ticked situations of the audience; fields that do not matter are
    // hidden and left out (a bed needs no grade).
    function state() {
      var audience = who(), chosen = {};
      form.querySelectorAll(".ph-audience").forEach(function (block) {
        U.setHidden(block, block.getAttribute("data-audience") !== audience);
      });
      form.querySelectorAll(".ph-situation").forEach(function (box) {
        var id = box.getAttribute("data-situation");
        var on = box.querySelector('input[name="s"]').checked;
        var inputs = box.querySelector(".ph-situation-inputs");
        if (inputs) U.setHidden(inputs, !on);
        var info = situations[id];
        if (!on || !info || info.audience !== audience) return;
        var answers = {};
        if (info.calc) {
          var raw = U.readInputs(box, info.calc, id + ".", info.s.ask);
          var full = {};
          Object.keys(info.s.set).forEach(function (k) { full[k] = info.s.set[k].join(","); });
          Object.keys(raw).forEach(function (k) { full[k] = raw[k]; });
          var keys = U.showRelevant(box, info.calc, full);
          info.s.ask.forEach(function (k) { answers[k] = keys[k] ? raw[k] : ""; });
        }
        chosen[id] = answers;
      });
      return { who: audience, chosen: chosen };
    }

    function calculatorLink(doc, run) {
      var params = new URLSearchParams();
      Object.keys(run.inputs).forEach(function (k) { if (run.inputs[k] !== "") params.set(k, run.inputs[k]); });
      return doc.root + "calculators/" + run.calculator + "/?" + params.toString();
    }

    function situationLabel(id) {
      var box = form.querySelector('.ph-situation[data-situation="' + id + '"] label');
      return box ? box.textContent.trim() : id;
    }

    // Every line of one document, grouped by its responsible units (first seen first).
    function documentLines(doc, found) {
      var groups = [], byKey = {};
      function groupOf(unitIds) {
        var key = unitIds.join(",");
        if (!byKey[key]) {
          byKey[key] = { units: unitIds, items: [], min: 0, max: 0, computed: 0 };
          groups.push(byKey[key]);
        }
        return byKey[key];
      }
      found.runs.forEach(function (run) {
        var spec = doc.rules.calculators[run.calculator], res = run.result;
        res.lines.forEach(function (line) {
          var rule = spec.rules[line.rule];
          var g = groupOf(rule.units.map(function (u) { return u.id; }));
          g.items.push({ kind: "computed", line: line, rule: rule, run: run, spec: spec });
          if (line.eligible && res.eligible) { g.min += line.min; g.max += line.max; g.computed += 1; }
        });
      });
      found.listed.forEach(function (item) {
        var inc = doc.incentives[item.clause + "/" + item.incentive];
        groupOf(inc.units).items.push({ kind: "listed", clause: item.clause, inc: inc });
      });
      return groups;
    }

    function itemNode(doc, item) {
      var li = U.el("li", { "class": "ph-finder-line" });
      var head = U.el("p");
      if (item.kind === "listed") {
        li.setAttribute("data-clause", String(item.clause));
        head.appendChild(U.el("a", { href: doc.root + item.inc.anchor }, U.fill(msg.clause, { n: item.clause })));
        head.appendChild(document.createTextNode(" · " + item.inc.what + (lang === "zh" ? "：" : ": ")));
        head.appendChild(U.el("span", { "class": "ph-line-terms" }, item.inc.terms.join(lang === "zh" ? "；" : "; ")));
        li.appendChild(head);
        return li;
      }
      var line = item.line, rule = item.rule;
      li.setAttribute("data-clause", String(line.clause));
      li.setAttribute("data-incentive", line.incentive);
      head.appendChild(U.el("a", { href: doc.root + rule.anchor }, U.fill(msg.clause, { n: line.clause })));
      head.appendChild(document.createTextNode(" · " + rule.what[lang] + (lang === "zh" ? "：" : ": ")));
      if (line.eligible) {
        var upTo = line.steps[line.steps.length - 1].op === "up_to";
        head.appendChild(U.el("strong", { "class": "ph-line-amount" }, U.amountText(msg, line.min, line.max, upTo)));
        if (line.uncertain) head.appendChild(document.createTextNode(" (" + msg.uncertain + ")"));
      } else {
        li.className += " ph-line-no";
        head.appendChild(U.el("span", {}, U.reasonText(msg, lang, rule)));
      }
      li.appendChild(head);
      if (line.uncertain) li.appendChild(U.unsettledBox(msg, lang, rule));
      var more = U.el("p", { "class": "ph-line-more" });
      more.appendChild(U.el("a", { href: calculatorLink(doc, item.run) }, msg.finder_open));
      li.appendChild(more);
      return li;
    }

    function renderDocument(doc, found, holder) {
      documentLines(doc, found).forEach(function (g) {
        var section = U.el("div", { "class": "ph-finder-unit" });
        var names = g.units.map(function (id) { return doc.units[id] ? doc.units[id].name : id; });
        var h = U.el("h3", {});
        h.appendChild(document.createTextNode(names.join(msg.list_sep) + " "));
        var unitLink = U.el("a", { href: doc.root + "units/" + g.units[0] + "/", "class": "ph-unit-link" }, msg.finder_unit_page);
        h.appendChild(unitLink);
        section.appendChild(h);
        var ul = U.el("ul", {});
        g.items.forEach(function (item) { ul.appendChild(itemNode(doc, item)); });
        section.appendChild(ul);
        if (g.computed > 1) {
          section.appendChild(U.el("p", { "class": "ph-subtotal" }, msg.finder_subtotal + msg.colon +
            U.amountText(msg, g.min, g.max, false)));
        }
        holder.appendChild(section);
      });
    }

    // Inline: a situation's problems (an exclusive pair) and what it still needs.
    function renderSituations(all) {
      form.querySelectorAll(".ph-situation .ph-error").forEach(function (e) { e.textContent = ""; });
      form.querySelectorAll(".ph-situation [aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
      form.querySelectorAll(".ph-situation-status").forEach(function (e) { e.textContent = ""; });
      all.forEach(function (pair) {
        var doc = pair[0], found = pair[1];
        Object.keys(found.missing).forEach(function (id) {
          var spec = doc.rules.calculators[situations[id].s.calculator];
          var labels = found.missing[id].map(function (k) { return U.inputSpec(spec, k).label[lang]; });
          var status = form.querySelector('[data-status-for="' + id + '"]');
          if (status) status.textContent = U.fill(msg.incomplete, { labels: labels.join(msg.list_sep) });
        });
        found.runs.forEach(function (run) {
          var spec = doc.rules.calculators[run.calculator];
          Object.keys(run.result.errors).forEach(function (key) {
            run.situations.forEach(function (id) {
              var holder = form.querySelector('[data-error-for="' + id + "." + key + '"]');
              if (!holder) return;
              holder.textContent = U.errorText(msg, lang, spec, key, run.result.errors[key], run.inputs[key]);
              form.querySelectorAll('[name="' + id + "." + key + '"]').forEach(function (f) { f.setAttribute("aria-invalid", "true"); });
            });
          });
        });
      });
    }

    function renderTotal(all, st) {
      totalBox.textContent = "";
      var min = 0, max = 0, waiting = 0, uncertain = false, upTo = false;
      all.forEach(function (pair) {
        var found = pair[1];
        min += found.min; max += found.max; uncertain = uncertain || found.uncertain;
        waiting += Object.keys(found.missing).length;
        found.runs.forEach(function (run) {
          run.result.lines.forEach(function (l) {
            if (l.eligible && l.steps[l.steps.length - 1].op === "up_to") upTo = true;
          });
        });
      });
      var any = st.who && Object.keys(st.chosen).length;
      totalBox.setAttribute("data-state", !any ? "empty" : waiting ? "waiting" : "done");
      totalBox.setAttribute("data-min", String(min));
      totalBox.setAttribute("data-max", String(max));
      if (bar) bar.hidden = !any;
      if (!any) { totalBox.appendChild(U.el("p", {}, msg.finder_nothing)); return; }
      var label = waiting ? msg.finder_total_partial : msg.finder_total;
      var amount = U.amountText(msg, min, max, false);
      totalBox.appendChild(U.el("p", { "class": "ph-verdict" }, label));
      totalBox.appendChild(U.el("p", { "class": "ph-amount" }, amount));
      if (bar) bar.querySelector(".ph-finder-bar-total").textContent = label + msg.colon + amount;
      var notes = [];
      if (waiting) notes.push(U.fill(msg.finder_waiting, { n: waiting }));
      if (uncertain) notes.push(msg.finder_has_uncertain);
      if (upTo) notes.push(msg.finder_has_up_to);
      var past = all.some(function (pair) {
        return pair[0].status && (pair[1].runs.length || pair[1].listed.length);
      });
      if (past) notes.push(msg.finder_has_past);
      if (notes.length) totalBox.appendChild(U.el("p", { "class": "ph-note" }, notes.join(lang === "zh" ? "；" : "; ")));
    }

    function apply(push) {
      var st = state();
      var all = docs.map(function (doc) {
        var mine = {};
        Object.keys(st.chosen).forEach(function (id) {
          var has = doc.rules.finder.some(function (g) {
            return g.situations.some(function (s) { return s.id === id; });
          });
          if (has) mine[id] = st.chosen[id];
        });
        return [doc, PolicyCalc.find(doc.rules, st.who || null, mine)];
      });
      renderSituations(all);
      renderTotal(all, st);
      linesBox.textContent = "";
      var shown = 0;
      all.forEach(function (pair) {
        var found = pair[1];
        if (!found.runs.length && !found.listed.length) return;
        shown += 1;
        var holder = linesBox;
        if (blob.grouped) {
          holder = U.el("section", { "class": "ph-finder-doc", "data-document": pair[0].id });
          holder.appendChild(U.el("h3", { "class": "ph-finder-doc-title" }, pair[0].title));
          linesBox.appendChild(holder);
        }
        if (pair[0].status) holder.appendChild(U.statusNote(pair[0].status));
        renderDocument(pair[0], found, holder);
      });
      linesBox.setAttribute("data-count", String(linesBox.querySelectorAll(".ph-finder-line").length));
      if (actions) actions.hidden = shown === 0;
      if (push) {
        var params = new URLSearchParams();
        if (st.who) params.set("who", st.who);
        var ids = Object.keys(st.chosen);
        if (ids.length) params.set("s", ids.join(","));
        ids.forEach(function (id) {
          Object.keys(st.chosen[id]).forEach(function (k) {
            if (st.chosen[id][k] !== "") params.set(id + "." + k, st.chosen[id][k]);
          });
        });
        var query = params.toString();
        history.replaceState(history.state, "", query ? "?" + query : location.pathname);
      }
    }

    function tick(id) {
      var box = form.querySelector('input[name="s"][value="' + id + '"]');
      if (box) box.checked = true;
    }

    // The old finder's ?has=calc:input:option and ?has=calc:input, as situations.
    function legacy(values) {
      values.forEach(function (value) {
        var parts = value.split(":"), calc = parts[0], key = parts[1], option = parts[2];
        Object.keys(situations).some(function (id) {
          var info = situations[id], s = info.s;
          if (s.calculator !== calc) return false;
          if (option === undefined) {
            if (s.ask.indexOf(key) < 0) return false;
            tick(id); return true;
          }
          if (s.set[key] && s.set[key].indexOf(option) >= 0) { tick(id); return true; }
          var offered = s.options[key] || (s.ask.indexOf(key) >= 0 ? U.inputSpec(info.calc, key).options.map(function (o) { return o.key; }) : []);
          if (offered.indexOf(option) < 0) return false;
          tick(id);
          var field = form.querySelector('[name="' + id + "." + key + '"][value="' + option + '"]');
          if (field) field.checked = true;
          return true;
        });
      });
    }

    var params = new URLSearchParams(location.search); // not "q": Material opens search for ?q=
    form.querySelectorAll('input[name="who"]').forEach(function (b) { b.checked = b.value === params.get("who"); });
    var ids = params.getAll("s").join(",").split(",").filter(Boolean);
    ids.forEach(function (id) {
      tick(id);
      var info = situations[id];
      if (!info || !info.calc) return;
      var answers = {};
      info.s.ask.forEach(function (k) { if (params.has(id + "." + k)) answers[k] = params.get(id + "." + k); });
      U.writeInputs(form.querySelector('.ph-situation[data-situation="' + id + '"]'), info.calc, id + ".", answers);
    });
    legacy(params.getAll("has").join(",").split(",").filter(Boolean));
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(true); });
    var print = document.querySelector("[data-print]");
    if (print) print.addEventListener("click", function () { window.print(); });
    apply(false);
  }

  function init() { document.querySelectorAll("form.ph-finder").forEach(bindFinder); }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
