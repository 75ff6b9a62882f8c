// Fresh codes for share links and distributors, in the shape core/contract/share-code.ts defines.
import { customAlphabet } from "nanoid";
import { SHARE_CODE_ALPHABET, SHARE_CODE_LENGTH } from "../core/contract/share-code";

/** A fresh random code; too sparse to enumerate (a million guesses find a link ~1 time in 10^7 per link). */
export const newShareCode = customAlphabet(SHARE_CODE_ALPHABET, SHARE_CODE_LENGTH);
