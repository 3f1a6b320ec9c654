import bcrypt from "bcryptjs";

// bcrypt at cost 10: ~60 ms per check here, slow enough for stolen hashes, fast enough for sign-in.
const COST = 10;

/**
 * A hash of no one's password, at the same cost as real ones: sign-in compares against it when the
 * email is unknown, so an unknown email and a wrong password take the same time. If COST changes,
 * this must be made again (password.test.ts checks that they agree).
 */
export const UNKNOWN_USER_HASH = "$2b$10$bposlkmxF5neUZyh.v1Zy.zZemDuYnOJvkuCg6xT3E/2RRjCnv2KK";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** bcrypt's own comparison, which takes the same time whichever character differs. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** The cost a hash was made with (2^cost rounds): what its checks take time by. */
export function costOf(hash: string): number {
  return bcrypt.getRounds(hash);
}
