/* 逾期自查: product + days overdue → the stage you are in, what comes next, what it means
 * for 征信, your rights. Plain script, no framework, no request but the site's own JSON. */
(function () {
  "use strict";

  var form = document.getElementById("cf-self-check");
  if (!form) { return; }
  var out = document.getElementById("cf-self-check-result");
  var data = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function link(href, text) { return el("a", { href: href }, [text]); }

  function legalList(items) {
    return el("ul", {}, items.map(function (item) {
      return el("li", {}, [item.text + "（", link(item.href, item.cite), "）"]);
    }));
  }

  function stageBlock(stage) {
    var parts = [el("strong", {}, [stage.label + (stage.title ? " · " + stage.title : "")]), el("br"), stage.text];
    if (stage.channels.length) { parts.push(el("br"), "渠道：" + stage.channels.join("、")); }
    if (stage.source) { parts.push(" ", link(stage.source, "查看原文")); }
    if (stage.todo) {
      parts.push(el("br"), el("strong", {}, ["现在可以做什么："]), stage.todo.text + "（依据：");
      stage.todo.law.forEach(function (l, i) { if (i) { parts.push("、"); } parts.push(link(l.href, l.cite)); });
      parts.push("）");
    }
    return el("p", {}, parts);
  }

  /* Where a reader stands on a product's timeline (stages in the timeline's order):
   * the stage in effect on that day; else the latest one that has begun; and what the
   * sources mention after it, dated or not. */
  function locate(stages, days) {
    // every dated stage in effect that day (罚息 from day 1 on still holds on day 30), the
    // latest to begin last; a step before the due date is no stage of an overdue day
    var current = [], latest = null, next = null;
    stages.forEach(function (s) {
      if (!s.dated) { return; }
      var from = s.from === null ? -Infinity : s.from;
      var to = s.to === null ? Infinity : s.to;
      if (days >= 1 && to < 1) { return; }
      if (from <= days && days <= to) { current.push(s); }
      if (from <= days && (latest === null || from >= (latest.from === null ? -Infinity : latest.from))) { latest = s; }
      if (from > days && (next === null || from < next.from)) { next = s; }
    });
    // what the sources mention without a day: it may already have happened, or come later
    var undated = stages.filter(function (s) { return !s.dated; });
    // the sources' last dated word is far behind this day: they say nothing about it
    // (a product whose only dated steps come before the due date says nothing of any overdue day)
    var start = latest && latest.from !== null ? latest.from : 0;
    var dated = stages.filter(function (s) { return s.dated; });
    var stale = dated.length > 0 && days > 0 && days >= Math.max(start * 2, start + 7) && !next;
    // the last dated word the sources have: the latest stage begun, else the last dated one
    var said = latest || dated[dated.length - 1] || null;
    return { current: current, latest: latest, next: next, undated: undated, stale: stale, said: said };
  }

  function show(productId, days) {
    var product = data.products.filter(function (p) { return p.id === productId; })[0];
    out.textContent = "";
    if (!product) { return; }
    var found = locate(product.stages, days);
    var title = days === 0 ? "今天是还款日" : "逾期第 " + days + " 天";
    out.appendChild(el("h2", { id: "result", tabindex: "-1" }, [product.name + "：" + title]));

    if (days === 0) {
      out.appendChild(el("p", {}, [el("strong", {}, ["今天是还款日：今天还清，按本站的天数算法还不算逾期。"]),
        "逾期第1天是还款日的第二天。"]));
    }
    out.appendChild(el("h3", {}, [found.stale ? "来源对这一天怎么说" : "你现在可能处在的阶段"]));
    if (found.stale) {
      out.appendChild(el("p", {}, [el("strong", {}, ["来源文章没有说到逾期第 " + days + " 天。"]),
        "它们写明天数的说法只到" + found.said.label + "；逾期这么久，下面列出的、来源没有写明天数的做法可能已经发生。"]));
      if (found.current.length) {
        out.appendChild(el("p", {}, ["从那时开始、可能仍在继续的做法："]));
        found.current.forEach(function (s) { out.appendChild(stageBlock(s)); });
      }
    } else if (found.current.length) {
      found.current.forEach(function (s) { out.appendChild(stageBlock(s)); });
    } else if (!product.stages.length) {
      out.appendChild(el("p", {}, ["本站还没有整理到这个产品的逾期流程。下面是适用于所有消费信贷产品的法律规定。"]));
    } else if (found.latest) {
      out.appendChild(el("p", {}, ["来源文章没有说明逾期第 " + days + " 天的具体做法。已经开始的最近一个阶段是："]));
      out.appendChild(stageBlock(found.latest));
    } else {
      out.appendChild(el("p", {}, ["来源文章没有说明逾期第 " + days + " 天的具体做法。可以看看",
        link(product.page + "#timeline", "这个产品的完整时间线"), "。"]));
    }
    out.appendChild(el("h3", {}, [found.stale ? "来源还提到的做法" : "接下来会怎样"]));
    if (found.next) {
      out.appendChild(el("p", {}, ["从" + found.next.label.replace(/起$/, "") + "起："]));
      out.appendChild(stageBlock(found.next));
    }
    if (found.undated.length) {
      out.appendChild(el("p", {}, ["来源还提到这些做法，但没有说明从第几天开始（逾期越久，越可能遇到）："]));
      found.undated.forEach(function (s) { out.appendChild(stageBlock(s)); });
    }
    if (!found.next && !found.undated.length) {
      out.appendChild(el("p", {}, product.full
        ? ["来源文章没有说明之后的安排。", link(product.page + "#timeline", "查看完整时间线"), "。"]
        : ["本站还没有这个产品的可靠资料。", link(product.page, "看看这个产品的页面"), "。"]));
    }

    out.appendChild(el("h3", {}, ["对征信的影响"]));
    if (product.reporting.length) {
      out.appendChild(el("p", {}, ["这个产品是否上征信："]));
      out.appendChild(legalList(product.reporting));
    } else if (product.reportingUnverified) {
      out.appendChild(el("p", {}, ["这个产品是否上征信，本站查到的资料说法不一，还没有核实；请以自己的征信报告为准。"]));
    }
    out.appendChild(legalList(data.credit));

    out.appendChild(el("h3", {}, ["你的权利"]));
    out.appendChild(legalList(data.rights));
    out.appendChild(el("h3", {}, ["去哪里投诉"]));
    var routes = product.complain || [];
    if (routes.length) {
      out.appendChild(el("p", {}, ["催收骚扰、威胁："]));
      out.appendChild(legalList(routes));
    }
    if (data.complain.length) {
      if (routes.length) { out.appendChild(el("p", {}, ["征信记录有错："])); }
      out.appendChild(legalList(data.complain));
    }
    out.appendChild(el("p", {}, [link(product.page, "查看" + product.name + "的完整页面")]));
    document.getElementById("result").focus();
  }

  function submit(event) {
    event.preventDefault();
    var days = parseInt(form.elements.days.value, 10);
    if (isNaN(days) || days < 0) {
      out.textContent = "请输入 0 或更大的整数天数。";
      form.elements.days.focus();
      return;
    }
    var go = function () { show(form.elements.product.value, days); };
    if (data) { go(); return; }
    fetch(form.getAttribute("data-src"))
      .then(function (r) { return r.json(); })
      .then(function (json) { data = json; go(); })
      .catch(function () { out.textContent = "数据没有加载成功，请刷新页面再试。"; });
  }

  form.addEventListener("submit", submit);
})();
