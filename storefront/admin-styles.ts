// The admin pages' stylesheet, inlined by the admin layout only, so shoppers' pages stay small.
// Works from a 360 px phone (cards, scrolling tables) up to a laptop (a two-column dashboard).
const css = /* css */ `
:root{--red:#e4393c;--ink:#1f2329;--muted:#8a8f99;--line:#e8e9eb;--bg:#f4f5f7;--blue:#3370ff;--green:#2ea121;--gold:#ff9500}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--blue);text-decoration:none}
h1{font-size:20px;margin:16px 0 12px}
h2{font-size:15px;margin:0 0 10px}
.a-top{background:var(--ink);color:#fff}
.a-top .in{max-width:1160px;margin:0 auto;padding:0 12px;display:flex;align-items:center;gap:12px;min-height:48px;flex-wrap:wrap}
.a-brand{color:#fff;font-weight:700;white-space:nowrap}
.a-brand small{font-weight:400;opacity:.7;margin-left:6px}
.a-nav{display:flex;gap:2px;overflow-x:auto;flex:1;min-width:0}
.a-nav a{color:#c9cdd4;padding:13px 10px;white-space:nowrap;border-bottom:2px solid transparent}
.a-nav a.on{color:#fff;border-bottom-color:var(--red)}
.a-tools{display:flex;gap:10px;align-items:center;white-space:nowrap;font-size:13px}
.a-tools a,.a-tools button{color:#c9cdd4;background:none;border:0;font:inherit;cursor:pointer;padding:0}
@media(max-width:640px){.a-top .in{gap:0 12px}.a-nav{order:3;flex-basis:100%;margin:0 -10px}.a-tools{margin-left:auto}}
.a-main{max-width:1160px;margin:0 auto;padding:0 12px 40px}
.a-card{background:#fff;border-radius:10px;padding:14px;margin-bottom:12px;min-width:0}
.a-head{display:flex;align-items:center;justify-content:space-between;gap:10px;flex-wrap:wrap}
.a-kpis{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px;margin-bottom:12px}
@media(min-width:760px){.a-kpis{grid-template-columns:repeat(3,minmax(0,1fr))}}
@media(min-width:1100px){.a-kpis{grid-template-columns:repeat(6,minmax(0,1fr))}}
.a-kpi{background:#fff;border-radius:10px;padding:12px}
.a-kpi span{display:block;color:var(--muted);font-size:12px}
.a-kpi b{display:block;font-size:22px;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.a-grid{display:grid;gap:12px}
@media(min-width:960px){.a-grid{grid-template-columns:minmax(0,2fr) minmax(0,1fr);align-items:start}.a-grid .a-card{margin:0}}
.a-side{display:grid;gap:12px;align-content:start}
.a-chart svg{display:block;width:100%;height:auto}
.a-chart .wide{display:none}
@media(min-width:760px){.a-chart .narrow{display:none}.a-chart .wide{display:block}}
.a-legend{display:flex;gap:12px;flex-wrap:wrap;font-size:12px;color:var(--muted);margin-bottom:6px}
.a-legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.a-rank{list-style:none;margin:0;padding:0;counter-reset:r}
.a-rank li{display:flex;gap:8px;align-items:baseline;padding:7px 0;border-bottom:1px solid var(--line);counter-increment:r}
.a-rank li:last-child{border-bottom:0}
.a-rank li::before{content:counter(r);color:var(--muted);width:16px;flex:none}
.a-rank .n{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.a-rank .v{font-variant-numeric:tabular-nums;text-align:right}
.a-rank small{color:var(--muted);display:block}
.muted{color:var(--muted);font-size:12px}
.a-table{width:100%;border-collapse:collapse;font-size:13px}
.a-table th,.a-table td{padding:8px 6px;border-bottom:1px solid var(--line);text-align:left;vertical-align:middle}
.a-table th{color:var(--muted);font-weight:400;white-space:nowrap}
.a-table td.num,.a-table th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.a-scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.a-thumb{width:40px;height:40px;border-radius:6px;object-fit:cover;background:#fafafa;display:block}
.badge{display:inline-block;font-size:11px;border-radius:4px;padding:0 5px;margin:0 4px 0 0;background:#f2f3f5;color:var(--muted);white-space:nowrap}
.badge.red{background:#fff1f0;color:var(--red)}
.badge.green{background:#effaf0;color:var(--green)}
.badge.gold{background:#fff7e6;color:var(--gold)}
.btn{display:inline-block;border:0;border-radius:6px;padding:8px 14px;font:inherit;font-weight:600;cursor:pointer;background:var(--red);color:#fff;text-align:center}
.btn:disabled{background:#c9cdd4;cursor:default}
.btn-line{background:#fff;color:var(--ink);border:1px solid #d0d3d9}
.btn-blue{background:var(--blue)}
.btn-sm{padding:5px 10px;font-size:12px;font-weight:400}
.a-tabs{display:flex;gap:6px;overflow-x:auto;margin-bottom:12px}
.a-tabs a{background:#fff;border-radius:16px;padding:5px 12px;color:var(--ink);white-space:nowrap}
.a-tabs a.on{background:var(--ink);color:#fff}
.a-orders{display:grid;gap:0 12px;align-items:start}
@media(min-width:960px){.a-orders{grid-template-columns:repeat(2,minmax(0,1fr))}}
.a-order{display:grid;gap:4px}
.a-order .top{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap}
.a-order .acts{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:6px}
.a-form{display:grid;gap:4px}
.a-form fieldset{border:0;border-top:1px solid var(--line);margin:8px 0 0;padding:10px 0 0;display:grid;gap:10px;min-width:0}
.a-form legend{font-weight:600;padding:0 6px 0 0}
@media(min-width:760px){.a-form .cols{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:10px}}
.a-form .cols{display:grid;gap:10px}
.f label{display:block;font-size:13px;color:#4e5969;margin-bottom:3px}
.f input,.f textarea,.f select{width:100%;padding:8px 10px;border:1px solid #d0d3d9;border-radius:6px;font:inherit;background:#fff}
.f input[type=checkbox]{width:auto;margin-right:6px}
.f.check label{display:flex;align-items:center;color:var(--ink);font-size:14px}
.f.bad input,.f.bad textarea{border-color:var(--red);background:#fffafa}
.f .err{color:var(--red);font-size:12px;margin:3px 0 0}
.f .hint{color:var(--muted);font-size:12px;margin:3px 0 0}
.a-pics{display:flex;gap:6px;flex-wrap:wrap;margin-top:6px}
.a-pics button{padding:2px;border:2px solid transparent;border-radius:6px;background:#fafafa;cursor:pointer}
.a-pics button.on{border-color:var(--red)}
.a-pics img{width:36px;height:36px;display:block}
.a-pics button:disabled{opacity:.4;cursor:default}
.a-pic-list{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:8px}
.a-pic-list li{position:relative;width:96px;border:1px solid #d0d3d9;border-radius:8px;padding:4px;background:#fff;cursor:grab}
.a-pic-list li.dragging{opacity:.4}
.a-pic-list img{width:86px;height:86px;object-fit:cover;border-radius:6px;display:block}
.a-pic-list .a-cover{position:absolute;top:6px;left:6px;background:var(--red);color:#fff;font-size:11px;border-radius:4px;padding:0 4px}
.a-pic-acts{display:flex;justify-content:space-between;margin-top:4px}
.a-pic-acts .btn-sm{padding:2px 7px}
.a-pic-busy{display:flex;align-items:center;justify-content:center;min-height:96px;font-size:12px;color:var(--muted);text-align:center}
.a-pic-add{display:flex;gap:8px;flex-wrap:wrap}
.a-pic-add .btn{position:relative}
.a-store-pics{margin-top:8px;font-size:13px}
.a-store-pics summary{cursor:pointer;color:var(--muted)}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.a-bar{display:flex;gap:10px;align-items:center;flex-wrap:wrap;margin-top:8px}
.ok{color:var(--green)}
.error{color:var(--red)}
.a-login{max-width:380px;margin:40px auto}
.a-login .btn{width:100%;padding:10px}
.a-empty{text-align:center;padding:32px 12px;color:var(--muted)}
.a-members{list-style:none;margin:6px 0 0;padding:0;border-top:1px solid var(--line)}
.a-members li{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;padding:6px 0;border-bottom:1px solid var(--line)}
`;

export const ADMIN_STYLES = css.replace(/\n/g, "").replace(/\s*([{};:,])\s*/g, "$1");
