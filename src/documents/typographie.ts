/** Typographie française des documents : espaces insécables, apostrophe typographique, montants et dates. */

const INSECABLE = "\u00a0";
const FINE = "\u202f";

/** Espaces insécables avant ; : ! ? et à l'intérieur des guillemets, apostrophe courbe. */
export function typo(texte: string): string {
  return texte
    .replace(/'/g, "’")
    .replace(/\s*([;!?])/g, `${FINE}$1`)
    .replace(/(\S)\s*:(\s|$)/g, `$1${INSECABLE}:$2`)
    .replace(/«\s*/g, `«${INSECABLE}`)
    .replace(/\s*»/g, `${INSECABLE}»`)
    .replace(/https?\u202f:/g, (m) => m.replace(FINE, ""));
}

const FORMAT_EUROS = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
/** 1600 → « 1 600,00 € » (espaces insécables). */
export const euros = (montant: number) => FORMAT_EUROS.format(montant);

const FORMAT_DATE = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/Paris",
});
/** « 2026-03-05 » ou ISO complet → « 5 mars 2026 ». */
export const dateLongue = (iso: string) =>
  FORMAT_DATE.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

export const duree = (minutes: number) =>
  minutes < 60
    ? `${minutes}${INSECABLE}min`
    : `${Math.floor(minutes / 60)}${INSECABLE}h${minutes % 60 ? String(minutes % 60).padStart(2, "0") : ""}`;
