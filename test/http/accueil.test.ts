import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

const decoderQuotedPrintable = (s: string) =>
  s.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

/** Demande déposée depuis « Où m'adresser ? » → compte (lien de confirmation) + parcours de niveau 1 dans la file. */
describe.each(fabriquesBase())("demande en ligne vers un opérateur ($nom)", (fabrique) => {
  let env: Environnement;
  let ara: { id: string; nom: string };
  beforeAll(async () => {
    env = await environnement(fabrique);
    const r = await env.requete("GET", "/api/v1/accueil/operateurs");
    expect(r.statusCode).toBe(200);
    ara = r.json().find((o: { type: string }) => o.type === "operateur_regional");
  });
  afterAll(async () => env?.fermer());

  const demande = (email: string, extra: Record<string, unknown> = {}) => ({
    operateurId: ara.id,
    prenom: "Camille",
    nom: "Martin",
    email,
    demande: "Je voudrais me reconvertir dans le paysage, après dix ans en comptabilité.",
    statut: "salarie_prive",
    codePostal: "69003",
    disponibilites: "Le mardi après 18 h",
    modalite: "visio",
    consentementContact: true,
    ...extra,
  });

  it("crée le compte, envoie le lien de confirmation et place un parcours de niveau 1 dans la file", async () => {
    const email = "camille.martin@exemple.invalid";
    const r = await env.requete("POST", "/api/v1/accueil/demandes", undefined, demande(email));
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toEqual({
      operateur: { id: ara.id, nom: ara.nom },
      message: expect.stringContaining(ara.nom),
    });
    const mail = env.courriels().find((m) => m.includes(`To: ${email}`));
    expect(mail).toBeDefined();
    const jeton = /jeton=([A-Za-z0-9_-]+)/.exec(decoderQuotedPrintable(mail!))![1]!;
    const choix = await env.requete("POST", "/api/v1/mot-de-passe/reinitialisation", undefined, {
      jeton,
      motDePasse: "un mot de passe solide",
    });
    expect(choix.statusCode).toBe(200);
    const moi = await env.connecter(email, "un mot de passe solide");
    const mesParcours = (await env.requete("GET", "/api/v1/parcours", moi)).json().dossiers;
    expect(mesParcours).toHaveLength(1);

    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const liste = (await env.requete("GET", "/api/v1/parcours", conseillere)).json().dossiers;
    const p = liste.find(
      (x: { beneficiaire: { email?: string; nom: string } }) => x.beneficiaire.nom === "Martin",
    );
    expect(p).toMatchObject({ niveau: 1, referent: null, statut: "en_cours" });
    expect(p.demande).toMatch(/paysage[\s\S]*Disponibilités : Le mardi après 18 h[\s\S]*Visio/i);
  });

  it("fusionne une seconde demande de la même adresse au lieu d'ouvrir un second parcours", async () => {
    const email = "double@exemple.invalid";
    const r1 = await env.requete("POST", "/api/v1/accueil/demandes", undefined, demande(email));
    const r2 = await env.requete(
      "POST",
      "/api/v1/accueil/demandes",
      undefined,
      demande(` ${email.toUpperCase()} `, { demande: "J'ajoute : je suis aussi intéressée par la VAE." }),
    );
    expect([r1.statusCode, r2.statusCode]).toEqual([201, 201]);
    const responsable = await env.connecter("responsable.ara@demo.cep.invalid");
    const liste = (await env.requete("GET", "/api/v1/parcours?recherche=Martin", responsable)).json()
      .dossiers;
    const miens = liste.filter(
      (x: { demande: string }) => x.demande?.includes("VAE") || x.demande?.includes("paysage"),
    );
    const double = miens.filter((x: { demande: string }) => x.demande.includes("VAE"));
    expect(double).toHaveLength(1);
    expect(double[0].demande).toMatch(/paysage[\s\S]*Nouvelle demande en ligne[\s\S]*VAE/);
    expect(env.courriels().filter((m) => m.includes("To: double@exemple.invalid"))).toHaveLength(2);
  });

  it.each([
    ["sans accord pour être contacté", { consentementContact: false }, "consentementContact"],
    ["adresse invalide", { email: "pas-une-adresse" }, "email"],
    ["demande vide", { demande: " " }, "demande"],
    ["modalité inconnue", { modalite: "pigeon" }, "modalite"],
    ["opérateur absent", { operateurId: "00000000-0000-4000-8000-000000000000" }, "operateurId"],
  ])("refuse : %s → 400 sur %s", async (_, extra, champ) => {
    const r = await env.requete(
      "POST",
      "/api/v1/accueil/demandes",
      undefined,
      demande("x@exemple.invalid", extra),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs.map((c: { champ: string }) => c.champ)).toContain(champ);
  });
});

/** État des lieux de niveau 1 : rempli par le conseiller, versionné, visible du bénéficiaire. */
describe.each(fabriquesBase())("état des lieux de niveau 1 ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique);
  });
  afterAll(async () => env?.fermer());

  const fiche = {
    demande: "Se reconvertir dans le paysage.",
    besoin: "Vérifier le réalisme du projet et les financements.",
    informations: "CPF, projet de transition professionnelle, VAE.",
    decision: "poursuivre",
    orientation: "Niveau 2 avec la même conseillère.",
  };

  it("se crée, se modifie avec la version lue, refuse une écriture concurrente (409) et se lit côté bénéficiaire", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const parcours = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", conseillere)).json()
      .dossiers;
    const p = parcours.find((x: { statut: string }) => x.statut !== "clos");
    const url = `/api/v1/parcours/${p.id}/etat-des-lieux`;
    expect((await env.requete("GET", url, conseillere)).json()).toEqual({ etatDesLieux: null });

    const v1 = await env.requete("PUT", url, conseillere, { version: 0, ...fiche });
    expect(v1.statusCode, v1.body).toBe(200);
    expect(v1.json().etatDesLieux).toMatchObject({ ...fiche, version: 1 });
    const doublon = await env.requete("PUT", url, conseillere, { version: 0, ...fiche });
    expect(doublon.statusCode).toBe(409);

    const v2 = await env.requete("PUT", url, conseillere, { version: 1, ...fiche, decision: "arreter" });
    expect(v2.json().etatDesLieux).toMatchObject({ decision: "arreter", version: 2 });
    const perime = await env.requete("PUT", url, conseillere, { version: 1, ...fiche });
    expect(perime.statusCode).toBe(409);
    expect(perime.json().erreur.message).toMatch(/modifié entre-temps/);

    const invalide = await env.requete("PUT", url, conseillere, {
      version: 2,
      ...fiche,
      besoin: " ",
      decision: "peut-être",
    });
    expect(invalide.statusCode).toBe(400);
    expect(
      invalide
        .json()
        .erreur.champs.map((c: { champ: string }) => c.champ)
        .sort(),
    ).toEqual(["besoin", "decision"]);

    const benef = await env.connecter(p.beneficiaire.email);
    const lu = await env.requete("GET", url, benef);
    expect(lu.json().etatDesLieux).toMatchObject({ besoin: fiche.besoin, decision: "arreter" });
    expect((await env.requete("PUT", url, benef, { version: 2, ...fiche })).statusCode).toBe(403);
  });
});
