/** Opérateurs CEP, sites et rôles des comptes (glossaire : Operateur, Site, Conseiller, Responsable). */

export const TYPES_OPERATEUR = [
  "france_travail",
  "apec",
  "mission_locale",
  "cap_emploi",
  "operateur_regional",
  "autre",
] as const;
export type TypeOperateur = (typeof TYPES_OPERATEUR)[number];

export const LIBELLES_TYPE_OPERATEUR: Record<TypeOperateur, string> = {
  france_travail: "France Travail",
  apec: "Apec",
  mission_locale: "Mission locale",
  cap_emploi: "Cap emploi",
  operateur_regional: "Opérateur régional",
  autre: "Autre opérateur",
};

export const ROLES = ["beneficiaire", "conseiller", "responsable", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LIBELLES_ROLE: Record<Role, string> = {
  beneficiaire: "Bénéficiaire",
  conseiller: "Conseiller ou conseillère",
  responsable: "Responsable d'opérateur",
  admin: "Administrateur de la plateforme",
};

/** Un conseiller ou un responsable appartient à exactement un opérateur ; les autres rôles à aucun. */
export function roleExigeOperateur(role: Role): boolean {
  return role === "conseiller" || role === "responsable";
}

/** Rôles du personnel d'un opérateur. */
export function estPersonnelOperateur(role: Role): role is "conseiller" | "responsable" {
  return roleExigeOperateur(role);
}
