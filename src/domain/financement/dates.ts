/** Dates civiles ISO `AAAA-MM-JJ`, calculées en jours calendaires (sans fuseau horaire). */

export type DateIso = string;

const RE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Vrai si la chaîne est une date civile existante au format AAAA-MM-JJ. */
export function estDateIso(s: string): boolean {
  const m = RE_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function versUtc(iso: DateIso): Date {
  const m = RE_DATE.exec(iso);
  if (!m) throw new Error(`Date invalide : ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function ajouterJours(iso: DateIso, jours: number): DateIso {
  const d = versUtc(iso);
  d.setUTCDate(d.getUTCDate() + jours);
  return d.toISOString().slice(0, 10);
}

/** Nombre de jours calendaires de `de` à `a` (positif si `a` est après `de`). */
export function ecartJours(de: DateIso, a: DateIso): number {
  return Math.round((versUtc(a).getTime() - versUtc(de).getTime()) / 86_400_000);
}

/** 0 = dimanche … 6 = samedi. */
export function jourDeLaSemaine(iso: DateIso): number {
  return versUtc(iso).getUTCDay();
}

export function annee(iso: DateIso): number {
  return Number(iso.slice(0, 4));
}

const JOURS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
const MOIS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** « lundi 6 avril 2026 » */
export function dateEnToutesLettres(iso: DateIso): string {
  const d = versUtc(iso);
  const jour = d.getUTCDate() === 1 ? "1er" : String(d.getUTCDate());
  return `${JOURS[d.getUTCDay()]} ${jour} ${MOIS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
