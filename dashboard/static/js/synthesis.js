// SCT's synthesis on /report/YEAR: a quote button adds an agency's paragraph, with its
// "(Nguồn: …)" attribution as the server wrote it, to the end of the item's text. The
// compiler then rewrites around it. No inline script: the page's CSP allows 'self' only.
(function () {
  "use strict";
  function setup() {
    document.querySelectorAll("button.quote[data-target]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var area = document.getElementById(btn.getAttribute("data-target"));
        if (!area) {
          return;
        }
        var quote = btn.getAttribute("data-quote") || "";
        var text = area.value.replace(/\s+$/, "");
        area.value = text === "" ? quote : text + "\n" + quote;
        area.focus();
        area.setSelectionRange(area.value.length, area.value.length);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
