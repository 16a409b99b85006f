import { z } from "zod";
import { chargerParcoursAutorise, exigerRole } from "../autorisations.js";
import { casUsage } from "../pipeline.js";
import type { Compte, Depots, Parcours } from "../ports.js";

/** Vue d'un parcours avec les noms utiles à l'écran (bénéficiaire, référent, opérateur). */
export interface VueParcours extends Parcours {
  beneficiaire: Pick<Compte, "id" | "prenom" | "nom" | "email" | "demo">;
  referent: Pick<Compte, "id" | "prenom" | "nom"> | null;
  operateur: { id: string; nom: string };
}

async function vue(depots: Depots, p: Parcours): Promise<VueParcours> {
  const [b, r, o] = await Promise.all([
    depots.comptes.parId(p.beneficiaireId),
    p.referentId ? depots.comptes.parId(p.referentId) : undefined,
    depots.operateurs.parId(p.operateurId),
  ]);
  return {
    ...p,
    beneficiaire: { id: b!.id, prenom: b!.prenom, nom: b!.nom, email: b!.email, demo: b!.demo },
    referent: r ? { id: r.id, prenom: r.prenom, nom: r.nom } : null,
    operateur: { id: o!.id, nom: o!.nom },
  };
}

export const lireParcours = casUsage({
  nom: "parcours.lire",
  entree: z.object({ id: z.uuid("Identifiant de parcours invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id);
    return { beneficiaireId: p.beneficiaireId, objetType: "parcours", objetId: p.id };
  },
  async executer({ entree, depots }) {
    return vue(depots, (await depots.parcours.parId(entree.id))!);
  },
});

/**
 * Les parcours visibles par la personne connectée : les siens pour un bénéficiaire,
 * ceux de son opérateur pour un conseiller ou un responsable (`mesDossiers` : ceux dont on est référent).
 */
export const listerParcours = casUsage({
  nom: "parcours.lister",
  entree: z.object({ mesDossiers: z.boolean().optional() }),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire", "conseiller", "responsable");
    return {};
  },
  async executer({ acteur, entree, depots }) {
    const a = exigerRole(acteur, "beneficiaire", "conseiller", "responsable");
    const liste =
      a.role === "beneficiaire"
        ? await depots.parcours.listerParBeneficiaire(a.compteId)
        : await depots.parcours.listerParOperateur(
            a.operateurId!,
            entree.mesDossiers ? { referentId: a.compteId } : {},
          );
    return Promise.all(liste.map((p) => vue(depots, p)));
  },
  audit: (_e, r) => ({
    objetType: "parcours",
    details: { nombre: r.length },
    // Une liste de dossiers révèle des données personnelles : pour un bénéficiaire, c'est les siennes.
    beneficiaireId:
      r.length > 0 && r.every((p) => p.beneficiaireId === r[0]!.beneficiaireId) ? r[0]!.beneficiaireId : null,
  }),
});
