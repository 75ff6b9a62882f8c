// The renderer's entry, loaded only by the poster and chat-card routes: scripts/build-client.mjs
// builds it to worker/lazy/render.mjs, which wrangler uploads beside the worker as a module of its
// own (wrangler.toml `rules`), so the redirect and the pages never parse its code into their bundle.
import { drawCard, drawPoster, type CardInput, type PosterInput } from "./layouts";
import { decodePng, encodePng } from "./png";
import { TtfFont } from "./ttf";

export { CARD, PHOTO_SIZE, POSTER } from "./layouts";

/** Noto Sans CJK SC, subset to GB2312 + ASCII (scripts/subset-font.py); a static asset. */
export const FONT_PATH = "/fonts/NotoSansSC-Regular-gb.ttf";

let font: Promise<TtfFont> | null = null;

/** The font from static assets, parsed once per isolate (its tables are read on demand). */
function loadFont(assets: Fetcher): Promise<TtfFont> {
  font ??= assets.fetch(new URL(FONT_PATH, "https://assets.local")).then(async (res) => {
    if (!res.ok) throw new Error(`the font ${FONT_PATH} answered ${res.status}`);
    return new TtfFont(await res.arrayBuffer());
  });
  font.catch(() => (font = null));
  return font;
}

type WithPhoto<T> = Omit<T, "photo"> & { /** the product picture as a 750×750 PNG */ photoPng: Uint8Array | null };

async function photoOf(png: Uint8Array | null) {
  return png ? decodePng(png) : null;
}

/** A distributor's poster as PNG bytes. */
export async function posterPng(assets: Fetcher, input: WithPhoto<PosterInput>): Promise<Uint8Array<ArrayBuffer>> {
  const [loaded, photo] = await Promise.all([loadFont(assets), photoOf(input.photoPng)]);
  const canvas = drawPoster(loaded, { ...input, photo });
  return encodePng(canvas.data, canvas.width, canvas.height);
}

/** A product's chat card as PNG bytes (the caller stores it as JPEG). */
export async function cardPng(assets: Fetcher, input: WithPhoto<CardInput>): Promise<Uint8Array<ArrayBuffer>> {
  const [loaded, photo] = await Promise.all([loadFont(assets), photoOf(input.photoPng)]);
  const canvas = drawCard(loaded, { ...input, photo });
  return encodePng(canvas.data, canvas.width, canvas.height);
}
