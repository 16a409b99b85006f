/** Tables des référentiels versionnés (migration 0002). Booléens en 0/1, `version_id` → referentiel_version.id. */

export interface TableReferentielVersion {
  id: string;
  nom: string;
  version: string;
  source: string;
  statut: "chargement" | "active" | "precedente";
  compteurs: string | null;
  charge_le: string;
  active_le: string | null;
}

export interface TableRomeDomaine {
  version_id: string;
  code: string;
  libelle: string;
  parent: string | null;
}

export interface TableRomeFiche {
  version_id: string;
  code_rome: string;
  code_ogr: string;
  libelle: string;
  code_domaine: string;
  transition_eco: string | null;
  transition_num: number;
  transition_demo: number;
  emploi_reglemente: number;
  emploi_cadre: number;
  code_rome_parent: string | null;
  riasec_majeur: string | null;
  riasec_mineur: string | null;
  definition: string | null;
  acces: string | null;
}

export interface TableRomeAppellation {
  version_id: string;
  code_ogr: string;
  code_rome: string;
  libelle: string;
  libelle_court: string;
  principale: number;
  peu_usite: number;
}

export interface TableRomeItem {
  version_id: string;
  code_ogr: string;
  libelle: string;
  rubrique: string;
  categorie: string | null;
  sous_categorie: string | null;
  macro_code_ogr: string | null;
}

export interface TableRomeLien {
  version_id: string;
  code_rome: string;
  code_ogr: string;
  coeur_metier: string | null;
}

export interface TableRomeMobilite {
  version_id: string;
  code_rome: string;
  code_rome_cible: string;
  ordre: number;
}

export interface TableBmoBassin {
  version_id: string;
  code_metier: string;
  libelle_metier: string;
  code_region: string;
  nom_region: string;
  code_departement: string;
  code_bassin: string;
  projets: number | null;
  difficiles: number | null;
  saisonniers: number | null;
}

export interface TableFapRome {
  version_id: string;
  code_rome_v3: string;
  qualification: string;
  code_fap341: string;
  code_fap228: string;
}

export interface TableCertification {
  version_id: string;
  numero_fiche: string;
  intitule: string | null;
  niveau: string | null;
  actif: number | null;
}

export interface TableCertificationRome {
  version_id: string;
  numero_fiche: string;
  code_rome: string;
}

export interface TableCertificationCertificateur {
  version_id: string;
  numero_fiche: string;
  siret: string;
  nom: string;
}

export interface TableEscoMetier {
  version_id: string;
  uri: string;
  libelle: string;
  libelles_alternatifs: string;
}

export interface TableEscoRome {
  version_id: string;
  uri: string;
  code_ogr: string;
  relation: string;
}

export interface SchemaReferentiels {
  referentiel_version: TableReferentielVersion;
  rome_domaine: TableRomeDomaine;
  rome_fiche: TableRomeFiche;
  rome_appellation: TableRomeAppellation;
  rome_item: TableRomeItem;
  rome_lien: TableRomeLien;
  rome_mobilite: TableRomeMobilite;
  bmo_bassin: TableBmoBassin;
  fap_rome: TableFapRome;
  certification: TableCertification;
  certification_rome: TableCertificationRome;
  certification_certificateur: TableCertificationCertificateur;
  esco_metier: TableEscoMetier;
  esco_rome: TableEscoRome;
}
