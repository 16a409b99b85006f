import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { ErreurNonAuthentifie, ErreurTropDeRequetes } from "../erreurs.js";
import { casUsage, Refus } from "../pipeline.js";
import type { Compte } from "../ports.js";

export const hacherJeton = (jeton: string) => createHash("sha256").update(jeton).digest("base64url");

const MESSAGE_ECHEC = "Adresse électronique ou mot de passe incorrect.";

/** Fenêtre d'une minute pour les limites de débit, partagée entre processus par la base. */
export const fenetreMinute = (d: Date) => d.toISOString().slice(0, 16);

export const seConnecter = casUsage({
  nom: "session.connexion",
  entree: z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
    motDePasse: z.string().min(1, "Saisissez votre mot de passe.").max(256, "Le mot de passe est trop long."),
  }),
  autoriser: () => ({}),
  async executer({ entree, acteur, depots, services }) {
    const maintenant = services.horloge.maintenant();
    const p = services.parametres;
    const tentatives = await depots.limites.incrementer(`connexion:${acteur.ip}`, fenetreMinute(maintenant));
    if (tentatives > p.rateLimitConnexion) throw new ErreurTropDeRequetes();

    const compte = await depots.comptes.parEmailAvecSecret(entree.email);
    if (!compte?.actif || !compte.hashMotDePasse) {
      // Même durée de calcul qu'un vrai contrôle : on ne révèle pas quels comptes existent.
      await services.hachage.verifier(null, entree.motDePasse);
      return new Refus(new ErreurNonAuthentifie(MESSAGE_ECHEC));
    }
    if (compte.verrouilleJusquA && compte.verrouilleJusquA > maintenant.toISOString()) {
      const minutes = Math.ceil((Date.parse(compte.verrouilleJusquA) - maintenant.getTime()) / 60_000);
      return new Refus(
        new ErreurTropDeRequetes(
          `Ce compte est temporairement verrouillé après plusieurs essais infructueux. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""} ou réinitialisez votre mot de passe.`,
          minutes * 60,
        ),
      );
    }
    if (!(await services.hachage.verifier(compte.hashMotDePasse, entree.motDePasse))) {
      const echecs = compte.echecsConnexion + 1;
      const verrou =
        echecs >= p.verrouillageEchecs
          ? new Date(maintenant.getTime() + p.verrouillageMinutes * 60_000).toISOString()
          : null;
      await depots.comptes.enregistrerEchecConnexion(compte.id, verrou);
      return new Refus(new ErreurNonAuthentifie(MESSAGE_ECHEC));
    }
    await depots.comptes.reinitialiserEchecs(compte.id);
    const jeton = randomBytes(32).toString("base64url");
    const jetonCsrf = randomBytes(24).toString("base64url");
    const expireLe = new Date(maintenant.getTime() + p.sessionHeures * 3_600_000).toISOString();
    await depots.sessions.creer({
      id: hacherJeton(jeton),
      compteId: compte.id,
      jetonCsrf,
      creeLe: maintenant.toISOString(),
      expireLe,
    });
    const { hashMotDePasse: _, ...sansSecret } = compte;
    return { jeton, jetonCsrf, expireLe, compte: sansSecret as Compte };
  },
  audit: (_e, r) => ({
    beneficiaireId: r.compte.role === "beneficiaire" ? r.compte.id : null,
    objetType: "compte",
    objetId: r.compte.id,
  }),
});
