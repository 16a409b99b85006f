import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type {
  DomaineMetier,
  FicheMetier,
  FicheResumee,
  ReferentielsRepository,
  RelationEsco,
  VersionReferentiel,
} from "../app/ports.js";
import type { MetierRegion } from "../domain/marcheTerritoire.js";
import type { Schema } from "./schema.js";
import type { SchemaReferentiels } from "./schemaReferentiels.js";

/**
 * Référentiels versionnés : écriture d'une version (par lots), contrôles, bascule en une transaction ; lectures.
 * Le même code sert SQLite et PostgreSQL.
 */

type Db = Kysely<Schema>;
type TableContenu = Exclude<keyof SchemaReferentiels, "referentiel_version">;

/** Tables de contenu de chaque référentiel (pour purger une version). */
export const TABLES_REFERENTIEL: Record<string, TableContenu[]> = {
  rome: ["rome_domaine", "rome_fiche", "rome_appellation", "rome_item", "rome_lien", "rome_mobilite"],
  bmo: ["bmo_bassin", "fap_rome"],
  certifications: ["certification", "certification_rome", "certification_certificateur"],
  esco: ["esco_metier", "esco_rome"],
};

export type Progression = (etape: string, fait: number, total: number) => void;

/** Insère des lignes par lots (≈ 1 000 lignes, sous la limite de paramètres de PostgreSQL). */
export async function insererParLots<T extends TableContenu>(
  db: Db,
  table: T,
  lignes: SchemaReferentiels[T][],
  progression?: Progression,
) {
  if (!lignes.length) return;
  const colonnes = Object.keys(lignes[0] as object).length;
  const taille = Math.max(1, Math.min(1000, Math.floor(30000 / colonnes)));
  for (let i = 0; i < lignes.length; i += taille) {
    // biome-ignore lint/suspicious/noExplicitAny: Kysely ne sait pas typer une table générique.
    await db
      .insertInto(table as any)
      .values(lignes.slice(i, i + taille) as any)
      .execute();
    progression?.(`écriture ${table}`, Math.min(i + taille, lignes.length), lignes.length);
  }
}

export async function versionActive(db: Db, nom: string) {
  return db
    .selectFrom("referentiel_version")
    .selectAll()
    .where("nom", "=", nom)
    .where("statut", "=", "active")
    .executeTakeFirst();
}

/** Supprime les versions d'un référentiel qui ne sont pas actives (précédente, chargement interrompu). */
export async function purgerVersionsInactives(db: Db, nom: string) {
  const anciennes = await db
    .selectFrom("referentiel_version")
    .select("id")
    .where("nom", "=", nom)
    .where("statut", "!=", "active")
    .execute();
  for (const { id } of anciennes) await supprimerVersion(db, nom, id);
}

export async function supprimerVersion(db: Db, nom: string, id: string) {
  await db.transaction().execute(async (trx) => {
    for (const t of TABLES_REFERENTIEL[nom] ?? [])
      await trx.deleteFrom(t).where("version_id", "=", id).execute();
    await trx.deleteFrom("referentiel_version").where("id", "=", id).execute();
  });
}

export async function creerVersion(db: Db, nom: string, version: string, source: string, maintenant: string) {
  const id = randomUUID();
  await db
    .insertInto("referentiel_version")
    .values({
      id,
      nom,
      version,
      source,
      statut: "chargement",
      compteurs: null,
      charge_le: maintenant,
      active_le: null,
    })
    .execute();
  return id;
}

/** Bascule en une transaction : l'active devient précédente, la nouvelle devient active. */
export async function basculer(
  db: Db,
  nom: string,
  id: string,
  compteurs: Record<string, number>,
  maintenant: string,
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("referentiel_version")
      .set({ statut: "precedente" })
      .where("nom", "=", nom)
      .where("statut", "=", "active")
      .execute();
    await trx
      .updateTable("referentiel_version")
      .set({ statut: "active", active_le: maintenant, compteurs: JSON.stringify(compteurs) })
      .where("id", "=", id)
      .execute();
  });
}

export async function compter(db: Db, table: TableContenu, versionId: string): Promise<number> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("version_id", "=", versionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** PostgreSQL : statistiques à jour après un chargement massif (sinon le planificateur choisit des boucles imbriquées). */
export async function analyser(db: Db, tables: TableContenu[]) {
  for (const t of tables) await sql.raw(`analyze ${t}`).execute(db);
}

/** Contrôles d'intégrité ROME en SQL : chaque lien se résout dans la version chargée. */
export async function controlerLiensRome(db: Db, v: string): Promise<string[]> {
  const problemes: string[] = [];
  const orphelins = async (requete: ReturnType<typeof sql<{ n: number }>>, message: string) => {
    const r = await requete.execute(db);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) problemes.push(`${n} ${message}`);
  };
  await orphelins(
    sql<{
      n: number;
    }>`select count(*) as n from rome_lien l where l.version_id = ${v} and not exists (select 1 from rome_item i where i.version_id = ${v} and i.code_ogr = l.code_ogr)`,
    "lien(s) fiche → item sans item",
  );
  await orphelins(
    sql<{
      n: number;
    }>`select count(*) as n from rome_lien l where l.version_id = ${v} and not exists (select 1 from rome_fiche f where f.version_id = ${v} and f.code_rome = l.code_rome)`,
    "lien(s) fiche → item sans fiche",
  );
  await orphelins(
    sql<{
      n: number;
    }>`select count(*) as n from rome_appellation a where a.version_id = ${v} and not exists (select 1 from rome_fiche f where f.version_id = ${v} and f.code_rome = a.code_rome)`,
    "appellation(s) sans fiche",
  );
  await orphelins(
    sql<{
      n: number;
    }>`select count(*) as n from rome_mobilite m where m.version_id = ${v} and not exists (select 1 from rome_fiche f where f.version_id = ${v} and f.code_rome = m.code_rome_cible)`,
    "mobilité(s) vers une fiche absente",
  );
  await orphelins(
    sql<{
      n: number;
    }>`select count(*) as n from rome_fiche f where f.version_id = ${v} and not exists (select 1 from rome_domaine d where d.version_id = ${v} and d.code = f.code_domaine)`,
    "fiche(s) sans domaine professionnel",
  );
  return problemes;
}

const versVersion = (r: {
  nom: string;
  version: string;
  source: string;
  active_le: string | null;
  compteurs: string | null;
}): VersionReferentiel => ({
  nom: r.nom,
  version: r.version,
  source: r.source,
  activeLe: r.active_le,
  compteurs: r.compteurs ? JSON.parse(r.compteurs) : {},
});

export function creerDepotReferentiels(db: Db): ReferentielsRepository {
  const idActif = async (nom: string) => (await versionActive(db, nom))?.id;
  return {
    async versionsActives() {
      const r = await db
        .selectFrom("referentiel_version")
        .selectAll()
        .where("statut", "=", "active")
        .execute();
      return r.map(versVersion);
    },
    async versionActive(nom) {
      const r = await versionActive(db, nom);
      return r ? versVersion(r) : undefined;
    },
    async domaines() {
      const v = await idActif("rome");
      if (!v) return [];
      const [domaines, comptes] = await Promise.all([
        db.selectFrom("rome_domaine").selectAll().where("version_id", "=", v).orderBy("code").execute(),
        db
          .selectFrom("rome_fiche")
          .select(["code_domaine", (eb) => eb.fn.countAll<number>().as("n")])
          .where("version_id", "=", v)
          .groupBy("code_domaine")
          .execute(),
      ]);
      const n = new Map(comptes.map((c) => [c.code_domaine, Number(c.n)]));
      return domaines.map(
        (d): DomaineMetier => ({
          code: d.code,
          libelle: d.libelle,
          parent: d.parent,
          nombreFiches: n.get(d.code) ?? 0,
        }),
      );
    },
    async fiches(filtre) {
      const v = await idActif("rome");
      if (!v) return [];
      let q = db
        .selectFrom("rome_fiche")
        .select(["code_rome", "libelle", "code_domaine", "transition_eco"])
        .where("version_id", "=", v);
      if (filtre.domaine) q = q.where("code_domaine", "like", `${filtre.domaine}%`);
      if (filtre.transitionEcologique)
        q = q.where("transition_eco", "in", [
          "Emploi Vert",
          "Emploi stratégique pour la Transition écologique",
        ]);
      const r = await q.orderBy("code_rome").execute();
      return r.map(
        (f): FicheResumee => ({
          codeRome: f.code_rome,
          libelle: f.libelle,
          codeDomaine: f.code_domaine,
          transitionEcologique: f.transition_eco,
        }),
      );
    },
    async fiche(codeRome) {
      const v = await idActif("rome");
      if (!v) return undefined;
      const f = await db
        .selectFrom("rome_fiche")
        .selectAll()
        .where("version_id", "=", v)
        .where("code_rome", "=", codeRome)
        .executeTakeFirst();
      if (!f) return undefined;
      const [domaine, appellations, items, mobilites] = await Promise.all([
        db
          .selectFrom("rome_domaine as d")
          .leftJoin("rome_domaine as g", (j) =>
            j.onRef("g.code", "=", "d.parent").onRef("g.version_id", "=", "d.version_id"),
          )
          .select(["d.code", "d.libelle", "g.code as codeGrand", "g.libelle as libelleGrand"])
          .where("d.version_id", "=", v)
          .where("d.code", "=", f.code_domaine)
          .executeTakeFirst(),
        db
          .selectFrom("rome_appellation")
          .select(["code_ogr", "libelle", "principale", "peu_usite"])
          .where("version_id", "=", v)
          .where("code_rome", "=", codeRome)
          .orderBy("principale", "desc")
          .orderBy("libelle")
          .execute(),
        db
          .selectFrom("rome_lien as l")
          .innerJoin("rome_item as i", (j) =>
            j.onRef("i.code_ogr", "=", "l.code_ogr").onRef("i.version_id", "=", "l.version_id"),
          )
          .leftJoin("rome_item as m", (j) =>
            j.onRef("m.code_ogr", "=", "i.macro_code_ogr").onRef("m.version_id", "=", "i.version_id"),
          )
          .select([
            "i.code_ogr",
            "i.libelle",
            "i.rubrique",
            "i.categorie",
            "i.sous_categorie",
            "l.coeur_metier",
            "m.code_ogr as macroCode",
            "m.libelle as macroLibelle",
          ])
          .where("l.version_id", "=", v)
          .where("l.code_rome", "=", codeRome)
          .orderBy("i.libelle")
          .execute(),
        db
          .selectFrom("rome_mobilite as m")
          .innerJoin("rome_fiche as f", (j) =>
            j.onRef("f.code_rome", "=", "m.code_rome_cible").onRef("f.version_id", "=", "m.version_id"),
          )
          .select(["m.code_rome_cible", "f.libelle", "m.ordre"])
          .where("m.version_id", "=", v)
          .where("m.code_rome", "=", codeRome)
          .orderBy("m.ordre")
          .execute(),
      ]);
      const fiche: FicheMetier = {
        codeRome: f.code_rome,
        libelle: f.libelle,
        domaine: domaine
          ? {
              code: domaine.code,
              libelle: domaine.libelle,
              grandDomaine: { code: domaine.codeGrand ?? "", libelle: domaine.libelleGrand ?? "" },
            }
          : null,
        definition: f.definition,
        acces: f.acces,
        transitionEcologique: f.transition_eco,
        transitionNumerique: f.transition_num === 1,
        transitionDemographique: f.transition_demo === 1,
        emploiReglemente: f.emploi_reglemente === 1,
        emploiCadre: f.emploi_cadre === 1,
        codeRomeParent: f.code_rome_parent,
        riasec: { majeur: f.riasec_majeur, mineur: f.riasec_mineur },
        appellations: appellations.map((a) => ({
          codeOgr: a.code_ogr,
          libelle: a.libelle,
          principale: a.principale === 1,
          peuUsite: a.peu_usite === 1,
        })),
        items: items.map((i) => ({
          codeOgr: i.code_ogr,
          libelle: i.libelle,
          rubrique: i.rubrique as FicheMetier["items"][number]["rubrique"],
          categorie: i.categorie,
          sousCategorie: i.sous_categorie,
          coeurMetier: i.coeur_metier,
          macroCompetence: i.macroCode ? { codeOgr: i.macroCode, libelle: i.macroLibelle ?? "" } : null,
        })),
        mobilites: mobilites.map((m) => ({
          codeRome: m.code_rome_cible,
          libelle: m.libelle,
          ordre: m.ordre,
        })),
      };
      return fiche;
    },
    async marche(codeRomeV3, region) {
      const vb = await idActif("bmo");
      if (!vb) return { regionConnue: false, regions: [], metiers: [] };
      const regions = (
        await db
          .selectFrom("bmo_bassin")
          .select(["code_region as code", "nom_region as nom"])
          .distinct()
          .where("version_id", "=", vb)
          .orderBy("nom_region")
          .execute()
      ).map((r) => ({ code: r.code, nom: r.nom }));
      const codes = (
        await db
          .selectFrom("fap_rome")
          .select("code_fap228")
          .distinct()
          .where("version_id", "=", vb)
          .where("code_rome_v3", "=", codeRomeV3)
          .execute()
      ).map((r) => r.code_fap228);
      const regionConnue = !!region && regions.some((r) => r.code === region);
      if (!codes.length) return { regionConnue, regions, metiers: [] };
      const agreger = (filtreRegion?: string, filtreCodes?: string[]) => {
        let q = db
          .selectFrom("bmo_bassin")
          .select((eb) => [
            "code_metier",
            eb.fn.max("libelle_metier").as("libelle"),
            eb.fn.max("nom_region").as("nom_region"),
            eb.fn.sum<number | null>("projets").as("projets"),
            eb.fn.sum<number | null>("difficiles").as("difficiles"),
            eb.fn.sum<number | null>("saisonniers").as("saisonniers"),
            eb.fn.count<number>("projets").as("connus"),
            eb.fn.countAll<number>().as("bassins"),
          ])
          .where("version_id", "=", vb)
          .groupBy("code_metier");
        if (filtreRegion) q = q.where("code_region", "=", filtreRegion);
        if (filtreCodes) q = q.where("code_metier", "in", filtreCodes);
        return q.execute();
      };
      const chiffres = (r: Awaited<ReturnType<typeof agreger>>[number]) => {
        const connus = Number(r.connus);
        const bassins = Number(r.bassins);
        const n = (v: unknown) => (connus === 0 || v === null ? null : Number(v));
        return {
          projets: n(r.projets),
          difficiles: n(r.difficiles),
          saisonniers: n(r.saisonniers),
          bassinsSecrets: bassins - connus,
          bassins,
        };
      };
      const france = await agreger(undefined, codes);
      const dansRegion = region && regionConnue ? await agreger(region) : [];
      const classement = dansRegion
        .map((r) => ({ code: r.code_metier, projets: Number(r.projets ?? 0) }))
        .sort((a, b) => b.projets - a.projets);
      return {
        regionConnue,
        regions,
        metiers: france
          .map((f) => {
            const r = dansRegion.find((x) => x.code_metier === f.code_metier);
            return {
              codeMetier: f.code_metier,
              libelle: String(f.libelle),
              france: chiffres(f),
              region:
                r && region
                  ? {
                      ...chiffres(r),
                      code: region,
                      nom: String(r.nom_region),
                      rang:
                        chiffres(r).projets === null
                          ? null
                          : classement.findIndex((c) => c.code === r.code_metier) + 1,
                      nombreMetiers: classement.length,
                    }
                  : null,
            };
          })
          .sort((a, b) => (b.france.projets ?? 0) - (a.france.projets ?? 0)),
      };
    },
    async marcheRegion(codeRegion) {
      const vb = await idActif("bmo");
      if (!vb) return { region: null, regions: [], metiers: [] };
      const regions = (
        await db
          .selectFrom("bmo_bassin")
          .select(["code_region as code", "nom_region as nom"])
          .distinct()
          .where("version_id", "=", vb)
          .orderBy("nom_region")
          .execute()
      ).map((r) => ({ code: r.code, nom: r.nom }));
      const region = regions.find((r) => r.code === codeRegion) ?? null;
      if (!region) return { region, regions, metiers: [] };
      // Une part ne se calcule que sur les bassins où ses deux termes sont publiés (le secret n'est jamais un zéro).
      const chiffres = await db
        .selectFrom("bmo_bassin")
        .select((eb) => [
          "code_metier",
          eb.fn.max("libelle_metier").as("libelle"),
          eb.fn.sum<number | null>("projets").as("projets"),
          eb.fn.sum<number | null>("difficiles").as("difficiles"),
          eb.fn.sum<number | null>("saisonniers").as("saisonniers"),
          sql<number | null>`sum(case when difficiles is not null then projets end)`.as("base_difficiles"),
          sql<number | null>`sum(case when projets is not null then difficiles end)`.as("difficiles_publies"),
          sql<number | null>`sum(case when saisonniers is not null then projets end)`.as("base_saisonniers"),
          sql<number | null>`sum(case when projets is not null then saisonniers end)`.as(
            "saisonniers_publies",
          ),
          eb.fn.count<number>("projets").as("connus"),
          eb.fn.countAll<number>().as("bassins"),
        ])
        .where("version_id", "=", vb)
        .where("code_region", "=", codeRegion)
        .groupBy("code_metier")
        .execute();
      const vr = await idActif("rome");
      const rattachements = vr
        ? await db
            .selectFrom("fap_rome as p")
            .innerJoin("rome_fiche as f", (j) =>
              j.on((eb) =>
                eb(eb.fn.coalesce("f.code_rome_parent", "f.code_rome"), "=", eb.ref("p.code_rome_v3")),
              ),
            )
            .select((eb) => [
              "p.code_fap228",
              "f.code_rome",
              "f.libelle",
              "f.transition_eco",
              "f.code_rome_parent",
              eb.fn.countAll<number>().as("poids"),
            ])
            .where("p.version_id", "=", vb)
            .where("f.version_id", "=", vr)
            .groupBy(["p.code_fap228", "f.code_rome", "f.libelle", "f.transition_eco", "f.code_rome_parent"])
            .execute()
        : [];
      const fiches = new Map<string, MetierRegion["fiches"]>();
      for (const r of rattachements)
        fiches.set(r.code_fap228, [
          ...(fiches.get(r.code_fap228) ?? []),
          {
            codeRome: r.code_rome,
            libelle: r.libelle,
            transitionEcologique: r.transition_eco,
            principale: (r.code_rome_parent ?? r.code_rome) === r.code_rome,
            poids: Number(r.poids),
          },
        ]);
      const nombre = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      const part = (numerateur: unknown, base: unknown) => {
        const n = nombre(numerateur);
        const b = nombre(base);
        return n === null || b === null || b === 0 ? null : n / b;
      };
      return {
        region,
        regions,
        metiers: chiffres.map(
          (c): MetierRegion => ({
            codeMetier: c.code_metier,
            libelle: String(c.libelle),
            projets: Number(c.connus) === 0 ? null : nombre(c.projets),
            difficiles: nombre(c.difficiles),
            saisonniers: nombre(c.saisonniers),
            partDifficiles: part(c.difficiles_publies, c.base_difficiles),
            partSaisonniers: part(c.saisonniers_publies, c.base_saisonniers),
            bassins: Number(c.bassins),
            bassinsSecrets: Number(c.bassins) - Number(c.connus),
            fiches: fiches.get(c.code_metier) ?? [],
          }),
        ),
      };
    },
    async donneesIndex() {
      const v = await idActif("rome");
      if (!v) return { fiches: [], appellations: [], items: [] };
      const [fiches, appellations, items] = await Promise.all([
        db.selectFrom("rome_fiche").select(["code_rome", "libelle"]).where("version_id", "=", v).execute(),
        db
          .selectFrom("rome_appellation")
          .select(["code_ogr", "code_rome", "libelle", "libelle_court", "principale", "peu_usite"])
          .where("version_id", "=", v)
          .execute(),
        db
          .selectFrom("rome_lien as l")
          .innerJoin("rome_item as i", (j) =>
            j.onRef("i.code_ogr", "=", "l.code_ogr").onRef("i.version_id", "=", "l.version_id"),
          )
          .select(["l.code_rome", "i.libelle", "i.rubrique", "l.coeur_metier"])
          .where("l.version_id", "=", v)
          .where("i.rubrique", "in", ["savoir_faire", "savoir"])
          .execute(),
      ]);
      // Libellés ESCO rattachés aux appellations par la correspondance officielle (si ESCO est importé).
      const e = await idActif("esco");
      const esco = e
        ? await db
            .selectFrom("esco_rome as r")
            .innerJoin("esco_metier as m", (j) =>
              j.onRef("m.uri", "=", "r.uri").onRef("m.version_id", "=", "r.version_id"),
            )
            .select(["r.code_ogr", "r.relation", "m.libelle", "m.libelles_alternatifs"])
            .where("r.version_id", "=", e)
            .execute()
        : [];
      return {
        fiches: fiches.map((f) => ({ codeRome: f.code_rome, libelle: f.libelle })),
        synonymes: esco.flatMap((s) =>
          [s.libelle, ...s.libelles_alternatifs.split("\n").filter(Boolean)].map((libelle) => ({
            codeOgr: s.code_ogr,
            libelle,
            relation: s.relation as RelationEsco,
          })),
        ),
        appellations: appellations.map((a) => ({
          codeOgr: a.code_ogr,
          codeRome: a.code_rome,
          libelle: a.libelle,
          libelleCourt: a.libelle_court,
          principale: a.principale === 1,
          peuUsite: a.peu_usite === 1,
        })),
        items: items.map((i) => ({
          codeRome: i.code_rome,
          libelle: i.libelle,
          rubrique: i.rubrique,
          coeurMetier: i.coeur_metier,
        })),
      };
    },
    async donneesPistes() {
      const v = await idActif("rome");
      if (!v) return { fiches: [], items: [], liens: [], mobilites: [], appellations: [], fichesV3: [] };
      const [fiches, items, liens, mobilites, appellations] = await Promise.all([
        db.selectFrom("rome_fiche").selectAll().where("version_id", "=", v).orderBy("code_rome").execute(),
        db
          .selectFrom("rome_item")
          .select(["code_ogr", "libelle", "rubrique", "macro_code_ogr"])
          .where("version_id", "=", v)
          .execute(),
        db
          .selectFrom("rome_lien")
          .select(["code_rome", "code_ogr", "coeur_metier"])
          .where("version_id", "=", v)
          .orderBy("code_rome")
          .orderBy("code_ogr")
          .execute(),
        db
          .selectFrom("rome_mobilite")
          .select(["code_rome", "code_rome_cible"])
          .where("version_id", "=", v)
          .execute(),
        db
          .selectFrom("rome_appellation")
          .select(["code_ogr", "code_rome", "libelle"])
          .where("version_id", "=", v)
          .execute(),
      ]);
      return {
        fiches: fiches.map((f) => ({
          codeRome: f.code_rome,
          libelle: f.libelle,
          codeDomaine: f.code_domaine,
          riasecMajeur: f.riasec_majeur,
          riasecMineur: f.riasec_mineur,
          emploiReglemente: f.emploi_reglemente === 1,
          emploiCadre: f.emploi_cadre === 1,
          transitionEcologique: f.transition_eco,
        })),
        fichesV3: fiches.map((f) => ({ codeRome: f.code_rome, codeRomeV3: f.code_rome_parent })),
        items: items.map((i) => ({
          codeOgr: i.code_ogr,
          libelle: i.libelle,
          rubrique: i.rubrique,
          macroCodeOgr: i.macro_code_ogr,
        })),
        liens: liens.map((l) => ({
          codeRome: l.code_rome,
          codeOgr: l.code_ogr,
          coeurMetier: l.coeur_metier,
        })),
        mobilites: mobilites.map((m) => ({ codeRome: m.code_rome, codeRomeCible: m.code_rome_cible })),
        appellations: appellations.map((a) => ({
          codeOgr: a.code_ogr,
          codeRome: a.code_rome,
          libelle: a.libelle,
        })),
      };
    },
    async marcheRegional() {
      const vb = await idActif("bmo");
      if (!vb) return { lignes: [], fap: [] };
      const [lignes, fap] = await Promise.all([
        db
          .selectFrom("bmo_bassin")
          .select((eb) => [
            "code_region",
            "code_metier",
            eb.fn.max("nom_region").as("nom_region"),
            eb.fn.sum<number | null>("projets").as("projets"),
            eb.fn.sum<number | null>("difficiles").as("difficiles"),
            eb.fn.sum<number | null>("saisonniers").as("saisonniers"),
          ])
          .where("version_id", "=", vb)
          .groupBy(["code_region", "code_metier"])
          .execute(),
        db
          .selectFrom("fap_rome")
          .select(["code_rome_v3", "code_fap228"])
          .distinct()
          .where("version_id", "=", vb)
          .execute(),
      ]);
      const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
      return {
        lignes: lignes.map((l) => ({
          codeRegion: l.code_region,
          nomRegion: String(l.nom_region),
          codeMetier: l.code_metier,
          projets: n(l.projets),
          difficiles: n(l.difficiles),
          saisonniers: n(l.saisonniers),
        })),
        fap: fap.map((f) => ({ codeRomeV3: f.code_rome_v3, codeMetier: f.code_fap228 })),
      };
    },
    async certificationsDuRome(codesRome) {
      const v = await idActif("certifications");
      if (!v || !codesRome.length) return [];
      const liens = await db
        .selectFrom("certification_rome as r")
        .leftJoin("certification as c", (j) =>
          j.onRef("c.numero_fiche", "=", "r.numero_fiche").onRef("c.version_id", "=", "r.version_id"),
        )
        .select(["r.numero_fiche", "c.intitule", "c.niveau", "c.actif"])
        .distinct()
        .where("r.version_id", "=", v)
        .where("r.code_rome", "in", codesRome)
        .execute();
      const actives = liens.filter((l) => l.actif !== 0);
      if (!actives.length) return [];
      const certificateurs = await db
        .selectFrom("certification_certificateur")
        .select(["numero_fiche", "nom"])
        .where("version_id", "=", v)
        .where(
          "numero_fiche",
          "in",
          actives.map((l) => l.numero_fiche),
        )
        .orderBy("nom")
        .execute();
      const parFiche = new Map<string, string[]>();
      for (const c of certificateurs) {
        const l = parFiche.get(c.numero_fiche) ?? [];
        if (!l.includes(c.nom)) l.push(c.nom);
        parFiche.set(c.numero_fiche, l);
      }
      const rang = (n: string) => [n.startsWith("RS") ? 1 : 0, Number(n.replace(/\D/g, ""))] as const;
      return actives
        .map((l) => ({
          numero: l.numero_fiche,
          intitule: l.intitule,
          niveau: l.niveau,
          certificateurs: parFiche.get(l.numero_fiche) ?? [],
        }))
        .sort((a, b) => rang(a.numero)[0] - rang(b.numero)[0] || rang(b.numero)[1] - rang(a.numero)[1]);
    },
  };
}
