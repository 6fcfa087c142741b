// Draws every chart on the page from the JSON option in its data-option attribute.
// Options are built on the server; no inline script is needed (strict CSP).
(function () {
  "use strict";
  function draw() {
    document.querySelectorAll(".chart[data-option]").forEach(function (el) {
      var option = JSON.parse(el.getAttribute("data-option"));
      var chart = echarts.init(el, null, { renderer: el.dataset.renderer || "canvas" });
      chart.setOption(option);
      el.dataset.drawn = "true";
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
