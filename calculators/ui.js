// Calculator pages: read the query string, fill the form, evaluate with PolicyCalc
// (engine.js) as soon as the inputs are complete, and show the amount and the working. All
// figures and words come from the JSON the page carries; nothing here knows a clause. Bound
// through Material's document$ so it works after instant navigation; each form is bound once.
// The helpers are shared with the benefit finder (finder.js) as PolicyUI.
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

  // A whole number of yuan as the reader's language writes it: in Chinese as the document
  // writes it (under 万 plain, then in 万 or 亿: the rule of filters.num_zh), in English
  // grouped.
  function amount(msg, n) {
    if (msg.number_style !== "wan") return group(n);
    var trim = function (x) { return String(Math.round(x * 10000) / 10000); };
    if (Math.abs(n) >= 100000000) return trim(n / 100000000) + "亿";
    if (Math.abs(n) >= 10000 && n % 100 === 0) return trim(n / 10000) + "万";
    return String(n);
  }

  function fenText(fen, msg) {
    var whole = Math.floor(fen / 100), cents = fen % 100;
    var text = msg && msg.number_style === "wan" ? String(whole) : group(whole);
    return text + (cents ? "." + String(cents).padStart(2, "0") : "");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function inputSpec(spec, key) {
    return spec.inputs.filter(function (i) { return i.key === key; })[0];
  }

  function optionLabel(spec, key, value, lang) {
    var opt = inputSpec(spec, key).options.filter(function (o) { return o.key === value; })[0];
    return opt ? opt.label[lang] : value;
  }

  // The inputs that matter for what is chosen so far: a one-item calculator asks only what
  // the rules still in play use (a car needs no price, a bed no grade). `values` are raw.
  function relevant(spec, values) {
    var keys = {};
    if (spec.combine !== "one") {
      spec.inputs.forEach(function (i) { keys[i.key] = true; });
      return keys;
    }
    var answered = spec.inputs.filter(function (i) {
      return i.kind !== "number" && values[i.key];
    }).map(function (i) { return i.key; });
    var inPlay = spec.rules.filter(function (r) {
      return answered.every(function (k) {
        if (!r.when[k]) return true;
        var chosen = String(values[k]).split(",");
        return r.when[k].some(function (v) { return chosen.indexOf(v) >= 0; });
      });
    });
    if (!inPlay.length) inPlay = spec.rules; // nothing fits: show all, the engine explains
    inPlay.forEach(function (r) {
      Object.keys(r.when).forEach(function (k) { keys[k] = true; });
      if (r.base) keys[r.base] = true;
      if (r.threshold) keys[r.threshold.input] = true;
    });
    spec.inputs.forEach(function (i) { if (i.default_from && keys[i.default_from]) keys[i.key] = true; });
    return keys;
  }

  // Raw values of a form's inputs named prefix + key; checked boxes joined by commas.
  function readInputs(form, spec, prefix, keys) {
    var out = {};
    keys.forEach(function (key) {
      var input = inputSpec(spec, key);
      var boxes = form.querySelectorAll('input[name="' + prefix + key + '"]');
      if (input.kind === "number") {
        out[key] = boxes.length ? boxes[0].value : "";
      } else if (boxes.length) {
        var chosen = [];
        boxes.forEach(function (b) { if (b.checked) chosen.push(b.value); });
        out[key] = chosen.join(",");
      } else {
        var select = form.querySelector('select[name="' + prefix + key + '"]');
        out[key] = select ? select.value : "";
      }
    });
    return out;
  }

  function writeInputs(form, spec, prefix, values) {
    Object.keys(values).forEach(function (key) {
      var input = inputSpec(spec, key);
      if (!input) return;
      var value = values[key] || "";
      form.querySelectorAll('[name="' + prefix + key + '"]').forEach(function (f) {
        if (f.type === "radio" || f.type === "checkbox") f.checked = value.split(",").indexOf(f.value) >= 0;
        else f.value = value;
      });
    });
  }

  function money(msg, x) { return fill(msg.yuan, { x: amount(msg, x) }); }

  function amountText(msg, min, max, upTo) {
    if (min === max) return fill(msg.amount_exact, { x: money(msg, max) });
    if (upTo) return fill(msg.amount_up_to, { x: money(msg, max) });
    return fill(msg.amount_range, { a: money(msg, min), b: money(msg, max) });
  }

  // Only a ceiling is known: every eligible line says "up to".
  function onlyCeilings(lines) {
    return lines.every(function (l) {
      return !l.eligible || l.steps[l.steps.length - 1].op === "up_to";
    });
  }

  function thresholdPhrase(msg, lang, th) {
    return th.phrase[lang].replace("{x}", money(msg, th.value)) +
      (th.inclusive ? msg.inclusive : msg.exclusive);
  }

  function errorText(msg, lang, spec, key, code, raw) {
    if (code === "exclusive") {
      var chosen = String(raw || "").split(",");
      var clash = inputSpec(spec, key).exclusive.filter(function (g) {
        return g.filter(function (o) { return chosen.indexOf(o) >= 0; }).length > 1;
      })[0] || [];
      return fill(msg.err_exclusive, { a: optionLabel(spec, key, clash[0], lang),
        b: optionLabel(spec, key, clash[1], lang) });
    }
    return msg["err_" + code];
  }

  function stepText(msg, lang, rule, step) {
    var th = rule.threshold;
    if (step.op === "threshold") {
      return fill(step.ok ? msg.step_threshold : msg.step_threshold_fail, {
        of: th.of[lang], input: step.input === null ? "—" : fill(msg.yuan, { x: fenText(step.input, msg) }),
        phrase: thresholdPhrase(msg, lang, th) });
    }
    if (step.op === "rate") {
      return fill(msg.step_rate, { label: rule.base_label[lang], base: fill(msg.yuan, { x: fenText(step.base, msg) }),
        rate: (step.bp / 100) + "%", value: money(msg, step.value) });
    }
    if (step.op === "rate_range") {
      return fill(msg.step_rate_range, { label: rule.base_label[lang], base: fill(msg.yuan, { x: fenText(step.base, msg) }),
        rmin: (step.bp_min / 100) + "%", rmax: (step.bp_max / 100) + "%", min: money(msg, step.min), max: money(msg, step.max) });
    }
    if (step.op === "cap") {
      return fill(msg.step_cap, { cap: money(msg, step.cap),
        result: step.min === step.max ? money(msg, step.max) : money(msg, step.min) + "–" + money(msg, step.max) });
    }
    if (step.op === "fixed") return fill(rule.one_off ? msg.step_fixed_one_off : msg.step_fixed, { x: money(msg, step.value) });
    if (step.op === "up_to") return fill(msg.step_up_to, { x: money(msg, step.value) });
    if (step.op === "unsettled") {
      return fill(msg.step_unsettled, { result: fill(msg.amount_range, { a: money(msg, step.min), b: money(msg, step.max) }) });
    }
    return "";
  }

  function reasonText(msg, lang, rule) {
    var th = rule.threshold;
    return fill(th.direction === "max" ? msg.reason_threshold_max : msg.reason_threshold_min,
      { of: th.of[lang], phrase: thresholdPhrase(msg, lang, th) });
  }

  // What is known, what is not, and who decides, for a rule the text leaves open.
  function unsettledBox(msg, lang, rule) {
    var box = el("dl", { "class": "ph-unsettled" });
    box.appendChild(el("dt", {}, msg.unsettled_known));
    box.appendChild(el("dd", {}, rule.unsettled.known[lang]));
    box.appendChild(el("dt", {}, msg.unsettled_unknown));
    box.appendChild(el("dd", {}, rule.unsettled.unknown[lang]));
    box.appendChild(el("dd", { "class": "ph-decides" },
      fill(msg.unsettled_decides, { unit: rule.unsettled.decided_by.name[lang] })));
    return box;
  }

  // A result under a document not in force says so first (and links the new edition), and
  // its verdict is never a plain "eligible": `status` is the page's (null when in force).
  function statusNote(status) {
    var note = el("p", { "class": "ph-status-note", "data-status": status.state }, status.message);
    if (status.successor) {
      note.appendChild(document.createTextNode(" "));
      note.appendChild(el("a", { href: status.successor.href }, status.successor.text));
    }
    return note;
  }

  function verdictText(msg, result, status) {
    if (result.uncertain) return msg.uncertain;
    if (!result.eligible) return msg.not_eligible;
    return status ? status.verdict : msg.eligible;
  }

  function unitNames(lang, msg, units) {
    return units.map(function (u) { return u.name[lang]; }).join(msg.list_sep);
  }

  // A line of the working: clause link, what, the steps, why not, and who to apply to.
  function lineItem(page, line) {
    var msg = page.messages, lang = page.lang, rule = page.spec.rules[line.rule];
    var item = el("li", { "data-clause": String(line.clause), "data-incentive": line.incentive });
    var title = el("p");
    title.appendChild(el("a", { href: page.root + rule.anchor }, fill(msg.clause, { n: line.clause })));
    title.appendChild(document.createTextNode(" · " + rule.what[lang]));
    item.appendChild(title);
    var steps = el("ul", { "class": "ph-steps" });
    line.steps.forEach(function (step) { steps.appendChild(el("li", {}, stepText(msg, lang, rule, step))); });
    item.appendChild(steps);
    if (!line.eligible && line.reason === "threshold") item.appendChild(el("p", {}, reasonText(msg, lang, rule)));
    if (line.uncertain) item.appendChild(unsettledBox(msg, lang, rule));
    var apply = el("p", { "class": "ph-apply" },
      (rule.units.length === 1 ? msg.apply_to_one : msg.apply_to) + msg.colon);
    rule.units.forEach(function (u, i) {  // each unit's page says how to apply to it
      if (i) apply.appendChild(document.createTextNode(msg.list_sep));
      apply.appendChild(u.page ? el("a", { href: page.root + u.page }, u.name[lang]) :
        document.createTextNode(u.name[lang]));
    });
    item.appendChild(apply);
    return item;
  }

  // mode: "strict" (submit, or a page opened with inputs: every problem shown), "change"
  // (a field left: its format problems shown) or "typing" (only fixed problems cleared).
  function render(page, result, values, mode) {
    var spec = page.spec, msg = page.messages, lang = page.lang, box = page.result;
    var errors = result.errors, keys = Object.keys(errors);
    var required = keys.filter(function (k) { return errors[k] === "required"; });
    var waiting = keys.length > 0 && required.length === keys.length;
    page.form.querySelectorAll(".ph-error").forEach(function (e) {
      var key = e.getAttribute("data-error-for");
      var shown = errors[key] && (mode === "strict" || (mode === "change" && errors[key] !== "required"));
      if (!errors[key] || shown || mode !== "typing") {
        e.textContent = shown ? errorText(msg, lang, spec, key, errors[key], values[key]) : "";
        page.form.querySelectorAll('[name="' + key + '"]').forEach(function (f) {
          if (shown) f.setAttribute("aria-invalid", "true"); else f.removeAttribute("aria-invalid");
        });
      }
    });
    if (keys.length && !waiting && mode === "typing") return; // a number being typed
    var bar = page.form.querySelector(".ph-calc-bar"); // the amount, in view under the form
    if (bar) {
      bar.hidden = !!keys.length;
      bar.querySelector(".ph-calc-bar-text").textContent = verdictText(msg, result, page.status) +
        (result.eligible ? msg.colon + amountText(msg, result.min, result.max,
          onlyCeilings(result.lines)) : "");
    }
    box.textContent = "";
    var section = box.closest("section");
    if (section) section.hidden = false;
    if (page.status) box.setAttribute("data-status", page.status.state);
    box.setAttribute("data-eligible", result.eligible ? "true" : "false");
    box.setAttribute("data-uncertain", result.uncertain ? "true" : "false");
    box.setAttribute("data-state", waiting ? "incomplete" : keys.length ? "invalid" : "done");
    box.setAttribute("data-amount-min", String(result.min));
    box.setAttribute("data-amount-max", String(result.max));
    if (waiting) {
      var labels = required.map(function (k) { return inputSpec(spec, k).label[lang]; }).join(msg.list_sep);
      box.appendChild(el("p", { "class": "ph-verdict" }, fill(msg.incomplete, { labels: labels })));
      return;
    }
    if (keys.length) { box.appendChild(el("p", { "class": "ph-verdict" }, msg.invalid)); return; }
    if (page.status) box.appendChild(statusNote(page.status));
    var verdict = el("p", { "class": "ph-verdict" });
    verdict.appendChild(el("strong", {}, verdictText(msg, result, page.status)));
    box.appendChild(verdict);
    if (result.eligible) {
      box.appendChild(el("p", { "class": "ph-amount" },
        amountText(msg, result.min, result.max, onlyCeilings(result.lines))));
    }
    Object.keys(result.assumed).forEach(function (key) {
      box.appendChild(el("p", { "class": "ph-assumed" }, fill(msg.step_assumed, {
        label: inputSpec(spec, key).label[lang], source: inputSpec(spec, result.assumed[key]).label[lang] })));
    });
    if (result.reason === "not_covered") {
      var key = Object.keys(result.not_covered)[0];
      var allowed = result.not_covered[key].map(function (v) { return optionLabel(spec, key, v, lang); }).join(msg.or);
      box.appendChild(el("p", {}, fill(msg.reason_not_covered, { label: inputSpec(spec, key).label[lang], values: allowed })));
    } else if (result.reason === "nothing_selected") {
      box.appendChild(el("p", {}, msg.reason_nothing_selected));
    }
    var list = el("ol", { "class": "ph-lines" });
    result.lines.forEach(function (line) { list.appendChild(lineItem(page, line)); });
    if (result.lines.length) box.appendChild(list);
    if (result.lines.length > 1 && result.eligible) {
      box.appendChild(el("p", { "class": "ph-total" }, msg.total + msg.colon +
        amountText(msg, result.min, result.max, onlyCeilings(result.lines))));
    }
  }

  // Only a change is written: rewriting `hidden` on every keystroke is not free.
  function setHidden(node, hidden) { if (node.hidden !== hidden) node.hidden = hidden; }

  // Hide the fields (in `root`, by data-input) that do not matter for what is chosen.
  function showRelevant(root, spec, values) {
    var keys = relevant(spec, values);
    spec.inputs.forEach(function (input) {
      var field = root.querySelector('[data-input="' + input.key + '"]');
      if (field) setHidden(field, !keys[input.key]);
    });
    return keys;
  }

  function bindCalculator(form) {
    if (form.dataset.phBound) return;
    form.dataset.phBound = "1";
    var data = JSON.parse(form.getAttribute("data-spec"));
    var page = { form: form, spec: data.calculator, messages: data.messages, lang: data.lang,
      root: data.root, status: data.status || null,
      result: document.getElementById(form.getAttribute("data-result")) };
    var all = page.spec.inputs.map(function (i) { return i.key; });
    function current() {
      var raw = readInputs(form, page.spec, "", all);
      var keys = showRelevant(form, page.spec, raw);
      var values = {};
      all.forEach(function (k) { values[k] = keys[k] ? raw[k] : ""; });
      return values;
    }
    function run(values, mode, push) {
      var calcs = {}; calcs[page.spec.id] = page.spec;
      var result = PolicyCalc.evaluate({ max_yuan: data.max_yuan, calculators: calcs }, page.spec.id, values);
      render(page, result, values, mode);
      if (push) {
        var params = new URLSearchParams();
        Object.keys(values).forEach(function (k) { if (values[k] !== "") params.set(k, values[k]); });
        var query = params.toString();
        history.replaceState(history.state, "", query ? "?" + query : location.pathname);
      }
    }
    form.querySelectorAll(".ph-calc-bar button").forEach(bindBarLink);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(current(), "strict", true); });
    form.addEventListener("input", function () { run(current(), "typing", true); });
    form.addEventListener("change", function () { run(current(), "change", true); });
    var params = new URLSearchParams(location.search), initial = {};
    all.forEach(function (key) {
      var got = params.getAll(key);
      if (got.length) initial[key] = got.join(",");
    });
    if (Object.keys(initial).length) {
      writeInputs(form, page.spec, "", initial);
      var values = current();
      Object.keys(initial).forEach(function (k) { if (values[k] === "" && initial[k]) values[k] = initial[k]; });
      run(values, "strict", false);
    } else {
      current();
    }
  }

  // The button of a bar under a form: scroll to what it names (and move the focus there).
  function bindBarLink(button) {
    button.addEventListener("click", function () {
      var target = document.getElementById(button.getAttribute("data-scroll-to"));
      if (!target) return;
      target.setAttribute("tabindex", "-1");
      target.scrollIntoView({ block: "start" });
      target.focus({ preventScroll: true });
    });
  }

  window.PolicyUI = { fill: fill, group: group, el: el, money: money, amountText: amountText,
    onlyCeilings: onlyCeilings, stepText: stepText, reasonText: reasonText, errorText: errorText,
    unsettledBox: unsettledBox, unitNames: unitNames, relevant: relevant, inputSpec: inputSpec,
    statusNote: statusNote, verdictText: verdictText,
    readInputs: readInputs, writeInputs: writeInputs, showRelevant: showRelevant,
    bindBarLink: bindBarLink, setHidden: setHidden };

  function init() { document.querySelectorAll("form.ph-calc").forEach(bindCalculator); }
  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
