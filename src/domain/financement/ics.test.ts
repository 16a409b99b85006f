import { describe, expect, it } from "vitest";
import { echapperTexteIcs, exporterIcs, plierLigne } from "./ics.js";

describe("export iCalendar (RFC 5545)", () => {
  const ics = exporterIcs(
    [
      {
        date: "2026-08-03",
        libelle: "Demande de congé PTP, par écrit; à l'employeur",
        description: "R6323-10 I\nligne 2",
      },
      { date: "2026-09-02", libelle: "Réponse de l'employeur" },
    ],
    { horodatage: "2026-04-01T10:00:00.000Z", uidBase: "cep.localhost", nom: "Mon calendrier" },
  );

  it("sépare les lignes par CRLF et se termine par CRLF", () => {
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
  });

  it("produit un événement journée entière par échéance", () => {
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain("DTSTART;VALUE=DATE:20260803\r\nDTEND;VALUE=DATE:20260804");
    expect(ics).toContain("DTSTAMP:20260401T100000Z");
  });

  it("échappe virgules, points-virgules, barres obliques inverses et retours à la ligne (§3.3.11)", () => {
    expect(echapperTexteIcs("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(ics.replace(/\r\n /g, "")).toContain("SUMMARY:Demande de congé PTP\\, par écrit\\; à l'employeur");
    expect(ics).toContain("DESCRIPTION:R6323-10 I\\nligne 2");
  });

  it("plie les lignes à 75 octets sans couper un caractère (§3.1)", () => {
    const longue = `SUMMARY:${"é".repeat(100)}`;
    const pliee = plierLigne(longue);
    for (const l of pliee.split("\r\n")) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(pliee.replace(/\r\n /g, "")).toBe(longue);
  });
});
