/*
 * Build a language's search index the way the search worker does, and print
 * on stdout, as JSON, Lunr's answers to some searches and then Lunr's
 * serialisation of the index (Index#toJSON).
 *
 *   node lunr_index.js WORKERS_DIR SEARCH_INDEX_JSON theme|ours [VARIANT...]
 *
 * theme: the theme's worker alone; ours: hc-search.js around it. The two
 * outputs must be equal: our worker's faster build may not change the index.
 * The searches run first, while our index still makes its postings and
 * vectors as they are read. With ours, the output also says whether the
 * worker's own tokenizer indexed the text ("fast"). Variants:
 *
 *   twice      a section is indexed a second time under the same reference,
 *              halfway through (Lunr merges the two);
 *   arrays     each token's position is an array rather than a number (as
 *              Lunr's own tokenizer makes it);
 *   separator  the separator is the theme's documented example, with
 *              zero-width matches, rather than a class of characters;
 *   collisions a section holds words of the same length and hash (Aa, BB),
 *              which our tokenizer's table of words must keep apart;
 *   tags       sections carry tags (a field whose value is a list of strings,
 *              each tokenized after the other into one highlight table);
 *   slow       our worker leaves tokenizing to the theme's tokenizer;
 *   results    the output also holds the worker's answers to queries typed
 *              into the search box ("results"): what the page shows,
 *              highlighting included;
 *   speedups=X our worker with self.__hcSpeedups = X ("-lunrbuild", "0", ...).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");

const [dir, indexFile, which, ...variants] = process.argv.slice(2);
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
for (const v of variants) if (v.startsWith("speedups=")) globalThis.__hcSpeedups = v.slice(9);
globalThis.importScripts = (...urls) => {
  for (const u of urls)
    (0, eval)(fs.readFileSync(url.fileURLToPath(new URL(u, globalThis.location.href)), "utf8"));
};
(0, eval)(fs.readFileSync(path.join(dir, which === "ours" ? "hc-search.js" : theme), "utf8"));

if (variants.includes("slow")) self.lunr.Builder.prototype.__hcFast = null;
if (variants.includes("arrays")) {
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
let fast = null;
const build = self.lunr.Builder.prototype.build;
self.lunr.Builder.prototype.build = function () {
  built = build.apply(this, arguments);
  if (this.__hcFast) fast = { on: this.__hcFast.on, checks: this.__hcFast.checks };
  return built;
};

/* Lunr queries (not the theme's): single terms, prefixes, fields, presence */
const SEARCHES = [
  "密码", "登录 密码", "忘记*", "安全*", "title:客服", "+实名 认证", "钱包 -安全",
  "password", "login*", "fund* security", "title:account", "+verify* identity", "scam -phone",
  "bitp", "support@bitp.example",
];

/* The theme's queries, as typed into the search box */
const QUERIES = [
  "忘记登录密码", "客服电话", "假客服", "提现没到账", "双重验证", "身份",
  "forgot password", "support email", "fake support", "withdrawal", "two-factor", "verif",
  /* the query syntax the theme's transform and Lunr's parser read */
  '"forgot password"', '"登录 密码"', "+login -password", "登录 -密码", "title:login", "text:密码",
  "tags:help", "foo:bar", "x:y:z", "pass~1", "log^2", "*word", "密码*", "~", "^", "::", "+", "-",
  '""', "", "   ", "a", "the", "can't", "hacked", "trading", "login history", "忘記密碼",
  "2fa", "KYC", "support@bitp.example", "bitp.example", "400-000", "<b>", "&amp;", "ｆｏｒｇｏｔ",
];

const data = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const docs = data.docs.slice();
if (variants.includes("twice")) docs.splice(docs.length >> 1, 0, docs[1]);
if (variants.includes("collisions"))
  docs[docs.length - 1] = Object.assign({}, docs[docs.length - 1], {
    text: docs[docs.length - 1].text + " <p>Aa BB AaAa AaBB BBAa BBBB Ab BC</p>",
  });
if (variants.includes("tags"))
  for (let i = 0; i < docs.length; i += 3)
    docs[i] = Object.assign({}, docs[i], {
      tags: ["账户安全", "Login <b>Help</b>", "two-factor", ""].slice(i % 4),
    });
const config = Object.assign({}, data.config);
if (variants.includes("separator"))
  config.separator = '[\\s\\-,:!=\\[\\]()"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;';
handler({ data: { type: 0, data: { config: config, docs: docs, options: { suggest: true } } } });

async function answer(count) {
  for (let i = 0; i < 2000 && sent.length < count; i++) await new Promise((r) => setTimeout(r, 5));
  if (sent.length < count) throw new Error("the worker did not answer");
  return sent[count - 1];
}

(async () => {
  const ready = await answer(1);
  if (!built || ready.type !== 1) throw new Error("the worker built no index");
  const searches = SEARCHES.map((q) => [q, built.search(q)]);
  const out = { searches: searches, index: built.toJSON() };
  if (which === "ours") out.fast = fast;
  if (variants.includes("results")) {
    out.results = [];
    for (const q of QUERIES) {
      const count = sent.length + 1;  /* the answer may come before handler() returns */
      handler({ data: { type: 2, data: q } });
      out.results.push([q, (await answer(count)).data]);
    }
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error) + "\n");
  process.exit(1);
});
