/** Invitation iCalendar (RFC 5545) d'un rendez-vous : pièce jointe `.ics` du courriel. */

const horodatageIcs = (iso: string) => iso.replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** Échappe le texte (RFC 5545 §3.3.11) et plie les lignes longues à 75 octets (§3.1). */
const echapper = (t: string) =>
  t.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");
function plier(ligne: string): string {
  const morceaux: string[] = [];
  let courant = "";
  for (const c of ligne) {
    if (Buffer.byteLength(courant + c) > 74) {
      morceaux.push(courant);
      courant = ` ${c}`;
    } else courant += c;
  }
  morceaux.push(courant);
  return morceaux.join("\r\n");
}

export function invitationIcs(r: {
  uid: string;
  debut: string;
  dureeMinutes: number;
  resume: string;
  description: string;
  lieu: string | null;
  organisateur: { nom: string; email: string };
  participant: { nom: string; email: string };
  maintenant: string;
  annule?: boolean;
  sequence?: number;
}): string {
  const fin = new Date(new Date(r.debut).getTime() + r.dureeMinutes * 60_000).toISOString();
  const lignes = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//CEP//Conseil en evolution professionnelle//FR",
    "CALSCALE:GREGORIAN",
    `METHOD:${r.annule ? "CANCEL" : "REQUEST"}`,
    "BEGIN:VEVENT",
    `UID:${r.uid}`,
    `SEQUENCE:${r.sequence ?? 0}`,
    `DTSTAMP:${horodatageIcs(r.maintenant)}`,
    `DTSTART:${horodatageIcs(r.debut)}`,
    `DTEND:${horodatageIcs(fin)}`,
    `SUMMARY:${echapper(r.resume)}`,
    `DESCRIPTION:${echapper(r.description)}`,
    ...(r.lieu ? [`LOCATION:${echapper(r.lieu)}`] : []),
    `ORGANIZER;CN=${echapper(r.organisateur.nom)}:mailto:${r.organisateur.email}`,
    `ATTENDEE;CN=${echapper(r.participant.nom)};ROLE=REQ-PARTICIPANT;RSVP=TRUE:mailto:${r.participant.email}`,
    `STATUS:${r.annule ? "CANCELLED" : "CONFIRMED"}`,
    "BEGIN:VALARM",
    "TRIGGER:-P1D",
    "ACTION:DISPLAY",
    "DESCRIPTION:Rendez-vous CEP demain",
    "END:VALARM",
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lignes.map(plier).join("\r\n")}\r\n`;
}
