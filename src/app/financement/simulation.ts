import { z } from "zod";
import {
  DISPOSITIFS,
  REPERTOIRES,
  STATUTS,
  TYPES_ACTION,
  TYPES_CONTRAT,
} from "../../domain/financement/catalogue.js";
import { estDateIso } from "../../domain/financement/dates.js";
import { simuler } from "../../domain/financement/simulation.js";
import { casUsage } from "../pipeline.js";
import { joursFeries } from "./joursFeries.js";
import { parametresEnVigueur } from "./parametres.js";

const dateIso = (exemple: string) =>
  z
    .string({ error: `Date attendue au format AAAA-MM-JJ (ex. ${exemple}).` })
    .refine(estDateIso, `Date attendue au format AAAA-MM-JJ (ex. ${exemple}).`);
const mois = z
  .number({ error: "Nombre de mois attendu." })
  .int("Nombre entier de mois attendu.")
  .min(0, "Le nombre de mois ne peut pas être négatif.")
  .max(600, "Nombre de mois trop grand.");
const oui = z.boolean({ error: "Valeur oui/non attendue (true ou false)." });
const montant = (libelle: string) =>
  z
    .number({ error: `${libelle} : montant en euros attendu.` })
    .min(0, `${libelle} ne peut pas être négatif.`)
    .max(1_000_000, `${libelle} : montant trop élevé.`);

export const schemaSimulation = z
  .object({
    date: dateIso("2026-04-01"),
    situation: z.object(
      {
        statut: z.enum(STATUTS, { error: `Statut inconnu ; valeurs possibles : ${STATUTS.join(", ")}.` }),
        typeContrat: z
          .enum(TYPES_CONTRAT, {
            error: `Type de contrat inconnu ; valeurs possibles : ${TYPES_CONTRAT.join(", ")}.`,
          })
          .optional(),
        niveauQualification: z
          .number({ error: "Niveau de qualification attendu (1 à 8)." })
          .int("Niveau de qualification attendu (1 à 8).")
          .min(1, "Niveau de qualification attendu (1 à 8).")
          .max(8, "Niveau de qualification attendu (1 à 8).")
          .optional(),
        ancienneteSalarieMois: mois.optional(),
        ancienneteEntrepriseMois: mois.optional(),
        handicapReconnu: oui.optional(),
        effectifEntreprise: z
          .number({ error: "Effectif attendu (nombre de salariés)." })
          .int("Effectif attendu (nombre entier de salariés).")
          .min(0, "L'effectif ne peut pas être négatif.")
          .optional(),
        soldeCPF: montant("Le solde CPF").optional(),
        region: z
          .string()
          .regex(/^\d{2}$/, "Le code région INSEE comporte 2 chiffres (ex. 84 pour Auvergne-Rhône-Alpes).")
          .optional(),
        departement: z
          .string()
          .regex(/^(\d{2}|2[AB]|97\d)$/, "Code de département attendu (ex. 69, 2A, 974).")
          .optional(),
        permisValide: oui.optional(),
        bilanRecent: oui.optional(),
        demissionDonnee: oui.optional(),
      },
      { error: "La situation est obligatoire." },
    ),
    action: z.object(
      {
        type: z.enum(TYPES_ACTION, {
          error: `Type d'action inconnu ; valeurs possibles : ${TYPES_ACTION.join(", ")}.`,
        }),
        cout: montant("Le coût"),
        dureeHeures: z
          .number({ error: "Durée en heures attendue." })
          .positive("La durée en heures doit être positive.")
          .max(10_000, "Durée en heures trop grande.")
          .optional(),
        dateDebut: dateIso("2026-09-01"),
        dureeMois: z
          .number({ error: "Durée en mois attendue." })
          .positive("La durée en mois doit être positive.")
          .max(60, "Durée en mois trop grande.")
          .optional(),
        surTempsDeTravail: oui.optional(),
        tempsPartiel: oui.optional(),
        certifiante: oui.optional(),
        eligibleCPF: oui.optional(),
        repertoire: z
          .enum(REPERTOIRES, { error: `Répertoire inconnu ; valeurs possibles : ${REPERTOIRES.join(", ")}.` })
          .optional(),
        cofinancementTiers: montant("Le cofinancement").optional(),
      },
      { error: "L'action est obligatoire." },
    ),
    dispositifs: z
      .array(
        z.enum(DISPOSITIFS, { error: `Dispositif inconnu ; valeurs possibles : ${DISPOSITIFS.join(", ")}.` }),
      )
      .optional(),
  })
  .superRefine((e, ctx) => {
    if (e.action.dateDebut < e.date)
      ctx.addIssue({
        code: "custom",
        path: ["action", "dateDebut"],
        message: "La date de début ne peut pas précéder la date de la simulation.",
      });
    const s = e.situation;
    if (s.typeContrat && s.statut !== "salarie")
      ctx.addIssue({
        code: "custom",
        path: ["situation", "typeContrat"],
        message:
          "Situation contradictoire : un type de contrat n'a de sens que pour un salarié ou une salariée.",
      });
    if (
      s.ancienneteEntrepriseMois !== undefined &&
      s.ancienneteSalarieMois !== undefined &&
      s.ancienneteEntrepriseMois > s.ancienneteSalarieMois
    )
      ctx.addIssue({
        code: "custom",
        path: ["situation", "ancienneteEntrepriseMois"],
        message:
          "Situation contradictoire : l'ancienneté dans l'entreprise dépasse l'ancienneté totale de salarié.",
      });
    if (s.effectifEntreprise !== undefined && s.statut !== "salarie")
      ctx.addIssue({
        code: "custom",
        path: ["situation", "effectifEntreprise"],
        message:
          "Situation contradictoire : l'effectif de l'entreprise n'a de sens que pour un salarié ou une salariée.",
      });
    if (e.action.cofinancementTiers !== undefined && e.action.cofinancementTiers > e.action.cout)
      ctx.addIssue({
        code: "custom",
        path: ["action", "cofinancementTiers"],
        message: "Le cofinancement ne peut pas dépasser le coût de l'action.",
      });
  });

/**
 * Simulation publique : aucune donnée n'est enregistrée ni rattachée à une personne, donc pas d'événement d'audit
 * (la limite de débit des routes publiques s'applique).
 */
export const simulerFinancement = casUsage({
  nom: "financement.simuler",
  entree: schemaSimulation,
  autoriser: () => ({}),
  async executer({ entree, depots }) {
    return simuler(entree, await parametresEnVigueur(depots), joursFeries);
  },
  audit: false,
});
