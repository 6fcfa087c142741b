// Upload pages. A file over the size limit is refused here, before it is sent: the
// server would cut the connection and the browser show no reason. A form sends once
// (a second click while a large file is on its way would send it twice).
(function () {
  "use strict";
  function setup() {
    document.querySelectorAll("form[data-limit-bytes]").forEach(function (form) {
      var input = form.querySelector('input[type="file"]');
      var limit = Number(form.getAttribute("data-limit-bytes"));
      if (!input || !limit) {
        return;
      }
      var check = function () {
        var f = input.files && input.files[0];
        input.setCustomValidity(f && f.size > limit ? form.getAttribute("data-limit-message") || "" : "");
      };
      input.addEventListener("change", function () {
        check();
        input.reportValidity();
      });
      form.addEventListener("submit", function (ev) {
        check();
        if (!input.checkValidity()) {
          ev.preventDefault();
          input.reportValidity();
        }
      });
    });
    document.querySelectorAll("form[data-once]").forEach(function (form) {
      form.addEventListener("submit", function (ev) {
        if (ev.defaultPrevented) {
          return;
        }
        if (form.getAttribute("data-sent") === "1") {
          ev.preventDefault();
          return;
        }
        form.setAttribute("data-sent", "1");
        form.querySelectorAll('button[type="submit"]').forEach(function (b) {
          b.setAttribute("aria-busy", "true");
        });
      });
    });
  }
  // Back to a page from the history cache: its forms may be sent again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      form.removeAttribute("data-sent");
    });
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
