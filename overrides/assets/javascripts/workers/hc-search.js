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
 *  - a domain compound's parts are searched in the text only, so that a part
 *    in an unrelated title (安全 of 安全钱包) does not outrank the compound;
 *    the compound is then highlighted in the titles that contain it;
 *  - filler words (的, 怎么, 不, 没 ...) are dropped when other words remain,
 *    and lone characters (找 of 找主管) when real words remain;
 *  - a character that only starts a longer word (买 of 买入) counts as typed
 *    in part, as the last word does;
 *  - in English, only the word being typed is a prefix: the words before it
 *    are searched whole, so "safe wallet" does not match "safety";
 *  - Material's own segmenter is switched off, and the search suggestion is
 *    rebuilt so it completes the whole typed Chinese word;
 *  - Traditional characters (忘記密碼) become the Simplified ones the
 *    articles use, by the pairs the index lists (config.t2s).
 *
 * It runs in a real Worker (http, and file:// through hc-search-start.js)
 * and in the iframe-worker shim (file://, when that cannot start).
 *
 * Seam: what this relies on of Material's worker and of Lunr, the versions
 * it was checked against and what each speed-up buys are in
 * helpcenter.theme.search_worker (src/helpcenter/theme/search_worker.py).
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAS_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var ZWSP = "\u200b";
  var STOP = {};
  ("的 了 吗 呢 啊 吧 呀 么 我 我的 你 你的 是 在 和 与 或 及 怎么 怎么办 怎样 如何 " +
    "什么 为什么 哪里 哪儿 哪个 可以 能 能否 请问 一下 有 没有 要 想 需要 该 应该 " +
    /* negations, particles and adverbs: alone they match everything */
    "不 没 别 着 过 得 地 就 也 都 还 很 太 又 再 到 去 来 给 把 让 " +
    "不了 不到 不能 不会 不行 无法 没法 一直 总是 老是 突然 有人 别人")
    .split(" ").forEach(function (w) { STOP[w] = true; });

  var settings = null;  /* the index configuration */
  var t2s = null;       /* Traditional -> Simplified characters of the index */
  var fastTokenizer = function () { return null; };
  var vocab = null;     /* index words containing Han */
  var prefixes = null;  /* every prefix of those words */
  var titleWords = null; /* Han words of titles, for suggestions */
  var maxLen = 1;
  var lastQuery = "";
  var compounds = [];   /* domain terms of the last query, searched whole */
  var helpers = {};     /* terms added to the last query -> the word typed */

  /* Whether a speed-up is turned off, for measuring: self.__hcSpeedups is
     "0" (all off) or a list such as "-lunrbuild,-tokenizer" (those off).
     The names: lunrbuild (compactBuilder), tokenizer (its Fast tokenizer). */
  function speedupOff(name) {
    var value = String(self.__hcSpeedups || "").trim();
    return value === "0" || value.split(",").some(function (part) {
      return part.trim() === "-" + name;
    });
  }

  /* The address of this script, in a Worker and in the iframe shim */
  function here() {
    if (typeof document !== "undefined" && document.currentScript)
      return document.currentScript.src;
    return self.location.href;
  }

  /* Collect the Han words of the built index: its terms, split and
     lowercased as the worker split them. A word that is a term of some
     title also completes suggestions. */
  function learn(words, inTitle) {
    vocab = new Set();
    prefixes = new Set();
    titleWords = new Set();
    maxLen = 1;
    for (var id = 0; id < words.length; id++) {
      var word = words[id];
      if (!HAS_HAN.test(word)) continue;
      vocab.add(word);
      maxLen = Math.max(maxLen, word.length);
      for (var i = 1; i <= word.length; i++) prefixes.add(word.slice(0, i));
      if (inTitle(word, id)) titleWords.add(word);
    }
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
        /* a lone character says less than a word, unless it is a filler */
        if (vocab.has(word)) c = len > 1 || STOP[word] ? 1 : 1.5;
        else if (allowPrefix && i + len === n && prefixes.has(word)) c = 1.2;
        /* the start of a longer word the reader did not finish (买 of 买入) */
        else if (allowPrefix && len === 1 && prefixes.has(word)) c = 2;
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
    /* Next to real words, a character that is a word of its own (找 of
       找主管) only adds noise; one that only starts longer words (盗 of 盗号)
       is kept */
    var words = known.filter(function (p) { return p.word.length > 1 || !vocab.has(p.word); });
    if (words.length) known = words;
    var out = [];
    known.forEach(function (p) {
      out.push(p.word);
      /* A compound is also searched by its parts, which the text contains
         (the build splits it there). A domain term (安全钱包) is searched by
         its parts in the text only, so that a part in some other title (安全)
         does not outrank the term; a phrase with a filler or a single
         character (登录不了, 发邮件) is just its words, searched everywhere */
      if (p.word.length > 2 && vocab.has(p.word)) {
        var parts = split(p.word, p.word.length - 1, false);
        if (parts.length > 1 && parts.every(function (q) { return q.known; })) {
          var phrase = parts.some(function (q) { return STOP[q.word] || q.word.length < 2; });
          parts.forEach(function (q) {
            if (STOP[q.word] || q.word.length < 2) return;
            out.push(phrase ? q.word : "text:" + q.word);
            if (!phrase) helpers[q.word] = p.word;
          });
          if (!phrase) compounds.push(p.word);
        }
      }
    });
    return out.filter(function (w, i) { return out.indexOf(w) === i; });
  }

  /* A query typed in Traditional Chinese (忘記密碼), in the Simplified
     characters the articles use: the index lists the pairs (config.t2s) */
  function simplified(text) {
    if (t2s === null) {
      t2s = new Map();
      var pairs = settings && typeof settings.t2s === "string" ? settings.t2s : "";
      for (var i = 0; i + 1 < pairs.length; i += 2) t2s.set(pairs[i], pairs[i + 1]);
    }
    if (!t2s.size) return text;
    return text.replace(HAN, function (run) {
      var out = "";
      for (var i = 0; i < run.length; i++) out += t2s.get(run[i]) || run[i];
      return out;
    });
  }

  function uses(step) {
    return settings.pipeline.indexOf(step) >= 0 && settings.lang.indexOf("en") >= 0;
  }

  /* Lunr skips the pipeline for the prefix searches Material sends, so
     "hacked*" never meets the stemmed "hack". Search the part a word shares
     with its stem instead (hacked -> hack, trading -> trad, verify -> verif),
     and leave out stop words and stray letters (can't -> can, t). */
  function english(token, last) {
    var lunr = self.lunr;
    var words = token.toLowerCase().split(new RegExp(settings.separator)).filter(Boolean);
    var out = [];
    words.forEach(function (word, k) {
      if (/^[a-z]$/.test(word)) return;
      var stop = uses("stopWordFilter") && !lunr.stopWordFilter(new lunr.Token(word, {}));
      var term = word;
      if (uses("stemmer") && /^[a-z]+$/.test(word)) {
        var stem = lunr.stemmer(new lunr.Token(word, {})).toString();
        var i = 0;
        while (i < word.length && i < stem.length && word[i] === stem[i]) i++;
        if (i >= 3) term = word.slice(0, i);
      }
      /* Only the word being typed is incomplete. A word before it is searched
         whole (stemmed), so that "safe wallet" does not match the title
         "Safety"; its prefix still counts in the text, where the stemmer
         misses a derived word (recover, recovery) */
      if (!(last && k === words.length - 1) && /^[a-z][a-z0-9]+$/.test(word)) {
        out.push({ term: word + "^1", stop: stop });
        if (!stop && term !== word) {
          out.push({ term: "text:" + term, stop: false });
          helpers[term] = word;
        }
        return;
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
    var tokens = text.split(/\s+/).filter(Boolean);
    /* the last word is still being typed, unless a space follows it */
    var typing = /\S$/.test(query) ? tokens.length - 1 : -1;
    tokens.forEach(function (token, k) {
      if (HAS_HAN.test(token) || /^[+-]|[*~^:]/.test(token))
        parts.push({ term: token, stop: false });
      else
        parts.push.apply(parts, english(token, k === typing));
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

  /* A domain term in a title matches the hidden title keywords, so the
     theme does not highlight it: mark its words in the title here. Terms
     this layer added count for the word they came from. */
  function markTitles(result) {
    if (!result || !result.items) return result;
    var patterns = compounds.map(function (word) {
      return new RegExp(word.split("").join(ZWSP + "?"), "g");
    });
    result.items.forEach(function (group) {
      group.forEach(function (doc) {
        /* "Missing:" lists only words the reader typed */
        Object.keys(doc.terms || {}).forEach(function (term) {
          if (!(term in helpers)) return;
          if (doc.terms[term]) doc.terms[helpers[term]] = true;
          delete doc.terms[term];
        });
        if (typeof doc.title !== "string") return;
        patterns.forEach(function (re) {
          doc.title = doc.title.replace(re, function (run) {
            return run.split(ZWSP).map(function (w) {
              return "<mark>" + w + "</mark>";
            }).join(ZWSP);
          });
        });
      });
    });
    return result;
  }

  /* The index is built on every page load, so its build time is the wait
     for the first results. Lunr's builder posts every word of every section
     (an object and an array per word and section) and makes a vector for
     every field of every section, most of which no search ever reads. Here:

     - the trimmer, the stop-word filter and the stemmer only look at a
       token's text, yet run once per word of every section: their answer is
       kept per text;
     - the theme's tokenizer makes a token object per word, which the
       pipeline then passes along: a tokenizer of our own (Fast, below)
       gives each word's term and position straight from the text, once it
       has given the same as the theme's on the first fields;
     - Builder#add keeps each section's words as numbers: the term's number,
       and per term the field, section and metadata (the position) of each
       occurrence, with the counts the scores need;
     - Builder#build returns an index whose postings and field vectors are
       made the first time a search reads them, exactly as Lunr would have
       made them (tests/js/lunr_index.js compares both indexes, in
       whole and by the searches they answer).

     A builder whose fields or metadata change between documents, or that
     gets the same reference twice, hands what it kept to Lunr's own
     builder, which goes on as usual. */
  function Terms(builder) {
    this.fields = Object.keys(builder._fields);
    this.fieldIndex = Object.create(null);
    for (var f = 0; f < this.fields.length; f++) this.fieldIndex[this.fields[f]] = f;
    this.whitelist = builder.metadataWhitelist.slice();
    this.ids = new Map();     /* term -> number, in the order Lunr numbers them */
    this.terms = [];          /* number -> term */
    this.first = [];          /* number -> its first occurrence */
    this.last = [];           /* number -> its last occurrence */
    this.fieldCounts = [];    /* number -> fields (and sections) holding it */
    this.lastField = [];      /* number -> the last fieldRef that held it */
    this.fieldMask = [];      /* number -> bit f set when field f holds it */
    this.refs = [];           /* section -> its reference */
    this.sections = new Map();
    /* Occurrences, in order: the term, its fieldRef, the term's next
       occurrence, and each metadata value (numbers while they are whole,
       else any value). Arrays of numbers cost the garbage collector
       nothing, where an object per posting and an array per term did. */
    this.size = 0;
    this.words = new Int32Array(1 << 16);
    this.fieldRefs = new Int32Array(1 << 16);
    this.next = new Int32Array(1 << 16);
    this.metadata = this.whitelist.map(function () { return new Int32Array(1 << 16); });
    this.starts = [0];        /* fieldRef -> where its terms start */
    this.lengths = this.fields.map(function () { return 0; });
  }

  /* fieldRef numbers: section * fields + field */
  Terms.prototype.fits = function (builder, ref) {
    var fields = Object.keys(builder._fields);
    return !this.sections.has(ref) && fields.length === this.fields.length &&
      fields.every(function (name, f) { return name === this.fields[f]; }, this) &&
      builder.metadataWhitelist.join("\n") === this.whitelist.join("\n");
  };

  function grow(array, size) {
    if (!(array instanceof Int32Array)) return array;
    var grown = new Int32Array(size);
    grown.set(array);
    return grown;
  }

  /* The number of a term, numbered when first seen */
  Terms.prototype.id = function (term) {
    var id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
      this.first.push(-1);
      this.last.push(-1);
      this.fieldCounts.push(0);
      this.lastField.push(-1);
      this.fieldMask.push(0);
    }
    return id;
  };

  /* Record an occurrence of term `id` in field `f` of `fieldRef`; its
     metadata go at the place returned */
  Terms.prototype.push = function (id, fieldRef, f) {
    var k = this.size;
    if (k === this.words.length) {
      var size = k * 2;
      this.words = grow(this.words, size);
      this.fieldRefs = grow(this.fieldRefs, size);
      this.next = grow(this.next, size);
      for (var m = 0; m < this.metadata.length; m++) this.metadata[m] = grow(this.metadata[m], size);
    }
    this.words[k] = id;
    this.fieldRefs[k] = fieldRef;
    this.next[k] = -1;
    if (this.first[id] === -1) this.first[id] = k;
    else this.next[this.last[id]] = k;
    this.last[id] = k;
    this.size = k + 1;
    if (this.lastField[id] !== fieldRef) {
      this.lastField[id] = fieldRef;
      this.fieldCounts[id] += 1;
      if (f < 31) this.fieldMask[id] |= 1 << f;
    }
    return k;
  };

  /* Metadata value `w` of occurrence `k`: kept as numbers while whole */
  Terms.prototype.setMetadata = function (w, k, value) {
    var values = this.metadata[w];
    if (values instanceof Int32Array && (value | 0) !== value)
      values = this.metadata[w] = Array.prototype.slice.call(values, 0, k);
    values[k] = value;
  };

  Terms.prototype.add = function (builder, doc, ref) {
    var fields = this.fields;
    var whitelist = this.whitelist;
    var section = this.refs.length;
    this.refs.push(ref);
    this.sections.set(ref, section);
    var fast = builder.__hcFast;
    if (fast === undefined) fast = builder.__hcFast = fastTokenizer(builder);
    for (var f = 0; f < fields.length; f++) {
      var name = fields[f];
      var extractor = builder._fields[name].extractor;
      var field = extractor ? extractor(doc) : doc[name];
      var fieldRef = section * fields.length + f;
      var j;
      if (fast && fast.run(field, name)) {
        var terms = fast.terms;
        var positions = fast.positions;
        this.lengths[f] += terms.length;
        for (j = 0; j < terms.length; j++)
          this.setMetadata(0, this.push(this.id(terms[j]), fieldRef, f), positions[j]);
      } else {
        var tokens = builder.pipeline.run(builder.tokenizer(field, { fields: [name] }));
        this.lengths[f] += tokens.length;
        for (j = 0; j < tokens.length; j++) {
          var token = tokens[j];
          var k = this.push(this.id(String(token)), fieldRef, f);
          for (var w = 0; w < whitelist.length; w++)
            this.setMetadata(w, k, token.metadata[whitelist[w]]);
        }
      }
      this.starts.push(this.size);
    }
  };

  /* A term's posting, as Lunr's Builder#add makes it */
  Terms.prototype.posting = function (id) {
    var fields = this.fields;
    var whitelist = this.whitelist;
    var posting = Object.create(null);
    posting._index = id;
    for (var f = 0; f < fields.length; f++) posting[fields[f]] = Object.create(null);
    for (var k = this.first[id]; k !== -1; k = this.next[k]) {
      var fieldRef = this.fieldRefs[k];
      var field = fieldRef % fields.length;
      var byDoc = posting[fields[field]];
      var ref = this.refs[(fieldRef - field) / fields.length];
      var entry = byDoc[ref];
      if (entry == null) entry = byDoc[ref] = Object.create(null);
      for (var w = 0; w < whitelist.length; w++) {
        var values = entry[whitelist[w]];
        if (values == null) values = entry[whitelist[w]] = [];
        values.push(this.metadata[w][k]);
      }
    }
    return posting;
  };

  Terms.prototype.fieldRefOf = function (key) {
    var slash = key.indexOf("/");
    if (slash < 0) return -1;
    var field = this.fieldIndex[key.slice(0, slash)];
    var section = this.sections.get(key.slice(slash + 1));
    if (field === undefined || section === undefined) return -1;
    return section * this.fields.length + field;
  };

  Terms.prototype.fieldRefKey = function (fieldRef) {
    var field = fieldRef % this.fields.length;
    return this.fields[field] + "/" + this.refs[(fieldRef - field) / this.fields.length];
  };

  /* Builder#createFieldVectors for one field of one section: the same
     arithmetic, in the same order, on the same numbers */
  Terms.prototype.vector = function (lunr, fieldRef) {
    var words = this.words.slice(this.starts[fieldRef], this.starts[fieldRef + 1]).sort();
    var elements = [];
    for (var i = 0; i < words.length;) {
      var id = words[i];
      var j = i;
      while (j < words.length && words[j] === id) j++;
      elements.push(id, this.element(fieldRef, id, j - i, words.length));
      i = j;
    }
    return new lunr.Vector(elements);
  };

  /* The vector's value for term `id`, found `tf` times in a field of
     `fieldLength` terms */
  Terms.prototype.element = function (fieldRef, id, tf, fieldLength) {
    var field = fieldRef % this.fields.length;
    var k1 = this.k1;
    var b = this.b;
    var idf = this.idfs[id];
    if (idf === undefined) {
      var x = (this.documentCount - this.fieldCounts[id] + 0.5) / (this.fieldCounts[id] + 0.5);
      idf = this.idfs[id] = Math.log(1 + Math.abs(x));
    }
    var score = idf * ((k1 + 1) * tf) /
      (k1 * (1 - b + b * (fieldLength / this.averageFieldLength[this.fields[field]])) + tf);
    score *= this.fieldBoosts[field];
    score *= this.docBoosts[(fieldRef - field) / this.fields.length];
    return Math.round(score * 1000) / 1000;
  };

  /* A search scores a field by Vector#similarity: the dot product of the
     query's vector with the field's, over the field's terms that are in
     the query (then divided by the query's magnitude). That is computed
     here from the field's counts of the query's terms, in the same order
     and with the same values as Vector#dot would, without making the
     field's vector, which holds every term of the field */
  Terms.prototype.dot = function (query, fieldRef) {
    var a = query.elements;
    var slot = this.slot;
    if (!slot || slot.length < this.terms.length) slot = this.slot = new Int32Array(this.terms.length);
    var counts = this.counts;
    if (!counts || counts.length < a.length / 2) counts = this.counts = new Int32Array(a.length);
    var i;
    var asked = 0;
    for (i = 0; i < a.length; i += 2) {
      var id = a[i];
      if (id >= 0 && id < this.terms.length && slot[id] === 0) {
        slot[id] = i / 2 + 1;
        counts[i / 2] = 0;
        asked++;
      }
    }
    var start = this.starts[fieldRef];
    var end = this.starts[fieldRef + 1];
    var words = this.words;
    if (asked > 0)
      for (var k = start; k < end; k++) {
        var s = slot[words[k]];
        if (s !== 0) counts[s - 1]++;
      }
    var product = 0;
    for (i = 0; i < a.length; i += 2) {
      var term = a[i];
      if (!(term >= 0 && term < this.terms.length) || slot[term] !== i / 2 + 1) continue;
      slot[term] = 0;
      var tf = counts[i / 2];
      if (tf > 0) product += a[i + 1] * this.element(fieldRef, term, tf, end - start);
    }
    return product;
  };

  /* What the index holds as a field's vector: made only when something
     other than a search's similarity reads it (Index#toJSON, say) */
  function fieldVectorType(lunr) {
    if (lunr.__hcFieldVector) return lunr.__hcFieldVector;
    function FieldVector(terms, fieldRef) {
      this.__hcTerms = terms;
      this.__hcFieldRef = fieldRef;
      this.__hcFull = null;
    }
    FieldVector.prototype = Object.create(lunr.Vector.prototype);
    FieldVector.prototype.constructor = FieldVector;
    Object.defineProperty(FieldVector.prototype, "elements", {
      get: function () {
        if (!this.__hcFull) this.__hcFull = this.__hcTerms.vector(lunr, this.__hcFieldRef);
        return this.__hcFull.elements;
      },
      set: function (elements) {
        if (!this.__hcFull) this.__hcFull = new lunr.Vector([]);
        this.__hcFull.elements = elements;
      }
    });
    var similarity = lunr.Vector.prototype.similarity;
    lunr.Vector.prototype.similarity = function (other) {
      if (other instanceof FieldVector && !other.__hcFull)
        return other.__hcTerms.dot(this, other.__hcFieldRef) / this.magnitude() || 0;
      return similarity.call(this, other);
    };
    return (lunr.__hcFieldVector = FieldVector);
  }

  /* An object whose properties are made on first read and kept */
  function lazy(keys, has, make) {
    var made = Object.create(null);
    function get(target, key) {
      if (typeof key !== "string") return undefined;
      if (key in made) return made[key];
      if (!has(key)) return undefined;
      return (made[key] = make(key));
    }
    return new Proxy(made, {
      get: get,
      has: function (target, key) { return typeof key === "string" && has(key); },
      ownKeys: function () { return keys(); },
      getOwnPropertyDescriptor: function (target, key) {
        if (!has(key)) return undefined;
        return { value: get(target, key), writable: true, enumerable: true, configurable: true };
      }
    });
  }

  /* What Builder#build makes, with postings and field vectors made lazily */
  Terms.prototype.build = function (lunr, builder) {
    var self_ = this;
    var sections = this.refs.length;
    var average = {};
    this.fields.forEach(function (name, f) { average[name] = self_.lengths[f] / sections; });
    builder.averageFieldLength = average;
    builder.termIndex = this.terms.length;
    this.averageFieldLength = average;
    this.documentCount = builder.documentCount;
    this.documents = builder._documents;
    this.k1 = builder._k1;
    this.b = builder._b;
    this.fieldBoosts = this.fields.map(function (name) { return builder._fields[name].boost || 1; });
    this.idfs = [];
    builder.invertedIndex = lazy(
      function () { return self_.terms.slice(); },
      function (term) { return self_.ids.has(term); },
      function (term) { return self_.posting(self_.ids.get(term)); }
    );
    this.docBoosts = this.refs.map(function (ref) { return self_.documents[ref].boost || 1; });
    var FieldVector = fieldVectorType(lunr);
    builder.fieldVectors = lazy(
      function () {
        var keys = [];
        for (var r = 0; r + 1 < self_.starts.length; r++) keys.push(self_.fieldRefKey(r));
        return keys;
      },
      function (key) { return self_.fieldRefOf(key) >= 0; },
      function (key) { return new FieldVector(self_, self_.fieldRefOf(key)); }
    );
    builder.tokenSet = lunr.TokenSet.fromArray(this.terms.slice().sort());
    return new lunr.Index({
      invertedIndex: builder.invertedIndex,
      fieldVectors: builder.fieldVectors,
      tokenSet: builder.tokenSet,
      fields: Object.keys(builder._fields),
      pipeline: builder.searchPipeline
    });
  };

  /* Give Lunr's builder everything kept so far, as its own add would have */
  Terms.prototype.handOver = function (lunr, builder) {
    var inverted = Object.create(null);
    for (var id = 0; id < this.terms.length; id++) inverted[this.terms[id]] = this.posting(id);
    builder.invertedIndex = inverted;
    builder.termIndex = this.terms.length;
    for (var r = 0; r + 1 < this.starts.length; r++) {
      var field = r % this.fields.length;
      var fieldRef = new lunr.FieldRef(this.refs[(r - field) / this.fields.length], this.fields[field]);
      var counts = Object.create(null);
      for (var k = this.starts[r]; k < this.starts[r + 1]; k++) {
        var term = this.terms[this.words[k]];
        counts[term] = (counts[term] || 0) + 1;
      }
      builder.fieldTermFrequencies[fieldRef] = counts;
      builder.fieldLengths[fieldRef] = this.starts[r + 1] - this.starts[r];
    }
  };

  function compactBuilder(lunr) {
    var DROP = {};
    var pure = [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer];
    var caches = new Map();
    pure.forEach(function (fn) { if (typeof fn === "function") caches.set(fn, new Map()); });
    var probe = new lunr.Token("", {});

    /* A pipeline step's answer for a token's text: the new text, DROP, or
       undefined when the step is not a plain filter for it */
    function step(fn, cache, text) {
      var out = cache.get(text);
      if (out === undefined) {
        probe.str = text;
        probe.metadata = {};
        var result = fn(probe, 0, [probe]);
        if (result === probe) out = probe.str;
        else if (result === null || result === undefined || result === "") out = DROP;
        else return undefined;
        cache.set(text, out);
      }
      return out;
    }

    function remembered(fn, cache, token) {
      var out = step(fn, cache, token.str);
      if (out === undefined) return fn(token);  /* not a plain filter: no shortcut */
      if (out === DROP) return undefined;
      token.str = out;
      return token;
    }

    /* The theme's tokenizer and then the pipeline, in one pass over a
       field's text, with no token objects: the theme's tokenize() splits
       the text at tags into blocks, records each block's tags and words in
       the field's highlight table (lunr.tokenizer.table, which its field
       extractor has just made), and gives each word its place in that table
       as its position. This does the same, word for word and bit for bit,
       and sends each word through the pipeline's steps, remembered per
       text. It only takes over a builder whose tokenizer is not Lunr's,
       with no segmenter, positions as the only metadata and a pipeline of
       plain filters; and only after its answers matched the theme's
       tokenizer on the first fields. */
    function Fast(builder, separator) {
      this.builder = builder;
      this.stack = builder.pipeline._stack.slice();
      this.separator = new RegExp(separator, "g");
      /* A separator that is one character class repeated ([...]+, as the
         theme's is) splits the text where its characters run: a table
         of the code units it matches (0: not asked yet) does it without
         running the expression for every word */
      this.kinds = null;
      this.single = null;
      if (separator.flags === "" && /^\[(?:[^\]\\]|\\.)*\]\+$/.test(separator.source)) {
        this.single = new RegExp("^" + separator.source.slice(0, -1) + "$");
        this.kinds = new Uint8Array(65536);
      }
      this.finals = new Map();  /* a word as written -> its term, or DROP */
      this.keys = new Array(1 << 12);  /* the same, as a table of words (see known) */
      this.hashes = new Int32Array(1 << 12);
      this.values = new Array(1 << 12);
      this.count = 0;
      this.terms = [];          /* the field's terms */
      this.positions = [];      /* and their positions */
      this.checks = 24;         /* fields still to compare with the theme's */
      this.on = true;
    }

    fastTokenizer = function (builder) {
      var separator = lunr.tokenizer.separator;
      if (speedupOff("tokenizer") || builder.tokenizer === lunr.tokenizer || lunr.segmenter !== undefined ||
          !(separator instanceof RegExp) || builder.metadataWhitelist.join("\n") !== "position" ||
          !builder.pipeline._stack.every(function (fn) { return caches.has(fn); }))
        return null;
      return new Fast(builder, separator);
    };

    /* A word's term, or DROP (undefined: a step is no plain filter) */
    Fast.prototype.final = function (word) {
      var out = this.finals.get(word);
      if (out !== undefined) return out;
      out = word.toLowerCase();
      for (var i = 0; i < this.stack.length && out !== DROP; i++) {
        out = step(this.stack[i], caches.get(this.stack[i]), out);
        if (out === undefined) return undefined;
      }
      this.finals.set(word, out);
      return out;
    };

    /* The term of the word from `from` to `to` of `input`, whose hash is
       `hash`: words already met are found in an open-addressing table
       without cutting them out of the text */
    Fast.prototype.known = function (input, from, to, hash) {
      var keys = this.keys;
      var mask = keys.length - 1;
      var length = to - from;
      for (var i = hash & mask; ; i = (i + 1) & mask) {
        var key = keys[i];
        if (key === undefined) break;
        if (this.hashes[i] !== hash || key.length !== length) continue;
        var k = 0;
        while (k < length && key.charCodeAt(k) === input.charCodeAt(from + k)) k++;
        if (k === length) return this.values[i];
      }
      var word = input.slice(from, to);
      var term = this.final(word);
      if (term === undefined) return undefined;
      keys[i] = word;
      this.hashes[i] = hash;
      this.values[i] = term;
      if (++this.count * 2 > keys.length) this.rehash(keys.length * 2);
      return term;
    };

    Fast.prototype.rehash = function (slots) {
      var keys = this.keys;
      var hashes = this.hashes;
      var values = this.values;
      this.keys = new Array(slots);
      this.hashes = new Int32Array(slots);
      this.values = new Array(slots);
      for (var j = 0; j < keys.length; j++) {
        if (keys[j] === undefined) continue;
        var i = hashes[j] & (slots - 1);
        while (this.keys[i] !== undefined) i = (i + 1) & (slots - 1);
        this.keys[i] = keys[j];
        this.hashes[i] = hashes[j];
        this.values[i] = values[j];
      }
    };

    var SEPARATOR = 1;
    var WORD = 2;

    function next(input, c, from) {
      var at = input.indexOf(c, from);
      return at < 0 ? Infinity : at;
    }

    function row(table, block) {
      return table[block] || (table[block] = []);
    }

    /* A word at `at` of the field's string, of `length` code units, and
       its term: an entry in its block's row of the table, and the term
       with that entry as its position */
    Fast.prototype.word = function (entries, block, at, length, term) {
      entries.push(at << 12 | length << 2 | 1);
      if (term === undefined) return false;
      if (term !== DROP) {
        this.terms.push(term);
        this.positions.push(block << 20 | entries.length - 1);
      }
      return true;
    };

    /* A text block: its words, split at the separator */
    Fast.prototype.text = function (input, table, block, start, end) {
      var entries = row(table, block);
      var kinds = this.kinds;
      var index;
      var until;
      if (kinds) {
        /* a run of separator characters ends each word */
        for (index = start; index < end; index = until) {
          while (index < end && this.kind(kinds, input.charCodeAt(index)) === SEPARATOR) index++;
          if (index === end) break;
          var hash = 0;
          for (until = index; until < end; until++) {
            var c = input.charCodeAt(until);
            if (this.kind(kinds, c) === SEPARATOR) break;
            hash = Math.imul(hash, 31) + c | 0;
          }
          if (!this.word(entries, block, index, until - index, this.known(input, index, until, hash)))
            return false;
        }
        return true;
      }
      var section = input.slice(start, end);
      var separator = this.separator;
      var match;
      index = 0;
      separator.lastIndex = 0;
      do {
        match = separator.exec(section);
        until = match ? match.index : section.length;
        if (index < until && !this.word(entries, block, start + index, until - index,
                                        this.final(section.slice(index, until))))
          return false;
        if (match) {
          index = match.index + match[0].length;
          if (match[0].length === 0) separator.lastIndex = match.index + 1;
        }
      } while (match);
      return true;
    };

    /* Whether a UTF-16 code unit is in the separator's class, asked once */
    Fast.prototype.kind = function (kinds, c) {
      var k = kinds[c];
      if (k === 0) k = kinds[c] = this.single.test(String.fromCharCode(c)) ? SEPARATOR : WORD;
      return k;
    };

    /* One string: tags and text, as the theme's extract() splits them */
    Fast.prototype.input = function (input, table) {
      var total = table.length;
      var block = 0;
      var start = 0;
      var end = 0;
      var lt = -1;  /* the next < and > from `end` on (Infinity: none) */
      var gt = -1;
      for (var depth = 0; end < input.length; end++) {
        if (lt < end) lt = next(input, "<", end);
        if (gt < end) gt = next(input, ">", end);
        end = Math.min(lt, gt, input.length);
        if (end === input.length) break;
        var c = input.charCodeAt(end);
        if (c === 60 /* < */ && end > start) {
          if (!this.text(input, table, block + total, start, end)) return false;
          start = end;
        } else if (c === 62 /* > */) {
          if (input.charCodeAt(start + 1) === 47 /* / */) {
            if (--depth === 0) row(table, block++ + total).push(start << 12 | end + 1 - start << 2 | 2);
          } else if (input.charCodeAt(end - 1) !== 47) {
            if (depth++ === 0) row(table, block + total).push(start << 12 | end + 1 - start << 2 | 0);
          }
          start = end + 1;
        }
      }
      if (end > start) return this.text(input, table, block + total, start, end);
      return true;
    };

    /* One field's terms and positions (in this.terms, this.positions);
       false when the theme's tokenizer and the pipeline must do it */
    Fast.prototype.tokenize = function (value, table) {
      this.terms.length = 0;
      this.positions.length = 0;
      if (value === undefined) return true;
      var inputs = Array.isArray(value) ? value : [value];
      if (!Array.isArray(table) || !inputs.every(function (x) { return typeof x === "string"; }))
        return false;
      var before = table.length;
      for (var i = 0; i < inputs.length; i++) {
        if (!this.input(inputs[i], table)) {
          table.length = before;  /* a field only adds blocks to its table */
          return false;
        }
      }
      return true;
    };

    Fast.prototype.run = function (value, name) {
      if (!this.on) return false;
      var table = lunr.tokenizer.table;
      var before = Array.isArray(table) ? table.length : 0;
      if (!this.tokenize(value, table)) return false;
      if (this.checks === 0 || value === undefined) return true;
      /* Compare with the theme's tokenizer and the pipeline */
      this.checks -= 1;
      var ours = JSON.stringify([table.slice(before), this.terms, this.positions]);
      table.length = before;
      var tokens = this.builder.pipeline.run(this.builder.tokenizer(value, { fields: [name] }));
      var theirs = JSON.stringify([
        table.slice(before),
        tokens.map(String),
        tokens.map(function (token) { return token.metadata.position; })
      ]);
      if (ours === theirs) return true;
      this.on = false;  /* the table holds the theme's blocks: index its tokens */
      this.terms.length = 0;
      this.positions.length = 0;
      for (var i = 0; i < tokens.length; i++) {
        this.terms.push(String(tokens[i]));
        this.positions.push(tokens[i].metadata.position);
      }
      return true;
    };

    lunr.Pipeline.prototype.run = function (tokens) {
      var stack = this._stack;
      for (var i = 0; i < stack.length; i++) {
        var fn = stack[i];
        var cache = caches.get(fn);
        var memo = [];
        for (var j = 0; j < tokens.length; j++) {
          var result = cache && tokens[j] instanceof lunr.Token
            ? remembered(fn, cache, tokens[j])
            : fn(tokens[j], j, tokens);
          if (result === null || result === undefined || result === "") continue;
          if (Array.isArray(result)) {
            for (var k = 0; k < result.length; k++) memo.push(result[k]);
          } else {
            memo.push(result);
          }
        }
        tokens = memo;
      }
      return tokens;
    };

    var add = lunr.Builder.prototype.add;
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (this.__hcLunr) return add.call(this, doc, attributes);
      var ref = String(doc[this._ref]);
      var kept = this.__hcTerms || (this.__hcTerms = new Terms(this));
      if (!kept.fits(this, ref)) {
        kept.handOver(lunr, this);
        this.__hcTerms = null;
        this.__hcLunr = true;
        return add.call(this, doc, attributes);
      }
      this._documents[doc[this._ref]] = attributes || {};
      this.documentCount += 1;
      kept.add(this, doc, ref);
    };
    lunr.Builder.prototype.build = function () {
      var kept = this.__hcTerms;
      if (!kept) return build.apply(this, arguments);
      var index = kept.build(lunr, this);
      index.__hcTerms = kept;
      return index;
    };
  }

  /* Patch the worker's Lunr once: the faster build above, the Han words
     learnt from each index built, and Material's segmenter, which asks
     `word in invertedIndex`, answered no, so that it keeps each of the
     terms above whole */
  function patchLunr() {
    var lunr = self.lunr;
    if (!lunr || lunr.__hcPatched) return;
    lunr.__hcPatched = true;
    if (!speedupOff("lunrbuild")) compactBuilder(lunr);
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.apply(this, arguments);
      var kept = index.__hcTerms;
      if (kept) {
        var title = kept.fieldIndex.title;
        learn(kept.terms, function (word, id) {
          return title !== undefined && title < 31 && (kept.fieldMask[id] & (1 << title)) !== 0;
        });
      } else {
        var inverted = index.invertedIndex;
        learn(Object.keys(inverted), function (word) {
          for (var ref in inverted[word].title || {}) return true;
          return false;
        });
      }
      index.invertedIndex = new Proxy(index.invertedIndex, {
        has: function () { return false; }
      });
      return index;
    };
  }

  function rewriteMessage(message) {
    if (!message) return message;
    if (message.type === SETUP) {
      /* From hc-search-start.js: the index as JSON text, cheaper to send */
      if (typeof message.data.text === "string") {
        var index = JSON.parse(message.data.text);
        /* Lunr's language files cannot be loaded from there: refusing the
           index makes the page give the theme its usual worker */
        if (!(index.config.lang || ["en"]).every(function (lang) { return lang === "en"; }))
          throw new Error("the index needs Lunr language files (" + index.config.lang + ")");
        message = {
          type: SETUP,
          data: { config: index.config, docs: index.docs, options: message.data.options }
        };
      }
      settings = message.data.config;
      t2s = null;
      patchLunr();
    } else if (message.type === QUERY) {
      lastQuery = simplified(String(message.data));
      compounds = [];
      helpers = {};
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
      message = { type: RESULT, data: markTitles(rewriteSuggest(message.data)) };
    return postMessage.apply(self, [message].concat([].slice.call(arguments, 1)));
  };

  /* Material's worker: in the same text when started from file:// (see
     hc-search-start.js), else loaded from the same folder */
  if (typeof self.__hcThemeWorker === "function") {
    self.__hcThemeWorker();
    patchLunr();
    return;
  }
  var url = here();
  var name = /[?&]w=([\w.-]+)/.exec(url);
  var worker = new URL(name ? name[1] : "search.min.js", url).href;
  var loaded = importScripts(worker);
  if (loaded && typeof loaded.then === "function") loaded.then(patchLunr);
  else patchLunr();
})();
