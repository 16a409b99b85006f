import { randomBytes } from "node:crypto";
import { z } from "zod";
import { raisonRefusMotDePasse } from "../../domain/motDePasse.js";
import { ErreurValidation } from "../erreurs.js";
import { casUsage, exigerConnecte, type ServicesApp } from "../pipeline.js";
import type { Compte, Depots } from "../ports.js";
import { hacherJeton } from "./seConnecter.js";

const VALIDITE_JETON_MINUTES = 60;

/** Crée un jeton à usage unique et envoie le lien pour choisir un mot de passe (réinitialisation ou activation). */
export async function envoyerLienMotDePasse(
  depots: Depots,
  services: ServicesApp,
  compte: Pick<Compte, "id" | "email" | "prenom">,
  texte: { sujet: string; introduction: string; validiteMinutes: number },
) {
  const jeton = randomBytes(32).toString("base64url");
  const maintenant = services.horloge.maintenant();
  await depots.jetons.creer({
    hash: hacherJeton(jeton),
    compteId: compte.id,
    creeLe: maintenant.toISOString(),
    expireLe: new Date(maintenant.getTime() + texte.validiteMinutes * 60_000).toISOString(),
  });
  const lien = `${services.parametres.publicUrl}/reinitialisation?jeton=${encodeURIComponent(jeton)}`;
  const duree =
    texte.validiteMinutes >= 1440
      ? `${Math.round(texte.validiteMinutes / 1440)} jours`
      : `${texte.validiteMinutes} minutes`;
  await services.messagerie.envoyer({
    a: compte.email,
    sujet: texte.sujet,
    texte: [
      `Bonjour ${compte.prenom},`,
      "",
      texte.introduction,
      `Pour choisir votre mot de passe, ouvrez ce lien (valable ${duree}, utilisable une seule fois) :`,
      lien,
      "",
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne change sur votre compte.",
    ].join("\n"),
  });
}

/**
 * Demande de réinitialisation : la réponse est toujours la même, que le compte existe ou non
 * (on ne révèle pas qui a un compte). Le lien à usage unique est envoyé par courriel.
 */
export const demanderReinitialisation = casUsage({
  nom: "mot_de_passe.demande_reinitialisation",
  entree: z.object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
  }),
  autoriser: () => ({}),
  async executer({ entree, depots, services }) {
    const compte = await depots.comptes.parEmailAvecSecret(entree.email);
    if (!compte?.actif) return { compteId: null as string | null };
    await envoyerLienMotDePasse(depots, services, compte, {
      sujet: "Réinitialisation de votre mot de passe — Conseil en évolution professionnelle",
      introduction: "Vous avez demandé à réinitialiser le mot de passe de votre compte CEP.",
      validiteMinutes: VALIDITE_JETON_MINUTES,
    });
    return { compteId: compte.id as string | null, role: compte.role };
  },
  audit: (_e, r) => ({
    beneficiaireId: r.role === "beneficiaire" ? r.compteId : null,
    objetType: "compte",
    objetId: r.compteId,
  }),
});

export const reinitialiserMotDePasse = casUsage({
  nom: "mot_de_passe.reinitialisation",
  entree: z.object({
    jeton: z.string().min(20, "Le lien de réinitialisation est incomplet.").max(200),
    motDePasse: z.string(),
  }),
  autoriser: () => ({}),
  async executer({ entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const compteId = await depots.jetons.consommer(hacherJeton(entree.jeton), maintenant);
    if (!compteId)
      throw new ErreurValidation(
        [{ champ: "jeton", message: "Ce lien a expiré ou a déjà servi. Demandez un nouveau lien." }],
        "Ce lien de réinitialisation n'est plus valable.",
      );
    const compte = await depots.comptes.parId(compteId);
    const raison = raisonRefusMotDePasse(entree.motDePasse, compte?.email);
    if (raison) throw new ErreurValidation([{ champ: "motDePasse", message: raison }]);
    await depots.comptes.changerMotDePasse(compteId, await services.hachage.hacher(entree.motDePasse));
    await depots.comptes.reinitialiserEchecs(compteId);
    // Toutes les sessions ouvertes sont fermées : un mot de passe volé ne garde pas la main.
    await depots.sessions.supprimerPourCompte(compteId);
    return { compteId, role: compte?.role };
  },
  audit: (_e, r) => ({
    beneficiaireId: r.role === "beneficiaire" ? r.compteId : null,
    objetType: "compte",
    objetId: r.compteId,
  }),
});

export const seDeconnecter = casUsage({
  nom: "session.deconnexion",
  entree: z.object({ sessionId: z.string() }),
  autoriser: ({ acteur }) => {
    exigerConnecte(acteur);
    return {
      objetType: "compte",
      objetId: acteur.compteId,
      beneficiaireId: acteur.role === "beneficiaire" ? acteur.compteId : null,
    };
  },
  async executer({ entree, depots }) {
    await depots.sessions.supprimer(entree.sessionId);
    return { ok: true };
  },
});
