/* The site's search. Plain script, no framework; does nothing off the search page.
 *
 * A reader's query is read the way the pages are written, with the lexicon the build writes
 * (assets/search-lexicon.json, from data/products.yml, data/search.yml and the glossary):
 * full-width and Traditional forms folded (花唄 → 花呗), pinyin (huabei) and homophone typos
 * (花被 → 花呗) matched to product names by sound, numerals read (三天 = 3天, 一个月 = 30天),
 * readers' words mapped to the pages' words (家人 → 爆通讯录), question phrasing dropped.
 * The pages the query is about (its product, its topic) come first; Pagefind's index ranks
 * the rest by the query's words, each searched on its own so that one word missing from a
 * page does not hide it. Product pages that only share the law text are folded into one line.
 */
(function () {
  "use strict";

  var form = document.querySelector("form.cf-search");
  var status = document.getElementById("cf-search-status");
  if (form && !status) {
    // a search box elsewhere (the home page) opens the search page with the query; tapped
    // before this script arrived, it reloaded the page with ?q=, which is passed on here
    var early = new URL(location.href).searchParams.get("q");
    if (early) {
      var onward = new URL(form.getAttribute("data-search-page"), location.href);
      onward.searchParams.set("q", early);
      location.replace(onward.href);
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = form.querySelector("input").value.trim();
      var to = new URL(form.getAttribute("data-search-page"), location.href);
      if (q) to.searchParams.set("q", q);
      location.href = to.href;
    });
  }
  if (!status) return;
  var input = document.getElementById("cf-search-q");
  var out = document.getElementById("cf-search-results");
  var indexBase = new URL(status.getAttribute("data-index"), location.href);
  var siteBase = new URL("../", indexBase);
  var lexiconReady = null, pagefindReady = null, attempts = 0;

  function lexicon() {
    // fetched once; after a failure (a dropped connection) the next search asks again
    if (!lexiconReady) {
      lexiconReady = fetch(new URL(status.getAttribute("data-lexicon"), location.href))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(prepare)
        .catch(function (err) { lexiconReady = null; throw err; });
    }
    return lexiconReady;
  }

  function pagefind() {
    if (!pagefindReady) {
      // a failed import() stays failed for its address: a retry asks for another one
      var url = new URL("pagefind.js", indexBase);
      if (attempts++) url.searchParams.set("retry", attempts);
      pagefindReady = import(url.href).then(function (pf) {
        return pf.options({ noWorker: true, excerptLength: 36, basePath: indexBase.pathname }).then(function () { return pf; });
      }).catch(function (err) { pagefindReady = null; throw err; });
    }
    return pagefindReady;
  }

  // --- the lexicon ----------------------------------------------------------------------

  function prepare(lex) {
    var trad = {};
    var t = Array.from(lex.traditional[0]), s = Array.from(lex.traditional[1]);
    for (var i = 0; i < t.length; i++) trad[t[i]] = s[i];
    lex.trad = trad;
    var sound = {};
    Object.keys(lex.pinyin).forEach(function (syl) {
      Array.from(lex.pinyin[syl]).forEach(function (ch) { if (!(ch in sound)) sound[ch] = syl; });
    });
    lex.sound = sound;
    Object.keys(lex.products).forEach(function (id) {
      var p = lex.products[id];
      p.id = id;
      // (a product with nothing reliable yet arrives in titles as kind "thin", and stays so)
      if (!lex.titles[p.page]) lex.titles[p.page] = { title: p.name + "逾期会怎样？", kind: "product" };
    });
    // every name a query may say, longest first: product names, aliases and short names
    lex.names = Object.keys(lex.names).map(function (n) {
      return { text: n, products: lex.names[n].map(function (id) { return lex.products[id]; }) };
    }).sort(function (a, b) { return b.text.length - a.text.length; });
    var words = {};
    lex.terms.forEach(function (w) { words[w] = w; });
    Object.keys(lex.synonyms).forEach(function (w) { words[w] = lex.synonyms[w]; });
    lex.words = words;
    lex.wordList = Object.keys(words).sort(function (a, b) { return b.length - a.length; });
    // pinyin typed as it is, with or without spaces: huabei, xyk (initials of a long name), yuqi
    var spelled = {};
    function spell(text) {
      var chars = Array.from(text);
      if (!chars.every(function (c) { return lex.sound[c]; })) return;
      var full = chars.map(function (c) { return lex.sound[c]; }).join("");
      if (full.length >= 4 && !(full in spelled)) spelled[full] = text;
      if (chars.length >= 3) {
        var initials = chars.map(function (c) { return lex.sound[c][0]; }).join("");
        if (!(initials in spelled)) spelled[initials] = text;
      }
    }
    lex.names.forEach(function (n) { spell(n.text); });
    lex.wordList.forEach(spell);
    lex.spelled = Object.keys(spelled).sort(function (a, b) { return b.length - a.length; })
      .map(function (k) { return [k, spelled[k]]; });
    return lex;
  }

  // --- reading the query ------------------------------------------------------------------

  var DIGIT = { "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9 };

  function chineseNumber(text) {
    // 一 … 九十九, 一百 … : enough for days and months
    var n = 0, cur = 0, seen = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (c in DIGIT) { cur = DIGIT[c]; seen = true; }
      else if (c === "十") { n += (cur || 1) * 10; cur = 0; seen = true; }
      else if (c === "百") { n += (cur || 1) * 100; cur = 0; seen = true; }
      else if (c === "半") { return 0.5; }
      else return null;
    }
    return seen ? n + cur : null;
  }

  var NUMBER = "([0-9]{1,4}|[零〇一二两俩三四五六七八九十百]+|半)";
  // unit, days per unit, the most units that are a time overdue (2023年 and 12月份 are dates)
  var UNITS = [
    [new RegExp(NUMBER + "个?多?月(?!份)", "g"), 30, 36],
    [new RegExp(NUMBER + "个?多?(?:星期|礼拜|周)", "g"), 7, 52],
    [new RegExp(NUMBER + "多?年", "g"), 365, 10],
    [new RegExp("第?" + NUMBER + "多?(?:天|日)", "g"), 1, 3650],
  ];

  function readDays(q) {
    // → [the query without its day counts, the days]; each count is taken out once
    var days = [];
    UNITS.forEach(function (u) {
      q = q.replace(u[0], function (m, num) {
        var n = /^[0-9]+$/.test(num) ? parseInt(num, 10) : chineseNumber(num);
        if (n === null || n > u[2]) return m;
        days.push(Math.round(n * u[1]));
        return " ";
      });
    });
    if (/第二天|次日|隔天/.test(q)) days.push(2);
    return [q, days];
  }

  function fold(lex, text) {
    var s = text.normalize("NFKC").toLowerCase();
    var outp = "";
    for (var ch of s) outp += lex.trad[ch] || ch;
    return outp;
  }

  function addAll(found, products) {
    products.forEach(function (p) { if (found.indexOf(p) < 0) found.push(p); });
  }

  // a name that begins or ends with a digit is not part of a number or a day count: 360 in
  // 360借条, not in 逾期360天
  var NUMBER_AROUND = /[0-9天日个月年周号期]/;

  function findNames(lex, q, found) {
    // exact names and aliases, longest first; the matched text is taken out of the query
    lex.names.forEach(function (n) {
      var from = 0, at;
      while ((at = q.indexOf(n.text, from)) >= 0) {
        var end = at + n.text.length;
        var clash = (/^[0-9]/.test(n.text) && at > 0 && /[0-9]/.test(q[at - 1])) ||
          (/[0-9]$/.test(n.text) && end < q.length && NUMBER_AROUND.test(q[end]));
        if (clash) { from = at + 1; continue; }
        addAll(found, n.products);
        q = q.slice(0, at) + " " + q.slice(end);
        from = at + 1;
      }
    });
    return q;
  }

  function soundsLike(lex, a, b) {
    return lex.sound[a] && lex.sound[a] === lex.sound[b];
  }

  function findTypos(lex, q, targets, onMatch) {
    // a run of the query that reads like a name with one character typed for another of the
    // same sound: 花被 → 花呗, 白跳 → 白条. The run keeps the other characters of the name.
    var chars = Array.from(q);
    targets.forEach(function (t) {
      var name = Array.from(t.text);
      if (name.length < 2) return;
      for (var i = 0; i + name.length <= chars.length; i++) {
        var wrong = 0, ok = true;
        for (var k = 0; k < name.length && ok; k++) {
          var a = chars[i + k], b = name[k];
          if (a === b) continue;
          if (soundsLike(lex, a, b)) wrong++;
          else ok = false;
        }
        if (ok && wrong === 1) {
          onMatch(t);
          for (var k2 = 0; k2 < name.length; k2++) chars[i + k2] = " ";
        }
      }
    });
    return chars.join("");
  }

  function readPinyin(lex, q) {
    // latin letters, spaces between syllables or not, become the names and words they spell
    return q.replace(/[a-z]+(?:\s+[a-z]+)*/g, function (run) {
      var letters = run.replace(/\s+/g, ""), outp = "", i = 0;
      while (i < letters.length) {
        var hit = null;
        for (var k = 0; k < lex.spelled.length && !hit; k++) {
          if (letters.startsWith(lex.spelled[k][0], i)) hit = lex.spelled[k];
        }
        if (hit) { outp += hit[1]; i += hit[0].length; }
        else { outp += letters[i]; i++; }
      }
      return " " + outp + " ";
    });
  }

  function analyse(lex, query) {
    var q = fold(lex, query);
    var products = [], words = [], pages = {};
    // names first (支付宝7天备用金, e招贷), then pinyin for what is left, then words, then days
    q = findNames(lex, q, products);
    q = findNames(lex, readPinyin(lex, q), products);
    // the site's words and readers' words for them, longest first
    // a page's weight for the query: its most specific (longest) word, then how many
    function point(p, word) {
      var e = pages[p] || (pages[p] = { longest: 0, count: 0 });
      e.longest = Math.max(e.longest, Array.from(word).length);
      e.count++;
    }
    function takeWord(w) {
      var means = lex.words[w];
      if (words.indexOf(means) < 0) words.push(means);
      [w, means].forEach(function (x) {
        (lex.pages[x] || []).forEach(function (p) { point(p, x); });
      });
    }
    lex.wordList.forEach(function (w) {
      var at = q.indexOf(w);
      if (at >= 0) {
        takeWord(w);
        q = q.slice(0, at) + " " + q.slice(at + w.length);
      }
    });
    // page words that are not search words (自查, 法律 …)
    Object.keys(lex.pages).forEach(function (w) {
      var at = q.indexOf(w);
      if (at >= 0) {
        lex.pages[w].forEach(function (p) { point(p, w); });
        q = q.slice(0, at) + " " + q.slice(at + w.length);
      }
    });
    var r = readDays(q);
    q = r[0];
    var days = r[1];
    // typos of product names, then of the site's words
    q = findTypos(lex, q, lex.names, function (t) { addAll(products, t.products); });
    q = findTypos(lex, q, lex.wordList.map(function (w) { return { text: w }; }), function (t) { takeWord(t.text); });
    lex.question_words.forEach(function (w) { q = q.split(w).join(" "); });
    var rest = q.split(/[\s\p{P}\p{S}]+/u).filter(function (x) { return x && !/^[0-9]+天$/.test(x); });
    var outOfScope = false;
    var oos = lex.out_of_scope;
    if (oos) {
      var folded = fold(lex, query);
      var inScope = lex.in_scope.some(function (w) { return folded.indexOf(w) >= 0; }) || days.length > 0 ||
        words.length > 0 || Object.keys(pages).length > 0;
      // a subject is what the query is about (房贷逾期), not what an overdue may affect
      // (逾期会影响房贷吗, 以后还能申请车贷吗)
      var subject = oos.subjects.some(function (w) {
        var at = folded.indexOf(w);
        return at >= 0 && !/(影响|申请|办|以后|将来|买)[^，。？！\s]{0,2}$/.test(folded.slice(Math.max(0, at - 6), at));
      });
      outOfScope = subject || (!inScope && oos.actions.some(function (w) { return folded.indexOf(w) >= 0; }));
    }
    return { products: products, words: words, pages: pages, days: days, rest: rest, outOfScope: outOfScope };
  }

  // --- ranking ----------------------------------------------------------------------------

  var KIND_PRIOR = { product: 1, topic: 1, tool: 0.9, reference: 0.7, index: 0.5, article: 0.3, thin: 0.2 };

  function about(lex, a) {
    // what the query is about: its products, the pages its words point to, its day count
    var scores = {};
    function add(path, n) { scores[path] = (scores[path] || 0) + n; }
    a.products.forEach(function (p, i) { add(p.page, 100 - i); });
    Object.keys(a.pages).forEach(function (p) {
      if (lex.titles[p]) add(p, (a.products.length ? 40 : 60) + 4 * a.pages[p].longest + a.pages[p].count);
    });
    if (a.days.length) {
      if (!a.products.length) { add("topics/overdue-days/", 55); add("self-check/", 50); }
      else add("self-check/", 30);
    }
    return scores;
  }

  function listOf(lex, scores, data) {
    var list = Object.keys(scores).map(function (p) {
      var t = lex.titles[p];
      return { path: p, score: scores[p], data: data[p], title: (data[p] && data[p].meta.title) || (t && t.title) || p,
        kind: (t && t.kind) || (data[p] && data[p].meta.kind) || "article" };
    });
    list.sort(function (x, y) { return y.score - x.score || (x.path < y.path ? -1 : 1); });
    return list;
  }

  function rank(lex, a, pf) {
    var scores = about(lex, a);
    function add(path, n) { scores[path] = (scores[path] || 0) + n; }
    // Pagefind: every word of the query on its own, its scores scaled to the best page for
    // it; the words the query was read as count fully, the rest of its text a third. At
    // most 30 points: the words order the pages, what the query is about comes first.
    var terms = [];
    a.products.forEach(function (p) { terms.push([p.name, 1]); });
    a.words.forEach(function (w) { terms.push([w, 1]); });
    a.days.forEach(function (d) { terms.push([d + "天", 0.5]); });
    a.rest.forEach(function (w) { if (Array.from(w).length >= 2) terms.push([w, 0.35]); });
    var seen = {};
    // each word may need a piece of the index of its own (about 20 KB): at most four, and two
    // when the lexicon already knows what the query is about (the index then adds excerpts
    // and the pages after those)
    var known = a.products.length || Object.keys(a.pages).length || a.days.length;
    terms = terms.filter(function (t) { if (seen[t[0]]) return false; seen[t[0]] = 1; return true; })
      .slice(0, known ? 2 : 4);
    var total = terms.reduce(function (n, t) { return n + t[1]; }, 0) || 1;
    return Promise.all(terms.map(function (t) { return pf.search(t[0]); })).then(function (found) {
      var byId = {};
      found.forEach(function (res, i) {
        if (!res || !res.results.length) return;
        var top = res.results[0].score || 1;
        res.results.slice(0, 30).forEach(function (hit) {
          var e = byId[hit.id] || (byId[hit.id] = { hit: hit, score: 0 });
          e.score += terms[i][1] * hit.score / top;
        });
      });
      var hits = Object.keys(byId).map(function (id) { return byId[id]; });
      hits.sort(function (x, y) { return y.score - x.score; });
      // the words' pages need their address: the best of them, fetched as small fragments
      return Promise.all(hits.slice(0, a.products.length || Object.keys(a.pages).length ? 5 : 8).map(function (e) {
        return e.hit.data().then(function (d) { e.data = d; return e; });
      }));
    }).then(function (hits) {
      var data = {};
      hits.forEach(function (e) {
        var path = toPath(e.data.url);
        var kind = (e.data.meta && e.data.meta.kind) || "article";
        var prior = KIND_PRIOR[kind] || 0.3;
        // a product page the query does not name is about another product
        if (kind === "product" && !a.products.some(function (p) { return p.page === path; })) prior *= 0.5;
        add(path, 30 * prior * e.score / total);
        data[path] = e.data;
      });
      return listOf(lex, scores, data);
    });
  }

  function toPath(url) {
    var u = new URL(url, siteBase);
    var p = decodeURIComponent(u.pathname);
    var root = decodeURIComponent(siteBase.pathname);
    return p.indexOf(root) === 0 ? p.slice(root.length) : p.replace(/^\//, "");
  }

  // --- showing the results ----------------------------------------------------------------

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function link(path, text) {
    var a = el("a", null, text);
    a.href = new URL(path, siteBase).href;
    return a;
  }

  function waysOn(box) {
    var p = el("p", "cf-search__ways", "可以从这里找起：");
    [["questions/", "读者常问"], ["topics/", "专题"], ["self-check/", "逾期自查"], ["products/", "产品列表"]]
      .forEach(function (w, i) { if (i) p.appendChild(document.createTextNode(" · ")); p.appendChild(link(w[0], w[1])); });
    box.appendChild(p);
  }

  function excerpt(data) {
    // Pagefind's excerpt marks the query's words with <mark>; everything else is text
    var p = el("p", "cf-search__excerpt");
    var parts = String(data.excerpt || "").split(/(<mark>|<\/mark>)/);
    var mark = null;
    parts.forEach(function (part) {
      if (part === "<mark>") { mark = el("mark"); p.appendChild(mark); }
      else if (part === "</mark>") { mark = null; }
      else {
        var text = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"")
          .replace(/&#39;/g, "'").replace(/&amp;/g, "&");
        (mark || p).appendChild(document.createTextNode(text));
      }
    });
    return p;
  }

  var KIND_LABEL = { product: "产品", topic: "专题", tool: "工具", reference: "法规与术语", index: "目录", article: "来源文章",
                     thin: "产品（暂无可靠资料）" };

  function item(r) {
    var li = el("li", "cf-search__item");
    li.setAttribute("data-path", r.path);
    var a = link(r.path, r.title);
    a.className = "cf-search__link";
    li.appendChild(a);
    li.appendChild(el("span", "cf-search__kind", KIND_LABEL[r.kind] || ""));
    if (r.data) li.appendChild(excerpt(r.data));
    return li;
  }

  function show(query, a, list, lex) {
    out.textContent = "";
    if (a.outOfScope) {
      var box = el("div", "admonition info cf-search__scope");
      box.setAttribute("data-out-of-scope", "");
      box.appendChild(el("p", "admonition-title", "本站暂不涉及这个话题"));
      box.appendChild(el("p", null, lex.out_of_scope.answer));
      waysOn(box);
      out.appendChild(box);
    }
    if (!list.length) {
      status.textContent = "没有找到和“" + query + "”有关的页面。";
      if (!a.outOfScope) {
        var none = el("div", "cf-search__none");
        none.appendChild(el("p", null, "换个说法试试，比如写上产品名称（花呗、借呗、信用卡）和逾期天数。"));
        waysOn(none);
        out.appendChild(none);
      }
      return;
    }
    // one query, one list: without a product in the query, product pages that match only
    // by the words every product page shares are folded after the first three
    var shown = [], folded = [], productPages = 0;
    list.forEach(function (r) {
      var mine = a.products.some(function (p) { return p.page === r.path; });
      if (r.kind === "product" && !mine && !a.products.length && ++productPages > 3) folded.push(r);
      else if (r.kind === "product" && !mine && a.products.length && ++productPages > 2) folded.push(r);
      else shown.push(r);
    });
    status.textContent = "找到 " + list.length + " 个相关页面。";
    var ol = el("ol", "cf-search__list");
    shown.slice(0, 12).forEach(function (r) { ol.appendChild(item(r)); });
    out.appendChild(ol);
    if (folded.length) {
      var d = el("details", "cf-search__more");
      d.appendChild(el("summary", null, "另有 " + folded.length + " 个产品页面也提到这些词（多是各产品共用的法律规定）"));
      var ol2 = el("ol", "cf-search__list");
      folded.forEach(function (r) { ol2.appendChild(item(r)); });
      d.appendChild(ol2);
      out.appendChild(d);
    }
  }

  // --- events -----------------------------------------------------------------------------

  var latest = 0, timer = null, composing = false;

  function run() {
    var query = input.value.trim();
    var mine = ++latest;
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url.href);
    if (!query) { out.textContent = ""; status.textContent = ""; status.removeAttribute("data-query"); return; }
    status.setAttribute("data-state", "searching");
    lexicon().then(function (lex) {
      // what the query is about is known from the lexicon alone: shown at once, and again
      // with the index's pages and excerpts when Pagefind has answered
      var a = analyse(lex, query);
      var first = listOf(lex, about(lex, a), {});
      if (mine === latest && (first.length || a.outOfScope)) {
        show(query, a, first, lex);
        status.setAttribute("data-query", query);
        status.setAttribute("data-state", "partial");
      }
      return pagefind().then(function (pf) { return rank(lex, a, pf); }).then(function (list) {
        if (mine !== latest) return;
        show(query, a, list, lex);
        status.setAttribute("data-query", query);
        status.setAttribute("data-state", "done");
      });
    }).catch(function (err) {
      if (mine !== latest) return;
      if (status.getAttribute("data-state") === "partial") {
        // the lexicon's pages stay: only the full-text part is missing (as in `make serve`,
        // which builds no index)
        var note = el("p", "cf-search__note", "全文搜索暂时用不了，上面只列出了产品和专题页面。");
        out.appendChild(note);
        status.setAttribute("data-state", "done");
        return;
      }
      status.textContent = "搜索暂时用不了（可能是网络断了），请稍后再试。也可以从下面的页面找起。";
      status.setAttribute("data-query", query);
      status.setAttribute("data-state", "error");
      out.textContent = "";
      waysOn(out);
    });
  }

  function soon() {
    if (composing) return;
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  // any way text arrives: typing, an IME's commit, paste, voice input, autofill
  input.addEventListener("input", function (e) { if (!e.isComposing) soon(); });
  input.addEventListener("compositionstart", function () { composing = true; });
  input.addEventListener("compositionend", function () { composing = false; soon(); });
  input.addEventListener("change", soon);
  // the search page is opened to search: Pagefind starts loading at once, while the reader types
  pagefind().then(function (pf) { return pf.init && pf.init(); }).catch(function () { /* the first search asks again */ });
  lexicon().catch(function () { /* the first search asks again */ });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    input.blur();  // the phone's keyboard would cover the results
    run();
  });
  var initial = new URL(location.href).searchParams.get("q");
  if (initial) { input.value = initial; run(); }
  // text typed before this script arrived (a slow connection) fired no event it heard
  else if (input.value.trim()) run();

  // for the tests and for a curious reader's console: how a query was read
  window.creditfaqSearch = {
    analyse: function (q) { return lexicon().then(function (lex) { return analyse(lex, q); }); },
  };
})();
