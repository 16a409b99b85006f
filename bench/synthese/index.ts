import { rendreHtml } from "../../src/documents/html.js";
import { rendrePdf } from "../../src/documents/pdf.js";
import { SYNTHESE_NIVEAU_2 } from "../../test/cas/synthese.js";
import { arrondi, type ResultatBench } from "../outils.js";

/**
 * Rendu d'une synthèse de niveau 2 complète (10 entretiens, 12 actions, 4 financeurs) en PDF et en HTML.
 * Budget : PDF p95 < 300 ms. N rendus après 3 de chauffe (BENCH_SYNTHESE_N, 50 par défaut).
 */
const N = Number(process.env.BENCH_SYNTHESE_N ?? 50);
const quantile = (t: number[], q: number) =>
  [...t].sort((a, b) => a - b)[Math.min(t.length - 1, Math.floor(q * t.length))]!;

async function mesurer(rendre: () => Promise<unknown> | unknown) {
  for (let i = 0; i < 3; i++) await rendre();
  const temps: number[] = [];
  const rssAvant = process.memoryUsage().rss;
  let pic = rssAvant;
  for (let i = 0; i < N; i++) {
    const debut = performance.now();
    await rendre();
    temps.push(performance.now() - debut);
    pic = Math.max(pic, process.memoryUsage().rss);
  }
  return {
    p50: arrondi(quantile(temps, 0.5), 1),
    p95: arrondi(quantile(temps, 0.95), 1),
    max: arrondi(Math.max(...temps), 1),
    rss: Math.round(pic / 2 ** 20),
  };
}

export default async function (): Promise<ResultatBench> {
  const entete = { statut: "Version 1 émise le 30 juin 2026", empreinte: "0".repeat(64) };
  let octets = 0;
  const pdf = await mesurer(async () => {
    octets = (await rendrePdf(SYNTHESE_NIVEAU_2, entete)).length;
  });
  const html = await mesurer(() => rendreHtml(SYNTHESE_NIVEAU_2, entete));
  const ligne = (m: Awaited<ReturnType<typeof mesurer>>) => ({
    "p50 (ms)": m.p50,
    "p95 (ms)": m.p95,
    "max (ms)": m.max,
    "RSS pic (Mio)": m.rss,
  });
  return {
    lignes: [
      {
        banc: "synthese",
        mesure: `PDF niveau 2 (${Math.round(octets / 1024)} Kio), budget p95 < 300 ms`,
        valeurs: ligne(pdf),
      },
      { banc: "synthese", mesure: "HTML niveau 2", valeurs: ligne(html) },
    ],
    notes: [`synthese : ${N} rendus par format après 3 de chauffe, dans le processus.`],
  };
}
