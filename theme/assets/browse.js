// Instant filtering on the activities page. Without this script the page still lists every activity and
// links each facet value to its own static page; this only narrows the list in place.
(() => {
  const form = document.querySelector("form.activity-filter");
  const list = form && document.getElementById(form.dataset.list);
  if (!list) return;
  const items = Array.from(list.children);
  const selects = Array.from(form.querySelectorAll("select"));
  const status = form.querySelector(".filter-status");
  const empty = form.querySelector(".filter-empty");
  const has = (item, facet, value) => item.dataset[facet].split(" ").includes(value);
  const matches = (item, except) =>
    selects.every((s) => s === except || s.value === "" || has(item, s.name, s.value));

  function apply() {
    let shown = 0;
    for (const item of items) {
      item.hidden = !matches(item, null);
      if (!item.hidden) shown++;
    }
    // Each option's count is what choosing it would show, given the other filters.
    for (const select of selects) {
      const candidates = items.filter((item) => matches(item, select));
      for (const option of select.options) {
        if (!option.value) continue;
        const count = candidates.filter((item) => has(item, select.name, option.value)).length;
        option.textContent = `${option.dataset.label}${form.dataset.open}${count}${form.dataset.close}`;
      }
    }
    status.textContent = shown === items.length
      ? form.dataset.showingAll
      : form.dataset.showingSome.replace("{shown}", shown).replace("{total}", items.length);
    empty.hidden = shown > 0;
    const query = new URLSearchParams();
    for (const s of selects) if (s.value) query.set(s.name, s.value);
    const search = query.toString();
    history.replaceState(null, "", search ? `?${search}` : location.pathname);
  }

  const initial = new URLSearchParams(location.search);
  for (const select of selects) {
    const wanted = initial.get(select.name);
    if (wanted && Array.from(select.options).some((o) => o.value === wanted)) select.value = wanted;
  }
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
