/**
 * Réunions collectives d'information en nombre restreint (niveau 1 du CEP, cahier des charges, regles-cep.md §1).
 * Places et liste d'attente : l'ordre d'inscription décide. Les `places` premières inscriptions non annulées sont
 * confirmées, les suivantes attendent ; une annulation fait donc monter la première personne en attente, sans écriture
 * supplémentaire (rien à « promouvoir », donc rien à oublier ni à faire deux fois).
 */

export const LIEUX_REUNION = ["site", "distance"] as const;
export type LieuReunion = (typeof LIEUX_REUNION)[number];

export type PlaceInscription = "confirmee" | "liste_attente" | "annulee";

export interface InscriptionOrdonnee {
  id: string;
  inscritLe: string;
  annuleeLe: string | null;
}

/** Place de chaque inscription, et rang dans la liste d'attente (1 = la prochaine à monter). */
export function repartir(
  places: number,
  inscriptions: InscriptionOrdonnee[],
): Map<string, { place: PlaceInscription; rangAttente: number | null }> {
  const ordre = [...inscriptions].sort((a, b) =>
    a.inscritLe === b.inscritLe ? a.id.localeCompare(b.id) : a.inscritLe < b.inscritLe ? -1 : 1,
  );
  const r = new Map<string, { place: PlaceInscription; rangAttente: number | null }>();
  let actives = 0;
  for (const i of ordre) {
    if (i.annuleeLe) {
      r.set(i.id, { place: "annulee", rangAttente: null });
      continue;
    }
    actives++;
    r.set(
      i.id,
      actives <= places
        ? { place: "confirmee", rangAttente: null }
        : { place: "liste_attente", rangAttente: actives - places },
    );
  }
  return r;
}

/**
 * Conservation des inscriptions de personnes qui n'ont pas de dossier (inscription publique sans suite) : leur identité
 * est effacée 6 mois après la séance (ADR 0004 ; analogues : traces du SI-CPF, 6 mois, R6323-40).
 */
export const CONSERVATION_INSCRIPTIONS_SANS_DOSSIER_MOIS = 6;

/** Date limite : les séances tenues avant cet instant ont passé le délai de conservation de `mois` mois. */
export function seancesAnonymisablesAvant(maintenant: string, mois: number): string {
  const d = new Date(maintenant);
  d.setUTCMonth(d.getUTCMonth() - mois);
  return d.toISOString();
}
