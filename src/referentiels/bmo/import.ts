import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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
import { ErreurImport, lireCsv } from "../csv.js";
import type { ResultatImport } from "../import.js";

/**
 * Marché du travail : enquête Besoins en main-d'œuvre (France Travail, `bmo_AAAA.csv`, par bassin d'emploi ;
 * « * » = secret statistique, stocké null) et tables DARES ROME (v3) × qualification → FAP-2021 (341 → 228 = métier BMO).
 */
export async function importerBmo(
  base: Base,
  dossier: string,
  options: { progression?: Progression; maintenant?: () => Date } = {},
): Promise<ResultatImport> {
  const debut = Date.now();
  const maintenant = () => (options.maintenant?.() ?? new Date()).toISOString();
  const fichierBmo = readdirSync(dossier).find((n) => /^bmo_\d{4}\.csv$/.test(n));
  if (!fichierBmo) throw new ErreurImport(dossier, null, "aucun fichier bmo_AAAA.csv");
  const version = `BMO ${fichierBmo.slice(4, 8)}`;
  const active = await versionActive(base.db, "bmo");
  if (active?.version === version)
    return {
      nom: "bmo",
      version,
      statut: "deja_a_jour",
      compteurs: active.compteurs ? JSON.parse(active.compteurs) : {},
      dureeMs: Date.now() - debut,
    };

  const nombre = (fichier: string, ligne: number, v: string) => {
    if (v === "*") return null;
    const n = Number(v);
    if (v.trim() === "" || !Number.isInteger(n) || n < 0)
      throw new ErreurImport(
        fichier,
        ligne,
        `« ${v} » n'est ni un nombre entier ni le secret statistique « * »`,
      );
    return n;
  };
  const bmo = lireCsv(fichierBmo, readFileSync(path.join(dossier, fichierBmo)), [
    "Code métier BMO",
    "Nom métier BMO",
    "REG",
    "NOM_REG",
    "Dept",
    "BE25",
    "met",
    "xmet",
    "smet",
  ]);
  options.progression?.("lecture BMO", 1, 3);
  const ARBRE = "dares_fap2021_arborescence.csv";
  const vers228 = new Map<string, string>();
  for (const l of lireCsv(ARBRE, readFileSync(path.join(dossier, ARBRE)), ["Code_FAP341", "Code_FAP228"]))
    vers228.set(l.valeurs.Code_FAP341!, l.valeurs.Code_FAP228!);
  const TABLE = "dares_rome_v3_qualif_vers_fap2021.csv";
  const passage = lireCsv(TABLE, readFileSync(path.join(dossier, TABLE)), ["ROME", "Qualif", "FAP341"], ";");
  options.progression?.("lecture BMO", 3, 3);

  await purgerVersionsInactives(base.db, "bmo");
  const id = await creerVersion(base.db, "bmo", version, dossier, maintenant());
  try {
    const lignesBmo = bmo.map((l) => ({
      version_id: id,
      code_metier: l.valeurs["Code métier BMO"]!,
      libelle_metier: l.valeurs["Nom métier BMO"]!,
      code_region: l.valeurs.REG!,
      nom_region: l.valeurs.NOM_REG!,
      code_departement: l.valeurs.Dept!,
      code_bassin: l.valeurs.BE25!,
      projets: nombre(fichierBmo, l.ligne, l.valeurs.met!),
      difficiles: nombre(fichierBmo, l.ligne, l.valeurs.xmet!),
      saisonniers: nombre(fichierBmo, l.ligne, l.valeurs.smet!),
    }));
    const lignesFap = passage.map((l) => {
      const fap228 = vers228.get(l.valeurs.FAP341!);
      if (!fap228) throw new ErreurImport(TABLE, l.ligne, `FAP ${l.valeurs.FAP341} absente de ${ARBRE}`);
      return {
        version_id: id,
        code_rome_v3: l.valeurs.ROME!,
        qualification: l.valeurs.Qualif!,
        code_fap341: l.valeurs.FAP341!,
        code_fap228: fap228,
      };
    });
    await base.db.transaction().execute(async (trx) => {
      await insererParLots(trx, "bmo_bassin", lignesBmo, options.progression);
      await insererParLots(trx, "fap_rome", lignesFap, options.progression);
    });
    await analyser(base.db, TABLES_REFERENTIEL.bmo!);
    const compteurs = { bassins: lignesBmo.length, passagesRomeFap: lignesFap.length };
    if (
      (await compter(base.db, "bmo_bassin", id)) !== compteurs.bassins ||
      (await compter(base.db, "fap_rome", id)) !== compteurs.passagesRomeFap
    )
      throw new ErreurImport(version, null, "le nombre de lignes en base ne correspond pas aux fichiers lus");
    await basculer(base.db, "bmo", id, compteurs, maintenant());
    return { nom: "bmo", version, statut: "importe", compteurs, dureeMs: Date.now() - debut };
  } catch (e) {
    await supprimerVersion(base.db, "bmo", id).catch(() => {});
    throw e;
  }
}
