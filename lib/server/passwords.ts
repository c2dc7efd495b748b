import "server-only";
import bcrypt from "bcryptjs";
import { env } from "@/lib/env.ts";

// bcrypt cost 12: ~250 ms on these machines, slow enough for offline guessing, fast enough to sign in.
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
