import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

/** Procédure de sauvegarde et de restauration SQLite, exécutée comme un exploitant : par la commande `cep`. */
const dossier = mkdtempSync(path.join(tmpdir(), "cep-sauvegarde-"));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));
const cep = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    env: { ...process.env, CEP_DATA_DIR: dossier, NODE_ENV: "test" },
    encoding: "utf8",
  });
const compterOperateurs = () => {
  const db = new SQLite(path.join(dossier, "cep.sqlite"), { readonly: true });
  const n = (db.prepare("select count(*) as n from operateur").get() as { n: number }).n;
  db.close();
  return n;
};

describe("cep sauvegarde / cep restauration (SQLite)", () => {
  it("restaure exactement l'état sauvegardé et garde l'ancienne base", () => {
    cep("seed", "--demo");
    const fichier = path.join(dossier, "sauvegarde.sqlite");
    expect(cep("sauvegarde", fichier)).toMatch(/Sauvegarde vérifiée/);
    expect(compterOperateurs()).toBe(2);
    const db = new SQLite(path.join(dossier, "cep.sqlite"));
    db.prepare(
      "insert into operateur (id, nom, type, version, cree_le) values ('x', 'Ajouté après', 'autre', 1, '2026-01-01T00:00:00.000Z')",
    ).run();
    db.close();
    expect(compterOperateurs()).toBe(3);
    const sortie = cep("restauration", fichier);
    expect(sortie).toMatch(/Base restaurée/);
    expect(compterOperateurs()).toBe(2);
    const ancienne = /conservée : (.+)$/m.exec(sortie)![1]!;
    expect(existsSync(ancienne)).toBe(true);
  });

  it("refuse une sauvegarde corrompue sans toucher à la base", () => {
    const corrompue = path.join(dossier, "corrompue.sqlite");
    execFileSync("sh", ["-c", `head -c 8192 ${path.join(dossier, "sauvegarde.sqlite")} > ${corrompue}`]);
    expect(() => cep("restauration", corrompue)).toThrow();
    expect(compterOperateurs()).toBe(2);
  });
});
