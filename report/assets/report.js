// Sorting and filtering of the findings table. Plain JavaScript, no
// dependencies: the report must open with no network access.
(function () {
  "use strict";
  var table = document.getElementById("nr-findings");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var filter = document.getElementById("nr-filter");
  var severity = document.getElementById("nr-severity");
  var hideWaived = document.getElementById("nr-hide-waived");
  var count = document.getElementById("nr-count");

  function sortBy(th) {
    var key = th.getAttribute("data-sort");
    var numeric = th.getAttribute("data-type") === "number";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      if (c === 0) { c = Number(a.getAttribute("data-num")) - Number(b.getAttribute("data-num")); return c; }
      return c * dir;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }

  function applyFilter() {
    var text = filter.value.trim().toLowerCase();
    var sev = severity.value;
    var shown = 0;
    rows.forEach(function (r) {
      var hay = [r.getAttribute("data-rule"), r.getAttribute("data-subject"), r.getAttribute("data-message"), "f" + r.getAttribute("data-num")].join(" ").toLowerCase();
      var ok = (text === "" || hay.indexOf(text) >= 0) &&
        (sev === "" || r.getAttribute("data-severity") === sev) &&
        !(hideWaived.checked && r.getAttribute("data-waived") === "yes");
      r.hidden = !ok;
      if (ok) { shown++; }
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    if (th.hasAttribute("data-sort")) {
      th.addEventListener("click", function () { sortBy(th); });
    }
  });
  filter.addEventListener("input", applyFilter);
  severity.addEventListener("change", applyFilter);
  hideWaived.addEventListener("change", applyFilter);
  applyFilter();
  window.netreviewSort = function (key) {
    var th = table.querySelector("th[data-sort=\"" + key + "\"]");
    if (th) { sortBy(th); }
  };
})();
