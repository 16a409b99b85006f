import type { Role } from "../domain/organisation.js";
import type { Acteur, ActeurConnecte } from "./acteur.js";
import { ErreurAccesRefuse, ErreurIntrouvable, ErreurNonAuthentifie } from "./erreurs.js";
import type { Compte, Depots, Parcours } from "./ports.js";

/**
 * Règles d'accès partagées par les cas d'usage (regles-cep.md §6) : seuls le référent, les conseillers
 * de l'opérateur et son responsable voient un dossier ; le bénéficiaire voit le sien ; l'employeur jamais.
 */

export function exigerRole(acteur: Acteur, ...roles: Role[]): ActeurConnecte {
  if (acteur.type !== "compte") throw new ErreurNonAuthentifie();
  if (!roles.includes(acteur.role)) throw new ErreurAccesRefuse("Votre rôle ne permet pas cette action.");
  return acteur;
}

/** Un membre du personnel (conseiller, responsable) n'agit que sur son propre opérateur ; l'admin sur tous. */
export function exigerMembreOperateur(acteur: Acteur, operateurId: string): ActeurConnecte {
  const a = exigerRole(acteur, "conseiller", "responsable", "admin");
  if (a.role !== "admin" && a.operateurId !== operateurId)
    throw new ErreurAccesRefuse("Cette ressource appartient à un autre opérateur.");
  return a;
}

export function peutVoirParcours(acteur: ActeurConnecte, parcours: Parcours): boolean {
  switch (acteur.role) {
    case "beneficiaire":
      return parcours.beneficiaireId === acteur.compteId;
    case "conseiller":
    case "responsable":
      return parcours.operateurId === acteur.operateurId;
    case "admin":
      // L'administrateur de la plateforme gère les comptes, pas le contenu des dossiers.
      return false;
  }
}

export async function chargerParcoursAutorise(acteur: Acteur, depots: Depots, id: string): Promise<Parcours> {
  if (acteur.type !== "compte") throw new ErreurNonAuthentifie();
  const parcours = await depots.parcours.parId(id);
  if (!parcours) throw new ErreurIntrouvable("Ce parcours n'existe pas.");
  if (!peutVoirParcours(acteur, parcours))
    throw new ErreurAccesRefuse("Vous n'avez pas accès à ce dossier.", {
      beneficiaireId: parcours.beneficiaireId,
      objetType: "parcours",
      objetId: parcours.id,
    });
  return parcours;
}

/** Qui peut consulter la fiche d'un compte. */
export async function peutVoirCompte(
  acteur: ActeurConnecte,
  cible: Compte,
  depots: Depots,
): Promise<boolean> {
  if (acteur.compteId === cible.id) return true;
  switch (acteur.role) {
    case "admin":
      return true;
    case "beneficiaire":
      return false;
    case "conseiller":
    case "responsable":
      if (!acteur.operateurId) return false;
      if (cible.role === "beneficiaire")
        return depots.parcours.beneficiaireSuiviPar(cible.id, acteur.operateurId);
      return cible.operateurId === acteur.operateurId;
  }
}
