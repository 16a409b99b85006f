import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type MigrationResultSet, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import type { Depots, Stockage } from "../app/ports.js";
import { creerDepots } from "./depots.js";
import { type Dialecte, POSTGRESQL, SQLITE } from "./dialecte.js";
import { migrations } from "./migrations/index.js";
import type { Schema } from "./schema.js";

export type ConfigBase =
  | { type: "sqlite"; fichier: string }
  | { type: "postgresql"; url: string; max?: number };

export interface Base extends Stockage {
  db: Kysely<Schema>;
  dialecte: Dialecte;
  migrer(): Promise<MigrationResultSet>;
}

/**
 * Horodatage PostgreSQL (texte) → chaîne ISO UTC à la milliseconde, comme `new Date(v).toISOString()`. Chemin rapide pour
 * le format d'une session en UTC, « AAAA-MM-JJ HH:MM:SS[.ffffff]+00 » (sans passer par `Date` : le tableau de bord en lit
 * des dizaines de milliers) ; tout autre format passe par `Date`.
 */
export function horodatageIso(v: string): string {
  if (
    v.length >= 22 &&
    v.length <= 29 &&
    v.charCodeAt(4) === 45 &&
    v.charCodeAt(10) === 32 &&
    v.endsWith("+00")
  ) {
    const fraction = v.length > 22 ? v.slice(20, v.length - 3) : "";
    return `${v.slice(0, 10)}T${v.slice(11, 19)}.${`${fraction}000`.slice(0, 3)}Z`;
  }
  return new Date(v).toISOString();
}

// PostgreSQL : les horodatages reviennent en chaînes ISO (comme en SQLite), les bigint en nombres.
pg.types.setTypeParser(1184, horodatageIso);
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(20, (v) => Number(v));

export function ouvrirBase(config: ConfigBase): Base {
  let db: Kysely<Schema>;
  let dialecte: Dialecte;
  if (config.type === "sqlite") {
    if (config.fichier !== ":memory:") mkdirSync(path.dirname(config.fichier), { recursive: true });
    const sqlite = new SQLite(config.fichier);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialecte = SQLITE;
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10 });
    // Une connexion perdue ne doit pas tuer le processus : l'erreur remonte à la requête suivante.
    pool.on("error", () => {});
    // Curseur : les lectures en flux (`stream`, indicateurs de pilotage) arrivent par paquets, pas en un seul tableau.
    db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
    dialecte = POSTGRESQL;
  }
  const depots: Depots = creerDepots(db);
  return {
    type: dialecte.type,
    db,
    dialecte,
    depots,
    transaction: (fn) => db.transaction().execute((trx) => fn(creerDepots(trx))),
    async migrer() {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => migrations(dialecte) },
        migrationTableName: "kysely_migration",
        migrationLockTableName: "kysely_migration_lock",
      });
      const resultat = await migrator.migrateToLatest();
      if (resultat.error) throw resultat.error;
      // SQLite : une migration qui réécrit beaucoup de lignes (0017 : la chronologie de chaque parcours) laisse un long
      // journal WAL ; le reverser tout de suite dans la base, plutôt qu'à la première écriture d'un utilisateur (le pilote
      // est synchrone : plusieurs secondes sans réponse à 100 000 parcours).
      if (dialecte.type === "sqlite" && resultat.results?.some((m) => m.status === "Success"))
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      return resultat;
    },
    fermer: () => db.destroy(),
  };
}

/** Vérifie que la base répond (utilisé par /api/health). */
export async function baseRepond(db: Kysely<Schema>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
