import type {
  CertificationLiee,
  DecisionStrategie,
  TypeChangement,
} from "../domain/competences/faisabilite.js";
import type { DonneesPistes, MarchePiste, MoteurPistes } from "../domain/competences/pistes.js";
import type { ProfilCompetences } from "../domain/competences/profil.js";
import type { Modalite, Situation, StatutRendezVous, TypeConsentement } from "../domain/dossier.js";
import type { ParcoursEchange, ReunionSuivie } from "../domain/echanges.js";
import type {
  DocumentPilotage,
  EntretiensParModalite,
  FiltrePilotage,
  MomentSatisfaction,
  ParcoursPilotage,
  ReorientationPilotage,
  ReponseSatisfaction,
  ReunionPilotage,
} from "../domain/indicateurs.js";
import type { MetierRegion } from "../domain/marcheTerritoire.js";
import type { Role, TypeOperateur } from "../domain/organisation.js";
import type { DecisionNiveau1, PortailRegional } from "../domain/orientation.js";
import type { Niveau, Phase, StatutParcours, TransitionDatee } from "../domain/parcours.js";
import type { ContenuPlan, StatutVersionPlan } from "../domain/plan/plan.js";
import type { LieuReunion } from "../domain/reunions.js";
import type { TypeDestinataire } from "../domain/syntheseDossier.js";

/**
 * Ports de la couche application : ce dont les cas d'usage ont besoin, sans savoir comment c'est stocké.
 * src/storage les implémente pour SQLite et PostgreSQL ; la suite de contrat test/storage les vérifie sur les deux.
 * Les dates sont des chaînes ISO 8601 en UTC.
 */

export interface Operateur {
  id: string;
  nom: string;
  type: TypeOperateur;
  codeRegion: string | null;
  version: number;
  creeLe: string;
}

export interface Site {
  id: string;
  operateurId: string;
  nom: string;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
  version: number;
  creeLe: string;
}

export interface Compte {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  role: Role;
  operateurId: string | null;
  actif: boolean;
  demo: boolean;
  echecsConnexion: number;
  verrouilleJusquA: string | null;
  version: number;
  creeLe: string;
}

export interface CompteAvecSecret extends Compte {
  hashMotDePasse: string | null;
}

export interface Session {
  id: string;
  compteId: string;
  jetonCsrf: string;
  creeLe: string;
  expireLe: string;
}

export interface Parcours {
  id: string;
  beneficiaireId: string;
  operateurId: string;
  referentId: string | null;
  niveau: Niveau;
  phase: Phase | null;
  statut: StatutParcours;
  version: number;
  creeLe: string;
  modifieLe: string;
  /** La demande, dans les mots du bénéficiaire. */
  demande: string | null;
  situation: Situation;
  /** Conseiller qui remplace temporairement le référent (absence), jusqu'à `suppleantJusquAu` (AAAA-MM-JJ). */
  suppleantId: string | null;
  suppleantJusquAu: string | null;
  closLe: string | null;
  anonymiseLe: string | null;
  /** Conseillers avec qui le dossier est partagé (co-suivi), chargés avec le parcours. */
  partageAvec?: string[];
}

export type NouveauParcours = Omit<
  Parcours,
  "version" | "demande" | "situation" | "suppleantId" | "suppleantJusquAu" | "closLe" | "anonymiseLe"
> &
  Partial<Pick<Parcours, "demande" | "situation" | "closLe">>;

/** Une transition gardée : datée, avec son auteur. */
export type TransitionEnregistree = TransitionDatee & {
  id: string;
  parcoursId: string;
  auteurId: string | null;
};

export interface Note {
  id: string;
  parcoursId: string;
  auteurId: string | null;
  texte: string;
  /** Partagée avec le bénéficiaire ; sinon privée aux conseillers de l'opérateur. */
  partagee: boolean;
  version: number;
  creeLe: string;
  modifieLe: string;
}

export interface Entretien {
  id: string;
  parcoursId: string;
  auteurId: string | null;
  modalite: Modalite;
  siteId: string | null;
  le: string;
  dureeMinutes: number;
  participants: string | null;
  resume: string;
  creeLe: string;
}

export interface RendezVous {
  id: string;
  parcoursId: string;
  auteurId: string | null;
  debut: string;
  dureeMinutes: number;
  modalite: Modalite;
  siteId: string | null;
  lieu: string | null;
  statut: StatutRendezVous;
  rappelEnvoyeLe: string | null;
  version: number;
  creeLe: string;
  modifieLe: string;
}

export interface Message {
  id: string;
  parcoursId: string;
  auteurId: string | null;
  texte: string;
  creeLe: string;
}

export interface Consentement {
  compteId: string;
  type: TypeConsentement;
  accorde: boolean;
  version: number;
  modifieLe: string;
}

export interface DemandeEffacement {
  id: string;
  beneficiaireId: string;
  motif: string | null;
  statut: "en_attente" | "effectuee" | "refusee";
  reponse: string | null;
  traiteePar: string | null;
  traiteeLe: string | null;
  version: number;
  creeLe: string;
}

export interface Transfert {
  id: string;
  parcoursId: string;
  type: "temporaire" | "definitif" | "reorientation";
  auteurId: string | null;
  deCompteId: string | null;
  versCompteId: string | null;
  versOperateurId: string | null;
  jusquAu: string | null;
  motif: string;
  statut: "effectue" | "en_attente" | "accepte" | "refuse";
  reponse: string | null;
  reponduLe: string | null;
  version: number;
  creeLe: string;
}

export interface FiltreParcours {
  operateurId: string;
  /** Conseiller : seulement les dossiers dont il est référent, suppléant, ou sans référent (file d'attente). */
  visiblesPar?: string;
  referentId?: string;
  /** Seulement les dossiers sans référent (file d'attente de l'opérateur). */
  sansReferent?: boolean;
  niveau?: Niveau;
  phase?: Phase;
  statut?: StatutParcours;
  /** Sans entretien ni message depuis cette date (ISO). */
  sansContactDepuis?: string;
  /** Instant à partir duquel chercher le prochain rendez-vous (non annulé). */
  maintenant: string;
  /** Seulement les dossiers dont le prochain rendez-vous est avant cette date. */
  rendezVousAvant?: string;
  recherche?: string;
}

/** Une page d'une liste : combien de lignes au plus, et combien en sauter. */
export interface PageDemandee {
  limite: number;
  decalage: number;
}

/** Un parcours dans une liste, avec son dernier contact et son prochain rendez-vous. */
export type ParcoursListe = Parcours & { dernierContact: string | null; prochainRendezVous: string | null };

export interface EvenementAudit {
  id: string;
  horodatage: string;
  acteurCompteId: string | null;
  acteurRole: Role | "anonyme" | "systeme";
  action: string;
  resultat: "succes" | "refus" | "echec";
  beneficiaireId: string | null;
  objetType: string | null;
  objetId: string | null;
  requeteId: string;
  details: string | null;
}

export type NouvelEvenementAudit = Omit<EvenementAudit, "id">;

export interface OperateursRepository {
  creer(o: Omit<Operateur, "version">): Promise<void>;
  parId(id: string): Promise<Operateur | undefined>;
  lister(): Promise<Operateur[]>;
  /** Écriture conditionnée à la version : renvoie false si la version a changé. */
  modifier(
    id: string,
    version: number,
    champs: Partial<Pick<Operateur, "nom" | "type" | "codeRegion">>,
  ): Promise<boolean>;
}

export interface SitesRepository {
  creer(s: Omit<Site, "version">): Promise<void>;
  parId(id: string): Promise<Site | undefined>;
  listerParOperateur(operateurId: string): Promise<Site[]>;
}

export interface FiltreComptes {
  operateurId?: string;
  role?: Role;
}

export interface ComptesRepository {
  creer(c: Omit<CompteAvecSecret, "version" | "echecsConnexion" | "verrouilleJusquA">): Promise<void>;
  parId(id: string): Promise<Compte | undefined>;
  parEmailAvecSecret(email: string): Promise<CompteAvecSecret | undefined>;
  lister(filtre: FiltreComptes): Promise<Compte[]>;
  compter(): Promise<number>;
  enregistrerEchecConnexion(id: string, verrouilleJusquA: string | null): Promise<number>;
  reinitialiserEchecs(id: string): Promise<void>;
  changerMotDePasse(id: string, hash: string): Promise<void>;
  /** Plusieurs comptes en une lecture (listes : évite une requête par ligne) ; l'ordre n'est pas garanti. */
  parIds(ids: readonly string[]): Promise<Compte[]>;
}

export interface SessionsRepository {
  creer(s: Session): Promise<void>;
  /** Session valide (non expirée à `maintenant`) par identifiant, avec son compte actif. */
  trouver(id: string, maintenant: string): Promise<(Session & { compte: Compte }) | undefined>;
  prolonger(id: string, expireLe: string): Promise<void>;
  supprimer(id: string): Promise<void>;
  supprimerPourCompte(compteId: string): Promise<void>;
  /** Supprime les sessions expirées ; renvoie leur nombre. */
  purgerExpirees(maintenant: string): Promise<number>;
}

export interface JetonsReinitialisationRepository {
  creer(j: { hash: string; compteId: string; expireLe: string; creeLe: string }): Promise<void>;
  /** Marque le jeton utilisé et renvoie son compte, si le jeton existe, n'a pas servi et n'a pas expiré. */
  consommer(hash: string, maintenant: string): Promise<string | undefined>;
  /** Supprime les jetons expirés ou utilisés ; renvoie leur nombre. */
  purger(maintenant: string): Promise<number>;
}

export interface ParcoursRepository {
  creer(p: NouveauParcours): Promise<void>;
  /** Écriture conditionnée à la version : false si elle a changé (écriture concurrente). */
  modifier(
    id: string,
    version: number,
    champs: Partial<
      Pick<
        Parcours,
        | "niveau"
        | "phase"
        | "statut"
        | "referentId"
        | "suppleantId"
        | "suppleantJusquAu"
        | "demande"
        | "situation"
        | "closLe"
        | "operateurId"
        | "anonymiseLe"
      >
    >,
    modifieLe: string,
  ): Promise<boolean>;
  /** Une page des parcours qui répondent au filtre (ordre : modifiés le plus récemment d'abord), et leur nombre total. */
  filtrer(f: FiltreParcours, page: PageDemandee): Promise<{ parcours: ParcoursListe[]; total: number }>;
  /** Parcours clos avant cette date et pas encore anonymisés. */
  closAvant(date: string, limite: number): Promise<Parcours[]>;
  parId(id: string): Promise<Parcours | undefined>;
  /** Co-suivi : partages du dossier, du plus ancien au plus récent. */
  partages(parcoursId: string): Promise<{ conseillerId: string; partagePar: string; creeLe: string }[]>;
  partager(p: {
    parcoursId: string;
    conseillerId: string;
    partagePar: string;
    creeLe: string;
  }): Promise<boolean>;
  retirerPartage(parcoursId: string, conseillerId: string): Promise<boolean>;
  listerParOperateur(operateurId: string, filtre?: { referentId?: string }): Promise<Parcours[]>;
  listerParBeneficiaire(beneficiaireId: string): Promise<Parcours[]>;
  /** Vrai si le bénéficiaire a au moins un parcours chez cet opérateur. */
  beneficiaireSuiviPar(beneficiaireId: string, operateurId: string): Promise<boolean>;
}

export interface AuditRepository {
  ajouter(e: NouvelEvenementAudit): Promise<void>;
  /** Plusieurs événements d'un coup (un par personne concernée par un export), par lots. */
  ajouterLot(e: NouvelEvenementAudit[]): Promise<void>;
  listerParBeneficiaire(beneficiaireId: string, limite: number): Promise<EvenementAudit[]>;
}

export interface TransitionsRepository {
  ajouter(t: TransitionEnregistree): Promise<void>;
  lister(parcoursId: string): Promise<TransitionEnregistree[]>;
}

export interface NotesRepository {
  creer(n: Omit<Note, "version">): Promise<void>;
  parId(id: string): Promise<Note | undefined>;
  lister(parcoursId: string, partageesSeulement: boolean): Promise<Note[]>;
  modifier(
    id: string,
    version: number,
    champs: Pick<Note, "texte" | "partagee">,
    modifieLe: string,
  ): Promise<boolean>;
}

export interface EntretiensRepository {
  creer(e: Entretien): Promise<void>;
  lister(parcoursId: string): Promise<Entretien[]>;
}

export interface RendezVousRepository {
  creer(r: Omit<RendezVous, "version" | "rappelEnvoyeLe">): Promise<void>;
  parId(id: string): Promise<RendezVous | undefined>;
  lister(parcoursId: string): Promise<RendezVous[]>;
  changerStatut(id: string, version: number, statut: StatutRendezVous, modifieLe: string): Promise<boolean>;
  /** Rendez-vous non annulés commençant dans l'intervalle, sans rappel envoyé. */
  aRappeler(de: string, a: string): Promise<RendezVous[]>;
  /** Marque le rappel envoyé ; false si un autre processus l'a déjà fait (idempotence). */
  marquerRappel(id: string, le: string): Promise<boolean>;
}

export interface MessagesRepository {
  creer(m: Message): Promise<void>;
  lister(parcoursId: string): Promise<Message[]>;
}

export interface ConsentementsRepository {
  lister(compteId: string): Promise<Consentement[]>;
  /** Crée ou met à jour ; `version` : celle lue (0 si jamais enregistré) ; false si elle a changé. */
  enregistrer(
    compteId: string,
    type: TypeConsentement,
    accorde: boolean,
    version: number,
    le: string,
  ): Promise<boolean>;
}

export interface EffacementsRepository {
  creer(d: Omit<DemandeEffacement, "version" | "reponse" | "traiteePar" | "traiteeLe">): Promise<void>;
  listerParBeneficiaire(beneficiaireId: string): Promise<DemandeEffacement[]>;
  parId(id: string): Promise<DemandeEffacement | undefined>;
  /** Demandes en attente des bénéficiaires qui ont un parcours chez cet opérateur. */
  listerEnAttentePour(operateurId: string): Promise<DemandeEffacement[]>;
  traiter(
    id: string,
    version: number,
    champs: Pick<DemandeEffacement, "statut" | "reponse" | "traiteePar" | "traiteeLe">,
  ): Promise<boolean>;
}

export interface TransfertsRepository {
  creer(t: Omit<Transfert, "version">): Promise<void>;
  parId(id: string): Promise<Transfert | undefined>;
  lister(parcoursId: string): Promise<Transfert[]>;
  listerEnAttentePour(operateurId: string): Promise<Transfert[]>;
  repondre(
    id: string,
    version: number,
    champs: Pick<Transfert, "statut" | "reponse" | "reponduLe">,
  ): Promise<boolean>;
}

/** Effacement des contenus personnels d'un parcours (anonymisation). */
export interface AnonymisationRepository {
  /**
   * Efface les contenus personnels du parcours, et l'identité des inscriptions de la personne aux réunions de
   * l'opérateur du parcours tenues jusqu'à sa clôture (ADR 0004).
   */
  anonymiserParcours(parcoursId: string, le: string): Promise<void>;
  /**
   * Anonymise le compte bénéficiaire si tous ses parcours le sont (et ses inscriptions aux réunions qui restaient
   * nominatives) ; renvoie vrai s'il l'a été.
   */
  anonymiserCompteSiPossible(compteId: string, le: string): Promise<boolean>;
  /**
   * Anonymise les inscriptions aux réunions tenues avant `seancesAvant` de personnes qui n'ont aucun parcours (ni par
   * leur compte, ni par leur adresse) ; renvoie leur nombre.
   */
  anonymiserInscriptionsSansDossier(seancesAvant: string, le: string): Promise<number>;
}

export interface LimitesDebitRepository {
  /** Incrémente le compteur de la clé pour la fenêtre donnée et renvoie la nouvelle valeur (partagé entre processus). */
  incrementer(cle: string, fenetre: string): Promise<number>;
  purgerAvant(fenetre: string): Promise<number>;
}

export interface ExecutionTache {
  nom: string;
  creneau: string;
  processus: string;
  demarreLe: string;
  termineLe: string | null;
  resultat: string | null;
}

/** Exécutions des tâches planifiées : un créneau n'est réservé que par un seul processus, même s'ils sont plusieurs. */
export interface TachesRepository {
  reserver(nom: string, creneau: string, processus: string, maintenant: string): Promise<boolean>;
  terminer(nom: string, creneau: string, maintenant: string, resultat: string): Promise<void>;
  dernieres(nom: string, limite: number): Promise<ExecutionTache[]>;
}

/** Une version chargée d'un référentiel officiel (ROME 4.0, BMO…). */
export interface VersionReferentiel {
  nom: string;
  version: string;
  source: string;
  activeLe: string | null;
  compteurs: Record<string, number>;
}

export interface DomaineMetier {
  code: string;
  libelle: string;
  /** Code du grand domaine ; null pour un grand domaine. */
  parent: string | null;
  nombreFiches: number;
}

export interface FicheResumee {
  codeRome: string;
  libelle: string;
  codeDomaine: string;
  transitionEcologique: string | null;
}

export type RubriqueItem = "savoir_faire" | "savoir_etre" | "savoir" | "contexte";

export interface FicheMetier {
  codeRome: string;
  libelle: string;
  domaine: { code: string; libelle: string; grandDomaine: { code: string; libelle: string } } | null;
  definition: string | null;
  acces: string | null;
  transitionEcologique: string | null;
  transitionNumerique: boolean;
  transitionDemographique: boolean;
  emploiReglemente: boolean;
  emploiCadre: boolean;
  codeRomeParent: string | null;
  riasec: { majeur: string | null; mineur: string | null };
  appellations: { codeOgr: string; libelle: string; principale: boolean; peuUsite: boolean }[];
  items: {
    codeOgr: string;
    libelle: string;
    rubrique: RubriqueItem;
    categorie: string | null;
    sousCategorie: string | null;
    coeurMetier: string | null;
    macroCompetence: { codeOgr: string; libelle: string } | null;
  }[];
  mobilites: { codeRome: string; libelle: string; ordre: number }[];
}

/** Ce qu'il faut pour construire l'index de recherche d'intitulés (src/referentiels/recherche). */
export interface DonneesIndexMetiers {
  fiches: { codeRome: string; libelle: string }[];
  appellations: {
    codeOgr: string;
    codeRome: string;
    libelle: string;
    libelleCourt: string;
    principale: boolean;
    peuUsite: boolean;
  }[];
  items: { codeRome: string; libelle: string; rubrique: string; coeurMetier: string | null }[];
  /**
   * Libellés ESCO (préféré et alternatifs) rattachés aux appellations par la correspondance officielle ESCO ↔ ROME ;
   * absent ou vide si le référentiel ESCO n'est pas importé.
   */
  synonymes?: { codeOgr: string; libelle: string; relation: RelationEsco }[];
  /** Projets de recrutement de l'année (BMO, France entière) par fiche, pour départager ; absent sans BMO. */
  projets?: { codeRome: string; projets: number }[];
}

/** Relation SKOS de la correspondance ESCO ↔ ROME, du métier ESCO vers l'appellation ROME. */
export type RelationEsco = "exactMatch" | "closeMatch" | "broadMatch" | "narrowMatch";

/** Chiffres d'un métier BMO sur un territoire ; null = secret statistique sur tout le territoire. */
export interface ChiffresBmo {
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
  /** Bassins d'emploi dont le chiffre est couvert par le secret statistique (les totaux sont alors des minimums). */
  bassinsSecrets: number;
  bassins: number;
}

export interface MarcheMetier {
  regionConnue: boolean;
  /** Régions de l'enquête, pour choisir. */
  regions: { code: string; nom: string }[];
  metiers: {
    codeMetier: string;
    libelle: string;
    france: ChiffresBmo;
    region: (ChiffresBmo & { code: string; nom: string; rang: number | null; nombreMetiers: number }) | null;
  }[];
}

/** Le marché du travail d'une région (enquête BMO), avant sélection (src/domain/marcheTerritoire.ts). */
export interface MarcheRegion {
  region: { code: string; nom: string } | null;
  /** Régions couvertes par l'enquête. */
  regions: { code: string; nom: string }[];
  metiers: MetierRegion[];
}

export interface ReferentielsRepository {
  versionsActives(): Promise<VersionReferentiel[]>;
  versionActive(nom: string): Promise<VersionReferentiel | undefined>;
  domaines(): Promise<DomaineMetier[]>;
  fiches(filtre: { domaine?: string; transitionEcologique?: boolean }): Promise<FicheResumee[]>;
  fiche(codeRome: string): Promise<FicheMetier | undefined>;
  /** Chiffres BMO des métiers BMO correspondant à un code ROME v3 (fiche.codeRomeParent), France et région. */
  marche(codeRomeV3: string, region?: string): Promise<MarcheMetier>;
  /**
   * Tous les métiers BMO d'une région (sommes des bassins d'emploi, secret statistique → null), chacun avec les fiches
   * ROME 4.0 qui s'y rattachent (code ROME v3 de la fiche → FAP de la Dares) ; `region` null si l'enquête ne la couvre pas.
   */
  marcheRegion(codeRegion: string): Promise<MarcheRegion>;
  donneesIndex(): Promise<DonneesIndexMetiers>;
  /** Ce qu'il faut au moteur de pistes métiers (fiches, items, liens, mobilités, appellations, code ROME v3). */
  donneesPistes(): Promise<DonneesPistes & { fichesV3: { codeRome: string; codeRomeV3: string | null }[] }>;
  /** Certifications RNCP/RS liées à des codes ROME (v3 : le code parent de la fiche ROME 4.0). */
  certificationsDuRome(codesRome: string[]): Promise<CertificationLiee[]>;
  /** BMO agrégé par région et métier BMO, avec la correspondance ROME v3 → métier BMO (FAP 228). */
  marcheRegional(): Promise<{
    lignes: {
      codeRegion: string;
      nomRegion: string;
      codeMetier: string;
      projets: number | null;
      difficiles: number | null;
      saisonniers: number | null;
    }[];
    fap: { codeRomeV3: string; codeMetier: string }[];
  }>;
}

/** Un résultat de la recherche d'intitulés : l'appellation trouvée et sa fiche, meilleur score d'abord. */
export interface ResultatRechercheMetier {
  codeRome: string;
  libelleRome: string;
  appellation: { codeOgr: string; libelle: string };
  score: number;
}

/** Les référentiels en mémoire (index de recherche), reconstruits après chaque import. */
export interface ServiceMetiers {
  rechercher(texte: string, limite: number): ResultatRechercheMetier[] | undefined;
  /** Le moteur de pistes métiers ; absent tant que le ROME n'est pas chargé. */
  moteurPistes?(): MoteurPistes | undefined;
  /** Chiffres BMO par fiche ROME pour une région (undefined si la région n'est pas dans l'enquête). */
  marcheRegion?(codeRegion: string): Map<string, MarchePiste> | undefined;
  regionsMarche?(): { code: string; nom: string }[];
}

export interface CommuneTrouvee {
  code: string;
  nom: string;
  codesPostaux: string[];
  departement: { code: string; nom: string };
  region: { code: string; nom: string };
}

/** Découpage administratif (communes, départements, régions). */
export interface ServiceTerritoires extends Territoires {
  rechercher(texte: string, limite: number): CommuneTrouvee[];
  regions(): { code: string; nom: string }[];
}

/** Tous les dépôts, liés à une même transaction. */
/** Valeur datée d'un paramètre de financement fixée par un administrateur (historique en ajout seul). */
export interface SurchargeParametre {
  id: string;
  parametreId: string;
  /** Date d'effet, AAAA-MM-JJ. */
  debut: string;
  valeur: number | null;
  source: string;
  motif: string;
  auteurCompteId: string;
  creeLe: string;
}

export interface ParametresFinancementRepository {
  /** Toutes les surcharges, dans l'ordre d'enregistrement (la dernière l'emporte à date de début égale). */
  surcharges(): Promise<SurchargeParametre[]>;
  /** Version courante du paramètre (0 s'il n'a jamais été surchargé). */
  version(parametreId: string): Promise<number>;
  /** Versions de tous les paramètres déjà surchargés. */
  versions(): Promise<Record<string, number>>;
  /** Ajoute une surcharge si la version est toujours `versionAttendue` ; faux sinon (écriture concurrente). */
  ajouterSurcharge(s: SurchargeParametre, versionAttendue: number): Promise<boolean>;
}

/** État des lieux de niveau 1 (une fiche par parcours). */
export interface EtatDesLieux {
  parcoursId: string;
  demande: string;
  besoin: string;
  informations: string;
  decision: DecisionNiveau1;
  orientation: string;
  auteurId: string;
  version: number;
  creeLe: string;
  modifieLe: string;
}

export interface EtatsDesLieuxRepository {
  lire(parcoursId: string): Promise<EtatDesLieux | undefined>;
  /**
   * Crée (versionAttendue 0) ou modifie la fiche à condition que sa version n'ait pas changé ;
   * false : écriture concurrente.
   */
  enregistrer(e: Omit<EtatDesLieux, "version" | "creeLe">, versionAttendue: number): Promise<boolean>;
}

/** Réunion collective d'information d'un opérateur. */
export interface ReunionInformation {
  id: string;
  operateurId: string;
  theme: string;
  lieu: LieuReunion;
  siteId: string | null;
  debut: string;
  dureeMinutes: number;
  places: number;
  version: number;
  creeLe: string;
}

export interface InscriptionReunion {
  id: string;
  reunionId: string;
  nom: string;
  email: string;
  compteId: string | null;
  inscritLe: string;
  annuleeLe: string | null;
  present: boolean | null;
  version: number;
}

export interface ReunionsRepository {
  creer(r: Omit<ReunionInformation, "version">): Promise<void>;
  parId(id: string): Promise<ReunionInformation | undefined>;
  /** Séances à partir de cette date, les plus proches d'abord (toutes les opérateurs si non précisé). */
  aVenir(depuis: string, operateurId?: string): Promise<ReunionInformation[]>;
  inscrire(i: Omit<InscriptionReunion, "version" | "annuleeLe" | "present">): Promise<void>;
  inscriptions(reunionId: string): Promise<InscriptionReunion[]>;
  inscriptionParId(id: string): Promise<InscriptionReunion | undefined>;
  /** Écritures conditionnées à la version : false si elle a changé. */
  annuler(id: string, version: number, le: string): Promise<boolean>;
  marquerPresence(id: string, version: number, present: boolean): Promise<boolean>;
  /** Inscriptions d'un compte, avec leur séance (pour la chronologie du parcours). */
  inscriptionsDuCompte(compteId: string): Promise<(InscriptionReunion & { reunion: ReunionInformation })[]>;
}

/** Lignes du dossier dont se nourrissent les indicateurs de pilotage (parcours suivis pendant la période). */
export interface PilotageRepository {
  /**
   * Lignes des indicateurs : chaque parcours choisi par le filtre (et la période), déjà restreint par la base, est passé
   * à `ajouter` à mesure de la lecture (sans être gardé) ; le reste est rendu à la fin.
   */
  lignes(
    f: FiltrePilotage & { debut: string; fin: string },
    ajouter: (p: ParcoursPilotage) => void,
  ): Promise<{
    reorientations: ReorientationPilotage[];
    entretiens: EntretiensParModalite[];
    reunions: ReunionPilotage[];
    documents: DocumentPilotage[];
  }>;
  /**
   * Partage des données (docs/echanges.md) : parcours non anonymisés dont le dossier a changé pendant la période (une
   * transition datée dans la période, ou leur dernière modification), avec transitions, entretiens et état des lieux
   * jusqu'à la fin de la période ; inscriptions de ces personnes aux réunions d'information de l'opérateur.
   */
  echanges(f: { operateurId?: string; debut: string; fin: string }): Promise<{
    parcours: ParcoursEchange[];
    reunions: ReunionSuivie[];
  }>;
  /** Parcours clos dans l'intervalle [de, a[, non anonymisés, avec l'adresse de la personne (envoi du questionnaire). */
  closEntre(
    de: string,
    a: string,
  ): Promise<
    {
      id: string;
      operateurId: string;
      codeRegion: string | null;
      email: string;
      prenom: string;
      actif: boolean;
    }[]
  >;
}

export interface InvitationSatisfaction {
  hash: string;
  cleEnvoi: string;
  operateurId: string;
  codeRegion: string | null;
  moment: MomentSatisfaction;
  creeLe: string;
  expireLe: string;
  utiliseLe: string | null;
}

/** Satisfaction, rangée à part du dossier (migration 0007) : aucune réponse ne se relie à un parcours. */
export interface SatisfactionRepository {
  /** Crée l'invitation ; faux si une invitation existe déjà pour cette clé d'envoi. */
  inviter(i: Omit<InvitationSatisfaction, "utiliseLe">): Promise<boolean>;
  invitation(hash: string): Promise<InvitationSatisfaction | undefined>;
  /** Marque l'invitation utilisée si elle ne l'était pas ; faux sinon (second usage). */
  utiliser(hash: string, le: string): Promise<boolean>;
  repondre(
    r: ReponseSatisfaction & { id: string; operateurId: string; codeRegion: string | null; creeLe: string },
  ): Promise<void>;
  reponses(f: {
    operateurId?: string;
    debut: string;
    fin: string;
  }): Promise<(ReponseSatisfaction & { codeRegion: string | null })[]>;
}

/** Document de synthèse (migration 0011, docs/synthese.md). */
export interface BrouillonSynthese {
  parcoursId: string;
  niveau: 1 | 2;
  conclusions: string | null;
  prochainesEtapes: string | null;
  auteurId: string;
  version: number;
  creeLe: string;
  modifieLe: string;
}

/** Une version émise : figée (contenu en JSON canonique et son empreinte SHA-256). */
export interface VersionSynthese {
  id: string;
  parcoursId: string;
  numero: number;
  niveau: 1 | 2;
  contenu: string;
  empreinte: string;
  emiseLe: string;
  emisePar: string;
  accuseeLe: string | null;
}

export interface CorrectionSynthese {
  id: string;
  parcoursId: string;
  numero: number;
  auteurId: string;
  commentaire: string;
  demandeeLe: string;
  traiteeLe: string | null;
  /** Numéro de la version émise qui a répondu à la demande. */
  corrigeeParNumero: number | null;
}

/** Accord exprès du bénéficiaire pour partager sa synthèse avec un destinataire nommé ; révocable. */
export interface AccordPartageSynthese {
  id: string;
  parcoursId: string;
  beneficiaireId: string;
  destinataire: string;
  typeDestinataire: TypeDestinataire;
  accordeLe: string;
  retireLe: string | null;
  version: number;
}

export interface LienPartageSynthese {
  hash: string;
  accordId: string;
  parcoursId: string;
  numero: number;
  creePar: string;
  creeLe: string;
  expireLe: string;
}

export interface SynthesesRepository {
  brouillon(parcoursId: string): Promise<BrouillonSynthese | undefined>;
  /** Crée (versionAttendue 0) ou modifie le brouillon si sa version n'a pas changé ; false sinon. */
  enregistrerBrouillon(
    b: Omit<BrouillonSynthese, "version" | "creeLe">,
    versionAttendue: number,
  ): Promise<boolean>;
  /** Versions émises, la plus ancienne d'abord. */
  versions(parcoursId: string): Promise<VersionSynthese[]>;
  version(parcoursId: string, numero: number): Promise<VersionSynthese | undefined>;
  /** Fige une version ; false si ce numéro existe déjà (émission concurrente). */
  emettre(v: Omit<VersionSynthese, "accuseeLe">): Promise<boolean>;
  /** Accusé de lecture ; false s'il était déjà posé. */
  accuser(parcoursId: string, numero: number, le: string): Promise<boolean>;
  corrections(parcoursId: string): Promise<CorrectionSynthese[]>;
  demanderCorrection(c: Omit<CorrectionSynthese, "traiteeLe" | "corrigeeParNumero">): Promise<void>;
  /** Marque traitées les demandes en attente, par la version `numero` ; renvoie leur nombre. */
  traiterCorrections(parcoursId: string, numero: number, le: string): Promise<number>;
  accords(parcoursId: string): Promise<AccordPartageSynthese[]>;
  accord(id: string): Promise<AccordPartageSynthese | undefined>;
  donnerAccord(a: Omit<AccordPartageSynthese, "version" | "retireLe">): Promise<void>;
  /** Retire l'accord si sa version n'a pas changé ; false sinon. */
  retirerAccord(id: string, version: number, le: string): Promise<boolean>;
  creerLien(l: LienPartageSynthese): Promise<void>;
  lien(hash: string): Promise<LienPartageSynthese | undefined>;
}

/** Une version du plan d'actions d'un parcours (docs/plan.md). */
export interface VersionPlan {
  parcoursId: string;
  numero: number;
  contenu: ContenuPlan;
  statut: StatutVersionPlan;
  /** Motif de la révision qui a créé cette version (null pour la première). */
  motif: string | null;
  auteurId: string | null;
  convenuLe: string | null;
  convenuPar: string | null;
  creeLe: string;
  modifieLe: string;
}

/** Le plan d'un parcours : `version` pour les écritures concurrentes, la version en cours du plan. */
export interface PlanActions {
  parcoursId: string;
  version: number;
  numeroCourant: number;
  creeLe: string;
  modifieLe: string;
  courante: VersionPlan;
}

export interface PlansRepository {
  lire(parcoursId: string): Promise<PlanActions | undefined>;
  /** Toutes les versions, de la première à la dernière. */
  versions(parcoursId: string): Promise<VersionPlan[]>;
  version(parcoursId: string, numero: number): Promise<VersionPlan | undefined>;
  /** Crée le plan avec sa première version ; false s'il existe déjà. */
  creer(v: VersionPlan): Promise<boolean>;
  /** Modifie la version en cours si le plan est toujours à `versionAttendue` ; false sinon (écriture concurrente). */
  modifierCourante(
    parcoursId: string,
    versionAttendue: number,
    champs: Pick<VersionPlan, "contenu" | "statut" | "convenuLe" | "convenuPar" | "modifieLe">,
  ): Promise<boolean>;
  /** Ajoute une version qui devient la version en cours, si le plan est toujours à `versionAttendue`. */
  reviser(versionAttendue: number, v: VersionPlan): Promise<boolean>;
  /** La dernière version convenue (pour la synthèse), s'il y en a une. */
  derniereConvenue(parcoursId: string): Promise<VersionPlan | undefined>;
}

export interface Depots {
  syntheses: SynthesesRepository;
  etatsDesLieux: EtatsDesLieuxRepository;
  reunions: ReunionsRepository;
  pilotage: PilotageRepository;
  satisfaction: SatisfactionRepository;
  financement: ParametresFinancementRepository;
  operateurs: OperateursRepository;
  sites: SitesRepository;
  comptes: ComptesRepository;
  sessions: SessionsRepository;
  jetons: JetonsReinitialisationRepository;
  parcours: ParcoursRepository;
  audit: AuditRepository;
  limites: LimitesDebitRepository;
  taches: TachesRepository;
  transitions: TransitionsRepository;
  notes: NotesRepository;
  entretiens: EntretiensRepository;
  rendezVous: RendezVousRepository;
  messages: MessagesRepository;
  consentements: ConsentementsRepository;
  effacements: EffacementsRepository;
  transferts: TransfertsRepository;
  anonymisation: AnonymisationRepository;
  referentiels: ReferentielsRepository;
  competences: CompetencesRepository;
  plans: PlansRepository;
}

/** Profil de compétences enregistré d'un parcours (document versionné). */
export interface ProfilEnregistre {
  parcoursId: string;
  profil: ProfilCompetences;
  version: number;
  modifiePar: string;
  modifieLe: string;
}

export interface PisteRetenue {
  parcoursId: string;
  codeRome: string;
  libelle: string;
  commentaire: string | null;
  auteurId: string;
  creeLe: string;
}

export type StatutProjet = "hypothese" | "retenu" | "abandonne";

export interface ProjetProfessionnel {
  id: string;
  parcoursId: string;
  codeRome: string;
  libelleMetier: string;
  typeChangement: TypeChangement;
  description: string | null;
  statut: StatutProjet;
  decision: DecisionStrategie | null;
  version: number;
  auteurId: string;
  creeLe: string;
  modifieLe: string;
}

/** Profil, pistes retenues et projets (migration 0009) ; les écritures versionnées renvoient faux sur conflit. */
export interface CompetencesRepository {
  profil(parcoursId: string): Promise<ProfilEnregistre | undefined>;
  enregistrerProfil(
    p: { parcoursId: string; profil: ProfilCompetences; modifiePar: string; modifieLe: string },
    versionAttendue: number,
  ): Promise<boolean>;
  pistes(parcoursId: string): Promise<PisteRetenue[]>;
  retenirPiste(p: PisteRetenue): Promise<void>;
  retirerPiste(parcoursId: string, codeRome: string): Promise<boolean>;
  projets(parcoursId: string): Promise<ProjetProfessionnel[]>;
  projet(id: string): Promise<ProjetProfessionnel | undefined>;
  creerProjet(p: ProjetProfessionnel): Promise<void>;
  /** Met à jour les champs donnés si la version est la version attendue. */
  modifierProjet(
    id: string,
    versionAttendue: number,
    champs: Partial<
      Pick<
        ProjetProfessionnel,
        "codeRome" | "libelleMetier" | "typeChangement" | "description" | "statut" | "decision"
      >
    > & { modifieLe: string },
  ): Promise<boolean>;
  /** Efface tout ce que le parcours contient (anonymisation, effacement). */
  effacerParcours(parcoursId: string): Promise<void>;
}

/** Unité de travail : exécute une fonction dans une transaction ; tout ou rien. */
export interface Stockage {
  readonly type: "sqlite" | "postgresql";
  transaction<T>(fn: (depots: Depots) => Promise<T>): Promise<T>;
  /** Dépôts hors transaction (lectures simples, compteurs). */
  depots: Depots;
  fermer(): Promise<void>;
}

export interface Courriel {
  a: string;
  sujet: string;
  texte: string;
  pieceJointes?: { nom: string; contenu: string; type: string }[];
}

export interface Messagerie {
  envoyer(c: Courriel): Promise<void>;
}

export interface Horloge {
  maintenant(): Date;
}

/** Territoires : résolution d'un code postal vers sa région (l'index partagé des territoires la remplacera). */
export interface Territoires {
  regionDuCodePostal(codePostal: string): Promise<{ code: string; nom: string } | null>;
}

/** Référentiels nécessaires à l'aiguillage (fichiers officiels, lus au besoin). */
export interface ReferentielsOrientation {
  territoires: Territoires;
  portailsRegionaux(): Promise<PortailRegional[]>;
}

export interface HachageMotDePasse {
  hacher(motDePasse: string): Promise<string>;
  /** `hash` null : calcule quand même une vérification (temps constant) et renvoie false. */
  verifier(hash: string | null, motDePasse: string): Promise<boolean>;
}
