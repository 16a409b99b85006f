import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systeme } from "../../src/app/acteur.js";
import { anonymiserParcoursInactifs } from "../../src/app/moi/donnees.js";
import { executer } from "../../src/app/pipeline.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/** Réunions collectives d'information : places, liste d'attente, annulation, présence dans la chronologie. */
describe.each(fabriquesBase())("réunions d'information ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique);
  });
  afterAll(async () => env?.fermer());

  const dans = (jours: number) => new Date(Date.now() + jours * 86_400_000).toISOString();

  it("2 places : 2 inscriptions confirmées, la 3e en liste d'attente, qui monte sur une annulation", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const creee = await env.requete("POST", "/api/v1/reunions", conseillere, {
      theme: "Se reconvertir : par où commencer ?",
      lieu: "distance",
      debut: dans(10),
      dureeMinutes: 90,
      places: 2,
    });
    expect(creee.statusCode, creee.body).toBe(201);
    const reunion = creee.json();

    const publiques = (await env.requete("GET", "/api/v1/reunions")).json();
    expect(publiques.find((r: { id: string }) => r.id === reunion.id)).toMatchObject({ placesRestantes: 2 });

    const inscrire = (nom: string, email: string) =>
      env.requete("POST", `/api/v1/reunions/${reunion.id}/inscriptions`, undefined, { nom, email });
    const a = await inscrire("Alice Martin", "alice@exemple.invalid");
    const b = await inscrire("Bruno Petit", "bruno@exemple.invalid");
    const c = await inscrire("Chloé Roux", "chloe@exemple.invalid");
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201]);
    expect([a.json().place, b.json().place, c.json().place]).toEqual([
      "confirmee",
      "confirmee",
      "liste_attente",
    ]);
    expect(c.json().rangAttente).toBe(1);
    expect(c.json()).not.toHaveProperty("compteId");
    expect((await inscrire("Alice", "ALICE@exemple.invalid")).statusCode).toBe(409);
    expect(
      env.courriels().some((m) => m.includes("To: chloe@exemple.invalid") && m.includes("position 1")),
    ).toBe(true);

    const annulee = await env.requete(
      "POST",
      `/api/v1/inscriptions-reunion/${a.json().id}/annulation`,
      conseillere,
      { version: a.json().version },
    );
    expect(annulee.statusCode, annulee.body).toBe(200);
    const places = Object.fromEntries(
      annulee.json().inscriptions.map((i: { email: string; place: string }) => [i.email, i.place]),
    );
    expect(places).toEqual({
      "alice@exemple.invalid": "annulee",
      "bruno@exemple.invalid": "confirmee",
      "chloe@exemple.invalid": "confirmee",
    });
    expect(annulee.json().reunion.placesRestantes).toBe(0);
    // Même annulation avec une version périmée : 409.
    const perimee = await env.requete(
      "POST",
      `/api/v1/inscriptions-reunion/${b.json().id}/annulation`,
      conseillere,
      { version: 99 },
    );
    expect(perimee.statusCode).toBe(409);
  });

  it("une personne inscrite depuis son dossier ; sa présence apparaît dans la chronologie du parcours", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const parcours = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", conseillere)).json()
      .dossiers;
    const p = parcours.find((x: { statut: string }) => x.statut !== "clos");
    const reunion = (
      await env.requete("POST", "/api/v1/reunions", conseillere, {
        theme: "Les dispositifs de formation",
        lieu: "distance",
        debut: dans(5),
        dureeMinutes: 60,
        places: 5,
      })
    ).json();
    const inscrite = await env.requete(
      "POST",
      `/api/v1/reunions/${reunion.id}/inscriptions-dossier`,
      conseillere,
      { parcoursId: p.id },
    );
    expect(inscrite.statusCode, inscrite.body).toBe(201);
    expect(inscrite.json()).toMatchObject({ place: "confirmee", compteId: p.beneficiaire.id });
    const presence = await env.requete(
      "PUT",
      `/api/v1/inscriptions-reunion/${inscrite.json().id}/presence`,
      conseillere,
      { version: inscrite.json().version, present: true },
    );
    expect(presence.statusCode, presence.body).toBe(200);
    const journal = (await env.requete("GET", `/api/v1/parcours/${p.id}/journal`, conseillere)).json();
    expect(
      journal.some(
        (e: { type: string; titre: string }) =>
          e.type === "reunion" && /Les dispositifs de formation.*présent/.test(e.titre),
      ),
    ).toBe(true);
    const benef = await env.connecter(p.beneficiaire.email);
    const sonJournal = (await env.requete("GET", `/api/v1/parcours/${p.id}/journal`, benef)).json();
    expect(sonJournal.some((e: { type: string }) => e.type === "reunion")).toBe(true);
  });

  it("depuis le dossier : les séances de l'opérateur et la place de la personne, liste d'attente comprise", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const parcours = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", conseillere)).json()
      .dossiers;
    const p = parcours.find((x: { statut: string }) => x.statut !== "clos");
    const reunion = (
      await env.requete("POST", "/api/v1/reunions", conseillere, {
        theme: "Une seule place",
        lieu: "distance",
        debut: dans(7),
        dureeMinutes: 60,
        places: 1,
      })
    ).json();
    const publique = await env.requete("POST", `/api/v1/reunions/${reunion.id}/inscriptions`, undefined, {
      nom: "Première Arrivée",
      email: `premiere.${Date.now()}@exemple.invalid`,
    });
    const url = `/api/v1/parcours/${p.id}/reunions`;
    const seance = async () =>
      (await env.requete("GET", url, conseillere)).json().find((r: { id: string }) => r.id === reunion.id);
    expect(await seance()).toMatchObject({ placesRestantes: 0, inscription: null });
    // Les séances d'un autre opérateur n'y figurent pas.
    const ml = await env.connecter("conseillere.ml@demo.cep.invalid");
    const autre = (
      await env.requete("POST", "/api/v1/reunions", ml, {
        theme: "Séance de la Mission locale",
        lieu: "distance",
        debut: dans(7),
        dureeMinutes: 60,
        places: 5,
      })
    ).json();
    const liste = (await env.requete("GET", url, conseillere)).json();
    expect(liste.map((r: { id: string }) => r.id)).not.toContain(autre.id);
    // Complète : la personne du dossier passe en liste d'attente, rang 1.
    const inscrite = await env.requete(
      "POST",
      `/api/v1/reunions/${reunion.id}/inscriptions-dossier`,
      conseillere,
      {
        parcoursId: p.id,
      },
    );
    expect(inscrite.json()).toMatchObject({ place: "liste_attente", rangAttente: 1 });
    expect(await seance()).toMatchObject({
      inscription: { id: inscrite.json().id, place: "liste_attente", rangAttente: 1 },
    });
    // Une seconde inscription est refusée en nommant le champ.
    const doublon = await env.requete(
      "POST",
      `/api/v1/reunions/${reunion.id}/inscriptions-dossier`,
      conseillere,
      {
        parcoursId: p.id,
      },
    );
    expect(doublon.statusCode).toBe(409);
    // La première annule : la personne du dossier monte.
    await env.requete("POST", `/api/v1/inscriptions-reunion/${publique.json().id}/annulation`, conseillere, {
      version: 1,
    });
    expect(await seance()).toMatchObject({
      placesRestantes: 0,
      inscription: { place: "confirmee", rangAttente: null },
    });
  });

  it.each([
    ["thème vide", { theme: "" }, "theme"],
    ["date passée", { debut: "2020-01-01T10:00:00Z" }, "debut"],
    ["aucune place", { places: 0 }, "places"],
    ["sur site sans site", { lieu: "site" }, "siteId"],
  ])("refuse une séance invalide : %s → 400 sur %s", async (_, extra, champ) => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const r = await env.requete("POST", "/api/v1/reunions", conseillere, {
      theme: "Réunion",
      lieu: "distance",
      debut: dans(3),
      dureeMinutes: 60,
      places: 10,
      ...extra,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs.map((c: { champ: string }) => c.champ)).toContain(champ);
  });

  it("la tâche d'anonymisation : sans dossier, 6 mois après la séance ; avec un parcours clos, avec la personne (ADR 0004)", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const email = `dossier.${randomUUID().slice(0, 8)}@cep.invalid`;
    const ouvert = await env.requete("POST", "/api/v1/parcours", conseillere, {
      beneficiaire: { prenom: "Noé", nom: "Inscrit", email },
      niveau: 1,
      demande: "M'informer sur les métiers qui recrutent.",
    });
    expect(ouvert.statusCode, ouvert.body).toBe(201);
    const p = ouvert.json();
    const reunion = (
      await env.requete("POST", "/api/v1/reunions", conseillere, {
        theme: "Réunion à anonymiser",
        lieu: "distance",
        debut: dans(2),
        dureeMinutes: 60,
        places: 1,
      })
    ).json();
    const duDossier = (
      await env.requete("POST", `/api/v1/reunions/${reunion.id}/inscriptions-dossier`, conseillere, {
        parcoursId: p.id,
      })
    ).json();
    const publique = (
      await env.requete("POST", `/api/v1/reunions/${reunion.id}/inscriptions`, undefined, {
        nom: "Sans Dossier",
        email: `sans.dossier.${randomUUID().slice(0, 8)}@exemple.invalid`,
      })
    ).json();
    const cloture = await env.requete("POST", `/api/v1/parcours/${p.id}/transitions`, conseillere, {
      version: 1,
      transition: { type: "cloture", motif: "emploi_trouve" },
    });
    expect(cloture.statusCode, cloture.body).toBe(200);
    const contexte = { acteur: systeme("test"), requeteId: randomUUID() };
    const le = (jours: number) => ({
      ...env.services,
      horloge: { maintenant: () => new Date(Date.now() + jours * 86_400_000) },
    });
    const lire = async (id: string) => (await env.base.depots.reunions.inscriptionParId(id))!;

    // Sept mois après la séance : l'inscription publique sans dossier perd son identité, pas celle du dossier.
    const septMois = await executer(le(2 + 214), anonymiserParcoursInactifs, {}, contexte);
    expect(septMois.inscriptionsSansDossierAnonymisees).toBeGreaterThanOrEqual(1);
    expect(await lire(publique.id)).toMatchObject({ nom: "(anonymisé)", compteId: null });
    expect(await lire(duDossier.id)).toMatchObject({ nom: "Noé Inscrit", compteId: p.beneficiaire.id });
    // La liste d'attente se calcule encore : la ligne anonymisée garde sa place.
    const inscrits = (
      await env.requete("GET", `/api/v1/reunions/${reunion.id}/inscriptions`, conseillere)
    ).json();
    expect(inscrits.inscriptions.map((i: { place: string }) => i.place)).toEqual([
      "confirmee",
      "liste_attente",
    ]);

    // Quatre ans après la clôture : le parcours, le compte et son inscription sont anonymisés.
    const quatreAns = await executer(le(4 * 365), anonymiserParcoursInactifs, {}, contexte);
    expect(quatreAns.parcoursAnonymises.map((x) => x.id)).toContain(p.id);
    expect(await lire(duDossier.id)).toMatchObject({
      nom: "(anonymisé)",
      email: `anonyme-${duDossier.id}@anonyme.invalid`,
      compteId: null,
    });
  });
});
