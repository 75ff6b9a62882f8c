// Draws the demo catalogue's pictures into public/img/ (run once; the output is committed): each as
// a small SVG drawing, then as the 800×800 JPEG the store shows and chat apps draw in link cards
// (they draw no SVG), with the placeholder of a product without a picture and the store's own card.
// `node scripts/draw-pictures.mjs`. The drawings' Chinese text needs CJK fonts on the machine
// (Debian: fonts-noto-cjk); sharp (librsvg) rasterises them, the same bytes on every run.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const PICTURE_PX = 800;
/** The store's chat card for pages that are no product's (STORE_CARD in storefront/og-image.ts). */
const STORE_CARD_PX = 750;

if (!execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim()) {
  throw new Error(
    "no CJK font on this machine: the drawings' text would come out as boxes (apt-get install fonts-noto-cjk)",
  );
}

const pictures = {
  coffee: [
    "#6f4e37",
    "#c8a27a",
    `<ellipse cx="200" cy="210" rx="70" ry="95" fill="#4a2c1a" transform="rotate(-25 200 210)"/><path d="M160 140 Q215 210 240 285" stroke="#c8a27a" stroke-width="10" fill="none"/>`,
  ],
  rice: [
    "#f5e6c8",
    "#d9b26f",
    `<rect x="120" y="110" width="160" height="200" rx="20" fill="#fff"/><text x="200" y="230" font-size="64" text-anchor="middle" fill="#b8860b">米</text>`,
  ],
  apple: [
    "#ffe3e0",
    "#e4393c",
    `<circle cx="200" cy="220" r="95" fill="#d62828"/><path d="M200 130 Q210 95 240 90" stroke="#5a3" stroke-width="10" fill="none"/>`,
  ],
  tea: [
    "#e6f4ea",
    "#4caf50",
    `<path d="M200 90 Q300 200 200 310 Q100 200 200 90Z" fill="#2e7d32"/><path d="M200 110 L200 300" stroke="#a5d6a7" stroke-width="6"/>`,
  ],
  honey: [
    "#fff4d6",
    "#f4a300",
    `<rect x="135" y="130" width="130" height="170" rx="24" fill="#f4a300"/><rect x="150" y="100" width="100" height="35" rx="8" fill="#8d5a00"/>`,
  ],
  jerky: [
    "#fbe9e7",
    "#8d3b2b",
    `<rect x="110" y="150" width="180" height="60" rx="18" fill="#7b2e1e" transform="rotate(-12 200 180)"/><rect x="120" y="220" width="170" height="55" rx="18" fill="#9c3d28" transform="rotate(8 200 250)"/>`,
  ],
  bedding: [
    "#e8eaf6",
    "#5c6bc0",
    `<rect x="90" y="170" width="220" height="110" rx="14" fill="#7986cb"/><rect x="110" y="130" width="80" height="50" rx="14" fill="#fff"/><rect x="210" y="130" width="80" height="50" rx="14" fill="#fff"/>`,
  ],
  earbuds: [
    "#eceff1",
    "#263238",
    `<circle cx="155" cy="200" r="45" fill="#263238"/><circle cx="245" cy="200" r="45" fill="#263238"/><rect x="145" y="235" width="20" height="70" rx="10" fill="#263238"/><rect x="235" y="235" width="20" height="70" rx="10" fill="#263238"/>`,
  ],
  books: [
    "#fff8e1",
    "#ff7043",
    `<rect x="110" y="120" width="55" height="180" fill="#ff7043"/><rect x="172" y="120" width="55" height="180" fill="#42a5f5"/><rect x="234" y="120" width="55" height="180" fill="#66bb6a"/>`,
  ],
  thermos: [
    "#e0f7fa",
    "#00838f",
    `<rect x="160" y="110" width="80" height="200" rx="30" fill="#00838f"/><rect x="165" y="90" width="70" height="30" rx="10" fill="#004d55"/>`,
  ],
};

mkdirSync("public/img", { recursive: true });
for (const [name, [bg, accent, art]] of Object.entries(pictures)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg}"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/><circle cx="330" cy="70" r="40" fill="${accent}" opacity=".15"/>${art}</svg>\n`;
  writeFileSync(`public/img/${name}.svg`, svg);
}
writeFileSync(
  "public/img/logo.svg",
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><rect width="400" height="400" rx="80" fill="#e4393c"/><text x="200" y="250" font-size="150" text-anchor="middle" fill="#fff" font-family="sans-serif">拼</text></svg>\n`,
);

const FONT = `font-family="Noto Sans CJK SC,sans-serif"`;
const placeholder = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff1f0"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/><path d="M140 160h120l-10 140H150Z" fill="none" stroke="#f0b4b2" stroke-width="12" stroke-linejoin="round"/><path d="M170 160v-20a30 30 0 0 1 60 0v20" fill="none" stroke="#f0b4b2" stroke-width="12"/><text x="200" y="350" font-size="26" text-anchor="middle" fill="#c9898a" ${FONT}>拼拼小店</text></svg>\n`;
const storeCard = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d0252a"/><stop offset="1" stop-color="#b8360c"/></linearGradient></defs><rect width="400" height="400" fill="url(#g)"/><rect x="130" y="70" width="140" height="140" rx="32" fill="#fff"/><text x="200" y="172" font-size="92" text-anchor="middle" fill="#d0252a" font-weight="700" ${FONT}>拼</text><text x="200" y="280" font-size="44" text-anchor="middle" fill="#fff" font-weight="700" ${FONT}>拼拼小店</text><text x="200" y="326" font-size="22" text-anchor="middle" fill="#fff" ${FONT}>好物分享 · 边逛边赚</text></svg>\n`;
writeFileSync("public/img/placeholder.svg", placeholder);
writeFileSync("public/img/store-card.svg", storeCard);

/** An SVG drawn at `px` square as a JPEG; density draws the 400-unit viewBox at full size, sharp. */
async function toJpeg(name, px) {
  await sharp(`public/img/${name}.svg`, { density: (72 * px) / 400 })
    .resize(px, px, { fit: "cover" })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: 85, mozjpeg: true })
    .toFile(`public/img/${name}.jpg`);
}
for (const name of [...Object.keys(pictures), "placeholder"]) await toJpeg(name, PICTURE_PX);
await toJpeg("store-card", STORE_CARD_PX);
