/*
 * Build a language's search index the way the search worker does, and print
 * on stdout, as JSON, Lunr's answers to some searches and then Lunr's
 * serialisation of the index (Index#toJSON).
 *
 *   node lunr_index.js WORKERS_DIR SEARCH_INDEX_JSON theme|ours [twice]
 *
 * theme: the theme's worker alone; ours: hc-search.js around it. The two
 * outputs must be equal: our worker's faster build may not change the index.
 * The searches run first, while our index still makes its postings and
 * vectors as they are read. With `twice`, a section is indexed a second time
 * under the same reference, halfway through (Lunr merges the two); with
 * `arrays`, each token's position is an array rather than a number (as
 * Lunr's own tokenizer makes it).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");

const [dir, indexFile, which, variant] = process.argv.slice(2);
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

if (variant === "arrays") {
  const run = self.lunr.Pipeline.prototype.run;
  self.lunr.Pipeline.prototype.run = function (tokens) {
    return run.call(this, tokens).map((token) => {
      if (token && token.metadata && typeof token.metadata.position === "number")
        token.metadata = Object.assign({}, token.metadata, { position: [token.metadata.position, 1] });
      return token;
    });
  };
}

let built = null;
const build = self.lunr.Builder.prototype.build;
self.lunr.Builder.prototype.build = function () {
  built = build.apply(this, arguments);
  return built;
};

/* Lunr queries (not the theme's): single terms, prefixes, fields, presence */
const SEARCHES = [
  "密码", "登录 密码", "忘记*", "安全*", "title:客服", "+实名 认证", "钱包 -安全",
  "password", "login*", "fund* security", "title:account", "+verify* identity", "scam -phone",
  "bitp", "support@bitp.example",
];

const data = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const docs = data.docs.slice();
if (variant === "twice") docs.splice(docs.length >> 1, 0, docs[1]);
handler({ data: { type: 0, data: { config: data.config, docs: docs, options: {} } } });
(async () => {
  for (let i = 0; i < 1000 && !sent.length; i++) await new Promise((r) => setTimeout(r, 5));
  if (!built || !sent.length || sent[0].type !== 1) throw new Error("the worker built no index");
  const searches = SEARCHES.map((q) => [q, built.search(q)]);
  process.stdout.write(JSON.stringify({ searches: searches, index: built.toJSON() }));
})();
