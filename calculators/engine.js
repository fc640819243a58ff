// The one JS engine: evaluates rules.json exactly as calculators/engine.py does (the same
// case list runs against both). Integers only: inputs in fen, rates in basis points, BigInt
// for products, results rounded down to whole yuan. Works in the browser and under Node.
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.PolicyCalc = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FULLWIDTH = { "０": "0", "１": "1", "２": "2", "３": "3", "４": "4", "５": "5",
    "６": "6", "７": "7", "８": "8", "９": "9", "，": ",", "．": ".", "　": " ", "－": "-",
    "￥": "¥" };
  var GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
  var PLAIN = /^\d+(\.\d+)?$/;
  var PREFIXES = ["¥", "cny", "rmb"];
  var SUFFIXES = ["元", "yuan"];
  var SCALES = { "万": 4, "亿": 8 }; // powers of ten: 1.5万 = 15000

  function halfWidth(text) {
    return String(text).replace(/[０-９，．　－￥]/g, function (c) { return FULLWIDTH[c]; });
  }

  function parseNumber(raw, maxYuan) {
    var text = halfWidth(raw).trim().replace(/ /g, "").toLowerCase();
    if (text === "") return [null, "required"];
    var i;
    for (i = 0; i < PREFIXES.length; i++) {
      if (text.indexOf(PREFIXES[i]) === 0) { text = text.slice(PREFIXES[i].length); break; }
    }
    for (i = 0; i < SUFFIXES.length; i++) {
      var suffix = SUFFIXES[i];
      if (text.length >= suffix.length && text.slice(-suffix.length) === suffix) {
        text = text.slice(0, -suffix.length); break;
      }
    }
    var scale = 0, last = text.slice(-1);
    if (Object.prototype.hasOwnProperty.call(SCALES, last)) {
      scale = SCALES[last]; text = text.slice(0, -1);
    }
    if (GROUPED.test(text)) text = text.replace(/,/g, "");
    if (text.charAt(0) === "-" && PLAIN.test(text.slice(1))) return [null, "negative"];
    if (!PLAIN.test(text)) return [null, "not_a_number"];
    var parts = text.split(".");
    var frac = parts[1] || "";
    var places = 2 + scale; // fen of the scaled number
    if (frac.length > places) return [null, "too_many_decimals"];
    while (frac.length < places) frac += "0";
    var fen = BigInt(parts[0]) * (10n ** BigInt(places)) + BigInt(frac);
    if (fen > BigInt(maxYuan) * 100n) return [null, "too_large"];
    return [fen, null];
  }

  function isEmpty(v) { return v === null || v === undefined || (Array.isArray(v) && !v.length); }

  function parseInputs(calc, raw, maxYuan) {
    var values = {}, errors = {}, assumed = {};
    calc.inputs.forEach(function (spec) {
      var key = spec.key;
      var text = raw[key] === undefined || raw[key] === null ? "" : String(raw[key]).trim();
      if (spec.kind === "number") {
        if (text === "" && spec.optional) { values[key] = null; return; }
        var parsed = parseNumber(text, maxYuan);
        if (parsed[1]) errors[key] = parsed[1];
        values[key] = parsed[0];
        return;
      }
      var options = spec.options.map(function (o) { return o.key; });
      var chosen = halfWidth(text).split(",").map(function (p) { return p.trim(); })
        .filter(function (p) { return p !== ""; });
      var empty = spec.kind === "multi" ? [] : null;
      if (chosen.length === 0) {
        if (!spec.optional) errors[key] = "required";
        values[key] = empty;
        return;
      }
      var bad = chosen.filter(function (c) { return options.indexOf(c) < 0; });
      if (bad.length || (spec.kind === "choice" && chosen.length > 1)) {
        errors[key] = "not_an_option";
        values[key] = empty;
        return;
      }
      chosen = chosen.filter(function (c, i) { return chosen.indexOf(c) === i; });
      var clash = spec.exclusive.some(function (group) {
        return chosen.filter(function (c) { return group.indexOf(c) >= 0; }).length > 1;
      });
      if (clash) { errors[key] = "exclusive"; values[key] = []; return; }
      values[key] = spec.kind === "multi" ? chosen : chosen[0];
    });
    calc.inputs.forEach(function (spec) {
      var source = spec.default_from;
      if (source !== null && source !== undefined && isEmpty(values[spec.key]) &&
          !isEmpty(values[source])) {
        values[spec.key] = values[source];
        assumed[spec.key] = source;
      }
    });
    return [values, errors, assumed];
  }

  function matches(rule, values) {
    return Object.keys(rule.when).sort().filter(function (key) {
      var allowed = rule.when[key], value = values[key];
      if (Array.isArray(value)) return !value.some(function (v) { return allowed.indexOf(v) >= 0; });
      return allowed.indexOf(value) < 0;
    });
  }

  function thresholdOk(th, fen) {
    var limit = BigInt(th.value) * 100n;
    if (th.direction === "min") return th.inclusive ? fen >= limit : fen > limit;
    return th.inclusive ? fen <= limit : fen < limit;
  }

  function rate(fen, bp) {
    return Number((fen * BigInt(bp) / 10000n) / 100n);
  }

  function evaluateRule(rule, index, values) {
    var line = { rule: index, clause: rule.clause, incentive: rule.incentive, steps: [],
      eligible: true, uncertain: false, reason: null, min: 0, max: 0 };
    var th = rule.threshold;
    if (th !== null) {
      var tfen = values[th.input];
      var ok = tfen !== null && tfen !== undefined && thresholdOk(th, tfen);
      line.steps.push({ op: "threshold", value: th.value,
        input: tfen === undefined || tfen === null ? null : Number(tfen), ok: ok });
      if (!ok) { line.eligible = false; line.reason = "threshold"; return line; }
    }
    var cap = rule.max_amount, low, high;
    if (rule.base !== null) {
      var fen = values[rule.base];
      if (rule.rate_bp !== null) {
        low = high = rate(fen, rule.rate_bp);
        line.steps.push({ op: "rate", base: Number(fen), bp: rule.rate_bp, value: low });
      } else {
        low = rate(fen, rule.rate_min_bp);
        high = rate(fen, rule.rate_max_bp);
        line.steps.push({ op: "rate_range", base: Number(fen), bp_min: rule.rate_min_bp,
          bp_max: rule.rate_max_bp, min: low, max: high });
      }
      if (cap !== null) {
        var cl = Math.min(low, cap), ch = Math.min(high, cap);
        line.steps.push({ op: "cap", cap: cap, min: cl, max: ch, applied: high > cap });
        low = cl; high = ch;
      }
      line.min = low; line.max = high;
    } else if (rule.amount !== null) {
      line.min = line.max = rule.amount;
      line.steps.push({ op: "fixed", value: rule.amount });
    } else {
      line.min = 0; line.max = cap;
      line.steps.push({ op: "up_to", value: cap });
    }
    if (rule.unsettled !== null) {
      // The text does not say whether the rates apply here: nothing, up to what they give.
      line.min = 0; line.uncertain = true;
      line.steps.push({ op: "unsettled", min: 0, max: line.max });
    }
    return line;
  }

  function notCovered(calc, values) {
    var order = {};
    calc.inputs.forEach(function (spec, i) { order[spec.key] = i; });
    var misses = calc.rules.map(function (r) { return matches(r, values); });
    function lastIndex(m) { return Math.max.apply(null, m.map(function (k) { return order[k]; })); }
    var near = misses.slice().sort(function (a, b) {
      return a.length - b.length || lastIndex(b) - lastIndex(a);
    })[0];
    var key = near.slice().sort(function (a, b) { return order[b] - order[a]; })[0];
    var allowed = {};
    calc.rules.forEach(function (r, i) {
      if (misses[i].length === 1 && misses[i][0] === key)
        r.when[key].forEach(function (v) { allowed[v] = true; });
    });
    var out = {};
    out[key] = Object.keys(allowed).sort();
    return out;
  }

  function evaluate(data, calcId, raw) {
    var calc = data.calculators[calcId];
    var parsed = parseInputs(calc, raw, data.max_yuan);
    var values = parsed[0], errors = parsed[1];
    var result = { calculator: calcId, errors: errors, eligible: false, uncertain: false,
      min: 0, max: 0, lines: [], reason: null, assumed: parsed[2] };
    if (Object.keys(errors).length) { result.reason = "invalid_input"; return result; }
    var applicable = [];
    calc.rules.forEach(function (r, i) {
      if (matches(r, values).length === 0) applicable.push([i, r]);
    });
    var lines;
    if (calc.combine === "one") {
      if (!applicable.length) {
        var missing = notCovered(calc, values);
        var key = Object.keys(missing)[0];
        if (isEmpty(values[key])) { // an optional input left empty decides: ask for it
          result.errors = {}; result.errors[key] = "required";
          result.reason = "invalid_input";
          return result;
        }
        result.reason = "not_covered";
        result.not_covered = missing;
        return result;
      }
      var rule = applicable[0][1];
      if (rule.base !== null && (values[rule.base] === null || values[rule.base] === undefined)) {
        result.errors = {}; result.errors[rule.base] = "required";
        result.reason = "invalid_input";
        return result;
      }
      lines = [evaluateRule(rule, applicable[0][0], values)];
    } else {
      lines = applicable.filter(function (ir) {
        var r = ir[1];
        return r.base === null || (values[r.base] !== null && values[r.base] !== undefined);
      }).map(function (ir) { return evaluateRule(ir[1], ir[0], values); });
      if (!lines.length) { result.reason = "nothing_selected"; return result; }
    }
    result.lines = lines;
    var eligible = lines.filter(function (l) { return l.eligible; });
    result.eligible = eligible.length > 0;
    result.uncertain = eligible.some(function (l) { return l.uncertain; });
    result.min = eligible.reduce(function (s, l) { return s + l.min; }, 0);
    result.max = eligible.reduce(function (s, l) { return s + l.max; }, 0);
    if (!eligible.length) result.reason = lines[0].reason;
    return result;
  }

  function unanswered(data, situation, answers) {
    var specs = {};
    data.calculators[situation.calculator].inputs.forEach(function (i) { specs[i.key] = i; });
    return situation.ask.filter(function (k) {
      var a = answers[k];
      return (a === undefined || a === null || String(a).trim() === "") &&
        (specs[k].default_from === null || specs[k].default_from === undefined);
    });
  }

  // The benefit finder, as calculators/engine.py `find` (see there).
  function find(data, who, chosen) {
    var out = { runs: [], listed: [], missing: {}, min: 0, max: 0, uncertain: false };
    var runs = {};
    data.finder.forEach(function (g) {
      if (who !== null && who !== undefined && g.audience !== who) return;
      g.situations.forEach(function (s) {
        if (!Object.prototype.hasOwnProperty.call(chosen, s.id)) return;
        var answers = chosen[s.id];
        s.listed.forEach(function (item) {
          out.listed.push({ situation: s.id, clause: item.clause, incentive: item.incentive });
        });
        if (s.calculator === null) return;
        var calc = data.calculators[s.calculator];
        var missing = calc.combine === "sum" ? unanswered(data, s, answers) : [];
        if (missing.length) { out.missing[s.id] = missing; return; }
        var inputs = {};
        Object.keys(s.set).forEach(function (k) { inputs[k] = s.set[k].join(","); });
        s.ask.forEach(function (k) {
          inputs[k] = answers[k] === undefined || answers[k] === null ? "" : String(answers[k]).trim();
        });
        if (calc.combine === "sum" && runs[s.calculator]) {
          var run = runs[s.calculator];
          run.situations.push(s.id);
          Object.keys(inputs).forEach(function (key) {
            var value = inputs[key];
            var multi = calc.inputs.filter(function (i) { return i.key === key; })[0].kind === "multi";
            var before = run.inputs[key] === undefined ? "" : run.inputs[key];
            if (multi && before && value) {
              var both = before.split(",").concat(value.split(","));
              value = both.filter(function (v, i) { return both.indexOf(v) === i; }).join(",");
              before = "";
            }
            run.inputs[key] = before || value; // a number: the first answer given
          });
          return;
        }
        var fresh = { calculator: s.calculator, situations: [s.id], inputs: inputs };
        out.runs.push(fresh);
        if (calc.combine === "sum") runs[s.calculator] = fresh;
      });
    });
    out.runs.forEach(function (run) { run.result = evaluate(data, run.calculator, run.inputs); });
    out.runs = out.runs.filter(function (run) {
      var keys = Object.keys(run.result.errors);
      var waiting = keys.length > 0 && keys.every(function (k) { return run.result.errors[k] === "required"; });
      if (waiting) out.missing[run.situations[0]] = keys.sort(); // waits for an answer
      return !waiting;
    });
    out.runs.forEach(function (run) {
      if (run.result.eligible) {
        out.min += run.result.min;
        out.max += run.result.max;
        out.uncertain = out.uncertain || run.result.uncertain;
      }
    });
    return out;
  }

  return { evaluate: evaluate, find: find, parseNumber: parseNumber };
});
