// The source viewer: reads the articles from the page's JSON block and shows one with a span highlighted.
// Article text reaches the page as text nodes only (textContent, createTextNode; never innerHTML).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nb-data").textContent);
  var viewer = document.getElementById("viewer");
  var head = viewer.querySelector(".v-head");
  var body = viewer.querySelector(".v-text");
  var back = viewer.querySelector("button.back");
  var narrow = window.matchMedia("(max-width: 900px)");
  var active = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function showHead(art) {
    head.replaceChildren();
    var meta = el("div", "meta");
    meta.append(el("span", "badge st-" + art.status, art.status), el("code", "v-id", art.id));
    if (art.cite !== art.id) meta.append(" \u00b7 " + art.cite);
    if (art.url) {
      var a = el("a", "ext", art.url);
      a.href = art.url;
      a.rel = "noopener noreferrer";
      meta.append(" \u00b7 ", a);
    }
    head.append(el("h2", null, art.title || art.id), meta);
  }

  function showText(art, s, e) {
    body.replaceChildren();
    var text = art.text, cuts = [0, text.length];
    art.removed.forEach(function (r) { cuts.push(r[0], r[1]); });
    if (s !== null) cuts.push(s, e);
    cuts = cuts.filter(function (x) { return x >= 0 && x <= text.length; })
               .sort(function (a, b) { return a - b; });
    var mark = null;
    for (var k = 0; k + 1 < cuts.length; k++) {
      var a = cuts[k], b = cuts[k + 1];
      if (a === b) continue;
      var node = document.createTextNode(text.slice(a, b));
      var rm = art.removed.find(function (r) { return r[0] <= a && b <= r[1]; });
      if (rm) {
        var span = el("span", "removed");
        span.title = "removed: " + rm[2];
        span.append(node);
        node = span;
      }
      if (s !== null && s <= a && b <= e) {
        if (!mark) { mark = el("mark"); mark.id = "hl"; body.append(mark); }
        mark.append(node);
      } else {
        body.append(node);
      }
    }
    if (!text) body.append(el("p", "empty", "No text was read from this article."));
    return mark;
  }

  function show(link) {
    var art = data.articles[Number(link.dataset.i)];
    var s = link.dataset.s === undefined ? null : Number(link.dataset.s);
    var e = link.dataset.e === undefined ? null : Number(link.dataset.e);
    viewer.dataset.article = art.id;
    showHead(art);
    var mark = showText(art, s, e);
    body.scrollTop = mark ? Math.max(0, mark.offsetTop - body.clientHeight / 3) : 0;
    if (active) active.classList.remove("active");
    active = link;
    link.classList.add("active");
    back.hidden = false;
    if (narrow.matches) viewer.scrollIntoView({block: "start"});
  }

  // On a phone the viewer is below the briefing: this takes the reader back to the line they opened.
  back.addEventListener("click", function () {
    if (!active) return;
    active.scrollIntoView({block: "center"});
    active.focus({preventScroll: true});
  });

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("a[data-i]");
    if (!link) return;
    ev.preventDefault();
    show(link);
  });
})();
