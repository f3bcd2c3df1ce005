"""The stylesheet of the HTML reports, inlined in each file (:mod:`report_html`).

For the screen: the table as wide as the window, and below 60em (a phone, or a laptop at 200 %
zoom) each goal's cells stacked under their headings (never in print: Chromium lets a narrow
screen's rules reach its print layout otherwise). For print: A4 (``@ORIENTATION@`` is set by
the writer: the review table across the page, the council's paper upright), the table's header
row repeated on each page, no goal split across pages, the status colours printed, and page
numbers in the margin.
"""

STYLE = """
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--rule:#b8b8b8;--head:#e9edf2;
--accent:#0f3f73}
*{box-sizing:border-box}
html{font-family:"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;
font-size:100%;line-height:1.4;color:var(--ink);background:#fff}
body{margin:0}
main{max-width:110em;margin:0 auto;padding:1.5em 1.25em 3em}
h1,h2{color:var(--accent);line-height:1.2;margin:0 0 .3em}
h1{font-size:1.6em}
h2{font-size:1.3em}
h1.document{font-size:1.7em;border-bottom:.15em solid var(--accent);padding-bottom:.2em;
margin-bottom:.8em}
section{margin:0 0 2.5em}
header.heading{margin:0 0 1em}
.facts{margin:.2em 0 .6em;color:var(--muted)}
dl.counts{display:flex;flex-wrap:wrap;gap:.4em .6em;margin:.4em 0}
dl.counts div{border:1px solid var(--rule);border-radius:.25em;padding:.15em .6em;
display:flex;gap:.4em;align-items:baseline}
dl.counts dt{color:var(--muted)}
dl.counts dd{margin:0;font-weight:bold}
ul.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.3em 1.2em;padding:0;margin:.5em 0;
font-size:.9em;color:var(--muted)}
.mark{font-weight:bold}
.untranslated{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85em;
color:#7a4b00;background:#fff3d6;border:1px solid #e0b860;border-radius:.2em;padding:0 .2em}
.id{display:block;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:normal;
font-size:.8em;color:var(--muted);margin-top:.3em}
.flag{display:inline-block;color:#8a1010;background:#fde8e8;border:1px solid #c44;
border-radius:.2em;padding:0 .3em;margin-top:.2em}
.none{color:var(--muted)}
.what{font-weight:normal;color:var(--muted)}
table{border-collapse:collapse;width:100%;font-size:.9em;table-layout:fixed}
caption{text-align:left;font-weight:bold;padding:.3em 0 .5em;caption-side:top}
th,td{border:1px solid var(--rule);padding:.35em .45em;vertical-align:top;text-align:left;
overflow-wrap:break-word;hyphens:auto}
thead th{background:var(--head);font-size:.9em;overflow-wrap:normal}
thead th.chosen{background:#cfd9e6}
td.chosen{font-weight:bold}
tr.theme th{background:#f4f6f8;color:var(--accent);font-size:1.05em;padding-top:.5em}
tbody th[scope=row]{font-weight:bold;background:#fafbfc}
td p,th p{margin:0 0 .45em}
td p:last-child,th p:last-child{margin-bottom:0}
td ul,th ul{margin:0;padding-left:1.1em}
td.status,td.binding,td.forecast{overflow-wrap:normal;hyphens:manual;padding-left:.35em;padding-right:.3em}
.measure{margin-top:.5em}
.measure .what{margin:0 0 .1em}
p.theme{font-weight:normal;color:var(--muted);margin:0 0 .3em}
ul.indicators{list-style:none;padding:0}
ul.indicators li{margin:0 0 .5em}
dl.numbers{display:grid;grid-template-columns:auto auto;gap:0 .5em;margin:.1em 0;
justify-content:start}
dl.numbers div{display:contents}
dl.numbers dt{color:var(--muted)}
dl.numbers dd{margin:0}
p.ind-met{color:#145214;font-weight:bold}
p.ind-unmet{color:#8a1010;font-weight:bold}
.none-unmet{font-size:1.1em;border-left:.3em solid var(--accent);padding:.3em .8em}
footer.made{margin-top:2em;font-size:.8em;color:var(--muted)}
@media not print and (max-width:60em){
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table,caption,tbody,tr,th,td{display:block;width:100%}
tr.goal{border:1px solid var(--rule);margin:0 0 1em}
th,td{border:0;border-top:1px solid #e2e2e2}
tr.goal>[data-label]::before{content:attr(data-label);display:block;font-size:.8em;
font-weight:normal;color:var(--muted)}
tr.theme th{border:0;margin-top:1em}
}
@page{size:A4 @ORIENTATION@;margin:13mm 11mm 15mm;
@bottom-right{content:counter(page) " / " counter(pages);font:8pt sans-serif;color:#555}}
@media print{
html{font-size:8pt}
body.unmet{font-size:9.5pt}
main{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
table{display:table}
thead{display:table-header-group;position:static;width:auto;height:auto;overflow:visible;
clip:auto}
tbody{display:table-row-group}
tr{display:table-row}
th,td{display:table-cell}
tr,th[scope=row],td{break-inside:avoid;page-break-inside:avoid}
tr.theme{break-after:avoid;page-break-after:avoid}
header.heading,caption{break-after:avoid;page-break-after:avoid}
section+section{break-before:page;page-break-before:always}
table{font-size:1em}
footer.made{margin-top:1em}
}
"""
