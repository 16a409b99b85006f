import type { Generated } from "kysely";
import type { SchemaReferentiels } from "./schemaReferentiels.js";

/**
 * Schéma Kysely, identique pour SQLite et PostgreSQL. Conventions (docs/adr/0001-stack.md) :
 * identifiants texte (UUID), horodatages ISO 8601 UTC (text en SQLite, timestamptz en PostgreSQL,
 * relus en chaîne ISO), booléens en entier 0/1, colonne `version` sur tout enregistrement modifiable.
 */

export interface TableOperateur {
  id: string;
  nom: string;
  type: string;
  code_region: string | null;
  version: number;
  cree_le: string;
}

export interface TableSite {
  id: string;
  operateur_id: string;
  nom: string;
  adresse: string | null;
  code_postal: string | null;
  commune: string | null;
  version: number;
  cree_le: string;
}

export interface TableCompte {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  role: string;
  operateur_id: string | null;
  hash_mot_de_passe: string | null;
  actif: number;
  demo: number;
  echecs_connexion: number;
  verrouille_jusqu_a: string | null;
  version: number;
  cree_le: string;
}

export interface TableSession {
  id: string;
  compte_id: string;
  jeton_csrf: string;
  cree_le: string;
  expire_le: string;
}

export interface TableJetonReinitialisation {
  hash: string;
  compte_id: string;
  cree_le: string;
  expire_le: string;
  utilise_le: string | null;
}

export interface TableParcours {
  id: string;
  beneficiaire_id: string;
  operateur_id: string;
  referent_id: string | null;
  niveau: number;
  phase: string | null;
  statut: string;
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface TableEvenementAudit {
  id: Generated<number>;
  horodatage: string;
  acteur_compte_id: string | null;
  acteur_role: string;
  action: string;
  resultat: string;
  beneficiaire_id: string | null;
  objet_type: string | null;
  objet_id: string | null;
  requete_id: string;
  details: string | null;
}

export interface TableLimiteDebit {
  cle: string;
  fenetre: string;
  compteur: number;
}

export interface Schema extends SchemaReferentiels {
  operateur: TableOperateur;
  site: TableSite;
  compte: TableCompte;
  session: TableSession;
  jeton_reinitialisation: TableJetonReinitialisation;
  parcours: TableParcours;
  evenement_audit: TableEvenementAudit;
  limite_debit: TableLimiteDebit;
}
