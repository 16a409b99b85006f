import type { DecisionNiveau1 } from "./orientation.js";
import type { ContenuSynthese } from "./synthese.js";

/**
 * De l'état des lieux de niveau 1 (saisi par le conseiller) aux champs `niveau1` du document de synthèse
 * (docs/synthese.md) : aucune ressaisie, la synthèse reprend la fiche telle quelle.
 */
export interface FicheNiveau1 {
  demande: string;
  besoin: string;
  informations: string;
  decision: DecisionNiveau1;
  orientation: string;
}

const DECISION_SYNTHESE: Record<DecisionNiveau1, NonNullable<ContenuSynthese["niveau1"]>["decision"]> = {
  poursuivre: "poursuivre",
  arreter: "ne_pas_poursuivre",
};

export function niveau1PourSynthese(f: FicheNiveau1): NonNullable<ContenuSynthese["niveau1"]> {
  return {
    demande: f.demande,
    besoinClarifie: f.besoin,
    // Une information par ligne (ou puce) saisie par le conseiller.
    informationsDonnees: f.informations
      .split(/\r?\n/)
      .map((l) => l.replace(/^\s*[-•*]\s*/, "").trim())
      .filter((l) => l !== ""),
    decision: DECISION_SYNTHESE[f.decision],
    orientation: f.orientation,
  };
}
