import { z } from "zod";
import type { Acteur, ActeurConnecte } from "../acteur.js";
import { chargerParcoursAutorise, estReferent } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Parcours } from "../ports.js";
import { idParcours, sujetParcours } from "./commun.js";

/**
 * Co-suivi (ADR 0003) : le référent ou le responsable partage explicitement un dossier avec un conseiller de l'opérateur,
 * qui le voit alors comme le référent, jusqu'au retrait du partage. Chaque partage figure au journal d'accès du bénéficiaire.
 */
function exigerGestionnaire(acteur: Acteur, p: Parcours): ActeurConnecte {
  const a = acteur as ActeurConnecte;
  const gestionnaire =
    (a.role === "responsable" && a.operateurId === p.operateurId) || estReferent(acteur, p);
  if (!gestionnaire)
    throw new ErreurAccesRefuse(
      "Seuls le ou la référente et le responsable peuvent partager ce dossier.",
      sujetParcours(p),
    );
  return a;
}

export const partagerParcours = casUsage({
  nom: "parcours.partager",
  entree: z.object({ id: idParcours, conseillerId: z.uuid("Choisissez un conseiller ou une conseillère.") }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    exigerGestionnaire(acteur, p);
    return sujetParcours(p);
  },
  async executer({ entree, acteur, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const cible = await depots.comptes.parId(entree.conseillerId);
    if (!cible || cible.role !== "conseiller" || cible.operateurId !== p.operateurId || !cible.actif)
      throw new ErreurValidation([
        {
          champ: "conseillerId",
          message: "Le dossier ne se partage qu'avec un conseiller ou une conseillère de l'opérateur.",
        },
      ]);
    if (cible.id === p.referentId)
      throw new ErreurValidation([
        { champ: "conseillerId", message: "Cette personne est déjà la référente du dossier." },
      ]);
    const ajoute = await depots.parcours.partager({
      parcoursId: p.id,
      conseillerId: cible.id,
      partagePar: (acteur as ActeurConnecte).compteId,
      creeLe: services.horloge.maintenant().toISOString(),
    });
    return { partage: ajoute, conseillerId: cible.id };
  },
  audit: (_e, r, sujet) => ({ ...sujet, details: { conseillerId: r.conseillerId } }),
});

export const retirerPartage = casUsage({
  nom: "parcours.retirer_partage",
  entree: z.object({ id: idParcours, conseillerId: z.uuid("Identifiant de conseiller invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    // Le conseiller avec qui le dossier est partagé peut aussi se retirer lui-même.
    if (!(acteur.type === "compte" && acteur.compteId === entree.conseillerId)) exigerGestionnaire(acteur, p);
    return sujetParcours(p);
  },
  async executer({ entree, depots }) {
    if (!(await depots.parcours.retirerPartage(entree.id, entree.conseillerId)))
      throw new ErreurIntrouvable("Ce dossier n'est pas partagé avec cette personne.");
    return { retire: true, conseillerId: entree.conseillerId };
  },
  audit: (_e, r, sujet) => ({ ...sujet, details: { conseillerId: r.conseillerId } }),
});
