// `npm run bench:render`: the CPU a poster and a chat card cost the renderer (worker/render/, the
// lazily loaded module that scripts/build-client.mjs builds), in Node's V8 as workerd runs it:
// the first of each in a fresh process (the font parsed, code not yet optimised), then the median
// of 20 more. What the Images binding and R2 cost around it is not counted.
import { readFileSync } from "node:fs";
import sharp from "sharp";

const RUNS = 20;
const renderer = await import("../worker/lazy/render.mjs");
const font = readFileSync("public/fonts/NotoSansSC-Regular-gb.ttf");
const assets = { fetch: async () => new Response(font) };
// the 750×750 PNG the Images binding makes of a cover; sharp here
const photoPng = new Uint8Array(await sharp("public/img/tea.jpg").resize(750, 750).png().toBuffer());
const poster = {
  storeName: "拼拼小店",
  title: "西湖龙井 明前特级 100g 罐装密封，送礼自饮皆宜",
  price: "¥168.00",
  nickname: "小美推广",
  url: "https://shop.example.com/s/Xk7pQm2R",
  photoPng,
};
const card = { storeName: "拼拼小店", title: poster.title, price: poster.price, photoPng };

async function measure(name, draw) {
  const cpu = () => process.cpuUsage().user / 1000;
  let t = cpu();
  const first = await draw();
  const firstMs = cpu() - t;
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    t = cpu();
    await draw();
    times.push(cpu() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[RUNS >> 1];
  console.log(
    `| ${name} | ${firstMs.toFixed(0)} ms | ${median.toFixed(0)} ms | ${(first.length / 1024).toFixed(0)} KB |`,
  );
}

console.log("| picture | first, fresh process (CPU) | median of 20 (CPU) | PNG |");
console.log("| --- | ---: | ---: | ---: |");
await measure("poster 750×1334", () => renderer.posterPng(assets, poster));
await measure("chat card 750×750", () => renderer.cardPng(assets, card));
