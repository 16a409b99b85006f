/**
 * Échéances dérivées des délais légaux d'un dispositif, comptées en jours calendaires à partir du début de l'action
 * (docs/financement.md, « Calendrier prévisionnel »). Partagées par la simulation publique et par le calendrier du
 * plan d'actions : le domaine dit seulement *quand* ; *si* l'échéance s'applique (éligibilité, ligne de financement
 * retenue) est décidé par l'appelant.
 */

import { type Echeance, type JoursFeries, qualifierEcheance } from "./calendrier.js";
import { ajouterJours, type DateIso } from "./dates.js";
import type { IdParametre } from "./parametres.js";

/** Lit un paramètre daté (à la date de référence, ou à `au`). */
export type LireParametre = (id: IdParametre, au?: DateIso) => number | null | undefined;

export interface ContexteEcheances {
  dateDebut: DateIso;
  dureeMois?: number;
  tempsPartiel?: boolean;
  /** Département (jours fériés d'Alsace-Moselle et d'outre-mer). */
  departement?: string;
  /** Pour marquer les échéances déjà passées. */
  aujourdhui: DateIso;
}

/** Les dispositifs qui ont des délais de demande : les autres n'ont pas d'échéance dérivée. */
export const DISPOSITIFS_AVEC_DELAIS = ["ptp", "periode_reconversion", "cpf", "conge_vae"] as const;
export type DispositifAvecDelais = (typeof DISPOSITIFS_AVEC_DELAIS)[number];

/**
 * La demande à faire avant le début et la réponse attendue après la demande, pour un dispositif :
 * - `ptp` : demande de congé à l'employeur 120 jours avant (absence continue ≥ 6 mois hors temps partiel), sinon 60 ;
 *   réponse 30 jours après (R6323-10) ;
 * - `periode_reconversion` : transmission à l'OPCO 30 jours avant, décision 20 jours après (R6324-1, R6324-2) ;
 * - `cpf` (sur le temps de travail) : demande d'absence 120 jours avant (formation ≥ 6 mois), sinon 60 ; réponse
 *   30 jours (D6323-4) ;
 * - `conge_vae` : demande 30 jours avant, réponse 15 jours (R6422-3, R6422-4).
 */
export function echeancesDispositif(
  id: DispositifAvecDelais,
  c: ContexteEcheances,
  P: LireParametre,
  feries: JoursFeries,
): Echeance[] {
  const echeance = (jours: number, depuis: DateIso, libelle: string, source: string) =>
    qualifierEcheance(
      { date: ajouterJours(depuis, jours), libelle, source },
      feries,
      c.departement,
      c.aujourdhui,
    );
  const demandeEtReponse = (
    avant: number,
    demande: { libelle: string; source: string },
    reponse: number,
    libelleReponse: string,
    sourceReponse: string,
  ) => {
    const d = echeance(-avant, c.dateDebut, demande.libelle, demande.source);
    return [d, echeance(reponse, d.date, libelleReponse, sourceReponse)];
  };
  switch (id) {
    case "ptp": {
      const longue = (c.dureeMois ?? 0) >= (P("ptp.seuilAbsenceLongueMois") ?? 6) && !c.tempsPartiel;
      const delai = longue
        ? (P("ptp.delaiDemandeLongueJours") ?? 120)
        : (P("ptp.delaiDemandeCourteJours") ?? 60);
      const rep = P("ptp.delaiReponseEmployeurJours") ?? 30;
      return demandeEtReponse(
        delai,
        {
          libelle: `Date limite de la demande de congé de transition professionnelle à l'employeur (${delai} jours avant le début${
            longue ? ", absence continue de 6 mois ou plus" : ""
          })`,
          source: longue ? "R6323-10 I 1°" : "R6323-10 I 2°",
        },
        rep,
        `Réponse de l'employeur au plus tard ${rep} jours après la demande (silence vaut accord)`,
        "R6323-10 III",
      );
    }
    case "periode_reconversion": {
      const tr = P("periodeReconversion.delaiTransmissionOpcoJours", c.dateDebut) ?? 30;
      const dec = P("periodeReconversion.delaiDecisionOpcoJours", c.dateDebut) ?? 20;
      return demandeEtReponse(
        tr,
        {
          libelle: `L'employeur transmet les documents à l'OPCO (${tr} jours avant le début)`,
          source: "R6324-1",
        },
        dec,
        `Décision de l'OPCO au plus tard ${dec} jours après réception`,
        "R6324-2",
      );
    }
    case "cpf": {
      const longue = (c.dureeMois ?? 0) >= 6;
      const delai = longue
        ? (P("cpfTempsTravail.delaiLongJours") ?? 120)
        : (P("cpfTempsTravail.delaiCourtJours") ?? 60);
      const rep = P("cpfTempsTravail.delaiReponseJours") ?? 30;
      return demandeEtReponse(
        delai,
        {
          libelle: `Date limite de la demande d'absence à l'employeur pour suivre la formation sur le temps de travail (${delai} jours avant)`,
          source: "D6323-4 I",
        },
        rep,
        `Réponse de l'employeur au plus tard ${rep} jours après (silence vaut accord)`,
        "D6323-4 II",
      );
    }
    case "conge_vae": {
      const d = P("vae.delaiDemandeCongeJours") ?? 30;
      const r = P("vae.delaiReponseEmployeurJours") ?? 15;
      return demandeEtReponse(
        d,
        {
          libelle: `Date limite de la demande de congé VAE à l'employeur (${d} jours avant)`,
          source: "R6422-3",
        },
        r,
        `Réponse de l'employeur au plus tard ${r} jours après (report d'un mois au plus)`,
        "R6422-4",
      );
    }
  }
}
