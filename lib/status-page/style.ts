/**
 * The status page's only stylesheet, inline (one request, no file to cache): system fonts, one
 * column that reads on a 360 px phone, the console's slate and blue with AA contrast, and a focus
 * ring you can see. The proxy's CSP allows inline styles; there is no script to allow.
 */
export const STATUS_PAGE_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#0f172a;background:#f8fafc}
.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between;padding:.75rem 1rem;background:#0f172a;color:#f8fafc}
.service{margin:0;font-weight:600}
.langs ul{display:flex;gap:.25rem;margin:0;padding:0;list-style:none}
.langs a{display:inline-block;padding:.25rem .6rem;border-radius:.375rem;color:#f8fafc;text-decoration:underline}
.langs a[aria-current]{background:#f8fafc;color:#0f172a;font-weight:700;text-decoration:none}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{margin:.5rem 0 1rem;font-size:1.6rem;line-height:1.25;overflow-wrap:anywhere}
h1 .kicker{display:block;font-size:.95rem;font-weight:600;color:#334155}
h2{margin:2rem 0 .5rem;font-size:1.25rem}
h3{margin:1rem 0 .25rem;font-size:1.05rem}
p{margin:.4rem 0}
a{color:#1e40af}
a:hover{color:#172554}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;border-radius:2px}
.langs a:focus-visible{outline-color:#93c5fd}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#e2e8f0;padding:0 .25rem;border-radius:.25rem}
.serial{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.muted{color:#475569}
.card{margin-top:1rem;padding:.25rem 1rem 1rem;background:#fff;border:1px solid #cbd5e1;border-radius:.5rem}
.card h2{margin-top:.75rem}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;background:#dbeafe;color:#1e3a8a;font-weight:700}
.badge.big{font-size:1.15rem;padding:.15rem .75rem}
.tag{display:inline-block;padding:0 .4rem;border-radius:.25rem;background:#fef3c7;color:#78350f;font:600 .85rem system-ui,sans-serif}
.note{padding:.5rem .75rem;border-left:4px solid #b45309;background:#fffbeb}
progress{width:100%;height:.9rem;accent-color:#1d4ed8}
.bar{display:flex;gap:.75rem;align-items:center;margin:.4rem 0}
.bar span{min-width:3.5rem;text-align:right;font-variant-numeric:tabular-nums}
ul.deadlines,ul.drives,ul.logs,ol.timeline{padding:0;list-style:none}
.deadline{margin:.5rem 0;padding:.6rem .75rem;border-left:4px solid #1d4ed8;background:#eff6ff}
.deadline.passed{border-color:#b91c1c;background:#fef2f2}
ul.drives{display:grid;gap:.75rem;margin:.75rem 0}
@media (min-width:40rem){ul.drives{grid-template-columns:1fr 1fr}}
.drive{padding:.25rem 1rem .75rem;background:#fff;border:1px solid #cbd5e1;border-radius:.5rem}
.drive h3{margin-top:.5rem}
dl.legend{margin:.25rem 0}
dl.legend dt{margin-top:.6rem}
dl.legend dd{margin:.2rem 0 0;color:#334155;font-size:.95rem}
.explain{color:#334155;font-size:.95rem}
ul.logs{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.25rem 0}
ol.timeline li{position:relative;margin:0;padding:.3rem 0 .3rem 1.5rem;border-left:2px solid #cbd5e1}
ol.timeline li::before{content:"";position:absolute;left:-.45rem;top:.75rem;width:.8rem;height:.8rem;border-radius:50%;background:#94a3b8}
ol.timeline li[aria-current]::before{background:#1d4ed8}
ol.timeline .step{font-weight:700;margin-right:.5rem}
ol.timeline time{color:#334155}
footer{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #cbd5e1;color:#334155;font-size:.9rem}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`.trim();
