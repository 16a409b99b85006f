import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Grappe PostgreSQL jetable pour les tests : initdb + pg_ctl sur un port libre (≈ 2 s).
 * Utilise CEP_TEST_DATABASE_URL si elle est fournie (serveur externe), sinon les binaires de la machine.
 */

export interface GrappePg {
  url: string;
  arreter(): void;
}

export function trouverBinairesPg(): string | undefined {
  if (process.env.CEP_PG_BIN && existsSync(path.join(process.env.CEP_PG_BIN, "initdb")))
    return process.env.CEP_PG_BIN;
  const racine = "/usr/lib/postgresql";
  if (existsSync(racine)) {
    const versions = readdirSync(racine)
      .filter((v) => existsSync(path.join(racine, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(racine, versions[0], "bin");
  }
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (r.status === 0 && existsSync(path.join(r.stdout.trim(), "initdb"))) return r.stdout.trim();
  return undefined;
}

export async function portLibre(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const adresse = s.address();
      s.close(() => resolve(typeof adresse === "object" && adresse ? adresse.port : 0));
    });
  });
}

export async function demarrerGrappe(options: { fsync?: boolean } = {}): Promise<GrappePg | undefined> {
  const bin = trouverBinairesPg();
  if (!bin) return undefined;
  const dossier = mkdtempSync(path.join(tmpdir(), "cep-pg-"));
  const root = process.getuid?.() === 0;
  // initdb refuse de tourner en root : on passe par l'utilisateur système postgres.
  const lancer = (cmd: string, args: string[]) =>
    root
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  if (root) {
    const { uid, gid } = idPostgres();
    chownSync(dossier, uid, gid);
  }
  chmodSync(dossier, 0o700);
  const donnees = path.join(dossier, "donnees");
  lancer("initdb", ["-D", donnees, "-U", "cep", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await portLibre();
  const reglages = [
    `-p ${port}`,
    `-k ${dossier}`,
    "-c listen_addresses=127.0.0.1",
    "-c max_connections=200",
    ...(options.fsync ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  lancer("pg_ctl", [
    "-D",
    donnees,
    "-o",
    reglages,
    "-l",
    path.join(dossier, "journal.log"),
    "-w",
    "-t",
    "60",
    "start",
  ]);
  return {
    url: `postgres://cep@127.0.0.1:${port}/postgres`,
    arreter() {
      try {
        lancer("pg_ctl", ["-D", donnees, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dossier, { recursive: true, force: true });
      }
    },
  };
}

function idPostgres(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}
