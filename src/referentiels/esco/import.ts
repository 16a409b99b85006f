import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RelationEsco } from "../../app/ports.js";
import type { Base } from "../../storage/base.js";
import {
  analyser,
  basculer,
  compter,
  creerVersion,
  insererParLots,
  type Progression,
  purgerVersionsInactives,
  supprimerVersion,
  TABLES_REFERENTIEL,
  versionActive,
} from "../../storage/referentiels.js";
import { ErreurImport, type LigneCsv, lireCsv } from "../csv.js";
import type { ResultatImport } from "../import.js";

/**
 * ESCO (Commission européenne, CC BY 4.0) : libellés français des métiers (`occupations_fr.csv`, export ESCO :
 * conceptUri, preferredLabel, altLabels un par ligne) et correspondance officielle ESCO ↔ ROME vers les appellations
 * (`mapping_esco_*_rome_*_appellations.csv`, France Travail : lignes de métadonnées, puis URI ESCO, code OGR de
 * l'appellation, relation SKOS). Sert à enrichir la recherche d'intitulés. Même import versionné que le ROME.
 */

export const FICHIER_METIERS_ESCO = "occupations_fr.csv";
const MOTIF_CORRESPONDANCE = /^mapping_esco_.+_rome_.+_appellations\.csv$/;
const URI = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/;
const RELATIONS: Record<string, RelationEsco> = {
  "skos:exactMatch": "exactMatch",
  "skos:closeMatch": "closeMatch",
  "skos:broadMatch": "broadMatch",
  "skos:narrowMatch": "narrowMatch",
};

/** Le répertoire (ou son sous-répertoire `esco/`) qui contient les deux fichiers ESCO, s'il y en a un. */
export function repertoireEsco(chemin: string): string | undefined {
  if (!existsSync(chemin) || !statSync(chemin).isDirectory()) return undefined;
  for (const d of [chemin, path.join(chemin, "esco")])
    if (
      existsSync(d) &&
      existsSync(path.join(d, FICHIER_METIERS_ESCO)) &&
      readdirSync(d).some((n) => MOTIF_CORRESPONDANCE.test(n))
    )
      return d;
  return undefined;
}

/**
 * La correspondance commence par des lignes « clé,valeur » (projet, version, date…), puis une ligne vide et l'en-tête.
 * Renvoie les métadonnées et les lignes (numérotées comme dans le fichier).
 */
function lireCorrespondance(fichier: string, octets: Uint8Array) {
  const colonnes = ["classification 1 ID", "classification 2 ID", "mapping relation"];
  const octetsB = Buffer.from(octets.buffer, octets.byteOffset, octets.byteLength);
  const position = octetsB.indexOf("\nclassification 1 ID,");
  if (position < 0)
    throw new ErreurImport(
      fichier,
      null,
      "en-tête « classification 1 ID,… » introuvable après les métadonnées",
    );
  const entete = octetsB.subarray(0, position + 1);
  const decalage = entete.filter((b) => b === 0x0a).length;
  const metadonnees = new Map<string, string>();
  for (const l of entete.toString("utf8").split(/\r?\n/)) {
    const i = l.indexOf(",");
    if (i > 0) metadonnees.set(l.slice(0, i).trim(), l.slice(i + 1).trim());
  }
  // L'export officiel n'a pas de fin de ligne après la dernière ligne : une ligne tronquée serait repérée par sa
  // relation (dernier champ) ou son nombre de champs.
  let corps: Uint8Array = octetsB.subarray(position + 1);
  if (corps[corps.length - 1] !== 0x0a) corps = Buffer.concat([corps, Buffer.from("\n")]);
  let lignes: LigneCsv[];
  try {
    lignes = lireCsv(fichier, corps, colonnes);
  } catch (e) {
    if (e instanceof ErreurImport && e.ligne !== null)
      throw new ErreurImport(fichier, e.ligne + decalage, e.message.replace(/^.*?, ligne \d+ : /, ""));
    throw e;
  }
  return { metadonnees, lignes: lignes.map((l) => ({ ...l, ligne: l.ligne + decalage })) };
}

export async function importerEsco(
  base: Base,
  dossier: string,
  options: { progression?: Progression; maintenant?: () => Date } = {},
): Promise<ResultatImport> {
  const debut = Date.now();
  const maintenant = () => (options.maintenant?.() ?? new Date()).toISOString();
  const fichierCorrespondance = readdirSync(dossier).find((n) => MOTIF_CORRESPONDANCE.test(n));
  if (!fichierCorrespondance || !existsSync(path.join(dossier, FICHIER_METIERS_ESCO)))
    throw new ErreurImport(
      dossier,
      null,
      `ESCO incomplet : il faut ${FICHIER_METIERS_ESCO} et mapping_esco_…_rome_…_appellations.csv`,
    );
  const octetsMetiers = readFileSync(path.join(dossier, FICHIER_METIERS_ESCO));
  const octetsCorrespondance = readFileSync(path.join(dossier, fichierCorrespondance));
  const { metadonnees, lignes: correspondance } = lireCorrespondance(
    fichierCorrespondance,
    octetsCorrespondance,
  );
  // Version : celle de la correspondance, et une empreinte des deux fichiers (l'export des libellés n'a pas de version).
  const empreinte = createHash("sha256")
    .update(octetsMetiers)
    .update(octetsCorrespondance)
    .digest("hex")
    .slice(0, 8);
  const version = `ESCO-ROME ${metadonnees.get("Mapping project version") ?? "?"} (${empreinte})`;
  const active = await versionActive(base.db, "esco");
  if (active?.version === version)
    return {
      nom: "esco",
      version,
      statut: "deja_a_jour",
      compteurs: active.compteurs ? JSON.parse(active.compteurs) : {},
      dureeMs: Date.now() - debut,
    };
  options.progression?.("lecture ESCO", 0, 2);
  const uri = (fichier: string, ligne: number, v: string | undefined) => {
    const u = (v ?? "").trim();
    if (!URI.test(u))
      throw new ErreurImport(
        fichier,
        ligne,
        `« ${u} » n'est pas l'URI d'un métier ESCO (http://data.europa.eu/esco/occupation/…)`,
      );
    return u;
  };
  const metiers = lireCsv(FICHIER_METIERS_ESCO, octetsMetiers, [
    "conceptUri",
    "preferredLabel",
    "altLabels",
  ]).map((l) => {
    const libelle = l.valeurs.preferredLabel!.trim();
    if (!libelle)
      throw new ErreurImport(FICHIER_METIERS_ESCO, l.ligne, "libellé préféré (preferredLabel) vide");
    return {
      uri: uri(FICHIER_METIERS_ESCO, l.ligne, l.valeurs.conceptUri),
      libelle,
      libelles_alternatifs: l.valeurs
        .altLabels!.split(/\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean)
        .join("\n"),
    };
  });
  options.progression?.("lecture ESCO", 1, 2);
  const uris = new Set(metiers.map((m) => m.uri));
  let sansMetier = 0;
  const liens = correspondance.map((l) => {
    const u = uri(fichierCorrespondance, l.ligne, l.valeurs["classification 1 ID"]);
    const codeOgr = l.valeurs["classification 2 ID"]!.trim();
    if (!/^\d+$/.test(codeOgr))
      throw new ErreurImport(
        fichierCorrespondance,
        l.ligne,
        `« ${codeOgr} » n'est pas un code OGR d'appellation ROME (nombre entier)`,
      );
    const brute = l.valeurs["mapping relation"]!.trim();
    const relation = RELATIONS[brute];
    if (!relation)
      throw new ErreurImport(
        fichierCorrespondance,
        l.ligne,
        `relation « ${brute} » inconnue (attendu : ${Object.keys(RELATIONS).join(", ")})`,
      );
    if (!uris.has(u)) sansMetier++;
    return { uri: u, code_ogr: codeOgr, relation };
  });
  options.progression?.("lecture ESCO", 2, 2);

  await purgerVersionsInactives(base.db, "esco");
  const id = await creerVersion(
    base.db,
    "esco",
    version,
    path.join(dossier, fichierCorrespondance),
    maintenant(),
  );
  try {
    const lignesMetiers = metiers.map((m) => ({ version_id: id, ...m }));
    const lignesLiens = liens.map((l) => ({ version_id: id, ...l }));
    await base.db.transaction().execute(async (trx) => {
      await insererParLots(trx, "esco_metier", lignesMetiers, options.progression);
      await insererParLots(trx, "esco_rome", lignesLiens, options.progression);
    });
    await analyser(base.db, TABLES_REFERENTIEL.esco!);
    const compteurs = {
      metiers: lignesMetiers.length,
      correspondances: lignesLiens.length,
      // Correspondances vers un métier absent de l'export des libellés (versions ESCO différentes) : ignorées.
      correspondancesSansMetier: sansMetier,
    };
    if (
      (await compter(base.db, "esco_metier", id)) !== compteurs.metiers ||
      (await compter(base.db, "esco_rome", id)) !== compteurs.correspondances
    )
      throw new ErreurImport(version, null, "le nombre de lignes en base ne correspond pas aux fichiers lus");
    await basculer(base.db, "esco", id, compteurs, maintenant());
    return { nom: "esco", version, statut: "importe", compteurs, dureeMs: Date.now() - debut };
  } catch (e) {
    await supprimerVersion(base.db, "esco", id).catch(() => {});
    throw e;
  }
}
