import "server-only";
import bcrypt from "bcryptjs";

// bcrypt cost 12: ~250 ms on these machines, slow enough for offline guessing, fast enough to sign in.
const COST = Number(process.env.BCRYPT_COST ?? 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
