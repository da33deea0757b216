/*
 * Search worker of the help center: a thin layer around Material's search
 * worker (its file name is passed as `?w=` by the page configuration).
 *
 * Material segments a Chinese query greedily against the index vocabulary,
 * but never considers the whole typed word and splits words it already knows
 * (for 忘记密码 it searches only 忘记). This layer segments Chinese itself,
 * before Material sees the query:
 *
 *  - every Han run is split into index words by dynamic programming (fewest
 *    words; the last word may be a prefix of an index word, as people type);
 *  - a compound word (双重验证) is searched together with its parts (双重,
 *    验证), so articles that use the compound rank first and the parts are
 *    highlighted in the result text, which the build segments finely;
 *  - filler words (的, 怎么, 如何 ...) are dropped when other words remain;
 *  - Material's own segmenter is switched off, and the search suggestion is
 *    rebuilt so it completes the whole typed Chinese word.
 *
 * It runs in a real Worker (http) and in the iframe-worker shim (file://).
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var STOP = {};
  ("的 了 吗 呢 啊 吧 呀 么 我 我的 你 你的 是 在 和 与 或 及 怎么 怎么办 怎样 如何 " +
    "什么 为什么 哪里 哪儿 哪个 可以 能 能否 请问 一下 有 没有 要 想 需要 该 应该")
    .split(" ").forEach(function (w) { STOP[w] = true; });

  var settings = null;  /* the index configuration */
  var vocab = null;     /* index words containing Han */
  var prefixes = null;  /* every prefix of those words */
  var titleWords = null; /* Han words of titles, for suggestions */
  var maxLen = 1;
  var lastQuery = "";

  /* The address of this script, in a Worker and in the iframe shim */
  function here() {
    if (typeof document !== "undefined" && document.currentScript)
      return document.currentScript.src;
    return self.location.href;
  }

  /* Collect the Han words of the index, split as the worker splits them */
  function learn(config, docs) {
    settings = config;
    var separator = new RegExp(config.separator, "g");
    vocab = new Set();
    prefixes = new Set();
    titleWords = new Set();
    maxLen = 1;
    var fields = Object.keys(config.fields || {});
    docs.forEach(function (doc) {
      fields.forEach(function (name) {
        var value = doc[name];
        if (typeof value === "undefined") return;
        [].concat(value).forEach(function (text) {
          String(text).replace(/<[^>]*>/g, " ").split(separator).forEach(function (word) {
            if (!word || !HAS_HAN.test(word)) return;
            word = word.toLowerCase();
            if (name === "title") titleWords.add(word);
            if (vocab.has(word)) return;
            vocab.add(word);
            maxLen = Math.max(maxLen, word.length);
            for (var i = 1; i <= word.length; i++) prefixes.add(word.slice(0, i));
          });
        });
      });
    });
  }

  /* Split a Han run into pieces: {word, known} with the fewest pieces */
  function split(run, limit, allowPrefix) {
    var n = run.length;
    var cost = [0];
    var back = [];
    for (var k = 1; k <= n; k++) cost[k] = Infinity;
    for (var i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue;
      for (var len = 1; len <= Math.min(limit, n - i); len++) {
        var word = run.slice(i, i + len);
        var c;
        if (vocab.has(word)) c = 1;
        else if (allowPrefix && i + len === n && prefixes.has(word)) c = 1.2;
        else if (len === 1) c = 4;
        else continue;
        if (cost[i] + c < cost[i + len]) {
          cost[i + len] = cost[i] + c;
          back[i + len] = [i, c < 4];
        }
      }
    }
    var pieces = [];
    for (var j = n; j > 0; j = back[j][0])
      pieces.unshift({ word: run.slice(back[j][0], j), known: back[j][1] });
    return pieces;
  }

  /* Rewrite one Han run into search terms */
  function terms(run) {
    var pieces = split(run, maxLen, true);
    var known = pieces.filter(function (p) { return p.known; });
    if (!known.length) return [run];
    var useful = known.filter(function (p) { return !STOP[p.word]; });
    if (useful.length) known = useful;
    var out = [];
    known.forEach(function (p) {
      out.push(p.word);
      /* A compound is also searched by its parts, which the text contains */
      if (p.word.length > 2 && vocab.has(p.word)) {
        var parts = split(p.word, p.word.length - 1, false);
        if (parts.length > 1 && parts.every(function (q) { return q.known; }))
          parts.forEach(function (q) { if (!STOP[q.word]) out.push(q.word); });
      }
    });
    return out.filter(function (w, i) { return out.indexOf(w) === i; });
  }

  function uses(step) {
    return settings.pipeline.indexOf(step) >= 0 && settings.lang.indexOf("en") >= 0;
  }

  /* Lunr skips the pipeline for the prefix searches Material sends, so
     "hacked*" never meets the stemmed "hack". Search the part a word shares
     with its stem instead (hacked -> hack, trading -> trad, verify -> verif),
     and leave out stop words and stray letters (can't -> can, t). */
  function english(token) {
    var lunr = self.lunr;
    var words = token.toLowerCase().split(new RegExp(settings.separator)).filter(Boolean);
    var out = [];
    words.forEach(function (word) {
      if (/^[a-z]$/.test(word)) return;
      var stop = uses("stopWordFilter") && !lunr.stopWordFilter(new lunr.Token(word, {}));
      var term = word;
      if (uses("stemmer") && /^[a-z]+$/.test(word)) {
        var stem = lunr.stemmer(new lunr.Token(word, {})).toString();
        var i = 0;
        while (i < word.length && i < stem.length && word[i] === stem[i]) i++;
        if (i >= 3) term = word.slice(0, i);
      }
      out.push({ term: term, stop: stop });
    });
    return out;
  }

  function rewriteQuery(query) {
    if (!settings || !self.lunr) return query;
    var text = HAS_HAN.test(query) && vocab
      ? query.replace(HAN, function (run) { return " " + terms(run).join(" ") + " "; })
      : query;
    var parts = [];
    text.split(/\s+/).forEach(function (token) {
      if (!token) return;
      if (HAS_HAN.test(token) || /^[+-]|[*~^:]/.test(token))
        parts.push({ term: token, stop: false });
      else
        parts.push.apply(parts, english(token));
    });
    var useful = parts.filter(function (p) { return !p.stop; });
    if (useful.length) parts = useful;
    var seen = {};
    return parts.map(function (p) { return p.term; }).filter(function (t) {
      if (seen[t]) return false;
      seen[t] = true;
      return true;
    }).join(" ");
  }

  /* Complete the whole typed Chinese word, so the suggestion can show */
  function rewriteSuggest(result) {
    if (!vocab || !result) return result;
    var words = lastQuery.split(/[\s-]+/);
    var last = words[words.length - 1];
    if (!last || !HAS_HAN.test(last)) return result;
    var match = last.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/);
    if (!match) return result;
    var pieces = split(match[0], maxLen, true);
    var tail = pieces[pieces.length - 1].word;
    /* The shortest longer word that completes the last typed piece: from the
       theme's suggestions, else from the titles, else from any index word
       (the theme only suggests when one title holds every word typed) */
    var best = null;
    function consider(term) {
      if (term.indexOf(tail) === 0 && term.length > tail.length &&
          (best === null || term.length < best.length))
        best = term;
    }
    (result.suggest || []).forEach(consider);
    if (best === null) titleWords.forEach(consider);
    if (best === null) vocab.forEach(consider);
    if (best === null) return result;
    result.suggest = [last.slice(0, last.length - tail.length) + best];
    return result;
  }

  /* Material's segmenter asks `word in invertedIndex`; answer no, so that it
     keeps each of the terms above whole */
  function patchLunr() {
    var lunr = self.lunr;
    if (!lunr || lunr.__hcPatched) return;
    lunr.__hcPatched = true;
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      index.invertedIndex = new Proxy(index.invertedIndex, {
        has: function () { return false; }
      });
      return index;
    };
  }

  function rewriteMessage(message) {
    if (!message) return message;
    if (message.type === SETUP) {
      patchLunr();
      learn(message.data.config, message.data.docs);
    } else if (message.type === QUERY) {
      lastQuery = String(message.data);
      return { type: QUERY, data: rewriteQuery(lastQuery) };
    }
    return message;
  }

  var addEventListener = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type === "message") {
      var inner = listener;
      listener = function (ev) {
        return inner.call(this, { data: rewriteMessage(ev.data) });
      };
    }
    return addEventListener.call(self, type, listener, options);
  };

  var postMessage = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT)
      message = { type: RESULT, data: rewriteSuggest(message.data) };
    return postMessage.apply(self, [message].concat([].slice.call(arguments, 1)));
  };

  /* Load Material's worker from the same folder */
  var url = here();
  var name = /[?&]w=([\w.-]+)/.exec(url);
  var worker = new URL(name ? name[1] : "search.min.js", url).href;
  var loaded = importScripts(worker);
  if (loaded && typeof loaded.then === "function") loaded.then(patchLunr);
  else patchLunr();
})();
