// The dashboard's chart, drawn on the server as SVG: visits as a line, orders and sales as bars.
// Two drawings, one for phones and one for wider screens, so the text stays at its drawn size.
import type { DashboardDay } from "../../core/contract/admin";
import { formatCny } from "../format";
import { ta } from "../i18n";

const COLORS = {
  visits: "#3370ff",
  unique: "#9db9ff",
  orders: "#ff9500",
  sales: "#e4393c",
  grid: "#e8e9eb",
  text: "#8a8f99",
};
const FONT = 11;

/** 12345 → "1.2万": axis labels stay short on a phone. */
function compact(n: number): string {
  return n >= 10_000 ? `${(n / 10_000).toFixed(n >= 100_000 ? 0 : 1)}万` : String(n);
}

const yuanCompact = (cents: number) => `¥${compact(Math.round(cents / 100))}`;

type Panel = { top: number; height: number };

function Drawing(props: { days: DashboardDay[]; width: number; className: string }) {
  const { days, width } = props;
  const left = 6;
  const slot = (width - left * 2) / days.length;
  const x = (i: number) => left + slot * i + slot / 2;
  const panels: Record<"visits" | "orders" | "sales", Panel> = {
    visits: { top: 20, height: 84 },
    orders: { top: 128, height: 52 },
    sales: { top: 204, height: 52 },
  };
  const height = 282;
  const max = {
    visits: Math.max(1, ...days.map((d) => d.visits)),
    orders: Math.max(1, ...days.map((d) => d.orders)),
    sales: Math.max(1, ...days.map((d) => d.sales_cents)),
  };
  const y = (p: Panel, value: number, of: number) => p.top + p.height - (value / of) * p.height;
  const line = (pick: (d: DashboardDay) => number) =>
    days.map((d, i) => `${x(i).toFixed(1)},${y(panels.visits, pick(d), max.visits).toFixed(1)}`).join(" ");
  const bars = (p: Panel, pick: (d: DashboardDay) => number, of: number, color: string) =>
    days.map((d, i) => {
      const h = (pick(d) / of) * p.height;
      return h > 0 ? (
        <rect
          x={(x(i) - slot * 0.32).toFixed(1)}
          y={(p.top + p.height - h).toFixed(1)}
          width={(slot * 0.64).toFixed(1)}
          height={Math.max(1, h).toFixed(1)}
          rx="1.5"
          fill={color}
        />
      ) : null;
    });
  const c = ta.dashboard;
  const heading = (p: Panel, label: string, color: string, top: string) => (
    <>
      <text x={left} y={p.top - 7} fill={color} font-size={FONT} font-weight="600">
        {label}
      </text>
      <text x={width - left} y={p.top - 7} fill={COLORS.text} font-size={FONT} text-anchor="end">
        {top}
      </text>
      <line x1={left} x2={width - left} y1={p.top} y2={p.top} stroke={COLORS.grid} stroke-dasharray="3 3" />
      <line x1={left} x2={width - left} y1={p.top + p.height} y2={p.top + p.height} stroke={COLORS.grid} />
    </>
  );
  return (
    <svg
      class={props.className}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={c.chartLabel(
        days.reduce((n, d) => n + d.visits, 0),
        days.reduce((n, d) => n + d.orders, 0),
        formatCny(days.reduce((n, d) => n + d.sales_cents, 0)),
      )}
      font-family="inherit"
    >
      {heading(panels.visits, `${c.chartVisits} / ${c.chartUnique}`, COLORS.visits, compact(max.visits))}
      <polyline
        points={line((d) => d.unique_visits)}
        fill="none"
        stroke={COLORS.unique}
        stroke-width="1.5"
        stroke-dasharray="4 3"
      />
      <polyline
        points={line((d) => d.visits)}
        fill="none"
        stroke={COLORS.visits}
        stroke-width="2"
        stroke-linejoin="round"
      />
      {heading(panels.orders, c.chartOrders, COLORS.orders, compact(max.orders))}
      {bars(panels.orders, (d) => d.orders, max.orders, COLORS.orders)}
      {heading(panels.sales, c.chartSales, COLORS.sales, yuanCompact(max.sales))}
      {bars(panels.sales, (d) => d.sales_cents, max.sales, COLORS.sales)}
      {days.map((d, i) =>
        (days.length - 1 - i) % 7 === 0 ? (
          // the edge labels keep inside the drawing
          <text
            x={i === days.length - 1 ? width - left : x(i)}
            y={height - 6}
            fill={COLORS.text}
            font-size={FONT}
            text-anchor={i === days.length - 1 ? "end" : "middle"}
          >
            {d.day.slice(5)}
          </text>
        ) : null,
      )}
      {days.map((d, i) => (
        <rect x={(x(i) - slot / 2).toFixed(1)} y="0" width={slot.toFixed(1)} height={height - 18} fill="transparent">
          <title>{`${d.day} ${c.chartVisits} ${d.visits} · ${c.chartUnique} ${d.unique_visits} · ${c.chartOrders} ${d.orders} · ${c.chartSales} ${formatCny(d.sales_cents)}`}</title>
        </rect>
      ))}
    </svg>
  );
}

export function AdminChart(props: { days: DashboardDay[] }) {
  const c = ta.dashboard;
  return (
    <div class="a-chart">
      <div class="a-legend">
        <span>
          <i style={`background:${COLORS.visits}`} />
          {c.chartVisits}
        </span>
        <span>
          <i style={`background:${COLORS.unique}`} />
          {c.chartUnique}
        </span>
        <span>
          <i style={`background:${COLORS.orders}`} />
          {c.chartOrders}
        </span>
        <span>
          <i style={`background:${COLORS.sales}`} />
          {c.chartSales}
        </span>
      </div>
      <Drawing days={props.days} width={360} className="narrow" />
      <Drawing days={props.days} width={720} className="wide" />
    </div>
  );
}
