// The shared case list against the JS engine, under Node's own test runner.
// Run through pytest (tests/test_calculators.py writes rules.json and cases.json and sets CALC_DIR).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const dir = process.env.CALC_DIR || path.join(root, ".build", "calculators");
const require = createRequire(import.meta.url);
const engine = require(path.join(root, "calculators", "engine.js"));
const rules = JSON.parse(readFileSync(path.join(dir, "rules.json"), "utf8"));
const { cases } = JSON.parse(readFileSync(path.join(dir, "cases.json"), "utf8"));

for (const c of cases) {
  test(`${c.calculator}: ${c.name}`, () => {
    const result = engine.evaluate(rules, c.calculator, c.inputs);
    assert.equal(result.eligible, c.eligible);
    assert.equal(result.min, c.min);
    assert.equal(result.max, c.max);
    assert.ok(Number.isInteger(result.min) && Number.isInteger(result.max));
    assert.deepEqual(result.errors, c.errors || {});
    if (c.reason) assert.equal(result.reason, c.reason);
    assert.equal(Boolean(result.uncertain), Boolean(c.uncertain));
    if (c.assumed) assert.deepEqual(result.assumed, c.assumed);
  });
}
