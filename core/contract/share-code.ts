// The shape of share and distributor codes: 8 characters a shopper can read aloud or retype.

/** Digits and letters without the look-alikes 0/O/o, 1/l/I: 56 symbols, 56^8 ≈ 9.7 × 10^13 codes. */
export const SHARE_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
export const SHARE_CODE_LENGTH = 8;
export const SHARE_CODE_PATTERN = new RegExp(`^[${SHARE_CODE_ALPHABET}]{${SHARE_CODE_LENGTH}}$`);

/** True when `code` could be a share code: anything else is refused without asking D1. */
export function isShareCode(code: string): boolean {
  return SHARE_CODE_PATTERN.test(code);
}
