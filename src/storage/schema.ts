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
  // 0003_parcours
  demande: string | null;
  situation_statut: string | null;
  situation_secteur: string | null;
  situation_qualification: string | null;
  situation_tranche_age: string | null;
  situation_commune: string | null;
  handicap: string | null;
  suppleant_id: string | null;
  suppleant_jusqu_au: string | null;
  clos_le: string | null;
  anonymise_le: string | null;
  // 0017_chronologie_pilotage (src/storage/chronologiePilotage.ts)
  pilotage_transitions: Generated<string>;
  pilotage_entretiens: Generated<string>;
  pilotage_documents: Generated<string>;
}

export interface TableTransitionParcours {
  id: string;
  parcours_id: string;
  type: string;
  niveau: number | null;
  phase: string | null;
  motif: string | null;
  retour_prevu: string | null;
  commentaire: string | null;
  auteur_id: string | null;
  le: string;
}

export interface TableNote {
  id: string;
  parcours_id: string;
  auteur_id: string | null;
  texte: string;
  partagee: number;
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface TableEntretien {
  id: string;
  parcours_id: string;
  auteur_id: string | null;
  modalite: string;
  site_id: string | null;
  le: string;
  duree_minutes: number;
  participants: string | null;
  resume: string;
  cree_le: string;
}

export interface TableRendezVous {
  id: string;
  parcours_id: string;
  auteur_id: string | null;
  debut: string;
  duree_minutes: number;
  modalite: string;
  site_id: string | null;
  lieu: string | null;
  statut: string;
  rappel_envoye_le: string | null;
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface TableMessage {
  id: string;
  parcours_id: string;
  auteur_id: string | null;
  texte: string;
  cree_le: string;
}

export interface TableConsentement {
  compte_id: string;
  type: string;
  accorde: number;
  version: number;
  modifie_le: string;
}

export interface TableDemandeEffacement {
  id: string;
  beneficiaire_id: string;
  motif: string | null;
  statut: string;
  reponse: string | null;
  traitee_par: string | null;
  traitee_le: string | null;
  version: number;
  cree_le: string;
}

export interface TableTransfert {
  id: string;
  parcours_id: string;
  type: string;
  auteur_id: string | null;
  de_compte_id: string | null;
  vers_compte_id: string | null;
  vers_operateur_id: string | null;
  jusqu_au: string | null;
  motif: string;
  statut: string;
  reponse: string | null;
  repondu_le: string | null;
  version: number;
  cree_le: string;
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

export interface TableExecutionTache {
  nom: string;
  creneau: string;
  processus: string;
  demarre_le: string;
  termine_le: string | null;
  resultat: string | null;
}

/** Migration 0004 : version de chaque paramètre de financement surchargé. */
export interface TableParametreFinancement {
  parametre_id: string;
  version: number;
  modifie_le: string;
}

/** Migration 0004 : historique des valeurs fixées par un administrateur (ajout seul). */
export interface TableSurchargeParametre {
  id: string;
  parametre_id: string;
  debut: string;
  /** Nombre en texte (montants exacts sur les deux bases) ; null : la règle ne s'applique pas. */
  valeur: string | null;
  source: string;
  motif: string;
  auteur_compte_id: string;
  cree_le: string;
}

export interface TableEtatDesLieux {
  parcours_id: string;
  demande: string;
  besoin: string;
  informations: string;
  decision: string;
  orientation: string;
  auteur_id: string;
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface TableReunionInformation {
  id: string;
  operateur_id: string;
  theme: string;
  lieu: string;
  site_id: string | null;
  debut: string;
  duree_minutes: number;
  places: number;
  version: number;
  cree_le: string;
}

export interface TableInscriptionReunion {
  id: string;
  reunion_id: string;
  nom: string;
  email: string;
  compte_id: string | null;
  inscrit_le: string;
  annulee_le: string | null;
  present: number | null;
  version: number;
  /** Migration 0013 : identité effacée (ADR 0004) ; null tant que l'inscription est nominative. */
  anonymisee_le: string | null;
}

export interface TableParcoursPartage {
  parcours_id: string;
  conseiller_id: string;
  partage_par: string;
  cree_le: string;
}

/** Migration 0007 : invitation au questionnaire de satisfaction (jeton en empreinte, sans lien au dossier). */
export interface TableSatisfactionInvitation {
  hash: string;
  cle_envoi: string;
  operateur_id: string;
  code_region: string | null;
  moment: string;
  cree_le: string;
  expire_le: string;
  utilise_le: string | null;
}

/** Migration 0007 : réponse au questionnaire, anonyme, exploitée seulement en agrégat. */
export interface TableSatisfactionReponse {
  id: string;
  operateur_id: string;
  code_region: string | null;
  moment: string;
  utilite: number;
  recommande: number;
  situation: string | null;
  cree_le: string;
}

/** Migration 0011 : document de synthèse (brouillon, versions figées, corrections, accords et liens de partage). */
export interface TableSyntheseBrouillon {
  parcours_id: string;
  niveau: number;
  conclusions: string | null;
  prochaines_etapes: string | null;
  auteur_id: string;
  version: number;
  cree_le: string;
  modifie_le: string;
}

export interface TableSyntheseVersion {
  id: string;
  parcours_id: string;
  numero: number;
  niveau: number;
  contenu: string;
  empreinte: string;
  emise_le: string;
  emise_par: string;
  accusee_le: string | null;
}

export interface TableSyntheseCorrection {
  id: string;
  parcours_id: string;
  numero: number;
  auteur_id: string;
  commentaire: string;
  demandee_le: string;
  traitee_le: string | null;
  corrigee_par_numero: number | null;
}

export interface TableSyntheseAccord {
  id: string;
  parcours_id: string;
  beneficiaire_id: string;
  destinataire: string;
  type_destinataire: string;
  accorde_le: string;
  retire_le: string | null;
  version: number;
}

export interface TableSyntheseLien {
  hash: string;
  accord_id: string;
  parcours_id: string;
  numero: number;
  cree_par: string;
  cree_le: string;
  expire_le: string;
}

/** Migration 0010 : plan d'actions d'un parcours (en-tête : version des écritures, numéro de la version en cours). */
export interface TablePlanActions {
  parcours_id: string;
  version: number;
  numero_courant: number;
  cree_le: string;
  modifie_le: string;
}

/** Migration 0010 : une version du plan (contenu JSON), brouillon ou convenue. */
export interface TablePlanActionsVersion {
  parcours_id: string;
  numero: number;
  contenu: string;
  statut: string;
  motif: string | null;
  auteur_id: string | null;
  convenu_le: string | null;
  convenu_par: string | null;
  cree_le: string;
  modifie_le: string;
}

export interface Schema extends SchemaReferentiels {
  parcours_partage: TableParcoursPartage;
  etat_des_lieux: TableEtatDesLieux;
  reunion_information: TableReunionInformation;
  inscription_reunion: TableInscriptionReunion;
  satisfaction_invitation: TableSatisfactionInvitation;
  satisfaction_reponse: TableSatisfactionReponse;
  parametre_financement: TableParametreFinancement;
  surcharge_parametre: TableSurchargeParametre;
  operateur: TableOperateur;
  site: TableSite;
  compte: TableCompte;
  session: TableSession;
  jeton_reinitialisation: TableJetonReinitialisation;
  parcours: TableParcours;
  evenement_audit: TableEvenementAudit;
  limite_debit: TableLimiteDebit;
  execution_tache: TableExecutionTache;
  transition_parcours: TableTransitionParcours;
  note: TableNote;
  entretien: TableEntretien;
  rendez_vous: TableRendezVous;
  message: TableMessage;
  consentement: TableConsentement;
  demande_effacement: TableDemandeEffacement;
  transfert: TableTransfert;
  synthese_brouillon: TableSyntheseBrouillon;
  synthese_version: TableSyntheseVersion;
  synthese_correction: TableSyntheseCorrection;
  synthese_accord: TableSyntheseAccord;
  synthese_lien: TableSyntheseLien;
  profil_competences: TableProfilCompetences;
  piste_retenue: TablePisteRetenue;
  projet_professionnel: TableProjetProfessionnel;
  plan_actions: TablePlanActions;
  plan_actions_version: TablePlanActionsVersion;
}

/** Profil de compétences d'un parcours : document JSON (ProfilCompetences) versionné (migration 0009). */
export interface TableProfilCompetences {
  parcours_id: string;
  contenu: string;
  version: number;
  modifie_par: string;
  cree_le: string;
  modifie_le: string;
}

export interface TablePisteRetenue {
  parcours_id: string;
  code_rome: string;
  libelle: string;
  commentaire: string | null;
  auteur_id: string;
  cree_le: string;
}

export interface TableProjetProfessionnel {
  id: string;
  parcours_id: string;
  code_rome: string;
  libelle_metier: string;
  type_changement: string;
  description: string | null;
  statut: string;
  /** JSON : la stratégie confirmée ou corrigée par le conseiller (DecisionStrategie). */
  decision: string | null;
  version: number;
  auteur_id: string;
  cree_le: string;
  modifie_le: string;
}
