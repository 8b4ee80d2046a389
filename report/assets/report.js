// Sorting and filtering of the findings table. Plain JavaScript, no
// dependencies: the report must open with no network access.
(function () {
  "use strict";
  // The diagram: zoom (buttons, Ctrl and the wheel), pan by dragging, and
  // open alone at full size in a new tab, from the page itself.
  var fig = document.getElementById("nr-diagram");
  var svg = fig && fig.querySelector("svg");
  if (svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    var natural = box && box.width ? box.width : svg.getBoundingClientRect().width;
    var zoom = 0;
    var setZoom = function (z) {
      zoom = z;
      if (z <= 0) {
        fig.classList.remove("zoomed");
        svg.style.width = "";
        return;
      }
      fig.classList.add("zoomed");
      svg.style.width = Math.round(natural * z * 4 / 3) + "px";
    };
    var current = function () { return zoom > 0 ? zoom : svg.getBoundingClientRect().width / (natural * 4 / 3); };
    document.getElementById("nr-zoom-in").addEventListener("click", function () { setZoom(current() * 1.25); });
    document.getElementById("nr-zoom-out").addEventListener("click", function () { setZoom(current() / 1.25); });
    document.getElementById("nr-zoom-fit").addEventListener("click", function () { setZoom(0); });
    document.getElementById("nr-zoom-full").addEventListener("click", function () { setZoom(1); });
    fig.addEventListener("wheel", function (e) {
      if (!e.ctrlKey) { return; }
      e.preventDefault();
      setZoom(current() * (e.deltaY < 0 ? 1.1 : 1 / 1.1));
    }, {passive: false});
    var drag = null;
    fig.addEventListener("pointerdown", function (e) {
      drag = {x: e.clientX, y: e.clientY, left: fig.scrollLeft, top: fig.scrollTop};
      fig.classList.add("panning");
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) { return; }
      fig.scrollLeft = drag.left - (e.clientX - drag.x);
      fig.scrollTop = drag.top - (e.clientY - drag.y);
    });
    window.addEventListener("pointerup", function () { drag = null; fig.classList.remove("panning"); });
    document.getElementById("nr-open").addEventListener("click", function () {
      var blob = new Blob([new XMLSerializer().serializeToString(svg)], {type: "image/svg+xml"});
      window.open(URL.createObjectURL(blob), "_blank");
    });
    window.netreviewZoom = function (z) { setZoom(z); return svg.getBoundingClientRect().width; };
  }

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
