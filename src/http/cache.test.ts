import { describe, expect, it } from "vitest";
import { z } from "zod";
import { casUsage } from "../app/pipeline.js";
import { enCache } from "./cache.js";

/** Le cache des statistiques publiques : même entrée → même calcul pendant la durée, puis recalcul ; échecs non gardés. */
describe("enCache", () => {
  const fabriquer = () => {
    let appels = 0;
    let echouer = false;
    let dernieresDepots: unknown;
    // Le recalcul en arrière-plan ouvre sa propre transaction (celle de la requête est close) : il reçoit d'autres dépôts.
    const depotsRequete = { nom: "dépôts de la requête" };
    const depotsRecalcul = { nom: "dépôts d'une nouvelle transaction" };
    const services = {
      stockage: { transaction: async <T>(fn: (d: unknown) => Promise<T>) => fn(depotsRecalcul) },
    };
    const cas = casUsage({
      nom: "essai.lire",
      entree: z.object({ annee: z.number().optional() }),
      autoriser: () => ({}),
      async executer({ entree, depots }) {
        appels++;
        dernieresDepots = depots;
        if (echouer) throw new Error("base indisponible");
        return { annee: entree.annee ?? 0, calcul: appels };
      },
      audit: false,
    });
    let t = 0;
    const garde = enCache(cas, 1000, () => t);
    const lire = (annee?: number) =>
      garde.executer({
        entree: { annee },
        sujet: {},
        depots: depotsRequete,
        services,
      } as unknown as Parameters<typeof garde.executer>[0]);
    return {
      lire,
      appels: () => appels,
      dernieresDepots: () => dernieresDepots,
      depotsRequete,
      depotsRecalcul,
      avancer: (ms: number) => {
        t += ms;
      },
      echouer: (v: boolean) => {
        echouer = v;
      },
    };
  };

  it("sert le même résultat à la même entrée pendant la durée, puis le périmé pendant un seul recalcul en arrière-plan", async () => {
    const c = fabriquer();
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    expect(c.dernieresDepots()).toBe(c.depotsRequete);
    c.avancer(999);
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    expect(await c.lire(2025)).toEqual({ annee: 2025, calcul: 2 });
    c.avancer(1);
    // Périmé : servi sans attendre, un seul recalcul lancé même si deux visiteurs arrivent.
    expect(await Promise.all([c.lire(2026), c.lire(2026)])).toEqual([
      { annee: 2026, calcul: 1 },
      { annee: 2026, calcul: 1 },
    ]);
    expect(c.appels()).toBe(3);
    expect(c.dernieresDepots()).toBe(c.depotsRecalcul);
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 3 });
  });

  it("ne sert plus un résultat trop vieux : au-delà de quatre durées, le visiteur attend le recalcul", async () => {
    const c = fabriquer();
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    c.avancer(4000);
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 2 });
  });

  it("garde le résultat périmé si le recalcul en arrière-plan échoue, et réessaie ensuite", async () => {
    const c = fabriquer();
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    c.avancer(1500);
    c.echouer(true);
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    await new Promise((r) => setTimeout(r, 0));
    c.echouer(false);
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 3 });
  });

  it("fait un seul calcul pour des demandes simultanées, et ne garde pas un échec", async () => {
    const c = fabriquer();
    const [a, b] = await Promise.all([c.lire(2026), c.lire(2026)]);
    expect(a).toBe(b);
    expect(c.appels()).toBe(1);
    c.avancer(5000);
    c.echouer(true);
    await expect(c.lire(2026)).rejects.toThrow("base indisponible");
    c.echouer(false);
    expect(await c.lire(2026)).toEqual({ annee: 2026, calcul: 3 });
  });
});
