// Moves the progress bars of scheduled and running batches: polls the console's JSON endpoint
// every second and reloads the page once one of them is done (to show its report and counts). The pages
// work without this script; it only saves pressing reload.
(function () {
  "use strict";
  var FINAL = ["succeeded", "completed_with_errors", "failed", "cancelled"];
  var POLL_MS = 1000;

  function live() {
    return Array.prototype.filter.call(document.querySelectorAll(".progress[data-batch-id]"), function (el) {
      return FINAL.indexOf(el.getAttribute("data-status")) === -1;
    });
  }

  function show(el, batch) {
    var bar = el.querySelector("progress");
    var total = batch.customers_total;
    bar.max = total > 0 ? total : 1;
    bar.value = total > 0 ? batch.customers_done : (batch.final && batch.status !== "failed" && batch.status !== "cancelled" ? 1 : 0);
    var status = el.querySelector('[data-field="status"]');
    status.textContent = batch.status.replace(/_/g, " ");
    status.className = "status status-" + batch.status;
    el.querySelector('[data-field="done"]').textContent = batch.customers_done;
    el.querySelector('[data-field="total"]').textContent = total;
    el.setAttribute("data-status", batch.status);
    // Actions that only a batch in some status allows (cancel: scheduled) go once it has left it.
    Array.prototype.forEach.call(document.querySelectorAll("[data-while-status]"), function (action) {
      if (action.getAttribute("data-while-status") !== batch.status) {
        action.hidden = true;
      }
    });
  }

  function poll() {
    var watched = live();
    if (watched.length === 0) {
      return;
    }
    var query = watched.map(function (el) { return "id=" + encodeURIComponent(el.getAttribute("data-batch-id")); }).join("&");
    fetch("/console/batches/progress.json?" + query, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {batches: []}; })
      .then(function (body) {
        var reload = false;
        body.batches.forEach(function (batch) {
          var el = document.querySelector('.progress[data-batch-id="' + batch.id + '"]');
          if (!el) { return; }
          show(el, batch);
          if (batch.final) {
            reload = true;  // its report, counts and actions are the server's to draw
          }
        });
        if (reload) {
          window.location.reload();
        } else {
          window.setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () { window.setTimeout(poll, POLL_MS * 5); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    // A preview just shown: take the reader (and a screen reader's cursor) to it.
    var preview = document.getElementById("preview-heading");
    if (preview) {
      preview.focus();
    }
    window.setTimeout(poll, POLL_MS);
  });
})();
