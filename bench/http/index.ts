import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Fastify from "fastify";
import { assembler } from "../../src/cli/assemblage.js";
import { chargerDemo } from "../../src/cli/demo.js";
import { chargerConfiguration } from "../../src/config.js";
import { arrondi, type ResultatBench } from "../outils.js";

/**
 * Débit HTTP sur 127.0.0.1 : GET /api/health et une lecture authentifiée (GET /api/v1/parcours/:id,
 * session + autorisation + audit en base) face à une route Fastify nue dans le même processus.
 * Durée par mesure : BENCH_DUREE secondes (10 par défaut), 10 connexions.
 */
const DUREE = Number(process.env.BENCH_DUREE ?? 10);

async function charge(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: DUREE, headers });
  return {
    "req/s": arrondi(r.requests.average, 0),
    "p50 (ms)": r.latency.p50,
    "p99 (ms)": r.latency.p99,
    erreurs: r.errors + r.non2xx,
  };
}

export default async function (): Promise<ResultatBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cep-bench-http-"));
  const config = chargerConfiguration({
    CEP_DATA_DIR: dataDir,
    CEP_LOG_LEVEL: "silent",
    CEP_RATE_LIMIT_PUBLIC: "1000000",
    PORT: "0",
  });
  const { app, base, services } = await assembler(config);
  await chargerDemo(base, services.hachage);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const adresse = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const nu = Fastify();
  nu.get("/sante", async () => ({ statut: "ok" }));
  await nu.listen({ host: "127.0.0.1", port: 0 });
  const adresseNue = `http://127.0.0.1:${(nu.server.address() as { port: number }).port}`;

  const connexion = await fetch(`${adresse}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "conseillere.ara@demo.cep.invalid", motDePasse: "demo-cep-2026" }),
  });
  const cookie = connexion.headers.get("set-cookie")!.split(";")[0]!;
  const parcours = (
    (await (await fetch(`${adresse}/api/v1/parcours?mesDossiers=true`, { headers: { cookie } })).json()) as {
      dossiers: { id: string }[];
    }
  ).dossiers;

  const nue = await charge(`${adresseNue}/sante`);
  const sante = await charge(`${adresse}/api/health`);
  const lecture = await charge(`${adresse}/api/v1/parcours/${parcours[0]!.id}`, { cookie });

  await app.close();
  await nu.close();
  await base.fermer();
  rmSync(dataDir, { recursive: true, force: true });
  const ratio = (v: { "req/s": number }) => `${arrondi((v["req/s"] / nue["req/s"]) * 100, 1)} %`;
  return {
    lignes: [
      { banc: "http", mesure: "Fastify nu GET /sante (pair)", valeurs: { ...nue, "vs nu": "100 %" } },
      { banc: "http", mesure: "GET /api/health (SQLite)", valeurs: { ...sante, "vs nu": ratio(sante) } },
      {
        banc: "http",
        mesure: "GET /api/v1/parcours/:id authentifié (SQLite)",
        valeurs: { ...lecture, "vs nu": ratio(lecture) },
      },
    ],
    notes: [
      `http : ${DUREE} s par mesure, 10 connexions, autocannon et serveurs dans le même processus Node (2 cœurs partagés).`,
    ],
  };
}
