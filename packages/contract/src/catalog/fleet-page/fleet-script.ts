/**
 * The page's only script, inline. It keeps the HTML itself free of dates, so `pnpm catalog --check`
 * can compare it: what depends on today (time left to a sunset, an expired waiver) is worked out in
 * the browser. It also filters the tools as the search box is typed in.
 */
export const FLEET_SCRIPT = `(() => {
  const day = (date) => Date.parse(date + "T00:00:00Z");
  const today = day(new Date().toISOString().slice(0, 10));
  for (const timeline of document.querySelectorAll(".timeline[data-sunset]")) {
    const since = day(timeline.dataset.since);
    const sunset = day(timeline.dataset.sunset);
    const share = Math.min(1, Math.max(0, (today - since) / Math.max(1, sunset - since)));
    timeline.querySelector(".elapsed").style.width = (share * 100).toFixed(1) + "%";
    const days = Math.round((sunset - today) / 86400000);
    timeline.querySelector(".left").textContent = days < 0 ? "retired: calls are refused" : days === 0 ? "last day" : days + " days left";
    timeline.classList.toggle("retired", days < 0);
  }
  for (const waiver of document.querySelectorAll("[data-expires]")) {
    if (today <= day(waiver.dataset.expires)) continue;
    waiver.classList.add("expired");
    waiver.querySelector(".state").textContent = "expired: the contract check fails";
  }
  const search = document.getElementById("search");
  const count = document.getElementById("search-count");
  const rows = [...document.querySelectorAll("tr.tool-row")];
  const filter = () => {
    const words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      row.hidden = !words.every((word) => row.dataset.search.includes(word));
      if (!row.hidden) shown += 1;
    }
    for (const server of document.querySelectorAll("section.server")) {
      server.hidden = words.length > 0 && !server.querySelector("tr.tool-row:not([hidden])");
    }
    count.textContent = words.length > 0 ? shown + " of " + rows.length + " tools match" : rows.length + " tools";
  };
  search.addEventListener("input", filter);
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== search) {
      event.preventDefault();
      search.focus();
    }
  });
  filter();
})();`;
