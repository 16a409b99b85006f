import { z } from "zod";
import { exigerRole } from "../autorisations.js";
import { casUsage } from "../pipeline.js";

/** Ce que la page d'accueil de chaque rôle affiche : des chiffres honnêtes, zéro compris. */
export const lireAccueil = casUsage({
  nom: "accueil.lire",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire", "conseiller", "responsable", "admin");
    return {};
  },
  async executer({ acteur, depots }) {
    const a = exigerRole(acteur, "beneficiaire", "conseiller", "responsable", "admin");
    switch (a.role) {
      case "beneficiaire": {
        const parcours = await depots.parcours.listerParBeneficiaire(a.compteId);
        return {
          role: a.role,
          parcoursEnCours: parcours.filter((p) => p.statut !== "clos").length,
          parcoursTotal: parcours.length,
        };
      }
      case "conseiller": {
        const parcours = await depots.parcours.listerParOperateur(a.operateurId!, { referentId: a.compteId });
        return {
          role: a.role,
          dossiersSuivis: parcours.filter((p) => p.statut !== "clos").length,
          dossiersEnPause: parcours.filter((p) => p.statut === "en_pause").length,
        };
      }
      case "responsable": {
        const [parcours, personnel, sites, operateur] = await Promise.all([
          depots.parcours.listerParOperateur(a.operateurId!),
          depots.comptes.lister({ operateurId: a.operateurId!, role: "conseiller" }),
          depots.sites.listerParOperateur(a.operateurId!),
          depots.operateurs.parId(a.operateurId!),
        ]);
        return {
          role: a.role,
          operateur: operateur ? { id: operateur.id, nom: operateur.nom } : null,
          parcoursEnCours: parcours.filter((p) => p.statut !== "clos").length,
          sansReferent: parcours.filter((p) => p.referentId === null && p.statut !== "clos").length,
          conseillers: personnel.length,
          sites: sites.length,
        };
      }
      case "admin": {
        const operateurs = await depots.operateurs.lister();
        return { role: a.role, operateurs: operateurs.length, comptes: await depots.comptes.compter() };
      }
    }
  },
  audit: false,
});
