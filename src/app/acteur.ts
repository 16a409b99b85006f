import type { Role } from "../domain/organisation.js";

/** Qui agit : une personne connectée (avec son rôle et son opérateur) ou un visiteur anonyme. */
export type Acteur =
  | { type: "anonyme"; ip: string }
  /** Les tâches planifiées (rappels, anonymisation), lancées par `cep` ou le minuteur de `serve`. */
  | { type: "systeme"; ip: string }
  | {
      type: "compte";
      compteId: string;
      role: Role;
      operateurId: string | null;
      ip: string;
    };

export type ActeurConnecte = Extract<Acteur, { type: "compte" }>;

export const anonyme = (ip = "inconnue"): Acteur => ({ type: "anonyme", ip });

export const systeme: Acteur = { type: "systeme", ip: "local" };
