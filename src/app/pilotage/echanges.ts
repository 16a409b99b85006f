import { createHash } from "node:crypto";
import { z } from "zod";
import { MODALITES, NIVEAUX_QUALIFICATION, STATUTS_ACTIVITE, TRANCHES_AGE } from "../../domain/dossier.js";
import {
  BASE_LEGALE_ECHANGES,
  construireEchanges,
  type DocumentEchanges,
  FORMAT_ECHANGES,
  VERSION_ECHANGES,
} from "../../domain/echanges.js";
import { TYPES_OPERATEUR } from "../../domain/organisation.js";
import { DECISIONS_NIVEAU1 } from "../../domain/orientation.js";
import { MOTIFS_CLOTURE, PHASES, STATUTS_PARCOURS } from "../../domain/parcours.js";
import { exigerRole } from "../autorisations.js";
import { ErreurAccesRefuse } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Depots } from "../ports.js";
import { date, id, verifierPeriode } from "./indicateurs.js";

/**
 * Partage des données de parcours et de formation par bénéficiaire (ticket 9, docs/echanges.md) : L6111-6-1 renvoie
 * à L6353-10 (partage « sous forme dématérialisée ») ; R6111-5 sanctionne l'absence, plus de six mois, des données
 * « relatives au parcours professionnel et au parcours de formation du bénéficiaire prévues l'article R. 6323-34 ».
 *
 * Qui : le responsable pour son opérateur, l'administrateur pour un opérateur ou tous. Chaque export est audité deux
 * fois : un événement pour l'export, et un par personne concernée (visible dans « Mes données »).
 */

/**
 * Pseudonyme d'une personne ou d'un parcours pour un opérateur : 32 caractères hexadécimaux de
 * SHA-256(« cep-echanges-parcours/1|nature|opérateur|identifiant »). Stable d'un export à l'autre (le destinataire suit
 * une même personne), différent d'un opérateur à l'autre (pas de rapprochement entre opérateurs) ; seul qui détient la
 * base (donc l'identifiant interne, tiré au hasard) peut le relier à la personne.
 */
export function pseudonyme(nature: "personne" | "parcours", operateurId: string, id: string): string {
  return createHash("sha256")
    .update(`${FORMAT_ECHANGES}/1|${nature}|${operateurId}|${id}`)
    .digest("hex")
    .slice(0, 32);
}

const jour = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hex32 = z.string().regex(/^[0-9a-f]{32}$/);
const ouNul = <T extends z.ZodType>(t: T) => t.nullable();

/** Le format `cep-echanges-parcours` 1.0, tel que docs/echanges.md le décrit (les tests y confrontent chaque export). */
export const schemaDocumentEchanges = z
  .object({
    format: z.literal(FORMAT_ECHANGES),
    version: z.literal(VERSION_ECHANGES),
    genereLe: z.iso.datetime(),
    periode: z.object({ debut: jour, fin: jour }).strict(),
    baseLegale: z.array(z.enum(BASE_LEGALE_ECHANGES)),
    operateurs: z.array(
      z
        .object({
          id: z.uuid(),
          nom: z.string().min(1),
          type: z.enum(TYPES_OPERATEUR),
          codeRegion: ouNul(z.string().regex(/^\d{2}$/)),
        })
        .strict(),
    ),
    beneficiaires: z.array(
      z
        .object({
          pseudonyme: hex32,
          operateurId: z.uuid(),
          situation: z
            .object({
              statutActivite: ouNul(z.enum(STATUTS_ACTIVITE)),
              niveauQualification: ouNul(z.enum(NIVEAUX_QUALIFICATION)),
              trancheAge: ouNul(z.enum(TRANCHES_AGE)),
            })
            .strict(),
          parcours: z
            .array(
              z
                .object({
                  reference: hex32,
                  demandeLe: jour,
                  etatFinPeriode: ouNul(
                    z
                      .object({
                        niveau: z.union([z.literal(1), z.literal(2)]),
                        phase: ouNul(z.enum(PHASES)),
                        statut: z.enum(STATUTS_PARCOURS),
                      })
                      .strict(),
                  ),
                  etapes: z.array(
                    z.discriminatedUnion("type", [
                      z
                        .object({
                          type: z.enum(["ouverture", "passage"]),
                          le: jour,
                          niveau: z.union([z.literal(1), z.literal(2)]),
                          phase: ouNul(z.enum(PHASES)),
                        })
                        .strict(),
                      z.object({ type: z.enum(["pause", "reprise"]), le: jour }).strict(),
                      z
                        .object({ type: z.literal("cloture"), le: jour, motif: z.enum(MOTIFS_CLOTURE) })
                        .strict(),
                    ]),
                  ),
                  entretiens: z.array(z.object({ le: jour, modalite: z.enum(MODALITES) }).strict()),
                  etatDesLieux: ouNul(z.object({ le: jour, decision: z.enum(DECISIONS_NIVEAU1) }).strict()),
                  cloture: ouNul(z.object({ le: jour, motif: z.enum(MOTIFS_CLOTURE) }).strict()),
                })
                .strict(),
            )
            .min(1),
          reunionsInformation: z.array(z.object({ le: jour, present: z.boolean().nullable() }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

export const schemaExportEchanges = z
  .object({ debut: date("début"), fin: date("fin"), operateurId: id("Identifiant d'opérateur") })
  .superRefine(verifierPeriode);

/** Le responsable est limité à son opérateur ; l'administrateur choisit un opérateur ou les prend tous. */
function operateurAutorise(acteur: Parameters<typeof exigerRole>[0], operateurId: string | undefined) {
  const a = exigerRole(acteur, "responsable", "admin");
  if (a.role === "responsable") {
    if (operateurId && operateurId !== a.operateurId)
      throw new ErreurAccesRefuse("Ces données appartiennent à un autre opérateur.");
    return a.operateurId!;
  }
  return operateurId;
}

/**
 * Le document d'échange d'une période, et les personnes qu'il concerne (identifiants internes, pour l'audit ; ils ne
 * figurent pas dans le document). Lecture seule : l'audit est fait par le cas d'usage.
 */
export async function documentEchanges(
  depots: Depots,
  f: { operateurId?: string; debut: string; fin: string },
  genereLe: string,
): Promise<{ document: DocumentEchanges; personnes: string[] }> {
  const [lignes, operateurs] = await Promise.all([depots.pilotage.echanges(f), depots.operateurs.lister()]);
  const presents = new Set(lignes.parcours.map((p) => p.operateurId));
  const document = construireEchanges({
    periode: { debut: f.debut, fin: f.fin },
    genereLe,
    operateurs: operateurs
      .filter((o) => (f.operateurId ? o.id === f.operateurId : presents.has(o.id)))
      .map((o) => ({ id: o.id, nom: o.nom, type: o.type, codeRegion: o.codeRegion })),
    parcours: lignes.parcours,
    reunions: lignes.reunions,
    pseudonyme,
  });
  return { document, personnes: [...new Set(lignes.parcours.map((p) => p.beneficiaireId))] };
}

export const exporterEchanges = casUsage({
  nom: "pilotage.echanges.exporter",
  entree: schemaExportEchanges,
  autoriser: ({ acteur, entree }) => ({
    objetType: "operateur",
    objetId: operateurAutorise(acteur, entree.operateurId) ?? null,
  }),
  async executer({ acteur, entree, depots, services, contexte }) {
    const operateurId = operateurAutorise(acteur, entree.operateurId);
    const maintenant = services.horloge.maintenant().toISOString();
    const f = { operateurId, debut: entree.debut, fin: entree.fin };
    const { document, personnes } = await documentEchanges(depots, f, maintenant);
    // Une trace par personne dont les données sortent : elle la voit dans son journal d'accès.
    await depots.audit.ajouterLot(
      personnes.map((beneficiaireId) => ({
        horodatage: maintenant,
        acteurCompteId: acteur.type === "compte" ? acteur.compteId : null,
        acteurRole: acteur.type === "compte" ? acteur.role : "anonyme",
        action: "pilotage.echanges.exporter",
        resultat: "succes",
        beneficiaireId,
        objetType: "operateur",
        objetId: operateurId ?? null,
        requeteId: contexte.requeteId,
        details: JSON.stringify({ debut: entree.debut, fin: entree.fin, format: VERSION_ECHANGES }),
      })),
    );
    return document;
  },
  audit: (entree, r) => ({
    details: {
      debut: entree.debut,
      fin: entree.fin,
      version: r.version,
      beneficiaires: r.beneficiaires.length,
    },
  }),
});
