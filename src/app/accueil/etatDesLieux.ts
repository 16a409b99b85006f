import { z } from "zod";
import { DECISIONS_NIVEAU1 } from "../../domain/orientation.js";
import { chargerParcoursAutorise } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurConflit } from "../erreurs.js";
import { idParcours, sujetParcours } from "../parcours/commun.js";
import { casUsage, exigerConnecte } from "../pipeline.js";
import type { EtatDesLieux } from "../ports.js";

/**
 * État des lieux de niveau 1 : la demande, le besoin tel qu'il a été clarifié, l'information donnée, la décision de la
 * personne (poursuivre ou non) et l'orientation. Rempli par le personnel de l'opérateur, lu aussi par le bénéficiaire ;
 * la synthèse du parcours le reprend (docs/synthese.md, champs `niveau1`).
 */

export const lireEtatDesLieux = casUsage({
  nom: "parcours.etat_des_lieux.lire",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots }): Promise<{ etatDesLieux: EtatDesLieux | null }> {
    return { etatDesLieux: (await depots.etatsDesLieux.lire(entree.id)) ?? null };
  },
});

const rubrique = (libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .min(1, `${libelle} : rubrique obligatoire.`)
    .max(4000, `${libelle} : 4000 caractères au plus.`);

export const enregistrerEtatDesLieux = casUsage({
  nom: "parcours.etat_des_lieux.enregistrer",
  entree: z
    .object({
      id: idParcours,
      /** 0 : première saisie ; sinon la version lue (409 si elle a changé). */
      version: z
        .number({ error: "La version lue est obligatoire (0 pour une première saisie)." })
        .int()
        .min(0),
      demande: rubrique("La demande"),
      besoin: rubrique("Le besoin clarifié"),
      informations: rubrique("L'information donnée"),
      decision: z.enum(DECISIONS_NIVEAU1, {
        error: "Indiquez si la personne souhaite poursuivre le conseil ou s'arrêter là.",
      }),
      orientation: rubrique("L'orientation"),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    if (p.statut === "clos")
      throw new ErreurAccesRefuse("Ce parcours est clos : il ne peut plus être modifié.", sujetParcours(p));
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const { id, version, ...champs } = entree;
    const ok = await depots.etatsDesLieux.enregistrer(
      {
        parcoursId: id,
        ...champs,
        auteurId: acteur.compteId,
        modifieLe: services.horloge.maintenant().toISOString(),
      },
      version,
    );
    const actuel = await depots.etatsDesLieux.lire(id);
    if (!ok)
      throw new ErreurConflit(
        actuel
          ? `L'état des lieux a été modifié entre-temps (le ${new Date(actuel.modifieLe).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}). Rechargez-le pour voir la version à jour, puis refaites votre modification.`
          : "L'état des lieux n'existe plus sous cette version. Rechargez la page.",
        actuel?.version,
      );
    return { etatDesLieux: actuel! };
  },
});
