// The store's only stylesheet, inlined into every page so it paints in the first round trip.
// Mobile first: a 360 px screen inside a chat app's browser is the design target.
const css = /* css */ `
:root{--red:#e4393c;--red-dark:#c4281c;--ink:#222;--muted:#888;--line:#eee;--bg:#f6f6f6;--gold:#ff9500}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:inherit;text-decoration:none}
img{max-width:100%;display:block}
.wrap{max-width:720px;margin:0 auto;padding:0 12px}
.top{background:var(--red);color:#fff;padding:10px 0}
.top .wrap{display:flex;align-items:center;justify-content:space-between;gap:8px}
.brand{font-size:18px;font-weight:700}
.brand small{font-weight:400;opacity:.85;margin-left:6px;font-size:12px}
.top nav a{margin-left:10px;font-size:13px}
.quick{display:grid;grid-template-columns:repeat(4,1fr);gap:8px;margin:12px 0}
.quick a{background:#fff;border-radius:10px;padding:10px 4px;text-align:center;font-size:12px}
.quick a span{display:block;font-size:22px}
h2{font-size:17px;margin:16px 0 8px}
.flash{background:linear-gradient(90deg,#ff4d4f,#ff7a45);color:#fff;border-radius:12px;padding:10px 12px;margin:12px 0}
.flash-head{display:flex;justify-content:space-between;align-items:center;font-weight:700}
.flash-items{display:flex;gap:8px;overflow-x:auto;margin-top:8px}
.flash-items a{background:#fff;color:var(--ink);border-radius:8px;min-width:120px;padding:6px;font-size:12px}
.countdown b{background:rgba(0,0,0,.25);border-radius:4px;padding:0 4px;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(2,1fr);gap:10px}
@media(min-width:600px){.grid{grid-template-columns:repeat(3,1fr)}}
.card{background:#fff;border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
.card img,.flash-items img{aspect-ratio:1;object-fit:cover;width:100%;background:#fafafa}
.card .body{padding:8px}
.card .title{font-size:14px;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;min-height:42px}
.price{color:var(--red);font-weight:700}
.price small{font-size:12px}
.was{color:var(--muted);text-decoration:line-through;font-size:12px;margin-left:4px}
.tag{display:inline-block;font-size:11px;border:1px solid var(--red);color:var(--red);border-radius:4px;padding:0 4px;margin-right:4px}
.hero{background:#fff}
.hero img{width:100%;aspect-ratio:1;object-fit:cover}
.panel{background:#fff;padding:12px;margin-bottom:10px}
.big-price{font-size:26px}
.sale-bar{background:linear-gradient(90deg,#ff4d4f,#ff7a45);color:#fff;padding:8px 12px;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:4px}
.sale-bar .price{color:#fff}
.desc{white-space:pre-line;color:#444}
.actions{position:sticky;bottom:0;background:#fff;border-top:1px solid var(--line);padding:8px 12px;display:flex;gap:8px}
.btn{flex:1;border:0;border-radius:22px;padding:11px 14px;font-size:15px;font-weight:600;cursor:pointer;text-align:center;background:var(--red);color:#fff}
.btn:disabled{background:#ccc}
.btn-ghost{background:#fff3f0;color:var(--red)}
.btn-gold{background:var(--gold)}
.muted{color:var(--muted);font-size:13px}
.empty{text-align:center;padding:48px 12px}
.demo-banner{background:#fffbe6;color:#8a6d00;font-size:12px;text-align:center;padding:4px}
form .field{margin:10px 0}
form label{display:block;font-size:13px;color:#555;margin-bottom:4px}
form input,form textarea,form select{width:100%;padding:10px;border:1px solid #ddd;border-radius:8px;font:inherit;background:#fff}
.error{color:var(--red);font-size:13px}
.ok{color:#389e0d}
footer{color:var(--muted);font-size:12px;text-align:center;padding:24px 0 80px}
`;

/** Whitespace and newlines out; the rules above are already terse. */
export const STYLES = css.replace(/\n/g, "").replace(/\s*([{};:,])\s*/g, "$1");
