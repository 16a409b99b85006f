import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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
import type { SourceFichiers } from "../rome/lecture.js";
import { sourceRepertoire, sourceZip } from "../sources.js";

/**
 * Certifications RNCP / RS (France compétences, export quotidien « export_fiches_CSV_*_AAAA_MM_JJ.csv », séparateur « ; »).
 * Exigés : le fichier des codes ROME liés et celui des certificateurs ; facultatif : le fichier « Standard » (intitulé,
 * niveau, actif), absent du sous-ensemble de ../shared/data/certifications. Même import versionné que le ROME.
 */

const motif = (nom: string) =>
  new RegExp(`(?:^|/)export_fiches_CSV_${nom}_(\\d{4})_(\\d{2})_(\\d{2})\\.csv$`);

/** Le répertoire (ou son sous-répertoire `certifications/`) ou l'archive zip de l'export, s'il y en a un. */
export function sourceCertifications(chemin: string): SourceFichiers | undefined {
  if (!existsSync(chemin)) return undefined;
  if (statSync(chemin).isFile())
    return chemin.endsWith(".zip") ? sourceZip(`l'archive ${chemin}`, readFileSync(chemin)) : undefined;
  for (const d of [chemin, path.join(chemin, "certifications")])
    if (existsSync(d) && readdirSync(d).some((n) => motif("Rome").test(n))) return sourceRepertoire(d);
  return undefined;
}

export async function importerCertifications(
  base: Base,
  source: SourceFichiers,
  options: { progression?: Progression; maintenant?: () => Date } = {},
): Promise<ResultatImport> {
  const debut = Date.now();
  const maintenant = () => (options.maintenant?.() ?? new Date()).toISOString();
  const noms = source.noms();
  const trouver = (nom: string) => noms.find((n) => motif(nom).test(n));
  const fichierRome = trouver("Rome");
  const fichierCertificateurs = trouver("Certificateurs");
  if (!fichierRome || !fichierCertificateurs)
    throw new ErreurImport(
      source.description,
      null,
      "export RNCP/RS incomplet : il faut export_fiches_CSV_Rome_AAAA_MM_JJ.csv et export_fiches_CSV_Certificateurs_AAAA_MM_JJ.csv",
    );
  const [, a, m, j] = motif("Rome").exec(fichierRome)!;
  const version = `RNCP ${a}-${m}-${j}`;
  const active = await versionActive(base.db, "certifications");
  if (active?.version === version)
    return {
      nom: "certifications",
      version,
      statut: "deja_a_jour",
      compteurs: active.compteurs ? JSON.parse(active.compteurs) : {},
      dureeMs: Date.now() - debut,
    };
  const numero = (fichier: string, ligne: number, v: string | undefined) => {
    const n = (v ?? "").trim();
    if (!/^(RNCP|RS)\d+$/.test(n))
      throw new ErreurImport(
        fichier,
        ligne,
        `« ${n} » n'est pas un numéro de fiche RNCP ou RS (ex. RNCP34567)`,
      );
    return n;
  };
  const simple = (v: string | undefined) => (v ?? "").replace(/''/g, "'").trim();
  options.progression?.("lecture RNCP/RS", 0, 3);
  // Quelques liens visent un domaine professionnel (« A12 ») plutôt qu'une fiche : ils sont comptés et écartés.
  let liensDomaine = 0;
  const liensRome = lireCsv(
    fichierRome,
    await source.lire(fichierRome),
    ["Numero_Fiche", "Codes_Rome_Code"],
    ";",
  ).flatMap((l) => {
    const code = simple(l.valeurs.Codes_Rome_Code);
    if (/^[A-N]\d{2}$/.test(code)) {
      liensDomaine++;
      return [];
    }
    if (!/^[A-N]\d{4}$/.test(code))
      throw new ErreurImport(fichierRome, l.ligne, `« ${code} » n'est pas un code ROME (ex. M1607)`);
    return [{ numero_fiche: numero(fichierRome, l.ligne, l.valeurs.Numero_Fiche), code_rome: code }];
  });
  options.progression?.("lecture RNCP/RS", 1, 3);
  const certificateurs = lireCsv(
    fichierCertificateurs,
    await source.lire(fichierCertificateurs),
    ["Numero_Fiche", "Siret_Certificateur", "Nom_Certificateur"],
    ";",
  ).map((l) => ({
    numero_fiche: numero(fichierCertificateurs, l.ligne, l.valeurs.Numero_Fiche),
    // Le SIRET de l'export commence par une tabulation.
    siret: simple(l.valeurs.Siret_Certificateur),
    nom: simple(l.valeurs.Nom_Certificateur),
  }));
  options.progression?.("lecture RNCP/RS", 2, 3);
  const fichierStandard = trouver("Standard");
  const fiches = new Map<string, { intitule: string | null; niveau: string | null; actif: number | null }>();
  if (fichierStandard)
    for (const l of lireCsv(
      fichierStandard,
      await source.lire(fichierStandard),
      ["Numero_Fiche", "Intitule"],
      ";",
    ))
      fiches.set(numero(fichierStandard, l.ligne, l.valeurs.Numero_Fiche), {
        intitule: simple(l.valeurs.Intitule) || null,
        niveau: simple(l.valeurs.Nomenclature_Europe_Niveau) || null,
        actif:
          l.valeurs.Actif === undefined ? null : /^(oui|actif|1|true)$/i.test(l.valeurs.Actif.trim()) ? 1 : 0,
      });
  for (const n of new Set([
    ...liensRome.map((l) => l.numero_fiche),
    ...certificateurs.map((c) => c.numero_fiche),
  ]))
    if (!fiches.has(n)) fiches.set(n, { intitule: null, niveau: null, actif: null });
  options.progression?.("lecture RNCP/RS", 3, 3);

  await purgerVersionsInactives(base.db, "certifications");
  const id = await creerVersion(base.db, "certifications", version, source.description, maintenant());
  try {
    const lignesFiches = [...fiches].map(([numero_fiche, f]) => ({ version_id: id, numero_fiche, ...f }));
    const lignesRome = liensRome.map((l) => ({ version_id: id, ...l }));
    const lignesCertificateurs = certificateurs.map((c) => ({ version_id: id, ...c }));
    await base.db.transaction().execute(async (trx) => {
      await insererParLots(trx, "certification", lignesFiches, options.progression);
      await insererParLots(trx, "certification_rome", lignesRome, options.progression);
      await insererParLots(trx, "certification_certificateur", lignesCertificateurs, options.progression);
    });
    await analyser(base.db, TABLES_REFERENTIEL.certifications!);
    const compteurs = {
      certifications: lignesFiches.length,
      liensRome: lignesRome.length,
      certificateurs: lignesCertificateurs.length,
      liensDomaineEcartes: liensDomaine,
    };
    if (
      (await compter(base.db, "certification", id)) !== compteurs.certifications ||
      (await compter(base.db, "certification_rome", id)) !== compteurs.liensRome ||
      (await compter(base.db, "certification_certificateur", id)) !== compteurs.certificateurs
    )
      throw new ErreurImport(version, null, "le nombre de lignes en base ne correspond pas aux fichiers lus");
    await basculer(base.db, "certifications", id, compteurs, maintenant());
    return { nom: "certifications", version, statut: "importe", compteurs, dureeMs: Date.now() - debut };
  } catch (e) {
    await supprimerVersion(base.db, "certifications", id).catch(() => {});
    throw e;
  }
}
