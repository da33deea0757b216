/*
 * Build a language's search index the way the search worker does, and print
 * Lunr's serialisation of it (Index#toJSON) on stdout.
 *
 *   node lunr_index.js WORKERS_DIR SEARCH_INDEX_JSON theme|ours
 *
 * theme: the theme's worker alone; ours: hc-search.js around it. The two
 * outputs must be equal: our worker's faster build may not change the index.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");

const [dir, indexFile, which] = process.argv.slice(2);
const theme = fs.readdirSync(dir).find((name) => /^search\..*\.min\.js$/.test(name));
if (!theme) throw new Error(`${dir}: no theme search worker`);

let handler = null;
const sent = [];
globalThis.self = globalThis;
globalThis.location = {
  href: url.pathToFileURL(path.join(dir, "hc-search.js")).href + "?w=" + theme,
};
globalThis.addEventListener = (type, listener) => {
  if (type === "message") handler = listener;
};
globalThis.postMessage = (message) => sent.push(message);
globalThis.importScripts = (...urls) => {
  for (const u of urls)
    (0, eval)(fs.readFileSync(url.fileURLToPath(new URL(u, globalThis.location.href)), "utf8"));
};
(0, eval)(fs.readFileSync(path.join(dir, which === "ours" ? "hc-search.js" : theme), "utf8"));

let built = null;
const build = self.lunr.Builder.prototype.build;
self.lunr.Builder.prototype.build = function () {
  built = build.apply(this, arguments);
  return built;
};

const data = JSON.parse(fs.readFileSync(indexFile, "utf8"));
handler({ data: { type: 0, data: { config: data.config, docs: data.docs, options: {} } } });
(async () => {
  for (let i = 0; i < 1000 && !sent.length; i++) await new Promise((r) => setTimeout(r, 5));
  if (!built || !sent.length || sent[0].type !== 1) throw new Error("the worker built no index");
  process.stdout.write(JSON.stringify(built.toJSON()));
})();
