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
    "６": "6", "７": "7", "８": "8", "９": "9", "，": ",", "．": ".", "　": " ", "－": "-" };
  var GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
  var PLAIN = /^\d+(\.\d+)?$/;

  function halfWidth(text) {
    return String(text).replace(/[０-９，．　－]/g, function (c) { return FULLWIDTH[c]; });
  }

  function parseNumber(raw, maxYuan) {
    var text = halfWidth(raw).trim().replace(/ /g, "");
    if (text === "") return [null, "required"];
    if (GROUPED.test(text)) text = text.replace(/,/g, "");
    if (text.charAt(0) === "-" && PLAIN.test(text.slice(1))) return [null, "negative"];
    if (!PLAIN.test(text)) return [null, "not_a_number"];
    var parts = text.split(".");
    var frac = parts[1] || "";
    if (frac.length > 2) return [null, "too_many_decimals"];
    var fen = BigInt(parts[0]) * 100n + BigInt((frac + "00").slice(0, 2));
    if (fen > BigInt(maxYuan) * 100n) return [null, "too_large"];
    return [fen, null];
  }

  function parseInputs(calc, raw, maxYuan) {
    var values = {}, errors = {};
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
      values[key] = spec.kind === "multi"
        ? chosen.filter(function (c, i) { return chosen.indexOf(c) === i; })
        : chosen[0];
    });
    return [values, errors];
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

  function evaluateRule(rule, values) {
    var line = { clause: rule.clause, incentive: rule.incentive, steps: [], eligible: true,
      reason: null, min: 0, max: 0 };
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
    var result = { calculator: calcId, errors: errors, eligible: false, min: 0, max: 0,
      lines: [], reason: null };
    if (Object.keys(errors).length) { result.reason = "invalid_input"; return result; }
    var applicable = calc.rules.filter(function (r) { return matches(r, values).length === 0; });
    var lines;
    if (calc.combine === "one") {
      if (!applicable.length) {
        result.reason = "not_covered";
        result.not_covered = notCovered(calc, values);
        return result;
      }
      var rule = applicable[0];
      if (rule.base !== null && (values[rule.base] === null || values[rule.base] === undefined)) {
        result.errors = {}; result.errors[rule.base] = "required";
        result.reason = "invalid_input";
        return result;
      }
      lines = [evaluateRule(rule, values)];
    } else {
      lines = applicable.filter(function (r) {
        return r.base === null || (values[r.base] !== null && values[r.base] !== undefined);
      }).map(function (r) { return evaluateRule(r, values); });
      if (!lines.length) { result.reason = "nothing_selected"; return result; }
    }
    result.lines = lines;
    var eligible = lines.filter(function (l) { return l.eligible; });
    result.eligible = eligible.length > 0;
    result.min = eligible.reduce(function (s, l) { return s + l.min; }, 0);
    result.max = eligible.reduce(function (s, l) { return s + l.max; }, 0);
    if (!eligible.length) result.reason = lines[0].reason;
    return result;
  }

  return { evaluate: evaluate, parseNumber: parseNumber };
});
