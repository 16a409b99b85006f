import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { joursFeries } from "../../src/app/financement/joursFeries.js";
import { schemaSimulation } from "../../src/app/financement/simulation.js";
import { assembler } from "../../src/cli/assemblage.js";
import { chargerConfiguration } from "../../src/config.js";
import { exporterIcs } from "../../src/domain/financement/ics.js";
import { PARAMETRES } from "../../src/domain/financement/parametres.js";
import { simuler } from "../../src/domain/financement/simulation.js";
import { arrondi, type ResultatBench } from "../outils.js";

/**
 * Simulation de financement : le calcul pur (règles datées + calendrier + jours fériés), l'export .ics, puis la
 * route publique POST /api/v1/financement/simulation (limite de débit en base, lecture des surcharges, SQLite).
 * Durée de la mesure HTTP : BENCH_DUREE secondes (10 par défaut), 10 connexions.
 */
const DUREE = Number(process.env.BENCH_DUREE ?? 10);

const CORPS = {
  date: "2026-04-01",
  situation: {
    statut: "salarie",
    typeContrat: "cdi",
    ancienneteSalarieMois: 48,
    ancienneteEntrepriseMois: 30,
    soldeCPF: 1500,
    departement: "67",
  },
  action: {
    type: "formation",
    cout: 9000,
    dateDebut: "2026-12-01",
    dureeMois: 9,
    dureeHeures: 900,
    certifiante: true,
    eligibleCPF: true,
    surTempsDeTravail: true,
  },
};

function parSeconde(n: number, fn: (i: number) => void) {
  for (let i = 0; i < Math.min(n, 500); i++) fn(i); // échauffement
  const debut = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - debut;
  return { "op/s": arrondi((n / ms) * 1000, 0), "µs/op": arrondi((ms * 1000) / n, 1) };
}

export default async function (): Promise<ResultatBench> {
  const entree = schemaSimulation.parse(CORPS);
  const pur = parSeconde(20_000, (i) =>
    simuler({ ...entree, action: { ...entree.action, cout: 9000 + (i % 50) } }, PARAMETRES, joursFeries),
  );
  const echeances = Array.from({ length: 100 }, (_, i) => ({
    date: `2027-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
    libelle: `Échéance ${i}, avec virgule; et point-virgule`,
    description: "R6323-10 I 1°",
  }));
  const ics = parSeconde(2_000, () =>
    exporterIcs(echeances, { horodatage: "2026-04-01T10:00:00.000Z", uidBase: "cep.localhost" }),
  );

  const dataDir = mkdtempSync(path.join(tmpdir(), "cep-bench-financement-"));
  const config = chargerConfiguration({
    CEP_DATA_DIR: dataDir,
    CEP_LOG_LEVEL: "silent",
    CEP_RATE_LIMIT_PUBLIC: "1000000",
    PORT: "0",
  });
  const { app, base } = await assembler(config);
  await app.listen({ host: "127.0.0.1", port: 0 });
  const adresse = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const pair = await autocannon({ url: `${adresse}/api/health`, connections: 10, duration: DUREE });
  const r = await autocannon({
    url: `${adresse}/api/v1/financement/simulation`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(CORPS),
    connections: 10,
    duration: DUREE,
  });
  await app.close();
  await base.fermer();
  rmSync(dataDir, { recursive: true, force: true });

  return {
    lignes: [
      { banc: "financement", mesure: "simuler() pur, formation PTP 9 mois (domaine)", valeurs: pur },
      { banc: "financement", mesure: "exporterIcs(), 100 échéances", valeurs: ics },
      {
        banc: "financement",
        mesure: "GET /api/health (pair, même exécution)",
        valeurs: {
          "req/s": arrondi(pair.requests.average, 0),
          "p50 (ms)": pair.latency.p50,
          "p99 (ms)": pair.latency.p99,
          erreurs: pair.errors + pair.non2xx,
        },
      },
      {
        banc: "financement",
        mesure: "POST /api/v1/financement/simulation (SQLite)",
        valeurs: {
          "req/s": arrondi(r.requests.average, 0),
          "p50 (ms)": r.latency.p50,
          "p99 (ms)": r.latency.p99,
          erreurs: r.errors + r.non2xx,
        },
      },
    ],
    notes: [
      `financement : ${DUREE} s de charge HTTP, 10 connexions ; chaque requête incrémente le compteur de débit public en base et relit les surcharges de paramètres.`,
    ],
  };
}
