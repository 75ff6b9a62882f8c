// upng-js ships no types: the two calls the poster test makes.
declare module "upng-js" {
  type Image = { width: number; height: number };
  const UPNG: { decode(buffer: ArrayBuffer): Image; toRGBA8(image: Image): ArrayBuffer[] };
  export default UPNG;
}
