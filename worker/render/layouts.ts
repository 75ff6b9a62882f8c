// The two pictures the store draws: a distributor's poster (750×1334 PNG, the link's QR code on it)
// and a product's chat card (750×750, the picture with its price), on the store's warm red.
import { encode } from "uqr";
import { promote as t } from "../../storefront/i18n/zh-CN/promote";
import { Canvas } from "./canvas";
import type { Bitmap } from "./png";
import type { TtfFont } from "./ttf";

export const POSTER = { width: 750, height: 1334 } as const;
export const CARD = { width: 750, height: 750 } as const;
/** The product picture's square on both, made to this size by the Images binding. */
export const PHOTO_SIZE = 750;

const RED = "#d0252a";
const INK = "#222222";
const GREY = "#5c5c5c";
const TINT = "#fff1f0";
const MARGIN = 40;
/** The QR code's side; its modules are whole pixels, so it comes out a little smaller. */
const QR_SIDE = 250;

export type PosterInput = {
  storeName: string;
  title: string;
  /** Already formatted (¥59.00); null on a poster of the whole store. */
  price: string | null;
  /** The distributor; null on a poster without a distributor's link. */
  nickname: string | null;
  /** What the QR code opens. */
  url: string;
  photo: Bitmap | null;
};

export type CardInput = { storeName: string; title: string; price: string | null; photo: Bitmap | null };

/** The poster: picture, title, price, who recommends it and the QR code of their link. */
export function drawPoster(font: TtfFont, p: PosterInput): Canvas {
  const c = new Canvas(POSTER.width, POSTER.height);
  photoOrPlaceholder(c, font, p.photo, p.storeName);
  const lines = c.wrap(font, p.title, 40, POSTER.width - 2 * MARGIN, 2);
  lines.forEach((line, i) => c.text(font, line, MARGIN, 820 + i * 56, 40, INK, { bold: 1.2 }));
  if (p.price !== null) c.text(font, p.price, MARGIN, 820 + lines.length * 56 + 70, 64, RED, { bold: 1.6 });
  const band = 1034;
  c.fillRect(0, band, POSTER.width, POSTER.height - band, TINT);
  const who = p.nickname ? t.posterRecommends(p.nickname) : t.posterRecommendsAnyone;
  c.text(font, who, MARGIN, band + 96, 34, INK, { bold: 0.8 });
  c.text(font, t.posterScan, MARGIN, band + 151, 26, GREY);
  c.text(font, p.storeName, MARGIN, band + 226, 26, RED, { bold: 0.8 });
  const qr = encode(p.url, { ecc: "M", border: 2 });
  const module = Math.floor(QR_SIDE / qr.size);
  const side = module * qr.size;
  const left = POSTER.width - MARGIN - side;
  c.fillRect(left, band + 25, side, side, "#ffffff");
  c.qr(qr.data, left, band + 25, module);
  return c;
}

/** The chat card: the picture, a price tag and the title on a dark band chat apps draw it under. */
export function drawCard(font: TtfFont, p: CardInput): Canvas {
  const c = new Canvas(CARD.width, CARD.height);
  photoOrPlaceholder(c, font, p.photo, p.storeName);
  const band = 130;
  c.fillRect(0, CARD.height - band, CARD.width, band, "#000000a6");
  const [title = ""] = c.wrap(font, p.title, 38, CARD.width - 60, 1);
  c.text(font, title, 30, CARD.height - 50, 38, "#ffffff", { bold: 1 });
  if (p.price !== null) {
    const width = c.measure(font, p.price, 72) + 50;
    c.roundRect(24, CARD.height - band - 120, width, 100, 20, RED);
    c.text(font, p.price, 24 + width / 2, CARD.height - band - 43, 72, "#ffffff", { align: "center", bold: 1.8 });
  }
  return c;
}

function photoOrPlaceholder(c: Canvas, font: TtfFont, photo: Bitmap | null, storeName: string) {
  if (photo && photo.width === PHOTO_SIZE && photo.height === PHOTO_SIZE) return c.drawImage(photo, 0, 0);
  c.fillRect(0, 0, PHOTO_SIZE, PHOTO_SIZE, TINT);
  c.text(font, storeName, PHOTO_SIZE / 2, PHOTO_SIZE / 2 + 30, 90, RED, { align: "center", bold: 2 });
}
