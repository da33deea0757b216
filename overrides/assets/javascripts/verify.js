/*
 * The "is this official?" verifier: judges a pasted URL, email, phone number
 * or handle against the channel registry, entirely in the browser.
 *
 * The registry arrives as window.hcVerifyData (assets/javascripts/verify-data.js,
 * written at build time by helpcenter.site.verifier.verifier_script), so the page
 * works from file:// and without network. Every rule here mirrors
 * src/helpcenter/verify.py and src/helpcenter/normalize.py; the shared cases
 * in tests/vectors/verify.json keep the two in step.
 */
(function () {
  "use strict";

  // -- text clean-up (normalize.clean) --------------------------------------

  var INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\u{e0000}-\u{e0fff}]/gu;
  var DOTS = /[\u3002\uff0e\uff61\u2024\ufe52]/g;
  var STRIP = " \t\r\n\"'<>\u201c\u201d\u2018\u2019\u00ab\u00bb,;\u3001\uff0c\uff1b";

  function clean(text) {
    return text.replace(DOTS, ".").normalize("NFKC").replace(INVISIBLE, "");
  }

  function stripChars(text, chars) {
    var start = 0;
    var end = text.length;
    while (start < end && chars.indexOf(text.charAt(start)) >= 0) start++;
    while (end > start && chars.indexOf(text.charAt(end - 1)) >= 0) end--;
    return text.slice(start, end);
  }

  // Decode %XX runs that form valid UTF-8; leave any other run as written.
  // Any decimal digit (Arabic-Indic, Devanagari...) as an ASCII digit, as
  // phonenumbers reads them: every Unicode digit block runs 0-9 in order.
  function digitsOnly(text) {
    return chars(text).map(function (c) {
      if (c >= "0" && c <= "9") return c;
      if (!/\p{Nd}/u.test(c)) return "";
      var cp = c.codePointAt(0), start = cp;
      while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
      return String((cp - start) % 10);
    }).join("");
  }

  // Python's urllib.parse.unquote: %XX runs decoded as UTF-8, invalid bytes
  // becoming U+FFFD (what the normalisation functions on the Python side use).
  var UTF8 = new TextDecoder("utf-8");

  function unquote(text) {
    if (text.indexOf("%") < 0) return text;
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (run) {
      var bytes = new Uint8Array(run.length / 3);
      for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.substr(i * 3 + 1, 2), 16);
      return UTF8.decode(bytes);
    });
  }

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  function chars(text) {
    return Array.from(text);
  }

  // -- punycode (RFC 3492) ---------------------------------------------------

  var BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700, INITIAL_BIAS = 72, INITIAL_N = 128;

  function adapt(delta, numPoints, firstTime) {
    var k = 0;
    delta = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    while (delta > ((BASE - TMIN) * TMAX) >> 1) {
      delta = Math.floor(delta / (BASE - TMIN));
      k += BASE;
    }
    return k + Math.floor(((BASE - TMIN + 1) * delta) / (delta + SKEW));
  }

  function digitChar(d) {
    return String.fromCharCode(d + 22 + 75 * (d < 26));
  }

  function punycodeEncode(label) {
    var input = chars(label).map(function (c) { return c.codePointAt(0); });
    var output = input.filter(function (c) { return c < 0x80; }).map(function (c) {
      return String.fromCharCode(c);
    });
    var basic = output.length;
    var handled = basic;
    if (basic) output.push("-");
    var n = INITIAL_N, delta = 0, bias = INITIAL_BIAS;
    while (handled < input.length) {
      var m = Infinity;
      input.forEach(function (c) { if (c >= n && c < m) m = c; });
      delta += (m - n) * (handled + 1);
      n = m;
      for (var i = 0; i < input.length; i++) {
        var c = input[i];
        if (c < n) delta++;
        if (c === n) {
          var q = delta;
          for (var k = BASE; ; k += BASE) {
            var t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
            if (q < t) break;
            output.push(digitChar(t + ((q - t) % (BASE - t))));
            q = Math.floor((q - t) / (BASE - t));
          }
          output.push(digitChar(q));
          bias = adapt(delta, handled + 1, handled === basic);
          delta = 0;
          handled++;
        }
      }
      delta++;
      n++;
    }
    return output.join("");
  }

  function punycodeDecode(text) {
    var output = [];
    var basic = text.lastIndexOf("-");
    if (basic < 0) basic = 0;
    for (var j = 0; j < basic; j++) {
      if (text.charCodeAt(j) >= 0x80) return null;
      output.push(text.charCodeAt(j));
    }
    var n = INITIAL_N, bias = INITIAL_BIAS, i = 0;
    for (var index = basic > 0 ? basic + 1 : 0; index < text.length; ) {
      var oldi = i, w = 1;
      for (var k = BASE; ; k += BASE) {
        if (index >= text.length) return null;
        var cp = text.charCodeAt(index++);
        var digit = cp - 48 < 10 ? cp - 22 : cp - 65 < 26 ? cp - 65 : cp - 97 < 26 ? cp - 97 : BASE;
        if (digit >= BASE) return null;
        i += digit * w;
        var t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (digit < t) break;
        w *= BASE - t;
      }
      bias = adapt(i - oldi, output.length + 1, oldi === 0);
      n += Math.floor(i / (output.length + 1));
      i %= output.length + 1;
      if (n > 0x10ffff) return null;
      output.splice(i++, 0, n);
    }
    return String.fromCodePoint.apply(null, output);
  }

  // -- hosts (normalize.normalize_host, host_to_unicode) --------------------

  var ASCII_HOST = /^[a-z0-9_.-]+$/;
  var IDN_LABEL = /^[\p{L}\p{N}\p{M}-]+$/u;

  // A host in canonical ASCII (UTS 46 lite: NFKC, lower case, punycode), or null.
  function normalizeHost(host) {
    host = clean(unquote(host)).trim().replace(/\.+$/, "").toLowerCase();
    if (!host || chars(host).length > 253 || host.indexOf("..") >= 0) return null;
    if (ASCII_HOST.test(host)) return host;
    var labels = host.split(".");
    var out = [];
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i];
      if (/^[\x00-\x7f]*$/.test(label)) {
        if (!/^[a-z0-9-]+$/.test(label)) return null;
        out.push(label);
      } else {
        if (!IDN_LABEL.test(label) || /^-|-$/.test(label) || /^\p{M}/u.test(label)) return null;
        out.push("xn--" + punycodeEncode(label));
      }
    }
    return out.join(".");
  }

  function labelToUnicode(label) {
    if (label.slice(0, 4) !== "xn--") return label;
    var decoded = punycodeDecode(label.slice(4));
    return decoded === null ? label : decoded;
  }

  function hostToUnicode(host) {
    return host.split(".").map(labelToUnicode).join(".");
  }

  function isSubdomainOf(host, domain) {
    return host === domain || host.slice(-domain.length - 1) === "." + domain;
  }

  // -- public suffixes (normalize.registrable_domain) -----------------------

  function PublicSuffixes(psl) {
    var rules = new Set();
    Object.keys(psl.rules).forEach(function (tld) {
      psl.rules[tld].split(" ").forEach(function (head) { rules.add(head + "." + tld); });
    });
    this.rules = rules;
    this.wild = new Set(psl.wild);
    this.exceptions = new Set(psl.exc);
  }

  // The public suffix of an ASCII host, or "" (normalize.public_suffix).
  PublicSuffixes.prototype.suffix = function (host) {
    var ascii = host.split(".");
    var labels = ascii.map(function (l) { return l.slice(0, 4) === "xn--" ? labelToUnicode(l) : l; });
    for (var i = 0; i < labels.length; i++) {
      var cand = labels.slice(i).join(".");
      if (this.exceptions.has(cand)) return ascii.slice(i + 1).join(".");
      if (this.rules.has(cand)) return ascii.slice(i).join(".");
      if (i + 1 < labels.length && this.wild.has(labels.slice(i + 1).join("."))) return ascii.slice(i).join(".");
    }
    return "";
  };

  // "help.bitp.example" -> "bitp.example" (normalize.registrable_domain): a
  // suffix the list does not know counts as one label.
  PublicSuffixes.prototype.registrable = function (host) {
    var suffix = this.suffix(host);
    if (suffix && host !== suffix && host.slice(-suffix.length - 1) === "." + suffix) {
      var label = host.slice(0, -suffix.length - 1).split(".").pop();
      if (label) return label + "." + suffix;
    }
    return host.split(".").slice(-2).join(".");
  };

  // -- emails and phones (normalize.normalize_email, normalize_phone) -------

  var LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+\/=?^_`{|}~-]+$/;

  function normalizeEmail(value) {
    value = clean(unquote(value)).trim();
    if (value.toLowerCase().slice(0, 7) === "mailto:") value = value.slice(7).split("?")[0];
    value = stripChars(value.trim(), "<>").replace(/\.+$/, "");
    var at = value.lastIndexOf("@");
    if (at < 1) return null;
    var local = value.slice(0, at);
    if (!LOCAL_PART.test(local) || local.charAt(0) === "." || local.slice(-1) === "." || local.indexOf("..") >= 0) {
      return null;
    }
    var host = normalizeHost(value.slice(at + 1));
    if (host === null || host.indexOf(".") < 0) return null;
    return local.toLowerCase() + "@" + host;
  }

  // A port of the parts of phonenumbers.parse() that plain digit strings
  // reach, driven by metadata exported from phonenumbers at build time.
  function Phones(phone) {
    this.codes = phone.codes;
    this.regions = phone.regions;
    this.types = phone.types || {};
    this.cache = {};
  }

  // Python's re.match (anchored == false) or re.fullmatch (anchored == true).
  Phones.prototype.regex = function (source, anchored) {
    var key = (anchored ? "F" : "M") + source;
    if (!hasOwn(this.cache, key)) {
      this.cache[key] = new RegExp("^(?:" + source + ")" + (anchored ? "$" : ""));
    }
    return this.cache[key];
  };

  Phones.prototype.matchesNational = function (meta, number) {
    return !!meta.pat && this.regex(meta.pat, true).test(number);
  };

  // phonenumbers' _test_number_length for the general description.
  Phones.prototype.lengthResult = function (meta, number) {
    var n = number.length;
    if (!meta.len.length) return "invalid";
    if (meta.local.indexOf(n) >= 0) return "local";
    if (meta.len[0] === n) return "possible";
    if (meta.len[0] > n) return "short";
    if (meta.len[meta.len.length - 1] < n) return "long";
    return meta.len.slice(1).indexOf(n) >= 0 ? "possible" : "invalid";
  };

  // phonenumbers' _maybe_strip_national_prefix_carrier_code (no transform rules).
  Phones.prototype.stripNationalPrefix = function (meta, number) {
    if (!meta.npp || !number) return number;
    var m = this.regex(meta.npp, false).exec(number);
    if (!m) return number;
    var rest = number.slice(m[0].length);
    if (this.matchesNational(meta, number) && !this.matchesNational(meta, rest)) return number;
    return rest;
  };

  // Whether an E.164 number matches its country's national number pattern.
  Phones.prototype.valid = function (e164) {
    var digits = e164.slice(1);
    for (var len = 1; len <= 3; len++) {
      var cc = digits.slice(0, len);
      if (hasOwn(this.codes, cc)) {
        var national = digits.slice(len);
        if (!this.matchesNational(this.codes[cc], national)) return false;
        if (!hasOwn(this.types, cc)) return true;
        // phonenumbers.is_valid_number: some number type of a region with this code matches.
        var types = this.types[cc];
        for (var t = 0; t < types.length; t++) {
          var lens = types[t][1];
          if ((!lens.length || lens.indexOf(national.length) >= 0) && this.regex(types[t][0], true).test(national)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  };

  // E.164 form (+864000000123) or null; regionCode ("CN", "US"...) is assumed
  // for numbers written without a country code (null: such numbers fail).
  Phones.prototype.normalize = function (value, regionCode) {
    value = clean(unquote(value)).trim();
    if (value.toLowerCase().slice(0, 4) === "tel:") value = value.slice(4);
    if (value.slice(0, 2) === "00") value = "+" + value.slice(2);
    // phonenumbers starts reading at the first digit or plus sign.
    value = value.replace(/^[^\p{Nd}+]+/u, "").replace(/[^\p{Nd}]+$/u, "");
    if (!/^\+?[\p{Nd}\s\-().\/]+$/u.test(value)) return null;
    var plus = value.charAt(0) === "+";
    var digits = digitsOnly(value);
    var region = regionCode && hasOwn(this.regions, regionCode) ? this.regions[regionCode] : null;
    if (!plus && !region) return null;
    if (!plus && region.idd) {
      var idd = this.regex(region.idd, false).exec(digits);
      if (idd && digits.length > idd[0].length && digits.charAt(idd[0].length) !== "0") {
        plus = true;
        digits = digits.slice(idd[0].length);
      }
    }
    var cc = null;
    var nsn = digits;
    if (plus) {
      if (!digits || digits.charAt(0) === "0") return null;
      for (var len = 1; len <= 3 && len <= digits.length && cc === null; len++) {
        if (hasOwn(this.codes, digits.slice(0, len))) cc = digits.slice(0, len);
      }
      if (cc === null) return null;
      nsn = digits.slice(cc.length);
    } else {
      cc = region.cc;
      var home = this.codes[cc];
      if (digits.slice(0, cc.length) === cc) {
        var potential = this.stripNationalPrefix(home, digits.slice(cc.length));
        if ((!this.matchesNational(home, digits) && this.matchesNational(home, potential)) ||
            this.lengthResult(home, digits) === "long") {
          nsn = potential;
        }
      }
    }
    var meta = this.codes[cc];
    var stripped = this.stripNationalPrefix(meta, nsn);
    if (["short", "local", "invalid"].indexOf(this.lengthResult(meta, stripped)) < 0) nsn = stripped;
    if (nsn.length < 2 || nsn.length > 17) return null;
    var result = this.lengthResult(meta, nsn);
    if (result !== "possible" && result !== "local") return null;
    return "+" + cc + nsn;
  };

  // -- URLs and social profiles (normalize.split_url, parse_social_url) -----

  function splitUrl(url) {
    var text = clean(url).trim().replace(/[\t\r\n]/g, "");
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = "http://" + text;
    // Browsers read a backslash as a slash in web URLs.
    if (/^(?:https?|ftp|wss?):\/\//i.test(text)) text = text.replace(/\\/g, "/");
    var m = /^[a-z][a-z0-9+.-]*:\/\/([^\/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(text);
    if (!m) return null;
    var hostport = m[1].slice(m[1].lastIndexOf("@") + 1);
    if (hostport.charAt(0) === "[") return null;
    var host = hostport.split(":")[0].toLowerCase();
    if (!host) return null;
    var norm = normalizeHost(host);
    if (norm === null) return null;
    return { host: norm, path: unquote(m[2]), query: m[3] || "" };
  }

  function Verifier(data) {
    this.data = data;
    this.psl = new PublicSuffixes(data.public_suffixes);
    this.phones = new Phones(data.phone);
  }

  Verifier.prototype.socialHandle = function (platform, handle) {
    handle = stripChars(clean(unquote(handle)).trim(), "/").replace(/^@+/, "").toLowerCase();
    if (platform === "whatsapp") return this.phones.normalize("+" + handle.replace(/^\++/, ""), null);
    if (!/^[a-z0-9_.\-+]{2,64}$/.test(handle)) return null;
    return handle;
  };

  Verifier.prototype.parseSocialUrl = function (url) {
    var parts = splitUrl(url);
    if (parts === null) return null;
    var bare = parts.host.slice(0, 4) === "www." ? parts.host.slice(4) : parts.host;
    bare = bare.slice(0, 2) === "m." ? bare.slice(2) : bare;
    if (!hasOwn(this.data.platform_hosts, bare)) return null;
    var platform = this.data.platform_hosts[bare];
    var handle;
    if (platform === "whatsapp") {
      var match = /(?:^|&)phone=([^&]+)/.exec(parts.query);
      var target = match ? match[1] : stripChars(parts.path, "/").split("/")[0];
      handle = target ? this.socialHandle("whatsapp", target) : null;
      return handle ? [platform, handle] : null;
    }
    var path = stripChars(parts.path, "/");
    var prefixes = this.data.path_prefixes;
    for (var i = 0; i < prefixes.length; i++) {
      if (path.toLowerCase().slice(0, prefixes[i].length) === prefixes[i] && path.length > prefixes[i].length) {
        path = path.slice(prefixes[i].length);
        break;
      }
    }
    var segment = path.split("/")[0];
    if (platform === "discord" && bare === "discord.com" && !segment) return null;
    handle = segment ? this.socialHandle(platform, segment) : null;
    return handle ? [platform, handle] : null;
  };

  // -- lookalikes (helpcenter.contacts.lookalike) ------------------------------------

  var SEPARATORS = /[-_.\s]+/gu;

  // Python's str.casefold() for the characters that differ from toLowerCase().
  function casefold(text) {
    return text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  // NFKC, case-folded, diacritics dropped, confusables mapped, then rn -> m...
  Verifier.prototype.skeleton = function (text) {
    var map = this.data.confusables;
    var out = chars(casefold(text.normalize("NFKC"))).map(function (c) {
      if (hasOwn(map, c)) return map[c];
      var base = chars(c.normalize("NFD"))[0];
      return hasOwn(map, base) ? map[base] : base;
    }).join("");
    this.data.confusable_sequences.forEach(function (pair) {
      out = out.split(pair[0]).join(pair[1]);
    });
    return out;
  };

  // Optimal-string-alignment distance, capped at limit + 1.
  function editDistance(a, b, limit) {
    if (limit === undefined) limit = 3;
    if (a === b) return 0;
    a = chars(a);
    b = chars(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev2 = [], prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev.push(j);
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        }
      }
      if (Math.min.apply(null, cur) > limit) return limit + 1;
      prev2 = prev;
      prev = cur;
    }
    return Math.min(prev[b.length], limit + 1);
  }

  // One typo apart (two for long names); never for names under four letters.
  function close(a, b) {
    if (!a || !b) return false;
    if (a === b) return true;
    var la = chars(a).length, lb = chars(b).length;
    var limit = Math.max(la, lb) <= 7 ? 1 : 2;
    if (Math.min(la, lb) < 4) return false;
    return editDistance(a, b, limit) <= limit;
  }

  var SCRIPTS = [
    ["LATIN", /\p{Script=Latin}/u], ["CYRILLIC", /\p{Script=Cyrillic}/u],
    ["GREEK", /\p{Script=Greek}/u], ["ARMENIAN", /\p{Script=Armenian}/u],
    ["CJK", /\p{Script=Han}/u], ["HIRAGANA", /\p{Script=Hiragana}/u],
    ["KATAKANA", /\p{Script=Katakana}/u], ["HANGUL", /\p{Script=Hangul}/u],
    ["ARABIC", /\p{Script=Arabic}/u], ["HEBREW", /\p{Script=Hebrew}/u],
    ["THAI", /\p{Script=Thai}/u], ["GEORGIAN", /\p{Script=Georgian}/u],
    ["CHEROKEE", /\p{Script=Cherokee}/u], ["DEVANAGARI", /\p{Script=Devanagari}/u],
  ];

  // How many scripts the letters of text are written in.
  function scriptCount(text) {
    var found = new Set();
    chars(text).forEach(function (c) {
      if (!/\p{L}/u.test(c)) return;
      if (c.charCodeAt(0) < 0x80) {
        found.add("LATIN");
        return;
      }
      var name = "OTHER";
      for (var i = 0; i < SCRIPTS.length; i++) {
        if (SCRIPTS[i][1].test(c)) {
          name = SCRIPTS[i][0];
          break;
        }
      }
      found.add(name);
    });
    return found.size;
  }

  Verifier.prototype.split = function (host) {
    var reg = this.psl.registrable(host);
    var dot = reg.indexOf(".");
    return dot < 0 ? [reg, ""] : [reg.slice(0, dot), reg.slice(dot + 1)];
  };

  Verifier.prototype.lookalikeDomain = function (host) {
    var self = this;
    var domains = this.data.official_domains;
    if (!domains.length) return null;
    for (var i = 0; i < domains.length; i++) if (isSubdomainOf(host, domains[i])) return null;
    var uni = casefold(hostToUnicode(host));
    var split = this.split(host);
    var label = split[0], suffix = split[1];
    var uniLabel = label.slice(0, 4) === "xn--" ? casefold(labelToUnicode(label)) : label;
    var allLabels = host.split(".").map(function (part) { return casefold(labelToUnicode(part)); });
    var brandSk = this.data.brand ? this.skeleton(this.data.brand) : "";
    for (i = 0; i < domains.length; i++) {
      var official = domains[i];
      var off = this.split(official);
      var offSk = this.skeleton(off[0]);
      if (label === off[0] && suffix !== off[1]) return official;
      var sk = this.skeleton(uniLabel);
      if (sk === offSk || close(label, off[0]) || close(sk, offSk)) return official;
      var needles = [offSk, brandSk].filter(function (n, k, all) { return n && all.indexOf(n) === k; });
      for (var p = 0; p < allLabels.length; p++) {
        var partSk = self.skeleton(allLabels[p]);
        var pieces = partSk.split(SEPARATORS).filter(Boolean);
        for (var n = 0; n < needles.length; n++) {
          var needle = needles[n];
          if (pieces.indexOf(needle) >= 0 || (chars(needle).length >= 4 && partSk.indexOf(needle) >= 0)) {
            return official;
          }
          for (var q = 0; q < pieces.length; q++) {
            if (chars(pieces[q]).length >= 4 && close(pieces[q], needle)) return official;
          }
        }
      }
      if ((host.indexOf("xn--") >= 0 || scriptCount(uni) > 1) && editDistance(sk, offSk, 2) <= 2) {
        return official;
      }
    }
    return null;
  };

  Verifier.prototype.lookalikeHandle = function (handle, officialHandles) {
    var self = this;
    var h = casefold(handle.normalize("NFKC").trim().replace(/^@+/, ""));
    var officials = officialHandles.filter(Boolean).map(function (o) {
      return casefold(o.trim().replace(/^@+/, ""));
    });
    if (!h || officials.indexOf(h) >= 0) return null;
    var hSk = this.skeleton(h);
    var hFlat = hSk.replace(SEPARATORS, "");
    var brandFlat = this.data.brand ? this.skeleton(this.data.brand).replace(SEPARATORS, "") : "";
    for (var i = 0; i < officials.length; i++) {
      var official = officials[i];
      var oSk = self.skeleton(official);
      var oFlat = oSk.replace(SEPARATORS, "");
      if (hSk === oSk || hFlat === oFlat || close(h, official) || close(hFlat, oFlat)) return official;
      if (chars(oFlat).length >= 5 && hFlat.indexOf(oFlat) >= 0) return official;
    }
    if (brandFlat && chars(brandFlat).length >= 3 && hFlat.indexOf(brandFlat) >= 0 && officials.length) {
      return officials[0];
    }
    return null;
  };

  // -- judging canonical values (helpcenter.guard.decide) -------------------

  function judgement(verdict, kind, value, extra) {
    var out = { verdict: verdict, kind: kind, value: value };
    if (extra) Object.keys(extra).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }

  // An entry of a lookup table ([status, channel id]) as a judgement.
  function matched(entry, kind, value) {
    return judgement(entry[0], kind, value, { channel: entry[1] || null });
  }

  Verifier.prototype.isOfficialHost = function (host) {
    return this.data.official_domains.some(function (d) { return isSubdomainOf(host, d); });
  };

  Verifier.prototype.judgeEmail = function (email) {
    var d = this.data;
    if (hasOwn(d.emails, email)) return matched(d.emails[email], "email", email);
    var host = email.slice(email.lastIndexOf("@") + 1);
    if (!this.isOfficialHost(host)) {
      var hj = this.judgeHost(host);
      if (hj.verdict === "scam" || hj.verdict === "lookalike") {
        return judgement(hj.verdict, "email", email, { imitates: hj.imitates || null });
      }
    }
    return judgement("unknown", "email", email);
  };

  Verifier.prototype.judgePhone = function (e164, national) {
    var d = this.data;
    var entry = hasOwn(d.phones, e164) ? d.phones[e164] : null;
    if (entry === null && national && national.charAt(0) !== "+") {
      // "020 7946 0321" on an English page is the UK hotline, not a US number.
      var regions = d.phone.registry_regions;
      for (var i = 0; i < regions.length; i++) {
        var other = this.phones.normalize(national, regions[i]);
        if (other && hasOwn(d.phones, other) && d.phones[other][0] !== "scam") {
          entry = d.phones[other];
          e164 = other;
          break;
        }
      }
    }
    if (entry) return matched(entry, "phone", e164);
    return judgement("unknown", "phone", e164);
  };

  Verifier.prototype.judgeSocial = function (platform, handle) {
    var d = this.data;
    handle = handle.toLowerCase().replace(/^@+/, "");
    var value = platform ? platform + ":" + handle : handle;
    var table = platform ? d.social : d.handles;
    if (hasOwn(table, value)) return matched(table[value], "social", value);
    if (platform === "whatsapp") {
      var pj = this.judgePhone(handle, null);
      if (pj.verdict === "scam") return judgement("scam", "social", value);
    }
    var officials = platform && hasOwn(d.official_handles, platform) ? d.official_handles[platform] : [];
    if (!officials.length) {
      officials = [];
      Object.keys(d.official_handles).forEach(function (p) {
        officials = officials.concat(d.official_handles[p]);
      });
    }
    var imitated = this.lookalikeHandle(handle, officials);
    if (imitated) return judgement("lookalike", "social", value, { imitates: imitated });
    return judgement("unknown", "social", value);
  };

  Verifier.prototype.judgeHost = function (host) {
    var d = this.data;
    var reg;
    if (this.isOfficialHost(host)) {
      if (hasOwn(d.hosts, host) && d.hosts[host][0] === "retired") return matched(d.hosts[host], "host", host);
      return judgement("official", "host", host);
    }
    if (hasOwn(d.hosts, host)) return matched(d.hosts[host], "host", host);
    reg = this.psl.registrable(host);
    if (d.scam_domains.indexOf(reg) >= 0) return judgement("scam", "host", host);
    if (d.shorteners.indexOf(host) >= 0 || d.shorteners.indexOf(reg) >= 0) {
      return judgement("shortener", "host", host);
    }
    if (d.allowed_domains.some(function (a) { return isSubdomainOf(host, a); })) {
      return judgement("allowed", "host", host);
    }
    var imitated = this.lookalikeDomain(host);
    if (imitated) return judgement("lookalike", "host", host, { imitates: imitated });
    return judgement("unknown", "host", host);
  };

  Verifier.prototype.judgeUrl = function (url) {
    if (url.toLowerCase().slice(0, 7) === "mailto:") {
      var email = normalizeEmail(url);
      return email ? this.judgeEmail(email) : null;
    }
    if (url.toLowerCase().slice(0, 5) === "tg://") {
      // Telegram's app links: tg://resolve?domain=HANDLE
      var tg = /[?&]domain=([A-Za-z0-9_]+)/.exec(url);
      return tg ? this.judgeSocial("telegram", tg[1]) : null;
    }
    var social = this.parseSocialUrl(url);
    if (social) return this.judgeSocial(social[0], social[1]);
    var parts = splitUrl(url);
    return parts ? this.judgeHost(parts.host) : null;
  };

  // -- the verdict (helpcenter.guard.classify) --------------------------------

  var VERDICTS = ["official", "retired", "scam", "lookalike", "unsafe", "unknown"];
  // helpcenter.guard.verdict.SAFE_SCHEMES / SCRIPT_SCHEMES: see unsafeScheme.
  var SAFE_SCHEMES = ["http", "https", "hxxp", "hxxps", "mailto", "tel", "tg"];
  var SCRIPT_SCHEMES = ["javascript", "vbscript", "data", "file", "blob", "filesystem",
    "view-source", "about"];
  var SCHEME = /^([A-Za-z][A-Za-z0-9+.\-]*):(?=\S)/;
  var QUOTES = "<>\"'\u201c\u201d\u2018\u2019\u300c\u300d";
  var EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/u;
  var PHONE = /^(?:tel:|callto:)?\s*\(?\+?[\p{Nd}\s().\-\/]{5,}$/u;
  var HANDLE = /^[A-Za-z0-9_.\-]{2,64}$/;
  var USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^\/?#]*)@/i;

  // The input as the guard reads it: cleaned, trimmed, quotes stripped.
  function prepare(text) {
    return stripChars(clean(text).trim(), QUOTES).trim();
  }

  // The scheme of a link no channel can be official under (javascript:,
  // data:, ftp://...), read as a browser reads a link; null otherwise
  // (helpcenter.guard.verdict.unsafe_scheme).
  function unsafeScheme(text) {
    var link = text.replace(/[\t\n\r]/g, "").replace(/^[\x00-\x20]+/, "");
    var m = SCHEME.exec(link);
    if (!m) return null;
    var scheme = m[1].toLowerCase();
    if (SAFE_SCHEMES.indexOf(scheme) >= 0) return null;
    if (link.slice(m[0].length, m[0].length + 2) === "//" && scheme.indexOf(".") < 0) return scheme;
    return SCRIPT_SCHEMES.indexOf(scheme) >= 0 ? scheme : null;
  }

  Verifier.prototype.replacement = function (channelId) {
    var channel = hasOwn(this.data.channels, channelId) ? this.data.channels[channelId] : null;
    return channel && channel.replaced_by ? channel.replaced_by : null;
  };

  // The judgement of a cleaned input, or null when nothing in it parses.
  Verifier.prototype.judge = function (text, region) {
    var low = text.toLowerCase();
    if (low.slice(0, 7) === "mailto:" || EMAIL.test(text)) {
      var email = normalizeEmail(text);
      if (email) return this.judgeEmail(email);
    }
    if (low.slice(0, 4) === "tel:" || low.slice(0, 7) === "callto:" || PHONE.test(text)) {
      // "(+86) 400 000 0123": the country code in brackets.
      text = text.replace(/^\(\+(\d{1,3})\)/, "+$1");
      var e164 = this.phones.normalize(text, region);
      if (e164) {
        var colon = text.indexOf(":");
        var national = (colon >= 0 ? text.slice(colon + 1) : text).replace(/[^\p{Nd}+]/gu, "");
        return this.judgePhone(e164, digitsOnly(national));
      }
    }
    if (text.indexOf(" ") < 0 && (text.indexOf(".") >= 0 || text.indexOf("://") >= 0)) {
      var judged = this.judgeUrl(text);
      if (judged) return judged;
    }
    var handle = text.replace(/^@+/, "");
    if (HANDLE.test(handle) && (text.charAt(0) === "@" || handle.indexOf(".") < 0)) {
      return this.judgeSocial(null, handle);
    }
    return null;
  };

  // -- free text (the guard's extract + detectors, simplified) ----------------

  var PCT_ASCII = /%(?:2[eEdDfF]|3[0-9aA]|40|[46][1-9a-fA-F]|[57][0-9aA]|5[fF])/g;
  var ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,15});?/g;
  var NAMED = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0", commat: "@", period: ".", colon: ":", sol: "/", lowbar: "_", hyphen: "-", dash: "-", plus: "+" };
  var DEFANG = /[ \t]*[\[({<](?:\.|dot|DOT|Dot|at|AT|At|@)[\])}>][ \t]*|[\[({<](?::|:\/\/|:\/|\/)[\])}>]/g;
  var PAIRS = { "[": "]", "(": ")", "{": "}", "<": ">" };
  var HXXP = /h(?:xx|XX|\*\*)p(?=s?(?:\[?:|:\/\/))/gi;
  var EMAIL_RUN = /[A-Za-z0-9.!#$%&'*+\/=?^_`{|}~-]+@[\p{L}\p{N}.-]+\.[\p{L}\p{N}-]+/gu;
  var PHONE_RUN = /[+(0-9](?<![A-Za-z0-9_.,\/#@$\u00a5\u20ac\u00a3%:=&+\-].)[0-9 \t\-.()+\u00a0\u2013\u2011\/~_\u00b7\u2012\u2014\u2015\u2212]{5,26}[0-9](?![A-Za-z0-9_%@\/]|[.,:][0-9]|-[0-9])/g;
  var PHONE_RUN_BODY = /^(?:\+|\(\+?)?[0-9][0-9 \t\-.()\u00a0\u2013\u2011\/~_\u00b7\u2012\u2014\u2015\u2212]*$/;
  // Separators no phone layout uses but scam posts do ("400/000/0456", "400~000~0456").
  var ODD_SEPARATORS = /[\/~_\u00b7\u2012\u2014\u2015\u2212]/g;
  // Chinese numerals, everyday and financial forms ("四零零", "肆零零").
  var CN_NUMERALS = "零〇幺两一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖";
  var CN_VALUES = "0012123456789122334566789";
  var CN_RUN = new RegExp("[" + CN_NUMERALS + "](?:[ \\t\\-\u2014]?[" + CN_NUMERALS + "]){6,14}", "g");
  // Spelled-out emails: "support 艾特 bitp 点 example", "support at bitp dot example".
  var EMAIL_LABEL = "[A-Za-z0-9\u00c0-\u024f\u0370-\u052f](?:[A-Za-z0-9\u00c0-\u024f\u0370-\u052f-]{0,61}[A-Za-z0-9\u00c0-\u024f\u0370-\u052f])?";
  var EMAIL_DOT = "(?:\\.|[ \\t]*点[ \\t]*|[ \\t]+(?:dot|DOT|Dot)[ \\t]+)";
  var SPELLED_EMAIL = new RegExp(
    "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})(@|[ \\t]*(?:艾特|圈a|圈A)[ \\t]*|[ \\t]+(?:at|AT|At)[ \\t]+)(" +
      EMAIL_LABEL + "(?:" + EMAIL_DOT + EMAIL_LABEL + ")+)", "g");
  var EMAIL_DOT_SPLIT = new RegExp(EMAIL_DOT, "g");
  var SPELLED_HOST = new RegExp("(?<![A-Za-z0-9\u00c0-\u024f\u0370-\u052f@.\\/_-])(" + EMAIL_LABEL +
    "(?:[ \\t]*点[ \\t]*" + EMAIL_LABEL + ")+)(?![A-Za-z0-9\u00c0-\u024f\u0370-\u052f])", "g");
  var TLD_LABEL = /^[\p{L}\p{M}]{2,63}$/u;
  var SCHEME_START = /^[a-z][a-z0-9+.-]*:\/\//i;
  var CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/u;
  var TOKEN_SPLIT = new RegExp("[\\s,;<>()\\[\\]{}\"'\u201c\u201d\u2018\u2019]+|" + CJK_RUN.source, "u");

  // Inline formatting inside a written number ("**400**-000-0456", "400-<b>000</b>-0456").
  var FORMAT = /(?:\*\*?|__|~~|\\(?=[\-.])|<\/?(?:b|strong|i|em|span|kbd|code|u|s|mark|sup|sub)>)+/g;
  var GLUE = "-. ";

  function unformat(text) {
    return text.replace(FORMAT, function (m, offset, all) {
      var prev = offset > 0 ? all.charAt(offset - 1) : "\n";
      var end = offset + m.length;
      var next = end < all.length ? all.charAt(end) : "\n";
      var digit = /\p{Nd}/u;
      if ((digit.test(prev) && (digit.test(next) || GLUE.indexOf(next) >= 0)) ||
          (digit.test(next) && GLUE.indexOf(prev) >= 0)) return "";
      return m;
    });
  }

  // Undo the disguises the guard sees through: %XX, &entities;, [dot], hxxp.
  function undisguise(text) {
    text = unformat(text);
    text = text.replace(PCT_ASCII, function (m) { return String.fromCharCode(parseInt(m.slice(1), 16)); });
    text = text.replace(ENTITY, function (m) {
      var body = m.replace(/^&|;$/g, "");
      var cp = null;
      if (/^#[xX]/.test(body)) cp = parseInt(body.slice(2), 16);
      else if (body.charAt(0) === "#") cp = parseInt(body.slice(1), 10);
      else if (hasOwn(NAMED, body)) return NAMED[body];
      if (cp === null || cp > 0x10ffff || cp === 0) return m;
      return String.fromCodePoint(cp);
    });
    text = text.replace(DEFANG, function (m) {
      var core = m.trim();
      if (PAIRS[core.charAt(0)] !== core.charAt(core.length - 1)) return m;
      var inner = core.slice(1, -1).toLowerCase();
      return inner === "dot" ? "." : inner === "at" ? "@" : inner;
    });
    text = text.replace(HXXP, function (m, offset, all) {
      return offset > 0 && /[A-Za-z0-9]/.test(all.charAt(offset - 1)) ? m : "http";
    });
    return clean(text);
  }

  // Phone layouts the guard recognises without a word like "hotline" next to them.
  var PHONE_SHAPES = [
    /^(?:\+?86[ \-]?)?[48]00[ \-]?\d{3}[ \-]?\d{4}$/,
    /^(?:\+?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}$/,
    /^\(?0\d{2,3}\)?[ \-]\d{3,4}[ \-]?\d{4}$/,
    /^(?:\+?1[ \-.])?\(?[2-9]\d{2}\)?[ \-.]?[2-9]\d{2}[ \-.]\d{4}$/,
    /^\(?0\d{2,4}\)?[ \-]\d{3,4}[ \-]?\d{3,4}$/,
  ];

  // The E.164 form of a digit run in free text, when the guard would take it
  // for a phone number: international, or in a well-known layout (the page's
  // region first, then the regions a bilingual help center's reader means).
  Verifier.prototype.phoneInText = function (num, region) {
    var phones = this.phones;
    var digits = num.replace(/\D/g, "");
    if (digits.length < 7 || digits.length > 15) return null;
    var international = num.charAt(0) === "+" || num.slice(0, 2) === "00";
    var strong = international && digits.length >= 8;
    if (ODD_SEPARATORS.test(num)) {
      ODD_SEPARATORS.lastIndex = 0;
      var dashed = num.replace(ODD_SEPARATORS, "-");
      if (dashed.charAt(0) !== "+" && !PHONE_SHAPES.some(function (re) { return re.test(dashed); })) return null;
      strong = true;
    }
    ODD_SEPARATORS.lastIndex = 0;
    if (!strong) {
      if (num.indexOf(".") >= 0 && !PHONE_SHAPES[3].test(num)) return null;
      if (!PHONE_SHAPES.some(function (re) { return re.test(num); })) return null;
    }
    if (international) return phones.normalize("+" + (num.charAt(0) === "+" ? digits : digits.slice(2)), null);
    return this.nationalPhone(digits, region);
  };

  // A number without a country code (from phoneInText, or written as the
  // guard's strong phones are, in Chinese numerals): the page's region first,
  // then the fallback regions.
  Verifier.prototype.nationalPhone = function (digits, region) {
    var phones = this.phones;
    if (digits.length < 7) return null;
    var first = phones.normalize(digits, region);
    if (first && phones.valid(first)) return first;
    var fallback = this.data.phone.fallback_regions;
    for (var i = 0; i < fallback.length; i++) {
      if (fallback[i] === region) continue;
      var other = phones.normalize(digits, fallback[i]);
      if (other && phones.valid(other)) return other;
    }
    return first;
  };

  // An email with "at"/"艾特" and "dot"/"点" spelled out (the guard's email detector).
  Verifier.prototype.spelledEmail = function (text) {
    SPELLED_EMAIL.lastIndex = 0;
    var m;
    while ((m = SPELLED_EMAIL.exec(text)) !== null) {
      var labels = m[3].split(EMAIL_DOT_SPLIT);
      var plainDots = m[3].split(".").length - 1 === labels.length - 1;
      if (m[2].trim().toLowerCase() === "at" && plainDots) continue;
      while (labels.length > 1 && !TLD_LABEL.test(labels[labels.length - 1])) labels.pop();
      if (labels.length < 2) continue;
      var email = normalizeEmail(m[1] + "@" + labels.join("."));
      if (email) return this.judgeEmail(email);
    }
    return null;
  };

  // The pattern of one intro word: each character or a stand-in for it, with
  // filler (spaces, dots, emoji) allowed between them (helpcenter.contacts.intro).
  function introWordPattern(word, words, standIns) {
    var loose = /[^\x00-\x7f]/.test(word) || (words.loose_latin || []).indexOf(word) >= 0;
    var fill = loose && words.fill ? words.fill : "";
    var chars = Array.from(word);
    var latin = !/[^\x00-\x7f]/.test(word);
    var ascii = function (c) { return c.charCodeAt(0) < 128; };
    return chars.map(function (ch, i) {
      var more = standIns && loose && words.stand_ins ? words.stand_ins[ch] || "" : "";
      var cls = (ch + more).replace(/[\\^$.|?*+()[\]{}\/\-]/g, "\\$&");
      // In a word that mixes scripts (wei信, q群), filler only next to its Chinese part.
      var gap = i && (latin || !(ascii(ch) && ascii(chars[i - 1]))) ? fill : "";
      return gap + (more ? "[" + cls + "]" : cls);
    }).join("");
  }

  // The word a spelling stands for, and whether it is the word itself (filler aside).
  function resolveIntroWord(spelling, words) {
    if (Object.prototype.hasOwnProperty.call(words.words, spelling)) return [spelling, true];
    var list = Object.keys(words.words);
    for (var pass = 0; pass < 2; pass++) {
      for (var i = 0; i < list.length; i++) {
        var re = new RegExp("^(?:" + introWordPattern(list[i], words, pass === 1) + ")$", "u");
        if (re.test(spelling)) return [list[i], pass === 0];
      }
    }
    return null;
  }

  // Whether a stand-in spelling is written to pass a filter (威信, 微❤, 薇芯) rather
  // than an ordinary word (唯心): helpcenter.contacts.intro.disguised.
  function disguisedSpelling(spelling, word, words) {
    var chars = Array.from(spelling);
    var cjk = function (c) { return c >= "\u4e00" && c <= "\u9fff"; };
    var letters = chars.filter(function (c) { return /[\p{L}\p{N}]/u.test(c); });
    if (letters.some(function (c) { return !cjk(c); }) || letters.length < chars.length) return true;
    var rare = words.rare_stand_ins || "";
    if (chars.some(function (c) { return rare.indexOf(c) >= 0; })) return true;
    return chars.some(function (c) { return cjk(c) && word.indexOf(c) >= 0; });
  }

  // A handle introduced by a platform word ("微信: bitp_kefu", "TG @bitp_kefu",
  // "QQ 123456789", "威❤: bitp_kefu"), with the guard's rules for ambiguous words.
  Verifier.prototype.namedHandle = function (text) {
    var words = this.data.platform_words;
    if (!words) return null;
    if (!this.namedRe) {
      var alt = Object.keys(words.words).sort(function (a, b) { return b.length - a.length; })
        .map(function (w) { return introWordPattern(w, words, true); }).join("|");
      // Emoji may decorate the word ("微信💬: ..."); an arrow or a pointing emoji
      // before the handle says "here it is" ("TG → @x", "微信➡️x").
      var emoji = words.emoji || "\\u2190-\\u21ff";
      var pointer = "(?:[" + emoji + "]\\ufe0f?){1,3}|[-=]{1,2}>|>>|»";
      // A word ends before a letter or a digit only when its last character is not a Latin one.
      this.namedRe = new RegExp("(" + alt + ")(?:(?![a-z0-9_])|(?<![a-z0-9_]))" +
        "(?:[ \\t]*([" + emoji + "\\ufe0f]{1,3}))?" +
        "[ \\t]*(号码|号|账号|帐号|公众号|群号?|频道|用户名|id|🆔|账户|联系|group[ \\t]*(?:number|no\\.?|id)?|number|no\\.|name)?" +
        "[ \\t]*([:=]|是|为|搜索?|添加|加|@)?[ \\t]*(" + pointer + ")?[ \\t]*" +
        "(@)?([a-z0-9][a-z0-9_.\\-]{2,31}|[0-9](?:[ \\-]?[0-9]){4,11})(?![a-z0-9_@])", "gu");
    }
    var lowered = text.toLowerCase();
    if (lowered.length !== text.length) return null;
    // 微信號 is 微信号: the words' Traditional characters, read as the guard reads them
    var simplified = words.simplified || {};
    lowered = lowered.replace(/[^\x00-\x7f]/gu, function (c) { return simplified[c] || c; });
    // 微_信: an underscore between two Chinese characters is filler like a space.
    lowered = lowered.replace(/(?<=[^\x00-\x7f])_(?=[^\x00-\x7f])/gu, " ");
    // 微亻言 is 微-信 (same length): characters written as their parts.
    Object.keys(words.split || {}).forEach(function (parts) {
      var one = Array.from(parts).slice(1).map(function () { return "-"; }).join("") + words.split[parts];
      lowered = lowered.split(parts).join(one);
    });
    var re = this.namedRe;
    re.lastIndex = 0;
    var m;
    while ((m = re.exec(lowered)) !== null) {
      if (m.index > 0 && /[A-Za-z0-9_]/.test(lowered.charAt(m.index - 1))) {
        re.lastIndex = m.index + 1;
        continue;
      }
      var spelling = m[1];
      var resolved = resolveIntroWord(spelling, words);
      if (!resolved) continue;
      var word = resolved[0], exact = resolved[1], noun = Boolean(m[3]);
      // 威信号 is 威信 (a word of its own) with 号, not a stand-in for 微信号.
      if (!exact && spelling.slice(-1) === "号" && Object.prototype.hasOwnProperty.call(words.words, spelling.slice(0, -1))) {
        word = spelling.slice(0, -1); exact = true; noun = true;
      }
      var platform = words.words[word];
      noun = noun || word.slice(-1) === "号";  // 微信号, 企鹅号: the word and its noun in one
      // A stand-in written in Chinese characters alone may be an ordinary word (唯心),
      // unless it is written to pass a filter (威信, 薇芯).
      var cjk = /^[\u4e00-\u9fff]+$/.test(spelling);
      var standIn = (words.stand_in_words || []).indexOf(word) >= 0 ||
        (!exact && disguisedSpelling(spelling, word, words));
      var ambiguous = words.ambiguous.indexOf(word) >= 0 || (!exact && cjk && !standIn && platform !== "qq");
      var handle = m[7].replace(/[.\-]+$/, "");
      var added = /(?:加|\+|➕)[ \t]?$/.test(lowered.slice(Math.max(0, m.index - 4), m.index));
      var pointer = Boolean(m[5] || m[2]);
      var explicit = Boolean(m[4] || m[6]) || added || words.add.indexOf(word) >= 0;
      // "Telegram → Settings → Privacy": a menu path, not a handle.
      if (pointer && !(explicit || noun) && !/[_\d]/.test(handle)) continue;
      explicit = explicit || pointer;
      // A disguised spelling (微❤信, T.e.l.e.g.r.a.m) is written to slip a handle past filters.
      var named = explicit || noun || (spelling !== word && !ambiguous);
      // "薇信 bitpkf2026"; one spelled in Chinese characters wants a digit, _ or a dot.
      if (standIn && !named && !(cjk && !/[_.\d]/.test(handle))) named = true;
      var group = "群g".indexOf((m[3] || " ").charAt(0)) >= 0 && /^\d/.test(handle);
      if (platform === "qq" || group) {
        var digits = handle;
        var handleEnd = m.index + m[0].length;
        if (/^\d{1,4}$/.test(handle)) {
          var groups = /^(?:[ \-]\d{1,4})+(?![0-9A-Za-z_])/.exec(lowered.slice(handleEnd));
          if (groups) { digits = handle + groups[0]; handleEnd += groups[0].length; }
        }
        digits = digits.replace(/[ \-]/g, "");
        if (!/^\d{5,12}$/.test(digits)) continue;
        if (ambiguous && !(noun || m[4] === ":" || m[4] === "=" || pointer)) continue;
        // "球球 12345 个": a word before a count.
        var count = words.count_after && new RegExp("^(?:" + words.count_after + ")", "iu").test(lowered.slice(handleEnd));
        if (!(explicit || noun) && (digits.charAt(0) === "0" || digits.length > 11 || count)) continue;
        return this.judgeSocial(platform, digits);
      }
      if (platform === "whatsapp") continue;
      if (/^\d+$/.test(handle) || !/[a-z]/.test(handle)) continue;
      if (!named && handle.indexOf("_") < 0) continue;
      if (ambiguous && !(explicit && (m[6] || /[_\d]/.test(handle))) &&
          // "飞机: bitphelp", "飞机号 bitphelp": a Chinese slang word with a colon or a noun.
          !(/[^\x00-\x7f]/.test(word) && (noun || m[4] === ":" || m[4] === "="))) continue;
      return this.judgeSocial(platform, handle);
    }
    return null;
  };

  // The first contact the guard's detectors would find in free text.
  Verifier.prototype.judgeFreeText = function (text, region) {
    var plain = undisguise(text);
    // https://support@bitp.example shows one name and may open another host.
    var userinfo = USERINFO.exec(plain);
    if (userinfo) {
      var shown = splitUrl(plain);
      if (shown) return judgement("lookalike", "host", shown.host, { imitates: userinfo[1] });
    }
    var emails = plain.match(EMAIL_RUN) || [];
    for (var m = 0; m < emails.length; m++) {
      var email = normalizeEmail(emails[m]);
      if (email) return this.judgeEmail(email);
    }
    var spelled = this.spelledEmail(plain);
    if (spelled) return spelled;
    var runs = plain.match(PHONE_RUN) || [];
    for (var r = 0; r < runs.length; r++) {
      var run = runs[r];
      if (!PHONE_RUN_BODY.test(run)) continue;
      var cut = run.lastIndexOf("(");
      // "400 000 0456(24 小时)": a remark in brackets after the number.
      if (cut > 0 && run.split("(").length > run.split(")").length) run = run.slice(0, cut).replace(/[ \t]+$/, "");
      if (run.split("(").length !== run.split(")").length) run = stripChars(run, "()");
      // "400-000-0456/400-000-0457": alternatives, judged one by one.
      var pieces = [run].concat(run.indexOf("/") >= 0 ? run.split("/").map(function (x) { return x.trim(); }) : []);
      for (var q = 0; q < pieces.length; q++) {
        var piece = pieces[q];
        if (!/^[+(0-9]/.test(piece) || !/[0-9]$/.test(piece)) continue;
        var e164 = this.phoneInText(piece, region);
        if (e164) {
          var dial = piece.charAt(0) === "+" ? "+" + piece.replace(/\D/g, "") : piece.replace(/\D/g, "");
          return this.judgePhone(e164, dial);
        }
      }
    }
    var cn = plain.match(CN_RUN) || [];
    for (var c = 0; c < cn.length; c++) {
      var cnDigits = "";
      for (var k = 0; k < cn[c].length; k++) {
        var at = CN_NUMERALS.indexOf(cn[c].charAt(k));
        if (at >= 0) cnDigits += CN_VALUES.charAt(at);
      }
      // Written in Chinese numerals: a Chinese number, whatever the page language.
      var cnE164 = this.nationalPhone(cnDigits, "CN");
      if (cnE164) return this.judgePhone(cnE164, cnDigits);
    }
    var named = this.namedHandle(plain);
    if (named) return named;
    SPELLED_HOST.lastIndex = 0;
    var host;
    while ((host = SPELLED_HOST.exec(plain)) !== null) {
      var dotted = host[1].replace(/[ \t]*点[ \t]*/g, ".");
      var tld = dotted.slice(dotted.lastIndexOf(".") + 1);
      if (!/^\p{L}+$/u.test(tld)) continue;
      var byHost = this.judgeUrl(dotted);
      if (byHost) return byHost;
    }
    var tokens = plain.split(TOKEN_SPLIT);
    for (var i = 0; i < tokens.length; i++) {
      var token = stripChars(tokens[i], ":!?");
      if (/^@[A-Za-z0-9_-]{2,64}$/.test(token)) return this.judgeSocial(null, token.slice(1));
      if (SCHEME_START.test(token) || /^[\p{L}\p{N}][^@\s]*[\p{L}\p{N}]\.[\p{L}\p{N}][^@\s]*$/u.test(token)) {
        var judged = this.judgeUrl(token);
        if (judged) return judged;
      }
    }
    return null;
  };

  // The verdict for one pasted contact, or null for empty input.
  Verifier.prototype.verdict = function (raw, lang) {
    var text = prepare(raw);
    if (!text) return null;
    var langRegions = this.data.phone.lang_regions;
    var region = hasOwn(langRegions, lang) ? langRegions[lang] : "CN";
    var scheme = unsafeScheme(text);
    if (scheme) return { verdict: "unsafe", kind: "url", value: text, scheme: scheme + ":" };
    var j = this.judge(text, region) || this.judgeFreeText(text, region) ||
      { verdict: "unknown", kind: "text", value: text };
    var name = VERDICTS.indexOf(j.verdict) >= 0 ? j.verdict : "unknown";
    var out = { verdict: name, kind: j.kind, value: j.value };
    // https://bitp.example@evil.example/ shows one host and opens another.
    var userinfo = USERINFO.exec(text) || USERINFO.exec(unquote(text));
    if (name === "unknown" && userinfo) {
      out.verdict = "lookalike";
      out.imitates = userinfo[1];
    }
    if ((name === "official" || name === "retired") && j.channel) out.channel = j.channel;
    if (name === "retired" && j.channel) out.replacedBy = this.replacement(j.channel);
    if (name === "lookalike" && j.imitates) out.imitates = j.imitates;
    return out;
  };

  // -- the page ---------------------------------------------------------------

  function fill(node, slots) {
    node.querySelectorAll("[data-slot]").forEach(function (el) {
      var name = el.getAttribute("data-slot");
      var value = slots[name];
      if (value === undefined || value === null || value === "") {
        var optional = el.closest("[data-optional]");
        if (optional) optional.remove();
        else el.textContent = "";
        return;
      }
      if (value instanceof Node) el.replaceChildren(value);
      else el.textContent = value;
    });
  }

  function channelLink(channel) {
    var value = channel.value;
    var href = null;
    if (channel.type === "email") href = "mailto:" + value;
    else if (channel.type === "phone") href = "tel:" + value.replace(/[^\d+]/g, "");
    else if (/^https:\/\//.test(value)) href = value;
    var el = document.createElement(href ? "a" : "span");
    if (href) el.setAttribute("href", href);
    el.textContent = value;
    return el;
  }

  function start(root) {
    var data = window.hcVerifyData;
    var input = root.querySelector("#verify-input");
    var out = root.querySelector("#verify-result");
    var form = root.querySelector("form");
    var lang = root.getAttribute("data-lang") || "zh";
    if (!input || !out) return;
    if (!data) {
      out.hidden = false;
      out.setAttribute("data-verdict", "");
      out.textContent = root.getAttribute("data-missing") || "";
      return;
    }
    var verifier = new Verifier(data);
    root.hcVerifier = verifier;
    var security = data.report_channel ? data.channels[data.report_channel] : null;

    function show() {
      var found = verifier.verdict(input.value, lang);
      if (!found) {
        out.removeAttribute("data-verdict");
        out.replaceChildren();
        out.hidden = true;
        return;
      }
      var template = (found.kind === "text" &&
        root.querySelector('template[data-verdict="unknown"][data-kind="text"]')) ||
        root.querySelector('template[data-verdict="' + found.verdict + '"]:not([data-kind])');
      var node = template.content.cloneNode(true);
      var channel = found.channel ? data.channels[found.channel] : null;
      var replacement = found.replacedBy ? data.channels[found.replacedBy] : null;
      fill(node, {
        value: found.value,
        label: channel ? channel.label[lang] || channel.label.zh : "",
        replacement: replacement ? replacement.label[lang] || replacement.label.zh : "",
        "replacement-value": replacement ? channelLink(replacement) : "",
        imitates: found.imitates || "",
        scheme: found.scheme || "",
        report: security ? channelLink(security) : "",
      });
      out.setAttribute("data-verdict", found.verdict);
      out.setAttribute("data-kind", found.kind);
      out.replaceChildren(node);
      out.hidden = false;
    }

    input.addEventListener("input", show);
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        show();
        out.focus();
      });
    }
    show();
  }

  window.hcVerify = {
    Verifier: Verifier,
    punycodeEncode: punycodeEncode,
    punycodeDecode: punycodeDecode,
    normalizeHost: normalizeHost,
  };

  function init() {
    document.querySelectorAll("[data-hc-verifier]").forEach(start);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
