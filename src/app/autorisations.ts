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

/** Le conseiller suppléant (remplacement temporaire) n'a accès que jusqu'à la date de fin du remplacement. */
export function estSuppleantActif(
  compteId: string,
  parcours: Parcours,
  maintenant = new Date().toISOString(),
) {
  return (
    parcours.suppleantId === compteId &&
    (parcours.suppleantJusquAu === null || parcours.suppleantJusquAu >= maintenant.slice(0, 10))
  );
}

/**
 * Confidentialité du dossier (regles-cep.md §6, docs/adr/0003-confidentialite-parcours.md) : un conseiller ne voit
 * que les dossiers dont il est référent ou suppléant, ceux qu'on a explicitement partagés avec lui (co-suivi), et ceux
 * de la file d'attente de son opérateur (sans référent),
 * pour pouvoir les prendre en charge ; le responsable voit tous ceux de son opérateur.
 */
export function peutVoirParcours(acteur: ActeurConnecte, parcours: Parcours): boolean {
  switch (acteur.role) {
    case "beneficiaire":
      return parcours.beneficiaireId === acteur.compteId;
    case "responsable":
      return parcours.operateurId === acteur.operateurId;
    case "conseiller":
      return (
        parcours.operateurId === acteur.operateurId &&
        (parcours.referentId === null ||
          parcours.referentId === acteur.compteId ||
          estSuppleantActif(acteur.compteId, parcours) ||
          (parcours.partageAvec ?? []).includes(acteur.compteId))
      );
    case "admin":
      // L'administrateur de la plateforme gère les comptes, pas le contenu des dossiers.
      return false;
  }
}

export async function chargerParcoursAutorise(
  acteur: Acteur,
  depots: Depots,
  id: string,
  options: { personnel?: boolean } = {},
): Promise<Parcours> {
  if (acteur.type !== "compte") throw new ErreurNonAuthentifie();
  const parcours = await depots.parcours.parId(id);
  if (!parcours) throw new ErreurIntrouvable("Ce parcours n'existe pas.");
  const sujet = { beneficiaireId: parcours.beneficiaireId, objetType: "parcours", objetId: parcours.id };
  if (!peutVoirParcours(acteur, parcours))
    throw new ErreurAccesRefuse("Vous n'avez pas accès à ce dossier.", sujet);
  if (options.personnel && acteur.role === "beneficiaire")
    throw new ErreurAccesRefuse("Cette action est réservée à votre conseiller ou conseillère.", sujet);
  return parcours;
}

/** Référent (ou suppléant actif) : seul à voir les données de santé du dossier. */
export function estReferent(acteur: Acteur, parcours: Parcours): boolean {
  return (
    acteur.type === "compte" &&
    (parcours.referentId === acteur.compteId || estSuppleantActif(acteur.compteId, parcours))
  );
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
