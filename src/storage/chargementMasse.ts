import SQLite from "better-sqlite3";
import pg from "pg";
import type { ConfigBase } from "./base.js";

/**
 * Chargement en masse (jeu synthétique `cep seed --synthetique`) : des lots de lignes, table par table, écrits en une
 * transaction par lot, sans passer par les dépôts (trop lents pour des millions de lignes).
 * - SQLite : requête préparée une fois par table, rejouée ligne à ligne dans une transaction ; pendant le chargement
 *   `synchronous = OFF` et contrôle des clés étrangères suspendu (le générateur écrit parents avant enfants ; le test
 *   vérifie `PRAGMA foreign_key_check`).
 * - PostgreSQL : une requête par table et par lot, `insert … select * from unnest($1::text[], $2::int4[], …)` (un
 *   paramètre tableau par colonne : aussi rapide qu'un COPY à cette taille, sans dépendance de plus), un lot écrit
 *   pendant que le lot suivant se prépare, `synchronous_commit = off`.
 * À la fin : statistiques de l'optimiseur (ANALYZE) pour que les plans reflètent les volumes chargés.
 */
export type Ligne = Record<string, string | number | null>;
export type Lots = Map<string, Ligne[]>;

export interface ChargeurMasse {
  type: "sqlite" | "postgresql";
  /** Envoie un lot (tables dans l'ordre de la Map, parents d'abord) ; la promesse se résout quand il est écrit. */
  ecrire(lots: Lots): Promise<void>;
  /** ANALYZE puis fermeture de la connexion. */
  terminer(): Promise<void>;
}

export async function ouvrirChargeur(config: ConfigBase): Promise<ChargeurMasse> {
  return config.type === "sqlite" ? chargeurSqlite(config.fichier) : chargeurPg(config.url);
}

function chargeurSqlite(fichier: string): ChargeurMasse {
  const db = new SQLite(fichier);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("foreign_keys = OFF");
  db.pragma("cache_size = -262144");
  db.pragma("temp_store = MEMORY");
  const requetes = new Map<string, SQLite.Statement>();
  const preparer = (table: string, colonnes: string[]) => {
    const cle = `${table}(${colonnes.join(",")})`;
    let r = requetes.get(cle);
    if (!r) {
      r = db.prepare(
        `insert into ${table} (${colonnes.join(", ")}) values (${colonnes.map((c) => `@${c}`).join(", ")})`,
      );
      requetes.set(cle, r);
    }
    return r;
  };
  const ecrireLot = db.transaction((lots: Lots) => {
    for (const [table, lignes] of lots) {
      if (!lignes.length) continue;
      const r = preparer(table, Object.keys(lignes[0]!));
      for (const l of lignes) r.run(l);
    }
  });
  return {
    type: "sqlite",
    async ecrire(lots) {
      ecrireLot(lots);
    },
    async terminer() {
      db.exec("analyze");
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}

async function chargeurPg(url: string): Promise<ChargeurMasse> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("set synchronous_commit = off");
  const types = new Map<string, string>();
  for (const r of (
    await client.query<{ table_name: string; column_name: string; udt_name: string }>(
      "select table_name, column_name, udt_name from information_schema.columns where table_schema = current_schema()",
    )
  ).rows)
    types.set(`${r.table_name}.${r.column_name}`, r.udt_name);
  const textes = new Map<string, string>();
  const texte = (table: string, colonnes: string[]) => {
    const cle = `${table}(${colonnes.join(",")})`;
    let t = textes.get(cle);
    if (!t) {
      const tableaux = colonnes.map((c, i) => {
        const type = types.get(`${table}.${c}`);
        if (!type) throw new Error(`Colonne inconnue : ${table}.${c}`);
        return `$${i + 1}::${type}[]`;
      });
      t = `insert into ${table} (${colonnes.join(", ")}) select * from unnest(${tableaux.join(", ")})`;
      textes.set(cle, t);
    }
    return t;
  };
  return {
    type: "postgresql",
    async ecrire(lots) {
      // L'appelant n'attend pas : ce lot s'écrit pendant qu'il prépare le suivant.
      await client.query("begin");
      try {
        for (const [table, lignes] of lots) {
          if (!lignes.length) continue;
          const colonnes = Object.keys(lignes[0]!);
          const valeurs = colonnes.map((c) => lignes.map((l) => l[c] ?? null));
          await client.query(texte(table, colonnes), valeurs);
        }
        await client.query("commit");
      } catch (e) {
        await client.query("rollback").catch(() => {});
        throw e;
      }
    },
    async terminer() {
      await client.query("analyze");
      await client.end();
    },
  };
}
