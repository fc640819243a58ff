// Calculator and finder pages: read the query string, fill the form, evaluate with
// PolicyCalc (engine.js) and show the working. All figures and words come from the JSON the
// page carries; nothing here knows a clause. Bound through Material's document$ so it works
// after instant navigation; each form is bound once.
(function () {
  "use strict";

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (_, k) {
      return params[k] === undefined ? "" : String(params[k]);
    });
  }

  function group(n) {
    var s = String(n), out = "";
    while (s.length > 3) { out = "," + s.slice(-3) + out; s = s.slice(0, -3); }
    return s + out;
  }

  function fenText(fen) {
    var whole = Math.floor(fen / 100), cents = fen % 100;
    return group(whole) + (cents ? "." + String(cents).padStart(2, "0") : "");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function queryValues(form, spec) {
    var params = new URLSearchParams(location.search);
    var out = {};
    spec.inputs.forEach(function (input) {
      var all = params.getAll(input.key);
      if (all.length) out[input.key] = all.join(",");
    });
    return out;
  }

  function setForm(form, spec, values) {
    spec.inputs.forEach(function (input) {
      var value = values[input.key] || "";
      if (input.kind === "multi") {
        var chosen = value.split(",");
        form.querySelectorAll('input[name="' + input.key + '"]').forEach(function (box) {
          box.checked = chosen.indexOf(box.value) >= 0;
        });
      } else {
        var field = form.elements.namedItem(input.key);
        if (field) field.value = value;
      }
    });
  }

  function readForm(form, spec) {
    var out = {};
    spec.inputs.forEach(function (input) {
      if (input.kind === "multi") {
        var chosen = [];
        form.querySelectorAll('input[name="' + input.key + '"]:checked').forEach(function (b) {
          chosen.push(b.value);
        });
        out[input.key] = chosen.join(",");
      } else {
        var field = form.elements.namedItem(input.key);
        out[input.key] = field ? field.value : "";
      }
    });
    return out;
  }

  function optionLabel(spec, key, value, lang) {
    var input = spec.inputs.filter(function (i) { return i.key === key; })[0];
    var opt = input.options.filter(function (o) { return o.key === value; })[0];
    return opt ? opt.label[lang] : value;
  }

  function render(page, result, values) {
    var spec = page.spec, msg = page.messages, lang = page.lang;
    var box = page.result;
    var yuan = function (x) { return fill(msg.yuan, { x: group(x) }); };
    box.textContent = "";
    box.setAttribute("data-eligible", result.eligible ? "true" : "false");
    box.setAttribute("data-amount-min", String(result.min));
    box.setAttribute("data-amount-max", String(result.max));
    page.form.querySelectorAll(".ph-error").forEach(function (e) { e.textContent = ""; });
    page.form.querySelectorAll("[aria-invalid]").forEach(function (e) {
      e.removeAttribute("aria-invalid");
    });
    var errors = Object.keys(result.errors);
    if (errors.length) {
      errors.forEach(function (key) {
        var holder = page.form.querySelector('[data-error-for="' + key + '"]');
        if (holder) holder.textContent = msg["err_" + result.errors[key]];
        var field = page.form.elements.namedItem(key);
        if (field && field.setAttribute) field.setAttribute("aria-invalid", "true");
      });
      box.appendChild(el("p", { "class": "ph-verdict" }, msg.invalid));
      return;
    }
    var heading = el("p", { "class": "ph-verdict" });
    heading.appendChild(el("strong", {}, result.eligible ? msg.eligible : msg.not_eligible));
    if (result.eligible) {
      var amount = result.min === result.max ? fill(msg.amount_exact, { x: yuan(result.max) })
        : result.min === 0 && result.lines.every(function (l) { return l.steps[l.steps.length - 1].op === "up_to" || !l.eligible; })
          ? fill(msg.amount_up_to, { x: yuan(result.max) })
          : fill(msg.amount_range, { a: yuan(result.min), b: yuan(result.max) });
      heading.appendChild(document.createTextNode(": " + amount));
    }
    box.appendChild(heading);
    if (result.reason === "not_covered") {
      var key = Object.keys(result.not_covered)[0];
      var input = spec.inputs.filter(function (i) { return i.key === key; })[0];
      var allowed = result.not_covered[key].map(function (v) {
        return optionLabel(spec, key, v, lang);
      }).join(msg.or);
      box.appendChild(el("p", {}, fill(msg.reason_not_covered, { label: input.label[lang], values: allowed })));
    } else if (result.reason === "nothing_selected") {
      box.appendChild(el("p", {}, msg.reason_nothing_selected));
    }
    var list = el("ol", { "class": "ph-lines" });
    result.lines.forEach(function (line) {
      var rule = spec.rules.filter(function (r) {
        return r.clause === line.clause && r.incentive === line.incentive;
      })[0];
      var item = el("li", { "data-clause": String(line.clause), "data-incentive": line.incentive });
      var title = el("p");
      var link = el("a", { href: page.root + rule.anchor }, fill(msg.clause, { n: line.clause }));
      title.appendChild(link);
      title.appendChild(document.createTextNode(" · " + rule.what[lang]));
      item.appendChild(title);
      var steps = el("ul", { "class": "ph-steps" });
      line.steps.forEach(function (step) {
        var text = "";
        var th = rule.threshold;
        if (step.op === "threshold") {
          var boundary = th.boundary + (lang === "zh" ? "" : "") + "(" + (th.inclusive ? msg.inclusive : msg.exclusive) + ")";
          text = fill(step.ok ? msg.step_threshold : msg.step_threshold_fail, {
            of: th.of[lang], input: step.input === null ? "—" : fill(msg.yuan, { x: fenText(step.input) }),
            value: yuan(step.value), boundary: lang === "zh" ? boundary : th.boundary + ", " + (th.inclusive ? msg.inclusive : msg.exclusive)
          });
        } else if (step.op === "rate") {
          text = fill(msg.step_rate, { label: rule.base_label[lang], base: fill(msg.yuan, { x: fenText(step.base) }),
            rate: (step.bp / 100) + "%", value: yuan(step.value) });
        } else if (step.op === "rate_range") {
          text = fill(msg.step_rate_range, { label: rule.base_label[lang], base: fill(msg.yuan, { x: fenText(step.base) }),
            rmin: (step.bp_min / 100) + "%", rmax: (step.bp_max / 100) + "%", min: yuan(step.min), max: yuan(step.max) });
        } else if (step.op === "cap") {
          text = fill(msg.step_cap, { cap: yuan(step.cap),
            result: step.min === step.max ? yuan(step.max) : yuan(step.min) + "–" + yuan(step.max) });
        } else if (step.op === "fixed") {
          text = fill(msg.step_fixed, { x: yuan(step.value) });
        } else if (step.op === "up_to") {
          text = fill(msg.step_up_to, { x: yuan(step.value) });
        }
        steps.appendChild(el("li", {}, text));
      });
      item.appendChild(steps);
      if (!line.eligible && line.reason === "threshold") {
        item.appendChild(el("p", {}, fill(msg.reason_threshold, { of: rule.threshold.of[lang],
          value: yuan(rule.threshold.value), boundary: rule.threshold.boundary })));
      }
      var units = rule.units.map(function (u) { return u.name[lang]; }).join(lang === "zh" ? "、" : ", ");
      item.appendChild(el("p", { "class": "ph-apply" }, msg.apply_to + ": " + units));
      list.appendChild(item);
    });
    if (result.lines.length) box.appendChild(list);
    if (result.lines.length > 1 && result.eligible) {
      box.appendChild(el("p", { "class": "ph-total" }, msg.total + ": " +
        (result.min === result.max ? yuan(result.max) : yuan(result.min) + "–" + yuan(result.max))));
    }
  }

  function bindCalculator(form) {
    if (form.dataset.phBound) return;
    form.dataset.phBound = "1";
    var data = JSON.parse(form.getAttribute("data-spec"));
    var page = { form: form, spec: data.calculator, messages: data.messages, lang: data.lang,
      root: data.root, result: document.getElementById(form.getAttribute("data-result")) };
    function run(values, push) {
      var result = PolicyCalc.evaluate({ max_yuan: data.max_yuan, calculators: (function () {
        var o = {}; o[page.spec.id] = page.spec; return o; })() }, page.spec.id, values);
      render(page, result, values);
      if (push) {
        var params = new URLSearchParams();
        Object.keys(values).forEach(function (k) { if (values[k] !== "") params.set(k, values[k]); });
        history.replaceState(history.state, "", "?" + params.toString());
      }
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      run(readForm(form, page.spec), true);
    });
    var initial = queryValues(form, page.spec);
    if (Object.keys(initial).length) {
      setForm(form, page.spec, initial);
      run(initial, false);
    }
  }

  function bindFinder(form) {
    if (form.dataset.phBound) return;
    form.dataset.phBound = "1";
    var items = document.querySelectorAll(".ph-finder-item");
    var none = document.getElementById("ph-finder-none");
    function apply(push) {
      var chosen = [];
      form.querySelectorAll('input[name="has"]:checked').forEach(function (b) { chosen.push(b.value); });
      var who = (form.querySelector('input[name="who"]:checked') || {}).value || "";
      var shown = 0;
      items.forEach(function (item) {
        var keys = item.getAttribute("data-match").split(" ");
        var audience = item.getAttribute("data-audience");
        var show = keys.some(function (k) { return chosen.indexOf(k) >= 0; }) &&
          (who === "" || who === audience);
        item.hidden = !show;
        if (show) shown += 1;
      });
      none.hidden = shown > 0;
      document.getElementById("ph-finder-results").setAttribute("data-count", String(shown));
      if (push) {
        var params = new URLSearchParams();
        if (who) params.set("who", who);
        if (chosen.length) params.set("has", chosen.join(","));
        history.replaceState(history.state, "", "?" + params.toString());
      }
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); apply(true); });
    var params = new URLSearchParams(location.search);
    var q = params.getAll("has").join(",").split(","); // not "q": Material opens search for ?q=
    form.querySelectorAll('input[name="has"]').forEach(function (b) { b.checked = q.indexOf(b.value) >= 0; });
    form.querySelectorAll('input[name="who"]').forEach(function (b) { b.checked = b.value === params.get("who"); });
    apply(false);
  }

  function init() {
    document.querySelectorAll("form.ph-calc").forEach(bindCalculator);
    document.querySelectorAll("form.ph-finder").forEach(bindFinder);
  }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
