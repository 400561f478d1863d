/** The page's only style sheet, inline: readable on screen and paper, light or dark, no web fonts. */
export const FLEET_STYLE = `:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;
--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;--panel:#151b23;
--ok:#3fb950;--warn:#d29922;--bad:#f85149;--info:#4493f8}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
header{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line);padding:.75rem 1.5rem}
header h1{margin:0;font-size:1.4rem}header p{margin:.2rem 0;color:var(--muted)}
.search{display:flex;gap:1rem;align-items:center;margin-top:.5rem}
#search{flex:0 1 32rem;font:inherit;padding:.4rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
#search-count{color:var(--muted)}
main{padding:0 1.5rem 3rem;max-width:90rem}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;padding:0}
section.server{border:1px solid var(--line);border-radius:8px;margin:1.25rem 0;padding:0 1.25rem 1rem}
section.server h2{display:flex;align-items:center;gap:.75rem;flex-wrap:wrap;font-size:1.2rem}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0 1rem}
.facts dt{color:var(--muted)}.facts dd{margin:0}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,monospace}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}
th{background:var(--panel);font-weight:600}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;font-size:.8rem;font-weight:600;border:1px solid currentColor}
.pass,.read{color:var(--ok)}.warn,.write,.waived{color:var(--warn)}.fail,.error,.destructive,.expired{color:var(--bad)}
.muted,.note{color:var(--muted)}
.timeline{display:grid;gap:.15rem;min-width:14rem}
.timeline .bar{height:.4rem;border-radius:.2rem;background:var(--line);overflow:hidden}
.timeline .elapsed{display:block;height:100%;width:0;background:var(--warn)}
.timeline.retired .elapsed{background:var(--bad)}
.replacement{font-weight:600}
.findings{padding-left:1.2rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem 2rem;margin:.5rem 0 1rem}
.chart{margin:0}.chart figcaption{font-size:.85rem;color:var(--muted)}
.chart svg{display:block;color:var(--info)}
@media print{header{position:static}#search,.search{display:none}}`;
