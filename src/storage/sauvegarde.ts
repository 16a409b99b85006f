import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

/**
 * Sauvegarde et restauration de la base SQLite (PostgreSQL : pg_dump / pg_restore, voir docs/exploitation.md).
 * La sauvegarde utilise l'API de sauvegarde en ligne de SQLite : cohérente même pendant que le serveur écrit.
 */
export async function sauvegarderSqlite(fichier: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(fichier)) throw new Error(`Base introuvable : ${fichier}`);
  mkdirSync(path.dirname(destination), { recursive: true });
  const db = new SQLite(fichier, { readonly: true, fileMustExist: true });
  try {
    const r = await db.backup(destination);
    verifierIntegrite(destination);
    return { pages: r.totalPages };
  } finally {
    db.close();
  }
}

export function verifierIntegrite(fichier: string) {
  const db = new SQLite(fichier, { readonly: true, fileMustExist: true });
  try {
    const resultat = db.pragma("integrity_check", { simple: true });
    if (resultat !== "ok") throw new Error(`La sauvegarde ${fichier} est corrompue : ${resultat}`);
  } finally {
    db.close();
  }
}

/**
 * Remplace la base par une sauvegarde vérifiée (serveur arrêté). L'ancienne base est gardée à côté
 * (`…avant-restauration-<date>`) tant que personne ne l'a supprimée.
 */
export function restaurerSqlite(sauvegarde: string, fichier: string): { ancienne: string | null } {
  verifierIntegrite(sauvegarde);
  let ancienne: string | null = null;
  if (existsSync(fichier)) {
    ancienne = `${fichier}.avant-restauration-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    renameSync(fichier, ancienne);
    for (const suffixe of ["-wal", "-shm"]) rmSync(`${fichier}${suffixe}`, { force: true });
  }
  copyFileSync(sauvegarde, fichier);
  verifierIntegrite(fichier);
  return { ancienne };
}
