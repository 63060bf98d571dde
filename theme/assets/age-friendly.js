// 长辈模式 (age-friendly mode), remembered across pages. Deferred: a remembered choice is already applied
// before the first paint by the one inline line in PageShell.razor's <head> (no flash of small text).
// Without JavaScript the header switch (a checkbox) still works for the page: the age-friendly rules in site.css apply
// under :root:has(#age-friendly:checked) as well as under :root.age-friendly, which this script sets.
(function () {
  'use strict';
  var storageKey = 'qualitymonth.age-friendly';
  var root = document.documentElement;

  function remembered() {
    try {
      return window.localStorage.getItem(storageKey) === 'on';
    } catch (e) {
      return false; // storage blocked (private mode, settings): the mode simply is not remembered
    }
  }

  function remember(on) {
    try {
      if (on) window.localStorage.setItem(storageKey, 'on');
      else window.localStorage.removeItem(storageKey);
    } catch (e) { /* not remembered, still applied to this page */ }
  }

  function apply(on) {
    root.classList.toggle('age-friendly', on);
    var toggle = document.getElementById('age-friendly');
    if (toggle) toggle.checked = on;
  }

  apply(remembered());

  document.addEventListener('DOMContentLoaded', function () {
    var toggle = document.getElementById('age-friendly');
    if (!toggle) return;
    toggle.checked = root.classList.contains('age-friendly');
    toggle.addEventListener('change', function () {
      remember(toggle.checked);
      apply(toggle.checked);
    });
    // A switch turns with Enter as well as Space (the WAI-ARIA switch pattern): Tab and Enter alone operate the site.
    toggle.addEventListener('keydown', function (event) {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      toggle.click();
    });
  });

  // A page restored from the back/forward cache, or another tab changing the choice, follows the stored choice.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) apply(remembered());
  });
  window.addEventListener('storage', function (event) {
    if (event.key === storageKey) apply(remembered());
  });
})();
