import { type ChildProcess, spawn } from "node:child_process";
import { portLibre } from "./postgres.js";

/**
 * Le vrai serveur dans un processus à part (`cep serve` via tsx), pour les tests de plusieurs processus,
 * d'arrêt brutal (SIGKILL) et d'arrêt propre (SIGTERM).
 */
export interface ServeurLance {
  url: string;
  processus: ChildProcess;
  sortie: string[];
  fin: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function lancerServeur(env: Record<string, string>): Promise<ServeurLance> {
  const port = await portLibre();
  const sortie: string[] = [];
  const processus = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      CEP_LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      // Ces tests portent sur les processus, pas sur les référentiels : pas d'import au démarrage (sur SQLite, il
      // occupe l'unique connexion pendant une dizaine de secondes).
      CEP_REFERENTIELS_DIR: "",
      CEP_REFERENTIELS_URL: "aucune",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  processus.stdout!.on("data", (d) => sortie.push(String(d)));
  processus.stderr!.on("data", (d) => sortie.push(String(d)));
  const fin = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    processus.on("exit", (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const limite = Date.now() + 60_000;
  for (;;) {
    if (processus.exitCode !== null)
      throw new Error(`le serveur s'est arrêté au démarrage :\n${sortie.join("")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // pas encore prêt
    }
    if (Date.now() > limite) throw new Error(`le serveur ne répond pas :\n${sortie.join("")}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, processus, sortie, fin };
}

/** Client HTTP minimal avec cookie de session et jeton CSRF. */
export class Client {
  cookie = "";
  csrf = "";
  constructor(public url: string) {}
  async connecter(email: string, motDePasse = "demo-cep-2026") {
    const r = await fetch(`${this.url}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, motDePasse }),
      signal: AbortSignal.timeout(10_000),
    });
    if (r.status !== 201) throw new Error(`connexion impossible : ${r.status} ${await r.text()}`);
    this.cookie = r.headers.get("set-cookie")!.split(";")[0]!;
    this.csrf = ((await r.json()) as { jetonCsrf: string }).jetonCsrf;
    return this;
  }
  requete(methode: string, chemin: string, corps?: unknown, url = this.url) {
    return fetch(`${url}${chemin}`, {
      method: methode,
      headers: {
        ...(this.cookie ? { cookie: this.cookie, "x-csrf-token": this.csrf } : {}),
        ...(corps !== undefined ? { "content-type": "application/json" } : {}),
      },
      ...(corps !== undefined ? { body: JSON.stringify(corps) } : {}),
    });
  }
}
