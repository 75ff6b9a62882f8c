// The QR poster a distributor saves and sends: store, product title, price, and the link's QR code.
import { encode } from "uqr";
import { formatCny } from "../format";
import { t } from "../i18n";

export type SharePosterProps = {
  /** The absolute short link the QR code opens. */
  url: string;
  title: string;
  /** null: a poster for the whole store, without a price. */
  priceCents: number | null;
};

const WIDTH = 600;
const HEIGHT = 900;
const QR_SIZE = 360;
const FONT = `-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif`;
/** Title width in CJK characters per line; Latin letters and digits count about half. */
const TITLE_LINE_UNITS = 14;
const TITLE_LINES = 2;

export function SharePoster(props: SharePosterProps) {
  const qr = encode(props.url, { ecc: "M", border: 2 });
  const scale = QR_SIZE / qr.size;
  const lines = wrapTitle(props.title);
  const priceY = 200 + lines.length * 48 + 40;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      font-family={FONT}
    >
      <rect width={WIDTH} height={HEIGHT} fill="#fff" />
      <rect width={WIDTH} height="140" fill="#e4393c" />
      <text x={WIDTH / 2} y="74" fill="#fff" font-size="40" font-weight="700" text-anchor="middle">
        {t.storeName}
      </text>
      <text x={WIDTH / 2} y="114" fill="#fff" font-size="22" text-anchor="middle" opacity=".9">
        {t.tagline}
      </text>
      {lines.map((line, i) => (
        <text x={WIDTH / 2} y={210 + i * 48} fill="#222" font-size="36" font-weight="600" text-anchor="middle">
          {line}
        </text>
      ))}
      {props.priceCents !== null && (
        <text x={WIDTH / 2} y={priceY} fill="#e4393c" font-size="52" font-weight="700" text-anchor="middle">
          {formatCny(props.priceCents)}
        </text>
      )}
      <g transform={`translate(${(WIDTH - QR_SIZE) / 2} 400) scale(${scale})`}>
        <path d={qrPath(qr.data)} fill="#000" shape-rendering="crispEdges" />
      </g>
      <text x={WIDTH / 2} y="812" fill="#555" font-size="26" text-anchor="middle">
        {t.posterScan}
      </text>
      <text x={WIDTH / 2} y="852" fill="#999" font-size="18" text-anchor="middle">
        {props.url}
      </text>
    </svg>
  );
}

/** The dark modules as one path, a rectangle per horizontal run: a few KB for a typical link. */
function qrPath(data: boolean[][]): string {
  let d = "";
  data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      let run = 1;
      while (row[x + run]) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  });
  return d;
}

/** At most two lines, the second ending in "…" when the title is longer. */
function wrapTitle(title: string): string[] {
  const lines: string[] = [];
  let line = "";
  let units = 0;
  for (const ch of title) {
    const w = /[\x20-\x7e]/.test(ch) ? 0.55 : 1;
    if (units + w > TITLE_LINE_UNITS) {
      lines.push(line);
      if (lines.length === TITLE_LINES) {
        lines[TITLE_LINES - 1] = `${Array.from(line).slice(0, -1).join("")}…`;
        return lines;
      }
      line = "";
      units = 0;
    }
    line += ch;
    units += w;
  }
  if (line) lines.push(line);
  return lines;
}
