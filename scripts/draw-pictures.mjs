// Draws the demo catalogue's pictures as small SVGs into public/img/ (run once; output committed).
import { mkdirSync, writeFileSync } from "node:fs";

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
