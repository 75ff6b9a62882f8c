// The production bundles the bench copies into dist/, imported as text (wrangler.toml's rules).
declare module "*.bundle.js" {
  const source: string;
  export default source;
}
