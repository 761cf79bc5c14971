/*
 * The filter form, made easier without changing what it sends.
 *
 * - A long list of choices (Members, keywords, subjects, sessions) gets a box
 *   above it: typing narrows the list to the choices containing every word typed
 *   (accents and capitals ignored), shows them as an open list, and chooses the
 *   first. Without this script the select works as it always did.
 * - On a wide screen, where the filters sit beside the results, they start
 *   unfolded; on a phone they stay folded after the results.
 *
 * Loaded from a file: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var LONG_LIST = 15;
  var SHOWN_AT_ONCE = 8;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }

  function enhance(form, select, index) {
    var field = select.closest(".field");
    var fieldLabel = field && field.querySelector("label");
    var input = document.createElement("input");
    var label = document.createElement("label");
    var status = document.createElement("p");
    input.type = "search";
    input.id = select.id + "-narrow";
    input.className = "narrow";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", select.id);
    label.htmlFor = input.id;
    label.className = "narrow-label";
    label.textContent = form.dataset.narrowLabel + " " +
      (fieldLabel ? fieldLabel.textContent.replace(/:\s*$/, "").trim() : "");
    status.className = "narrow-status";
    status.id = select.id + "-narrow-status";
    status.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", status.id);
    select.parentNode.insertBefore(label, select);
    select.parentNode.insertBefore(input, select);
    select.parentNode.insertBefore(status, select.nextSibling);

    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) {
          return; // "Any" stays
        }
        var matches = words.every(function (word) {
          return fold(option.text).indexOf(word) !== -1;
        });
        option.hidden = !matches;
        if (matches) {
          shown += 1;
          first = first || option;
        }
      });
      if (!words.length) {
        select.size = 0;
        status.textContent = "";
        return;
      }
      select.size = Math.max(2, Math.min(shown + 1, SHOWN_AT_ONCE));
      status.textContent = shown === 1
        ? form.dataset.narrowOne
        : form.dataset.narrowMany.replace("{count}", String(shown));
      var chosen = select.options[select.selectedIndex];
      if (first && (!chosen || chosen.hidden || !chosen.value)) {
        select.value = first.value;
      }
    });
  }

  document.querySelectorAll("form.filter-form").forEach(function (form) {
    form.querySelectorAll("select").forEach(function (select, index) {
      if (select.options.length > LONG_LIST) {
        enhance(form, select, index);
      }
    });
  });

  var filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(min-width: 64rem)").matches) {
    filters.open = true;
  }
})();
