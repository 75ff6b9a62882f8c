// The parts of the official `stripe` package the store runs, by path: its webhook signature check
// (WebCrypto), its request encoding, its errors and the API version it was built for. The package's
// own entry registers every one of Stripe's ~150 resources, 249 KiB of the minified bundle that each
// cold isolate parses (BENCHMARKS.md); these modules are a few KiB. Its exports do not name them.
export { createWebhooks } from "../../node_modules/stripe/esm/Webhooks.js";
export { SubtleCryptoProvider } from "../../node_modules/stripe/esm/crypto/SubtleCryptoProvider.js";
export { WebPlatformFunctions } from "../../node_modules/stripe/esm/platform/WebPlatformFunctions.js";
export { queryStringifyRequestData } from "../../node_modules/stripe/esm/utils.js";
export {
  StripeConnectionError,
  StripeInvalidRequestError,
  generateV1Error,
} from "../../node_modules/stripe/esm/Error.js";
export { ApiVersion } from "../../node_modules/stripe/esm/apiVersion.js";
