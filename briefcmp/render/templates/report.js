(function () {
  "use strict";
  // Filters by topic (child topics included), brief and relation kind. Elements to filter
  // carry data-filter and space-separated data-topics / data-briefs / data-kinds.
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var cols = Array.prototype.slice.call(document.querySelectorAll("[data-col]"));
  var names = ["topic", "brief", "kind"];
  var attrs = { topic: "data-topics", brief: "data-briefs", kind: "data-kinds" };

  function has(el, attr, value) {
    var list = el.getAttribute(attr);
    return list === null || (" " + list + " ").indexOf(" " + value + " ") >= 0;
  }

  function apply() {
    var want = {};
    names.forEach(function (n) { want[n] = form.elements[n].value; });
    var count = { relation: [0, 0], claim: [0, 0] };
    items.forEach(function (el) {
      var what = el.getAttribute("data-filter");
      var ok = names.every(function (n) {
        if (!want[n]) { return true; }
        if (n === "kind" && (what === "coverage" || what === "brief" || what === "candidate")) { return true; }
        if (n === "kind" && what === "claim" && !el.getAttribute("data-kinds")) { return false; }
        return has(el, attrs[n], want[n]);
      });
      el.hidden = !ok;
      if (count[what] && !el.closest("#conflicts")) {
        count[what][1] += 1;
        if (ok) { count[what][0] += 1; }
      }
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("[data-filter]:not([hidden])");
    });
    cols.forEach(function (c) {
      c.hidden = Boolean(want.brief) && c.getAttribute("data-col") !== want.brief;
    });
    var active = names.some(function (n) { return want[n]; });
    shown.textContent = active
      ? "Showing " + count.relation[0] + " of " + count.relation[1] + " relations and " +
        count.claim[0] + " of " + count.claim[1] + " claims."
      : "";
    var params = new URLSearchParams();
    names.forEach(function (n) { if (want[n]) { params.set(n, want[n]); } });
    var query = params.toString();
    try {
      history.replaceState(null, "", (query ? "?" + query : location.pathname) + location.hash);
    } catch (e) { /* some browsers refuse on file: pages; the filters still work */ }
  }

  // Start from the address (report.html?kind=contradiction&brief=x), ignoring unknown values.
  var start = new URLSearchParams(location.search);
  names.forEach(function (n) {
    var v = start.get(n);
    var select = form.elements[n];
    if (v && Array.prototype.some.call(select.options, function (o) { return o.value === v; })) {
      select.value = v;
    }
  });
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();

  // Following a link to a claim or relation opens the details around it.
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var el = id && document.getElementById(id);
    if (!el) { return; }
    for (var p = el; p; p = p.parentElement) {
      if (p.tagName === "DETAILS") { p.open = true; }
    }
    el.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  reveal();

  // Printing shows every relation and claim open; they close again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
}());
