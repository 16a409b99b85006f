import type { Role, TypeOperateur } from "../domain/organisation.js";
import type { Niveau, Phase, StatutParcours } from "../domain/parcours.js";

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
}

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
}

export interface SessionsRepository {
  creer(s: Session): Promise<void>;
  /** Session valide (non expirée à `maintenant`) par identifiant, avec son compte actif. */
  trouver(id: string, maintenant: string): Promise<(Session & { compte: Compte }) | undefined>;
  prolonger(id: string, expireLe: string): Promise<void>;
  supprimer(id: string): Promise<void>;
  supprimerPourCompte(compteId: string): Promise<void>;
}

export interface JetonsReinitialisationRepository {
  creer(j: { hash: string; compteId: string; expireLe: string; creeLe: string }): Promise<void>;
  /** Marque le jeton utilisé et renvoie son compte, si le jeton existe, n'a pas servi et n'a pas expiré. */
  consommer(hash: string, maintenant: string): Promise<string | undefined>;
}

export interface ParcoursRepository {
  creer(p: Omit<Parcours, "version">): Promise<void>;
  parId(id: string): Promise<Parcours | undefined>;
  listerParOperateur(operateurId: string, filtre?: { referentId?: string }): Promise<Parcours[]>;
  listerParBeneficiaire(beneficiaireId: string): Promise<Parcours[]>;
  /** Vrai si le bénéficiaire a au moins un parcours chez cet opérateur. */
  beneficiaireSuiviPar(beneficiaireId: string, operateurId: string): Promise<boolean>;
}

export interface AuditRepository {
  ajouter(e: NouvelEvenementAudit): Promise<void>;
  listerParBeneficiaire(beneficiaireId: string, limite: number): Promise<EvenementAudit[]>;
}

export interface LimitesDebitRepository {
  /** Incrémente le compteur de la clé pour la fenêtre donnée et renvoie la nouvelle valeur (partagé entre processus). */
  incrementer(cle: string, fenetre: string): Promise<number>;
  purgerAvant(fenetre: string): Promise<void>;
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
}

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

export interface ReferentielsRepository {
  versionsActives(): Promise<VersionReferentiel[]>;
  versionActive(nom: string): Promise<VersionReferentiel | undefined>;
  domaines(): Promise<DomaineMetier[]>;
  fiches(filtre: { domaine?: string; transitionEcologique?: boolean }): Promise<FicheResumee[]>;
  fiche(codeRome: string): Promise<FicheMetier | undefined>;
  /** Chiffres BMO des métiers BMO correspondant à un code ROME v3 (fiche.codeRomeParent), France et région. */
  marche(codeRomeV3: string, region?: string): Promise<MarcheMetier>;
  donneesIndex(): Promise<DonneesIndexMetiers>;
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
}

export interface CommuneTrouvee {
  code: string;
  nom: string;
  codesPostaux: string[];
  departement: { code: string; nom: string };
  region: { code: string; nom: string };
}

/** Découpage administratif (communes, départements, régions). */
export interface ServiceTerritoires {
  rechercher(texte: string, limite: number): CommuneTrouvee[];
  regions(): { code: string; nom: string }[];
}

/** Tous les dépôts, liés à une même transaction. */
export interface Depots {
  operateurs: OperateursRepository;
  sites: SitesRepository;
  comptes: ComptesRepository;
  sessions: SessionsRepository;
  jetons: JetonsReinitialisationRepository;
  parcours: ParcoursRepository;
  audit: AuditRepository;
  limites: LimitesDebitRepository;
  referentiels: ReferentielsRepository;
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

export interface HachageMotDePasse {
  hacher(motDePasse: string): Promise<string>;
  /** `hash` null : calcule quand même une vérification (temps constant) et renvoie false. */
  verifier(hash: string | null, motDePasse: string): Promise<boolean>;
}
