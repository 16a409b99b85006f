import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { HachageMotDePasse } from "../app/ports.js";

/** argon2id, paramètres OWASP 2024 (19 Mio, 2 passes, 1 fil). */
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function creerHachage(): HachageMotDePasse {
  let leurre: Promise<string> | undefined;
  return {
    hacher: (motDePasse) => hash(motDePasse, OPTIONS),
    async verifier(h, motDePasse) {
      if (h === null) {
        leurre ??= hash(randomBytes(16).toString("hex"), OPTIONS);
        await verify(await leurre, motDePasse).catch(() => false);
        return false;
      }
      return verify(h, motDePasse).catch(() => false);
    },
  };
}
