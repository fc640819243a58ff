// Decap's own YAML writer over every data file, then the layout put back (`fmt --like`'s
// restore step): each file must come back byte for byte. Run by tests/test_cms_editor.py,
// which passes in CMS_JOB the files and each one's field order from the generated
// configuration (Decap sorts a file's top-level keys by it), and in PYTHON the interpreter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { register } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

register("./extensionless.mjs", import.meta.url);
const job = JSON.parse(readFileSync(process.env.CMS_JOB, "utf8"));
const { default: yamlFormat } = await import(
  join(job.root, "node_modules/decap-cms-core/dist/esm/formats/yaml.js"));

const scratch = mkdtempSync(join(tmpdir(), "decap-yaml-"));
const written = job.files.map((file, n) => {
  const text = readFileSync(join(job.root, file.path), "utf8");
  // what the editor does on save: read the entry, then write it with the form's key order
  const out = yamlFormat.toFile(yamlFormat.fromFile(text), file.sortedKeys);
  const path = join(scratch, `${n}.yaml`);
  writeFileSync(path, out);
  return { path: file.path, old: text, decap: path, damaged: out !== text };
});

test("Decap's writer changes the layout of the data files", () => {
  const damaged = written.filter((w) => w.damaged).map((w) => w.path);
  // every file the project writes by hand has comments or flow mappings Decap drops
  assert.deepEqual(damaged, written.map((w) => w.path));
});

test("the restore step puts every file back byte for byte", () => {
  const list = join(scratch, "list.json");
  writeFileSync(list, JSON.stringify(written.map((w) => [w.path, w.decap])));
  const script = [
    "import json, sys",
    "from pathlib import Path",
    "from generator.data.restore import model_for, restore",
    "root = Path(sys.argv[1])",
    "out = {}",
    "for path, decap in json.load(open(sys.argv[2], encoding='utf-8')):",
    "    old = (root / path).read_text(encoding='utf-8')",
    "    new = Path(decap).read_text(encoding='utf-8')",
    "    out[path] = restore(old, new, model_for(path))",
    "print(json.dumps(out, ensure_ascii=False))",
  ].join("\n");
  const restored = JSON.parse(execFileSync(process.env.PYTHON, ["-c", script, job.root, list],
    { cwd: job.root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
  for (const w of written) {
    assert.equal(restored[w.path], w.old, `${w.path} differs after the restore step`);
  }
});
