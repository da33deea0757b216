/*
 * Search from file://: the index is built in a real Worker, starting while
 * the page loads.
 *
 * Over http the theme builds the search index in a Worker as soon as a page
 * loads. From file:// a browser refuses to start a Worker from a file, so the
 * theme falls back to the iframe-worker shim, which runs the worker on the
 * page's own thread, and it starts building only when the reader opens the
 * search box: the page freezes while the index is built (about a second at
 * a thousand articles per language), right when the reader starts typing.
 *
 * This script, loaded in the page's <head> before the shim, with
 *
 *   data-index   the language's search/search_index.js
 *   data-worker  assets/javascripts/workers/hc-search-file.js (the build
 *                writes it: our search worker and the theme's, as text)
 *   data-suggest present when the theme's search.suggest feature is on
 *
 * starts a Worker from a blob: address (allowed from file://), gives it that
 * text as its code and sends it the index at once, as the theme would. When the
 * theme then asks for its search worker, it gets this one: if the theme's
 * setup message carries the same index, the build already done (or under
 * way) answers it; otherwise the message goes through and the worker builds
 * again. If anything fails (no Worker, no blob: Workers, a missing file, an
 * index that needs more of Lunr's language files than the text holds), the
 * theme gets the shim it had before, and search works as it did.
 *
 * Over http(s) this script does nothing.
 *
 * Seam: what this relies on of Material's bundle and of the iframe-worker
 * shim, the versions it was checked against and what it buys are in
 * helpcenter.theme.search_start (src/helpcenter/theme/search_start.py).
 *
 * For measuring, window.__hcSpeedups ("0", or a list such as
 * "-searchstart,-lunrbuild") turns speed-ups off: "0" or "-searchstart" leaves
 * the theme its shim; the page's value goes on to the worker it starts (see
 * workers/hc-search.js).
 */
(function () {
  "use strict";

  var SETUP = 0;
  var READY = 1;
  var script = document.currentScript;
  var speedups = String(window.__hcSpeedups || "").trim();
  if (speedups === "0" || speedups.split(",").some(function (p) { return p.trim() === "-searchstart"; }))
    return;
  if (location.protocol !== "file:" || !script || typeof Worker === "undefined" ||
      typeof Blob === "undefined" || typeof URL.createObjectURL !== "function")
    return;

  /* The browser's Worker, and what the theme would get instead: the shim
     loaded after this script sets window.Worker, which lands here */
  var Native = window.Worker;
  var Fallback = Native;
  var start = {
    state: "loading",  /* loading -> building -> ready | failed */
    worker: null,
    text: null,        /* the index sent at start, as JSON text */
    options: null,     /* and the options sent with it */
    ready: null,       /* the worker's answer to it, once it came */
    adapter: null
  };
  window.__hcSearchStart = start;

  function load(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = src;
      el.async = true;
      el.onload = resolve;
      el.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(el);
    });
  }

  /* Whether the theme's setup message carries the index sent at start. The
     theme reads search_index.js too, before or after this script, and takes
     the config and entries of the index it defines: parsed on first use,
     one object for as long as the text read is the same */
  function sameIndex(data) {
    var index = self.__index;
    return typeof __hcIndexText === "string" && __hcIndexText === start.text &&
      index && data.config === index.config && data.docs === index.docs &&
      JSON.stringify(data.options) === JSON.stringify(start.options);
  }

  /* The worker's text holds none of Lunr's language files */
  function englishOnly(config) {
    return !config || !config.lang || config.lang.every(function (lang) { return lang === "en"; });
  }

  function fail(error) {
    if (start.state === "failed") return;
    start.state = "failed";
    start.error = String(error && error.message || error);
    if (start.worker) start.worker.terminate();
    start.worker = null;
    if (start.adapter) start.adapter.fallBack();
  }

  /* The worker, started from a blob: address holding its whole text (a
     blob: address of an opaque file:// origin cannot be imported, and the
     site's Content-Security-Policy allows no eval). It starts as soon as its
     text is loaded, while the index still loads. */
  function startWorker(source) {
    if (speedups) source = "self.__hcSpeedups = " + JSON.stringify(speedups) + ";\n" + source;
    var worker = new Native(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
    worker.addEventListener("error", function (ev) {
      ev.preventDefault();
      fail(ev.message || "the search worker failed");
    });
    worker.addEventListener("message", function (ev) {
      if (start.state === "building" && ev.data && ev.data.type === READY) {
        start.state = "ready";
        start.ready = ev.data;
        if (start.adapter && start.adapter.adopted) start.adapter.deliver(ev.data);
        return;
      }
      if (start.adapter) start.adapter.deliver(ev.data);
    });
    return worker;
  }

  function startCode() {
    if (start.state === "failed") return;
    var source = self.__hcSearchWorkerSource;
    if (typeof source !== "string") throw new Error("the worker text is missing");
    start.worker = startWorker(source);
  }

  /* The JSON text, not the parsed index: a string is copied to the worker at
     once, and the worker parses it off the page's thread. The worker refuses
     an index that needs Lunr's language files, which its text lacks. */
  function sendIndex() {
    if (start.state === "failed") return;
    var text = typeof __hcIndexText === "string" ? __hcIndexText : null;
    if (text === null) throw new Error("the index is missing");
    start.text = text;
    start.options = { suggest: script.hasAttribute("data-suggest") };
    start.state = "building";
    start.worker.postMessage({ type: SETUP, data: { text: text, options: start.options } });
    if (start.adapter) start.adapter.flush();
  }

  /* Async: a script that blocks the parser here would hand the index to the
     worker sooner, but the page would be shown later, as both compete for
     the processor */
  var code = load(script.getAttribute("data-worker")).then(startCode);
  Promise.all([code, load(script.getAttribute("data-index"))]).then(sendIndex).catch(fail);

  /* What the theme gets for `new Worker(url)` of its search worker */
  function Adapter(url) {
    var target = document.createElement("div");  /* an EventTarget everywhere */
    this.url = url;
    this.adopted = false;
    this.sent = [];  /* every message from the theme, for a fallback */
    this.fallback = null;
    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
  }

  Adapter.prototype.deliver = function (data) {
    var self_ = this;
    setTimeout(function () {
      var ev = new MessageEvent("message", { data: data });
      self_.dispatchEvent(ev);
      if (typeof self_.onmessage === "function") self_.onmessage(ev);
    }, 0);
  };

  Adapter.prototype.postMessage = function (message) {
    this.sent.push(message);
    if (this.fallback) this.fallback.postMessage(message);
    else if (start.state !== "loading") this.pass(message);
  };

  Adapter.prototype.pass = function (message) {
    if (this.fallback) return;  /* it had every message already */
    if (message && message.type === SETUP && !this.adopted) {
      var data = message.data || {};
      if (sameIndex(data)) {
        this.adopted = true;
        if (start.ready) this.deliver(start.ready);
        return;
      }
      if (!englishOnly(data.config)) return void fail("the index needs Lunr language files");
    }
    start.worker.postMessage(message);
  };

  /* The index was sent: what the theme sent until then goes through */
  Adapter.prototype.flush = function () {
    this.sent.forEach(this.pass, this);
  };

  /* The shim the theme would have had, with everything the theme sent */
  Adapter.prototype.fallBack = function () {
    if (this.fallback) return;
    var self_ = this;
    this.adopted = false;
    this.fallback = new Fallback(this.url);
    this.fallback.addEventListener("message", function (ev) { self_.deliver(ev.data); });
    this.fallback.addEventListener("error", function (ev) {
      var copy = new ErrorEvent("error", { message: ev.message, error: ev.error });
      self_.dispatchEvent(copy);
      if (typeof self_.onerror === "function") self_.onerror(copy);
    });
    this.sent.forEach(function (message) { self_.fallback.postMessage(message); });
  };

  Adapter.prototype.terminate = function () {
    if (this.fallback) this.fallback.terminate();
    if (start.worker) start.worker.terminate();
    start.worker = null;
  };

  function SearchWorker(url) {
    if (start.state === "failed" || start.adapter || !/hc-search\.js/.test(String(url)))
      return new Fallback(url);
    var adapter = new Adapter(url);
    start.adapter = adapter;
    return adapter;
  }

  Object.defineProperty(window, "Worker", {
    configurable: true,
    get: function () { return SearchWorker; },
    set: function (value) { Fallback = value; }
  });
})();
