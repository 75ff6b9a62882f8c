// The store's only stylesheet, inlined into every page so it paints in the first round trip.
// Mobile first: a 360 px screen inside a chat app's browser is the design target.
const css = /* css */ `
:root{--red:#d0252a;--red-dark:#a81d21;--ink:#222;--muted:#666;--line:#eee;--bg:#f6f6f6;--gold:#b85400;--gold-ink:#a65000;--green:#237804;--sale:linear-gradient(90deg,#cf1322,#d4380d)}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--ink);background:var(--bg)}
a{color:inherit;text-decoration:none}
img{max-width:100%;height:auto;display:block}
.wrap{max-width:720px;margin:0 auto;padding:0 12px}
.top{background:var(--red);color:#fff;padding:10px 0}
.top .wrap{display:flex;align-items:center;justify-content:space-between;gap:8px}
.brand{font-size:18px;font-weight:700}
.brand small{font-weight:400;margin-left:6px;font-size:12px}
.top nav{white-space:nowrap}
.top nav a{margin-left:10px;font-size:13px}
@media(max-width:420px){.brand small{display:none}}
.quick{display:grid;grid-template-columns:repeat(3,1fr);gap:8px;margin:12px 0}
.quick a{background:#fff;border-radius:10px;padding:10px 4px;text-align:center;font-size:12px}
.quick a span{display:block;font-size:22px}
h2{font-size:17px;margin:16px 0 8px}
.flash{background:var(--sale);color:#fff;border-radius:12px;padding:10px 12px;margin:12px 0}
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
.hero{background:#fff;display:flex;overflow-x:auto;scroll-snap-type:x mandatory}
.hero img{flex:none;width:100%;aspect-ratio:1;max-height:56vh;object-fit:cover;scroll-snap-align:start}
.panel{background:#fff;padding:12px;margin-bottom:10px}
.big-price{font-size:26px}
.sale-bar{background:var(--sale);color:#fff;padding:8px 12px;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:4px}
.sale-bar .price{color:#fff}
.desc{white-space:pre-line;color:#444}
.actions{position:sticky;bottom:0;z-index:1;background:#fff;border-top:1px solid var(--line);padding:8px 12px;display:flex;gap:8px}
.btn{flex:1;border:0;border-radius:22px;padding:11px 14px;font-size:15px;font-weight:600;cursor:pointer;text-align:center;background:var(--red);color:#fff}
.btn:disabled{background:#ccc;color:#555}
.actions>div{flex:1;display:flex}
form .btn,.panel>.btn{display:block;width:100%}
.btn-ghost{background:#fff3f0;color:var(--red)}
.btn-gold{background:var(--gold)}
.muted{color:var(--muted);font-size:13px}
.empty{text-align:center;padding:48px 12px}
.demo-banner{background:#fffbe6;color:#8a6d00;font-size:12px;text-align:center;padding:4px}
form .field{margin:10px 0}
form label{display:block;font-size:13px;color:#555;margin-bottom:4px}
form input,form textarea,form select{width:100%;padding:10px;border:1px solid #ddd;border-radius:8px;font:inherit;background:#fff}
.error{color:var(--red);font-size:13px}
.ok{color:var(--green)}
.summary{display:flex;gap:10px;align-items:center}
.summary img{width:64px;height:64px;border-radius:8px;object-fit:cover}
.qty{display:flex;align-items:center;gap:12px}
.qty label{margin:0;flex:1}
.qty input{width:64px;text-align:center}
.step{width:34px;height:34px;border-radius:50%;border:1px solid #ddd;background:#fff;font-size:18px}
.wallet-toggle{display:flex;gap:8px;align-items:center;font-size:14px;margin:10px 0}
.wallet-toggle input{width:auto}
.total{margin:12px 0}
.order-head{display:flex;justify-content:space-between;margin-bottom:4px}
.status{color:var(--red)}
.status-completed,.status-cancelled,.status-refunded{color:var(--muted)}
footer{color:var(--muted);font-size:12px;text-align:center;padding:24px 0 80px}
.checkin{padding-top:12px}
.checkin .panel{border-radius:12px}
.checkin-hero{background:linear-gradient(135deg,#cf1322,var(--gold));color:#fff;border-radius:12px;padding:14px 12px;margin-bottom:10px}
.checkin-hero h1{font-size:20px;margin:0 0 4px}
.checkin-hero p{margin:0;font-size:13px}
.checkin h2{margin-top:0}
.checkin-card{text-align:center}
.checkin-stats{display:flex;justify-content:space-between;align-items:flex-end;gap:8px;text-align:left;margin-bottom:10px}
.checkin-stats small{display:block;color:var(--muted);font-size:12px}
.checkin-stats b{font-size:26px;color:var(--red)}
.checkin-credited{margin:6px 0 10px}
.checkin-credited b{display:block;font-size:34px;color:var(--gold)}
.checkin-credited small{color:var(--muted)}
.checkin-btn{display:block;width:100%;font-size:20px;padding:16px;border-radius:28px;background:linear-gradient(90deg,var(--red),#d4380d)}
.checkin-btn:disabled{background:#ccc;color:#555}
.week{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:4px}
.week li{background:#fff7e6;border:1px solid transparent;border-radius:8px;padding:6px 1px;text-align:center;font-size:11px;line-height:1.4;display:flex;flex-direction:column;align-items:center;min-width:0}
.week li span{color:var(--muted)}
.week li{font-size:12px}
.week li b{color:var(--gold-ink);word-break:break-all}
.week li i{font-style:normal;color:var(--green);font-weight:700}
.week .done{background:#f6ffed}
.week .done b{color:var(--green)}
.week .today{border-color:var(--red);background:#fff1f0}
.week .today span,.week .today b{color:var(--red);font-weight:700}
.week .missed{background:#f5f5f5}
.week .missed b{color:var(--muted);font-weight:400}
.buys{list-style:none;margin:0;padding:0}
.buys a{display:flex;justify-content:space-between;gap:8px;padding:8px 0;border-bottom:1px solid var(--line)}
.buys span{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.login{margin-top:12px;border-radius:12px}
.login h1{font-size:20px;margin:0 0 8px}
.login .btn{display:block;width:100%;margin-top:8px}
.login .switch{display:block;width:100%;margin-top:10px;color:var(--red);font-size:14px;text-align:center;text-decoration:none}
.bargain{padding-top:10px}
.bargain .panel{border-radius:12px}
.bargain h2{margin-top:0}
.bargain .btn{display:block;width:100%}
.btn-big{display:block;width:100%;font-size:18px;padding:14px;border-radius:26px}
.center{text-align:center}
.bargain-head{display:flex;gap:10px;align-items:center}
.bargain-head img{width:96px;height:96px;flex:none;border-radius:8px;object-fit:cover;background:#fafafa}
.bargain-head div{min-width:0}
.bargain-head h1{font-size:16px;margin:0 0 2px;overflow-wrap:anywhere}
.to-go{text-align:center;font-size:22px;font-weight:700;color:var(--red)}
.progress{height:12px;background:#ffe3e0;border-radius:6px;overflow:hidden;margin:8px 0 4px}
.progress i{display:block;height:100%;background:linear-gradient(90deg,#d4380d,var(--red));border-radius:6px}
.progress-ends{display:flex;justify-content:space-between;gap:4px;font-size:12px;color:var(--muted)}
.bargain .countdown b{background:#fff1f0;color:var(--red)}
.bargain-meta{text-align:center;margin:6px 0 12px}
.bargain-share .btn{background:var(--red);color:#fff;font-size:18px;padding:14px;border-radius:26px}
.bargain-meta p{margin:0 0 4px}
.help-result{text-align:center;color:var(--red);margin:8px 0}
.help-result b{display:block;font-size:20px}
.helpers{list-style:none;margin:0;padding:0}
.helpers li{display:flex;justify-content:space-between;gap:8px;padding:8px 0;border-bottom:1px solid var(--line);font-size:14px}
.helpers li:last-child{border-bottom:0}
.helpers .nick{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.helpers .price{flex:none}
.start-bargain{margin-top:10px}
.bargain-list{list-style:none;margin:0;padding:0}
.bargain-list a{display:flex;gap:10px;background:#fff;border-radius:10px;padding:8px;margin-bottom:8px}
.bargain-list img{width:72px;height:72px;flex:none;border-radius:8px;object-fit:cover;background:#fafafa}
.bargain-list a>div{min-width:0}
.bargain-list .title{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.status{display:inline-block;font-size:11px;border-radius:4px;padding:0 5px;margin-right:6px;background:#f5f5f5;color:var(--muted)}
.status-active{background:#fff1f0;color:var(--red)}
.status-complete{background:#fff7e6;color:var(--gold-ink)}
.status-purchased{background:#f6ffed;color:var(--green)}
.promote{padding-top:12px}
.promote .panel{border-radius:12px}
.promote h2{margin-top:0}
.promote h2+.muted{margin-top:-4px}
.promote-hero{background:linear-gradient(135deg,var(--red),#d4380d);color:#fff;border-radius:12px;padding:14px 12px;margin-bottom:10px}
.promote-hero h1{font-size:20px;margin:0 0 4px;overflow-wrap:anywhere}
.promote-hero p{margin:0;font-size:13px}
.btn-block{display:block;width:100%}
.btn-small{flex:none;padding:7px 14px;font-size:13px;border-radius:16px}
.btn-done{background:var(--green)}
.funnel{list-style:none;margin:0 0 14px;padding:0;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:4px}
.funnel li{background:#fff7e6;border-radius:8px;padding:8px 2px;text-align:center;position:relative;min-width:0}
.funnel li+li::before{content:"›";position:absolute;left:-5px;top:50%;transform:translateY(-50%);color:var(--muted)}
.funnel span{display:block;font-size:11px;color:var(--muted)}
.funnel b{display:block;font-size:16px;overflow-wrap:anywhere}
.commission{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:6px;text-align:center}
.commission small{display:block;color:var(--muted);font-size:12px}
.commission b{display:block;font-size:17px;color:var(--red);overflow-wrap:anywhere}
.commission b.ok{color:var(--green)}
.commission b.muted{color:var(--muted);font-size:17px}
.link-row{display:flex;gap:8px;align-items:center;margin-top:6px}
.link-row>div{flex:none}
.link-url{flex:1;min-width:0;padding:7px 8px;border:1px solid #ddd;border-radius:8px;font:inherit;font-size:12px;color:#555;background:#fafafa}
.share-list{list-style:none;margin:0;padding:0}
.share-list li{display:flex;gap:10px;padding:10px 0;border-bottom:1px solid var(--line)}
.share-list li:last-child{border-bottom:0}
.share-list img{width:56px;height:56px;border-radius:8px;object-fit:cover;background:#fafafa}
.share-body{flex:1;min-width:0}
.share-body .title{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.page-title{font-size:18px;margin:14px 0 10px}
.share-sheet{flex:1;display:flex}
.share-sheet>summary{list-style:none;flex:1}
.share-sheet>summary::-webkit-details-marker{display:none}
.sheet{position:absolute;left:0;right:0;bottom:100%;max-height:calc(100vh - 120px);overflow-y:auto;background:#fff;border-top:1px solid var(--line);box-shadow:0 -6px 24px rgba(0,0,0,.18);border-radius:14px 14px 0 0;padding:12px;display:grid;gap:8px;justify-items:center;text-align:center}
.sheet img{width:min(60vw,240px);border-radius:8px;box-shadow:0 1px 6px rgba(0,0,0,.15)}
.sheet .btn{flex:none;width:min(100%,320px)}
.sheet p{margin:0}
.sheet a:not(.btn){color:var(--red);text-decoration:underline}
.link-label{display:block;width:100%;font-size:13px;color:#555;text-align:left}
.link-label .link-url{display:block;width:100%;margin-top:4px}
.sheet>div{width:min(100%,320px);display:flex}
details.poster{margin-top:6px}
details.poster summary{cursor:pointer;color:var(--red);font-size:13px}
details.poster img{width:min(60vw,220px);height:auto;margin:8px 0;border-radius:8px;box-shadow:0 1px 6px rgba(0,0,0,.15)}
`;

/** Whitespace and newlines out; the rules above are already terse. */
export const STYLES = css.replace(/\n/g, "").replace(/\s*([{};:,])\s*/g, "$1");
