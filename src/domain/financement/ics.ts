/**
 * Export d'une liste d'échéances au format iCalendar (RFC 5545) : fins de ligne CRLF, texte échappé
 * (\\ ; , et retours à la ligne), lignes pliées à 75 octets, événements « journée entière ».
 */

import { ajouterJours, type DateIso } from "./dates.js";

export interface EvenementIcs {
  date: DateIso;
  libelle: string;
  description?: string;
}

export function echapperTexteIcs(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

const octetsUtf8 = (point: number) => (point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4);

/** Plie une ligne de contenu à 75 octets UTF-8 au plus (continuation : CRLF + espace), sans couper un caractère. */
export function plierLigne(ligne: string): string {
  // Chemin rapide : une ligne de 18 caractères au plus tient toujours en 75 octets (4 octets par caractère au pire).
  if (ligne.length <= 18) return ligne;
  const morceaux: string[] = [];
  let debut = 0;
  let octets = 0;
  let i = 0;
  while (i < ligne.length) {
    const point = ligne.codePointAt(i)!;
    const n = octetsUtf8(point);
    const largeur = point > 0xffff ? 2 : 1;
    if (octets + n > (morceaux.length === 0 ? 75 : 74)) {
      morceaux.push(ligne.slice(debut, i));
      debut = i;
      octets = 0;
    }
    octets += n;
    i += largeur;
  }
  morceaux.push(ligne.slice(debut));
  return morceaux.join("\r\n ");
}

const compacte = (iso: DateIso) => iso.replaceAll("-", "");

/**
 * @param horodatage instant de production (UTC, ISO), pour DTSTAMP
 * @param uidBase suffixe des UID (ex. un nom de domaine) ; les UID sont stables pour une même échéance
 */
export function exporterIcs(
  evenements: EvenementIcs[],
  options: { horodatage: string; uidBase: string; nom?: string },
): string {
  const dtstamp = `${options.horodatage.slice(0, 19).replace(/[-:]/g, "")}Z`;
  const lignes = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//CEP//Calendrier previsionnel//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...(options.nom ? [`X-WR-CALNAME:${echapperTexteIcs(options.nom)}`] : []),
  ];
  evenements.forEach((e, i) => {
    lignes.push(
      "BEGIN:VEVENT",
      `UID:${compacte(e.date)}-${i + 1}@${options.uidBase}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compacte(e.date)}`,
      `DTEND;VALUE=DATE:${compacte(ajouterJours(e.date, 1))}`,
      `SUMMARY:${echapperTexteIcs(e.libelle)}`,
      ...(e.description ? [`DESCRIPTION:${echapperTexteIcs(e.description)}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  });
  lignes.push("END:VCALENDAR");
  return `${lignes.map(plierLigne).join("\r\n")}\r\n`;
}
