/**
 * Calendrier prévisionnel : les échéances sont comptées en jours calendaires ; une échéance qui tombe un samedi,
 * un dimanche ou un jour férié est signalée (la règle de report éventuel dépend du texte : on ne la déplace pas).
 * Jours fériés : 11 jours nationaux (L3133-1), plus Vendredi saint et 26 décembre en Alsace-Moselle (L3134-13),
 * plus la commémoration de l'abolition de l'esclavage outre-mer (L3422-2). Les jours nationaux et alsaciens sont
 * calculés par `@socialgouv/jours-feries`, branché par la couche application (le domaine n'importe rien).
 */

import { type DateIso, jourDeLaSemaine } from "./dates.js";

/** Départements d'Alsace-Moselle (L3134-13). */
export const DEPARTEMENTS_ALSACE_MOSELLE = ["57", "67", "68"] as const;

/** Abolition de l'esclavage, par département ou collectivité d'outre-mer (L3422-2) : mois-jour. */
export const ABOLITION_ESCLAVAGE: Record<string, { jour: string; lieu: string }> = {
  "971": { jour: "05-27", lieu: "Guadeloupe" },
  "972": { jour: "05-22", lieu: "Martinique" },
  "973": { jour: "06-10", lieu: "Guyane" },
  "974": { jour: "12-20", lieu: "La Réunion" },
  "976": { jour: "04-27", lieu: "Mayotte" },
  "977": { jour: "10-09", lieu: "Saint-Barthélemy" },
  "978": { jour: "05-27", lieu: "Saint-Martin" },
};

/** Donne le nom du jour férié à cette date dans ce département, ou `null`. */
export type JoursFeries = (date: DateIso, departement?: string) => string | null;

/** Les jours nationaux (et alsaciens) d'une année : date ISO → nom. */
export type FeriesAnnee = (annee: number, alsaceMoselle: boolean) => Record<DateIso, string>;

/** Construit la fonction des jours fériés à partir des jours nationaux calculés par une bibliothèque. */
export function creerJoursFeries(nationaux: FeriesAnnee): JoursFeries {
  const cache = new Map<string, Record<DateIso, string>>();
  return (date, departement) => {
    const alsace = !!departement && (DEPARTEMENTS_ALSACE_MOSELLE as readonly string[]).includes(departement);
    const annee = Number(date.slice(0, 4));
    const cle = `${annee}-${alsace}`;
    let jours = cache.get(cle);
    if (!jours) {
      jours = nationaux(annee, alsace);
      cache.set(cle, jours);
    }
    if (jours[date]) return jours[date];
    const outreMer = departement ? ABOLITION_ESCLAVAGE[departement] : undefined;
    if (outreMer && date.slice(5) === outreMer.jour) return `Abolition de l'esclavage (${outreMer.lieu})`;
    return null;
  };
}

export interface Echeance {
  date: DateIso;
  libelle: string;
  /** Article qui fixe le délai. */
  source?: string;
  /** Présent si l'échéance tombe un samedi, un dimanche ou un jour férié. */
  jourNonOuvre?: string;
  /** Vrai si l'échéance est antérieure à la date de la simulation. */
  depassee?: boolean;
}

/** Signale le week-end ou le jour férié d'une échéance. */
export function qualifierEcheance(
  e: Omit<Echeance, "jourNonOuvre" | "depassee">,
  feries: JoursFeries,
  departement: string | undefined,
  aujourdhui: DateIso,
): Echeance {
  const ferie = feries(e.date, departement);
  const js = jourDeLaSemaine(e.date);
  const jourNonOuvre = ferie
    ? `jour férié (${ferie})`
    : js === 0
      ? "dimanche"
      : js === 6
        ? "samedi"
        : undefined;
  return {
    ...e,
    ...(jourNonOuvre ? { jourNonOuvre } : {}),
    ...(e.date < aujourdhui ? { depassee: true } : {}),
  };
}
