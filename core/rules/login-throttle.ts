// Who may try a password now. Failures count per (phone, client address) and per address, never per
// phone alone: a stranger's wrong guesses must not lock the owner out of their own account.

export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Wrong passwords for one phone from one address within the window; then that pair waits. */
export const FAILURES_PER_PHONE_AND_ADDRESS = 10;
/** Wrong passwords from one address, for any phones, within the window; then that address waits. */
export const FAILURES_PER_ADDRESS = 50;

/** @returns true when this phone may not be tried from this address now, the right password included. */
export function loginThrottled(recent: { phoneAndAddress: number; address: number }): boolean {
  return recent.phoneAndAddress >= FAILURES_PER_PHONE_AND_ADDRESS || recent.address >= FAILURES_PER_ADDRESS;
}
