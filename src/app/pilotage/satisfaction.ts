import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import {
  LIBELLES_MOMENT_SATISFACTION,
  type MomentSatisfaction,
  SITUATIONS_SIX_MOIS,
} from "../../domain/indicateurs.js";
import { hacherJeton } from "../comptes/seConnecter.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Depots } from "../ports.js";

/**
 * Questionnaire de satisfaction (ticket 9) : envoyé par courriel à la clôture puis six mois après, rempli depuis un lien
 * à usage unique sans se connecter, rangé à part du dossier (aucune réponse ne se relie à un parcours) et exploité
 * seulement en agrégat. Une tâche quotidienne envoie les invitations ; un envoi manqué est rattrapé sur 30 jours.
 */
const JOUR = 86_400_000;
const RATTRAPAGE_JOURS = 30;
const VALIDITE_JOURS = 60;

/** Clé d'envoi : empreinte du parcours et du moment, pour n'inviter qu'une fois sans garder l'identifiant du dossier. */
const cleEnvoi = (parcoursId: string, moment: MomentSatisfaction) =>
  createHash("sha256").update(`satisfaction:${moment}:${parcoursId}`).digest("base64url");

const moisAvant = (d: Date, mois: number) => {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() - mois);
  return r;
};

export const envoyerQuestionnaires = casUsage({
  nom: "tache.satisfaction",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    if (acteur.type !== "systeme") throw new ErreurAccesRefuse("Tâche réservée à la plateforme.");
  },
  async executer({ depots, services }) {
    const maintenant = services.horloge.maintenant();
    const envois = { cloture: 0, six_mois: 0 };
    const fenetres: [MomentSatisfaction, Date][] = [
      ["cloture", maintenant],
      ["six_mois", moisAvant(maintenant, 6)],
    ];
    for (const [moment, fin] of fenetres) {
      const debut = new Date(fin.getTime() - RATTRAPAGE_JOURS * JOUR);
      for (const p of await depots.pilotage.closEntre(debut.toISOString(), fin.toISOString())) {
        if (!p.actif) continue;
        const jeton = randomBytes(32).toString("base64url");
        const cree = await depots.satisfaction.inviter({
          hash: hacherJeton(jeton),
          cleEnvoi: cleEnvoi(p.id, moment),
          operateurId: p.operateurId,
          codeRegion: p.codeRegion,
          moment,
          creeLe: maintenant.toISOString(),
          expireLe: new Date(maintenant.getTime() + VALIDITE_JOURS * JOUR).toISOString(),
        });
        if (!cree) continue;
        const lien = `${services.parametres.publicUrl}/satisfaction/${jeton}`;
        await services.messagerie.envoyer({
          a: p.email,
          sujet:
            moment === "cloture"
              ? "Votre avis sur votre conseil en évolution professionnelle"
              : "Six mois après votre conseil en évolution professionnelle : où en êtes-vous ?",
          texte: [
            `Bonjour ${p.prenom},`,
            "",
            moment === "cloture"
              ? "Votre parcours de conseil en évolution professionnelle est terminé. Trois questions, une minute : votre avis nous aide à améliorer le service."
              : "Votre parcours s'est terminé il y a six mois. Où en êtes-vous aujourd'hui ? Trois questions, une minute.",
            "",
            `Répondre (lien personnel, utilisable une seule fois, valable ${VALIDITE_JOURS} jours, sans vous connecter) :`,
            lien,
            "",
            "Vos réponses sont anonymes : elles sont rangées à part de votre dossier et ne servent qu'à des statistiques.",
          ].join("\n"),
        });
        envois[moment]++;
      }
    }
    return envois;
  },
  audit: (_e, r) => ({ objetType: "satisfaction", details: r }),
});

const jeton = z.string().min(10, "Ce lien n'est pas valide.").max(200, "Ce lien n'est pas valide.");

async function invitationValide(depots: Depots, j: string, maintenant: string) {
  const i = await depots.satisfaction.invitation(hacherJeton(j));
  if (!i)
    throw new ErreurIntrouvable("Ce lien de questionnaire n'est pas valide. Vérifiez qu'il est complet.");
  if (i.utiliseLe)
    throw new ErreurConflit(
      "Ce questionnaire a déjà reçu une réponse : un lien ne sert qu'une fois. Merci !",
    );
  if (i.expireLe < maintenant) throw new ErreurIntrouvable("Ce lien de questionnaire a expiré.");
  return i;
}

export const lireQuestionnaire = casUsage({
  nom: "satisfaction.lire",
  entree: z.object({ jeton }),
  autoriser: () => ({}),
  async executer({ entree, depots, services }) {
    const i = await invitationValide(depots, entree.jeton, services.horloge.maintenant().toISOString());
    return { moment: i.moment, libelle: LIBELLES_MOMENT_SATISFACTION[i.moment] };
  },
  audit: false,
});

export const repondreQuestionnaire = casUsage({
  nom: "satisfaction.repondre",
  entree: z.object({
    jeton,
    utilite: z.coerce
      .number({ error: "Indiquez l'utilité du conseil, de 1 à 5." })
      .int("Indiquez l'utilité du conseil, de 1 à 5.")
      .min(1, "Indiquez l'utilité du conseil, de 1 à 5.")
      .max(5, "Indiquez l'utilité du conseil, de 1 à 5."),
    recommande: z.boolean({ error: "Dites si vous recommanderiez le conseil en évolution professionnelle." }),
    situation: z
      .enum(SITUATIONS_SIX_MOIS, { error: "Choisissez votre situation actuelle." })
      .nullable()
      .default(null),
  }),
  autoriser: () => ({}),
  async executer({ entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const i = await invitationValide(depots, entree.jeton, maintenant);
    if (i.moment === "six_mois" && !entree.situation)
      throw new ErreurValidation([{ champ: "situation", message: "Choisissez votre situation actuelle." }]);
    if (!(await depots.satisfaction.utiliser(i.hash, maintenant)))
      throw new ErreurConflit(
        "Ce questionnaire a déjà reçu une réponse : un lien ne sert qu'une fois. Merci !",
      );
    await depots.satisfaction.repondre({
      id: randomUUID(),
      operateurId: i.operateurId,
      codeRegion: i.codeRegion,
      moment: i.moment,
      utilite: entree.utilite,
      recommande: entree.recommande,
      situation: i.moment === "six_mois" ? entree.situation : null,
      // Jour seulement : l'heure exacte aiderait à relier la réponse à l'envoi.
      creeLe: `${maintenant.slice(0, 10)}T00:00:00.000Z`,
    });
    return { merci: true };
  },
  audit: false,
});
