/**
 * Le dossier CEP autour du parcours : situation du bénéficiaire, entretiens, rendez-vous, consentements.
 * Pur, sans entrée-sortie.
 */

/** Modalités d'un entretien (cahier des charges 2019 : présentiel par défaut, distance possible). */
export const MODALITES = ["presentiel", "telephone", "visio", "ecrit"] as const;
export type Modalite = (typeof MODALITES)[number];
export const LIBELLES_MODALITE: Record<Modalite, string> = {
  presentiel: "Présentiel sur site",
  telephone: "Téléphone",
  visio: "Visioconférence",
  ecrit: "Échange écrit",
};

export const STATUTS_ACTIVITE = [
  "salarie_prive",
  "agent_public",
  "independant",
  "demandeur_emploi",
  "autre",
] as const;
export type StatutActivite = (typeof STATUTS_ACTIVITE)[number];
export const LIBELLES_STATUT_ACTIVITE: Record<StatutActivite, string> = {
  salarie_prive: "Salarié·e du secteur privé",
  agent_public: "Agent·e public",
  independant: "Travailleur·se indépendant·e",
  demandeur_emploi: "Demandeur·se d'emploi",
  autre: "Autre situation",
};

/** Niveaux du cadre national des certifications professionnelles (décret n° 2019-14 du 8 janvier 2019). */
export const NIVEAUX_QUALIFICATION = ["sans", "3", "4", "5", "6", "7", "8"] as const;
export type NiveauQualification = (typeof NIVEAUX_QUALIFICATION)[number];
export const LIBELLES_QUALIFICATION: Record<NiveauQualification, string> = {
  sans: "Sans certification de niveau 3 ou plus",
  "3": "Niveau 3 (CAP, BEP)",
  "4": "Niveau 4 (baccalauréat)",
  "5": "Niveau 5 (bac + 2)",
  "6": "Niveau 6 (bac + 3, licence)",
  "7": "Niveau 7 (bac + 5, master)",
  "8": "Niveau 8 (doctorat)",
};

export const TRANCHES_AGE = ["moins_26", "26_44", "45_54", "55_plus"] as const;
export type TrancheAge = (typeof TRANCHES_AGE)[number];
export const LIBELLES_TRANCHE_AGE: Record<TrancheAge, string> = {
  moins_26: "Moins de 26 ans",
  "26_44": "26 à 44 ans",
  "45_54": "45 à 54 ans",
  "55_plus": "55 ans et plus",
};

export interface Situation {
  statut: StatutActivite | null;
  secteur: string | null;
  qualification: NiveauQualification | null;
  trancheAge: TrancheAge | null;
  commune: string | null;
  /** Handicap déclaré : donnée de santé (RGPD art. 9) ; conservée seulement avec le consentement `donnees_sante`. */
  handicap: "oui" | "non" | null;
}

export const SITUATION_VIDE: Situation = {
  statut: null,
  secteur: null,
  qualification: null,
  trancheAge: null,
  commune: null,
  handicap: null,
};

/** Consentements explicites et révocables (regles-cep.md §6 : L6313-4, RGPD art. 9). */
export const TYPES_CONSENTEMENT = ["partage_synthese_financeur", "rappels", "donnees_sante"] as const;
export type TypeConsentement = (typeof TYPES_CONSENTEMENT)[number];
export const LIBELLES_CONSENTEMENT: Record<TypeConsentement, { titre: string; description: string }> = {
  partage_synthese_financeur: {
    titre: "Partager ma synthèse avec un financeur",
    description:
      "Mon document de synthèse peut être transmis au financeur de mon projet (article L6313-4 du Code du travail).",
  },
  rappels: {
    titre: "Recevoir des rappels",
    description: "Je reçois par courriel un rappel la veille de mes rendez-vous.",
  },
  donnees_sante: {
    titre: "Enregistrer ma situation de handicap",
    description:
      "Mon handicap déclaré est une donnée de santé : il n'est enregistré qu'avec mon accord et n'est visible que de mon conseiller ou ma conseillère référente. Retirer mon accord l'efface.",
  },
};

export const STATUTS_RENDEZ_VOUS = ["propose", "confirme", "annule"] as const;
export type StatutRendezVous = (typeof STATUTS_RENDEZ_VOUS)[number];
export const LIBELLES_STATUT_RENDEZ_VOUS: Record<StatutRendezVous, string> = {
  propose: "Proposé",
  confirme: "Confirmé",
  annule: "Annulé",
};

/**
 * Un rendez-vous hors des heures ouvrées (avant 9 h, après 18 h, le samedi ou le dimanche, heure de Paris) :
 * le CEP doit pouvoir s'adapter aux personnes en emploi. `decalageMinutes` : décalage de l'heure locale sur UTC.
 */
export function horsHeuresOuvrees(debutIso: string, decalageMinutes: number): boolean {
  const local = new Date(new Date(debutIso).getTime() + decalageMinutes * 60_000);
  const jour = local.getUTCDay();
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return jour === 0 || jour === 6 || minutes < 9 * 60 || minutes >= 18 * 60;
}

/** Décalage de l'heure de Paris sur UTC (heure d'été du dernier dimanche de mars au dernier dimanche d'octobre). */
export function decalageParis(iso: string): number {
  const d = new Date(iso);
  const annee = d.getUTCFullYear();
  const dernierDimanche = (mois: number) => {
    const fin = new Date(Date.UTC(annee, mois + 1, 0, 1));
    fin.setUTCDate(fin.getUTCDate() - fin.getUTCDay());
    return fin.getTime();
  };
  return d.getTime() >= dernierDimanche(2) && d.getTime() < dernierDimanche(9) ? 120 : 60;
}

/** Jours entiers entre deux instants. */
export const joursEntre = (de: string, a: string) =>
  Math.floor((new Date(a).getTime() - new Date(de).getTime()) / 86_400_000);

/** Date limite d'anonymisation : `annees` après la clôture (défaut 3 ans, voir docs/adr/0004). */
export function anonymisableAvant(maintenant: string, annees: number): string {
  const d = new Date(maintenant);
  d.setUTCFullYear(d.getUTCFullYear() - annees);
  return d.toISOString();
}
