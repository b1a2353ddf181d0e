import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's defaults are argon2id, 19 MiB, 2 passes, 1 lane: OWASP's recommended minimum.
// (Its `Algorithm` is a const enum, which isolatedModules cannot import; the default is argon2id.)

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when there is no agent or no password, so a wrong address costs the same time
// as a wrong password and the answer's timing does not tell who has an account.
let decoy: Promise<string> | null = null;

/** Whether `password` matches `phc`; with no hash, spends the same work and answers false. */
export async function verifyPassword(phc: string | null, password: string): Promise<boolean> {
  if (!phc) {
    await verify(await (decoy ??= hash("sigap decoy password")), password).catch(() => false);
    return false;
  }
  try {
    return await verify(phc, password);
  } catch {
    // A malformed stored hash is a refused sign-in, not a fault the caller sees.
    return false;
  }
}
