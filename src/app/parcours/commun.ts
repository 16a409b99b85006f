import { z } from "zod";
import type { Parcours } from "../ports.js";

/** Pièces communes aux cas d'usage du parcours : sujet d'audit et schémas d'entrée répétés. */

/** Le sujet d'audit d'un parcours : le bénéficiaire verra l'accès dans son journal. */
export const sujetParcours = (p: Parcours) => ({
  beneficiaireId: p.beneficiaireId,
  objetType: "parcours",
  objetId: p.id,
});

export const idParcours = z.uuid("Identifiant de parcours invalide.");

export const texte = (max: number, libelle: string) =>
  z.string().trim().max(max, `${libelle} : ${max} caractères au plus.`);

export const versionAttendue = z
  .number({ error: "La version lue est obligatoire (pour détecter les modifications concurrentes)." })
  .int()
  .positive();
