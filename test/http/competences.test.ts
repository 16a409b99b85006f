import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * Compétences, pistes métiers et projets (ticket 6) sur le ROME 4.0, l'enquête BMO et l'export RNCP/RS officiels.
 * Appellations utilisées : 11640 « Caissier / Caissière » (D1505) et 20560 « Vendeur / Vendeuse en
 * boulangerie-pâtisserie » (D1106).
 */
const D = "demo.cep.invalid";
const CAISSIERE = "11640";
const VENDEUSE_BOULANGERIE = "20560";

interface Piste {
  codeRome: string;
  libelle: string;
  score: number;
  competencesAcquises: { codeOgr: string; coeurMetier: boolean }[];
  competencesAAcquerir: { codeOgr: string; coeurMetier: boolean }[];
  mobilite: boolean;
  emploiReglemente: boolean;
  transitionEcologique: boolean;
  marche?: { region: string; projets: number | null; rang: number | null };
  explication: string[];
}

describe.each(fabriquesBase())("compétences, pistes et projets ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique, { referentiels: true });
  }, 240_000);
  afterAll(async () => env?.fermer());

  const pistes = (corps: unknown) => env.requete("POST", "/api/v1/pistes-metiers", undefined, corps);

  it("deux expériences donnent des pistes expliquées : compétences transférables, à acquérir, mobilité", async () => {
    const r = await pistes({ appellations: [CAISSIERE, VENDEUSE_BOULANGERIE], competences: [], limite: 10 });
    expect(r.statusCode, r.body).toBe(200);
    const corps = r.json() as { pistes: Piste[]; source: string };
    expect(corps.source).toContain("ROME 4.0 (v460)");
    expect(corps.pistes).toHaveLength(10);
    // Les métiers exercés eux-mêmes ne sont pas proposés.
    expect(corps.pistes.map((p) => p.codeRome)).not.toContain("D1505");
    expect(corps.pistes.map((p) => p.codeRome)).not.toContain("D1106");
    const scores = corps.pistes.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const p of corps.pistes) {
      expect(p.competencesAcquises.length).toBeGreaterThan(0);
      expect(p.competencesAAcquerir.length).toBeGreaterThan(0);
      expect(p.explication[0]).toMatch(/^Vous détenez \d+ des \d+ compétences/);
    }
    // La table des mobilités du ROME relie la caisse à « Employé de rayon libre-service » (D1507).
    const d1507 = corps.pistes.find((p) => p.codeRome === "D1507");
    expect(d1507?.mobilite).toBe(true);
    expect(d1507?.explication.join(" ")).toContain("Hôte / Hôtesse de caisse");
  });

  it("une région ajoute les chiffres BMO de chaque piste ; les filtres s'appliquent", async () => {
    const r = await pistes({ appellations: [CAISSIERE], competences: [], region: "84", limite: 20 });
    expect(r.statusCode, r.body).toBe(200);
    const avecMarche = (r.json().pistes as Piste[]).filter((p) => p.marche);
    expect(avecMarche.length).toBeGreaterThan(10);
    expect(avecMarche[0]!.marche).toMatchObject({ region: "84" });
    expect(avecMarche.some((p) => (p.marche?.projets ?? 0) > 100)).toBe(true);

    const vertes = await pistes({
      appellations: [CAISSIERE],
      competences: [],
      filtres: { transitionEcologique: true, sansEmploiReglemente: true },
    });
    expect(vertes.statusCode).toBe(200);
    const liste = vertes.json().pistes as Piste[];
    expect(liste.length).toBeGreaterThan(0);
    for (const p of liste) {
      expect(p.transitionEcologique).toBe(true);
      expect(p.emploiReglemente).toBe(false);
    }
  });

  it.each([
    ["un profil vide", { appellations: [], competences: [] }, "competences", /profil est vide/],
    ["une appellation inconnue", { appellations: [CAISSIERE, "999999999"] }, "appellations.1", /999999999/],
    ["une compétence inconnue", { competences: ["999999998"] }, "competences.0", /999999998/],
    ["un code qui n'est pas un nombre", { competences: ["abc"] }, "competences.0", /code OGR est un nombre/],
    ["une limite au-delà du maximum", { appellations: [CAISSIERE], limite: 51 }, "limite", /entre 1 et 50/],
    ["une région hors enquête", { appellations: [CAISSIERE], region: "99" }, "region", /99/],
    ["un champ inconnu", { appellations: [CAISSIERE], metier: "x" }, "metier", /Champ inconnu/],
  ])("%s est une erreur 400 qui nomme le champ", async (_cas, corps, champ, message) => {
    const r = await pistes(corps);
    expect(r.statusCode, r.body).toBe(400);
    const erreur = r.json().erreur as { champs: { champ: string; message: string }[] };
    const trouve = erreur.champs.find((c) => c.champ === champ);
    expect(trouve, JSON.stringify(erreur)).toBeDefined();
    expect(trouve!.message).toMatch(message);
  });

  it("les compétences proposées à partir des expériences mettent le cœur de métier d'abord", async () => {
    const r = await env.requete("POST", "/api/v1/competences/propositions", undefined, {
      appellations: [CAISSIERE, VENDEUSE_BOULANGERIE],
    });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json().competences as { coeurMetier: boolean; codeRome: string; rubrique: string }[];
    const premierHorsCoeur = c.findIndex((x) => !x.coeurMetier);
    expect(premierHorsCoeur).toBeGreaterThan(5);
    expect(c.slice(premierHorsCoeur).every((x) => !x.coeurMetier)).toBe(true);
    expect(new Set(c.map((x) => x.codeRome))).toEqual(new Set(["D1505", "D1106"]));
    expect(c.some((x) => x.rubrique === "contexte")).toBe(false);
  });

  describe("dans le dossier", () => {
    const propositionsRetenues: string[] = [];
    let parcoursId: string;
    let conseillere: Awaited<ReturnType<Environnement["connecter"]>>;
    let beneficiaire: Awaited<ReturnType<Environnement["connecter"]>>;
    beforeAll(async () => {
      conseillere = await env.connecter(`conseillere.ara@${D}`);
      beneficiaire = await env.connecter(`beneficiaire03@${D}`);
      parcoursId = (await env.requete("GET", "/api/v1/parcours", beneficiaire)).json().dossiers[0].id;
    });

    it("la personne remplit son profil ; son conseiller le lit ; un conflit de version est un 409", async () => {
      const propositions = (
        await env.requete("POST", "/api/v1/competences/propositions", undefined, {
          appellations: [CAISSIERE],
        })
      ).json().competences as { codeOgr: string; libelle: string; rubrique: string }[];
      propositionsRetenues.push(...propositions.slice(0, 6).map((c) => c.libelle));
      const profil = {
        experiences: [
          {
            intitule: "caissière",
            appellation: { codeOgr: CAISSIERE, libelle: "x", codeRome: "D1505" },
            dureeMois: 48,
          },
        ],
        formations: [{ intitule: "CAP Employé de vente", niveau: "3", annee: 2012, obtenue: true }],
        competences: [
          ...propositions.slice(0, 6).map((c) => ({
            codeOgr: c.codeOgr,
            libelle: c.libelle,
            rubrique: c.rubrique,
            maitrise: "maitrisee",
          })),
          { codeOgr: null, libelle: "Langue des signes", rubrique: "libre", maitrise: "partielle" },
        ],
        interets: { R: 1, I: 0, A: 0, S: 3, E: 2, C: 3 },
      };
      const r = await env.requete("PUT", `/api/v1/parcours/${parcoursId}/profil`, beneficiaire, {
        version: 0,
        profil,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().version).toBe(1);
      // Le libellé de l'appellation vient du ROME, pas du client.
      expect(r.json().profil.experiences[0].appellation.libelle).toBe("Caissier / Caissière");

      const lu = await env.requete("GET", `/api/v1/parcours/${parcoursId}/profil`, conseillere);
      expect(lu.statusCode).toBe(200);
      expect(lu.json().profil.competences).toHaveLength(7);

      const perime = await env.requete("PUT", `/api/v1/parcours/${parcoursId}/profil`, conseillere, {
        version: 0,
        profil,
      });
      expect(perime.statusCode).toBe(409);

      const inconnu = await env.requete("PUT", `/api/v1/parcours/${parcoursId}/profil`, conseillere, {
        version: 1,
        profil: {
          ...profil,
          competences: [{ codeOgr: "999999997", libelle: "?", rubrique: "savoir", maitrise: "maitrisee" }],
        },
      });
      expect(inconnu.statusCode).toBe(400);
      expect(inconnu.json().erreur.champs[0].champ).toBe("competences.0.codeOgr");

      // Lecture et écriture figurent dans le journal que la personne consulte.
      const journal = await env.requete("GET", "/api/v1/moi/acces", beneficiaire);
      expect(journal.statusCode).toBe(200);
      expect(journal.body).toContain("a consulté votre profil de compétences");
      const exporte = await env.requete("GET", "/api/v1/moi/export?format=json", beneficiaire);
      expect(exporte.body).toContain("Langue des signes");
    });

    it("les pistes du profil, une piste retenue, deux projets comparés, la faisabilité et la stratégie", async () => {
      const p = await env.requete(
        "GET",
        `/api/v1/parcours/${parcoursId}/pistes?region=84&limite=5`,
        conseillere,
      );
      expect(p.statusCode, p.body).toBe(200);
      const premiere = (p.json().pistes as Piste[])[0]!;
      const retenue = await env.requete(
        "POST",
        `/api/v1/parcours/${parcoursId}/pistes-retenues`,
        beneficiaire,
        {
          codeRome: premiere.codeRome,
          commentaire: "À discuter",
        },
      );
      expect(retenue.statusCode, retenue.body).toBe(201);
      expect(retenue.json().pistesRetenues).toMatchObject([
        { codeRome: premiere.codeRome, libelle: premiere.libelle },
      ]);

      const a = await env.requete("POST", `/api/v1/parcours/${parcoursId}/projets`, conseillere, {
        codeRome: "D1507",
        typeChangement: "mobilite",
      });
      expect(a.statusCode, a.body).toBe(201);
      const b = await env.requete("POST", `/api/v1/parcours/${parcoursId}/projets`, beneficiaire, {
        codeRome: "J1501",
        typeChangement: "reconversion",
        description: "Devenir aide-soignante",
      });
      expect(b.statusCode, b.body).toBe(201);
      const liste = await env.requete("GET", `/api/v1/parcours/${parcoursId}/projets`, conseillere);
      expect(liste.statusCode).toBe(200);
      const projets = liste.json().projets as {
        id: string;
        codeRome: string;
        version: number;
        faisabilite: {
          couverture: number;
          niveau: string;
          certificationRequise: boolean;
          certifications: { numero: string; certificateurs: string[] }[];
          options: { strategie: string; recommandee: boolean }[];
          ecart: { nombre: number };
        };
      }[];
      const rayon = projets.find((x) => x.codeRome === "D1507")!;
      const soin = projets.find((x) => x.codeRome === "J1501")!;
      // Le métier de la même famille est plus proche du profil que le soin, métier réglementé.
      expect(rayon.faisabilite.couverture).toBeGreaterThan(soin.faisabilite.couverture);
      expect(soin.faisabilite.certificationRequise).toBe(true);
      expect(soin.faisabilite.certifications.length).toBeGreaterThan(0);
      expect(soin.faisabilite.certifications[0]!.numero).toMatch(/^(RNCP|RS)\d+$/);
      expect(soin.faisabilite.options.find((o) => o.strategie === "formation")?.recommandee).toBe(true);
      expect(liste.json().sources.join(" ")).toContain("RNCP");

      const retenu = await env.requete(
        "PATCH",
        `/api/v1/parcours/${parcoursId}/projets/${soin.id}`,
        beneficiaire,
        {
          version: soin.version,
          statut: "retenu",
        },
      );
      expect(retenu.statusCode, retenu.body).toBe(200);
      expect(retenu.json().projet.statut).toBe("retenu");

      // La stratégie : le bénéficiaire ne décide pas seul ; s'écarter de la recommandation exige un motif.
      const url = `/api/v1/parcours/${parcoursId}/projets/${soin.id}/strategie`;
      const v = retenu.json().projet.version;
      expect(
        (await env.requete("PUT", url, beneficiaire, { version: v, strategies: ["vae"] })).statusCode,
      ).toBe(403);
      const sansMotif = await env.requete("PUT", url, conseillere, { version: v, strategies: ["vae"] });
      expect(sansMotif.statusCode).toBe(400);
      expect(sansMotif.json().erreur.champs[0].champ).toBe("motif");
      const avecMotif = await env.requete("PUT", url, conseillere, {
        version: v,
        strategies: ["vae"],
        motif: "Six ans d'aide à domicile non déclarés dans le profil",
      });
      expect(avecMotif.statusCode, avecMotif.body).toBe(200);
      expect(avecMotif.json().projet.decision).toMatchObject({ strategies: ["vae"] });
      const perime = await env.requete("PUT", url, conseillere, {
        version: v,
        strategies: ["formation"],
        motif: "Écrit depuis un onglet périmé",
      });
      expect(perime.statusCode).toBe(409);

      // Le document de synthèse reprend le projet retenu, la stratégie décidée et son motif, et les compétences.
      const apercu = await env.requete(
        "GET",
        `/api/v1/parcours/${parcoursId}/synthese.html?version=brouillon`,
        conseillere,
      );
      expect(apercu.statusCode, apercu.body.slice(0, 300)).toBe(200);
      expect(apercu.body).toContain("J1501");
      expect(apercu.body).toContain("domicile non déclarés dans le profil");
      expect(apercu.body).toContain(propositionsRetenues[0]!);
    });

    it("un conseiller d'un autre opérateur ne voit ni le profil ni les projets", async () => {
      const autre = await env.connecter(`conseillere.ml@${D}`);
      for (const s of ["/profil", "/projets", "/pistes"])
        expect((await env.requete("GET", `/api/v1/parcours/${parcoursId}${s}`, autre)).statusCode).toBe(403);
    });
  });
});
