// Makes the pictures the upload tests send (tests/fixtures/; run once, the output is committed): a
// 3000×2000 "photo" as JPEG, PNG and HEIC (HEVC, as an iPhone writes it), a small PNG, text named
// .jpg, a JPEG cut short, and an SVG. Needs sharp (a devDependency) and Debian's libheif-examples
// (heif-enc). `node scripts/make-picture-fixtures.mjs`
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import sharp from "sharp";

const DIR = "tests/fixtures";
const W = 3000;
const H = 2000;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="#f4a300"/><stop offset="1" stop-color="#2e7d32"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="1500" cy="1000" r="700" fill="#d62828"/><circle cx="900" cy="700" r="200" fill="#fff" opacity=".6"/></svg>`;
const photo = sharp(Buffer.from(svg));
writeFileSync(`${DIR}/photo.jpg`, await photo.clone().jpeg({ quality: 90 }).toBuffer());
writeFileSync(`${DIR}/photo.png`, await photo.clone().resize(1200).png().toBuffer());
const small = { width: 200, height: 120, channels: 4, background: "#0066ff80" };
writeFileSync(`${DIR}/small.png`, await sharp({ create: small }).png().toBuffer());
writeFileSync(`${DIR}/drawing.svg`, svg);
writeFileSync(`${DIR}/not-an-image.jpg`, "hello, I am text pretending to be a JPEG\n".repeat(20));
writeFileSync(`${DIR}/truncated.jpg`, (await photo.clone().jpeg().toBuffer()).subarray(0, 2000));
execFileSync("heif-enc", ["-q", "60", "-o", `${DIR}/photo.heic`, `${DIR}/photo.jpg`]);
console.log(`pictures written to ${DIR}/`);
