import { existsSync } from "node:fs";
import path from "node:path";
import type { Base } from "../storage/base.js";
import {
  analyser,
  basculer,
  compter,
  controlerLiensRome,
  creerVersion,
  insererParLots,
  type Progression,
  purgerVersionsInactives,
  supprimerVersion,
  TABLES_REFERENTIEL,
  versionActive,
} from "../storage/referentiels.js";
import { importerBmo } from "./bmo/import.js";
import { importerCertifications, sourceCertifications } from "./certifications/import.js";
import { ErreurImport } from "./csv.js";
import { importerEsco, repertoireEsco } from "./esco/import.js";
import { detecterVersion, lireRome, type SourceFichiers } from "./rome/lecture.js";
import { ouvrirSourceRome } from "./sources.js";

/**
 * Import versionné d'un référentiel : la nouvelle version est chargée à côté de l'active, contrôlée (nombres de lignes,
 * liens), puis basculée en une transaction. Toute erreur laisse la version active intacte. Réimporter la même version
 * ne fait rien.
 */

export interface ResultatImport {
  nom: string;
  version: string;
  statut: "importe" | "deja_a_jour";
  compteurs: Record<string, number>;
  dureeMs: number;
}

export const attributionRome = (version: string) => `Source : France Travail, ROME 4.0 (${version})`;

export async function importerRome(
  base: Base,
  source: SourceFichiers,
  options: { progression?: Progression; maintenant?: () => Date } = {},
): Promise<ResultatImport> {
  const debut = Date.now();
  const maintenant = () => (options.maintenant?.() ?? new Date()).toISOString();
  const version = detecterVersion(source.noms());
  const active = await versionActive(base.db, "rome");
  if (version && active?.version === version)
    return {
      nom: "rome",
      version,
      statut: "deja_a_jour",
      compteurs: active.compteurs ? JSON.parse(active.compteurs) : {},
      dureeMs: Date.now() - debut,
    };
  // Lecture et contrôle des fichiers avant toute écriture : un fichier défectueux ne touche pas la base.
  const donnees = await lireRome(source, options.progression);
  await purgerVersionsInactives(base.db, "rome");
  const id = await creerVersion(base.db, "rome", donnees.version, source.description, maintenant());
  try {
    const p = options.progression;
    await base.db.transaction().execute(async (trx) => {
      await insererParLots(
        trx,
        "rome_domaine",
        donnees.domaines.map((d) => ({ version_id: id, code: d.code, libelle: d.libelle, parent: d.parent })),
      );
      await insererParLots(
        trx,
        "rome_fiche",
        donnees.fiches.map((f) => ({
          version_id: id,
          code_rome: f.codeRome,
          code_ogr: f.codeOgr,
          libelle: f.libelle,
          code_domaine: f.codeDomaine,
          transition_eco: f.transitionEco,
          transition_num: f.transitionNum ? 1 : 0,
          transition_demo: f.transitionDemo ? 1 : 0,
          emploi_reglemente: f.emploiReglemente ? 1 : 0,
          emploi_cadre: f.emploiCadre ? 1 : 0,
          code_rome_parent: f.codeRomeParent,
          riasec_majeur: f.riasecMajeur,
          riasec_mineur: f.riasecMineur,
          definition: f.definition,
          acces: f.acces,
        })),
        p,
      );
      await insererParLots(
        trx,
        "rome_appellation",
        donnees.appellations.map((a) => ({
          version_id: id,
          code_ogr: a.codeOgr,
          code_rome: a.codeRome,
          libelle: a.libelle,
          libelle_court: a.libelleCourt,
          principale: a.principale ? 1 : 0,
          peu_usite: a.peuUsite ? 1 : 0,
        })),
        p,
      );
      await insererParLots(
        trx,
        "rome_item",
        donnees.items.map((i) => ({
          version_id: id,
          code_ogr: i.codeOgr,
          libelle: i.libelle,
          rubrique: i.rubrique,
          categorie: i.categorie,
          sous_categorie: i.sousCategorie,
          macro_code_ogr: i.macroCodeOgr,
        })),
        p,
      );
      await insererParLots(
        trx,
        "rome_lien",
        donnees.liens.map((l) => ({
          version_id: id,
          code_rome: l.codeRome,
          code_ogr: l.codeOgr,
          coeur_metier: l.coeurMetier,
        })),
        p,
      );
      await insererParLots(
        trx,
        "rome_mobilite",
        donnees.mobilites.map((m) => ({
          version_id: id,
          code_rome: m.codeRome,
          code_rome_cible: m.codeRomeCible,
          ordre: m.ordre,
        })),
        p,
      );
    });
    await analyser(base.db, TABLES_REFERENTIEL.rome!);
    // Contrôles : ce qui est en base correspond à ce qui a été lu, et chaque lien se résout.
    const attendus: Record<string, number> = {
      domaines: donnees.domaines.length,
      fiches: donnees.fiches.length,
      appellations: donnees.appellations.length,
      items: donnees.items.length,
      liens: donnees.liens.length,
      mobilites: donnees.mobilites.length,
    };
    const tables = {
      domaines: "rome_domaine",
      fiches: "rome_fiche",
      appellations: "rome_appellation",
      items: "rome_item",
      liens: "rome_lien",
      mobilites: "rome_mobilite",
    } as const;
    const ecarts: string[] = [];
    for (const [cle, table] of Object.entries(tables)) {
      const n = await compter(base.db, table, id);
      if (n !== attendus[cle]) ecarts.push(`${table} : ${n} lignes en base, ${attendus[cle]} lues`);
    }
    ecarts.push(...(await controlerLiensRome(base.db, id)));
    if (donnees.fiches.length === 0) ecarts.push("aucune fiche");
    if (ecarts.length)
      throw new ErreurImport(
        `ROME ${donnees.version}`,
        null,
        `contrôle de la version chargée : ${ecarts.join(" ; ")}`,
      );
    await basculer(base.db, "rome", id, attendus, maintenant());
    return {
      nom: "rome",
      version: donnees.version,
      statut: "importe",
      compteurs: attendus,
      dureeMs: Date.now() - debut,
    };
  } catch (e) {
    await supprimerVersion(base.db, "rome", id).catch(() => {});
    throw e;
  }
}

/** Répertoire des données du marché du travail (BMO, tables DARES) à côté du ROME, s'il existe. */
export function repertoireMarche(dossier: string): string | undefined {
  for (const d of [dossier, path.join(dossier, "marche-du-travail")])
    if (existsSync(path.join(d, "dares_rome_v3_qualif_vers_fap2021.csv"))) return d;
  return undefined;
}

/** Les référentiels qu'une source locale contient (le ROME toujours ; une URL ne contient que le ROME). */
export function referentielsDisponibles(source: string): string[] {
  if (/^https?:/.test(source) || !existsSync(source)) return ["rome"];
  return [
    "rome",
    ...(repertoireMarche(source) ? ["bmo"] : []),
    ...(sourceCertifications(source) ? ["certifications"] : []),
    ...(repertoireEsco(source) ? ["esco"] : []),
  ];
}

/**
 * Importe tout ce que la source contient : ROME, puis (si présents) le marché du travail, les certifications RNCP/RS et
 * ESCO (libellés et correspondance ESCO ↔ ROME, sous-répertoire `esco/`).
 */
export async function importerReferentiels(
  base: Base,
  source: string,
  options: { progression?: Progression; maintenant?: () => Date } = {},
): Promise<ResultatImport[]> {
  const resultats = [await importerRome(base, await ouvrirSourceRome(source), options)];
  const marche = !/^https?:/.test(source) && existsSync(source) ? repertoireMarche(source) : undefined;
  if (marche) resultats.push(await importerBmo(base, marche, options));
  const certifications = !/^https?:/.test(source) ? sourceCertifications(source) : undefined;
  if (certifications) resultats.push(await importerCertifications(base, certifications, options));
  const esco = !/^https?:/.test(source) ? repertoireEsco(source) : undefined;
  if (esco) resultats.push(await importerEsco(base, esco, options));
  return resultats;
}
