// The group pages' rules (拼团: the product page's two buttons and its list of groups to join, the
// group page's seats, 我的拼团's statuses), inlined after the store's sheet only by pages that show
// them, so every other page stays as light as before.
const css = /* css */ `
.btn-duo{display:flex;flex-direction:column;padding:5px 8px;line-height:1.25}
.btn-duo small{font-size:11px;font-weight:400}
.open-groups h2{margin-top:0}
.open-groups ul,.seats{list-style:none;margin:0;padding:0}
.open-groups li{display:flex;align-items:center;gap:8px;padding:8px 0;border-top:1px solid var(--line);font-size:13px}
.open-groups .nick{flex:1;min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.open-groups .left{text-align:right}
.open-groups .left b{display:block;color:var(--red)}
.grp{padding-top:10px}
.grp .panel{border-radius:12px}
.grp .btn{display:block;width:100%;margin-top:12px}
.grp-state{font-weight:700;color:var(--red);margin:4px 0}
.grp-succeeded{color:#389e0d}
.grp-failed{color:var(--muted)}
.seats{display:flex;flex-wrap:wrap;justify-content:center;gap:10px;margin:12px 0 4px}
.seats li{width:60px;font-size:11px;color:var(--muted);display:flex;flex-direction:column;align-items:center}
.seats i{width:44px;height:44px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-style:normal;font-size:18px;background:var(--red);color:#fff}
.seats .unpaid i,.seats .store i{background:var(--gold)}
.seats .open-seat i{background:#fff;color:#ccc;border:2px dashed #ddd}
.grp .countdown b,.open-groups .countdown b{background:#fff1f0;color:var(--red)}
.seats span{max-width:60px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;color:var(--ink)}
.seats em{font-style:normal;color:var(--red)}
.bargain-list .status-open{background:#fff1f0;color:var(--red)}
.bargain-list .status-succeeded{background:#f6ffed;color:#389e0d}
`;

export const GROUP_STYLES = css.replace(/\n/g, "").replace(/\s*([{};:,])\s*/g, "$1");
