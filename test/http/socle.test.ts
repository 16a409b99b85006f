import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/** Corps des .eml en quoted-printable : coupures douces et octets encodés (=3D pour « = »). */
const decoderQuotedPrintable = (s: string) =>
  s
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

const ADMIN = "admin@demo.cep.invalid";
const CONSEILLERE_ARA = "conseillere.ara@demo.cep.invalid";
const CONSEILLERE_ML = "conseillere.ml@demo.cep.invalid";
const RESPONSABLE_ML = "responsable.ml@demo.cep.invalid";

describe.each(fabriquesBase())("socle HTTP ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique);
  });
  afterAll(async () => env?.fermer());

  it("GET /api/health indique la base utilisée", async () => {
    const r = await env.requete("GET", "/api/health");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ statut: "ok", base: fabrique.nom, referentiels: { rome: { version: null } } });
    expect(r.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(r.headers["content-security-policy"]).not.toContain("unsafe-inline';script");
  });

  it("un JSON malformé reçoit un 400 en français", async () => {
    const r = await env.app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { "content-type": "application/json" },
      payload: '{"email": "x@y.fr", ',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur).toMatchObject({
      code: "json_invalide",
      message: "Le corps de la requête n'est pas un JSON valide.",
    });
  });

  it("un champ oublié que le schéma ne commente pas reçoit quand même un message en français", async () => {
    const conseillere = await env.connecter("conseillere.ara@demo.cep.invalid");
    const r = await env.requete("POST", "/api/v1/parcours", conseillere, {
      beneficiaire: { prenom: "Aya", nom: "Test", email: "aya.test@cep.invalid" },
      niveau: 1,
    });
    expect(r.statusCode).toBe(400);
    const demande = r.json().erreur.champs.find((c: { champ: string }) => c.champ === "demande");
    expect(demande?.message).toBe("Entrée invalide : chaîne de caractères attendu, indéfini reçu");
    expect(r.body).not.toMatch(/Invalid input|expected/);
  });

  it("une entrée invalide nomme le champ et la raison", async () => {
    const r = await env.requete("POST", "/api/v1/session", undefined, {
      email: "pas-une-adresse",
      motDePasse: "",
    });
    expect(r.statusCode).toBe(400);
    const champs = r
      .json()
      .erreur.champs.map((c: { champ: string }) => c.champ)
      .sort();
    expect(champs).toEqual(["email", "motDePasse"]);
    expect(r.json().erreur.champs.find((c: { champ: string }) => c.champ === "email").message).toMatch(
      /adresse électronique valide/,
    );
  });

  it("un mauvais mot de passe reçoit un 401 en français, sans dire si le compte existe", async () => {
    const existant = await env.requete("POST", "/api/v1/session", undefined, {
      email: ADMIN,
      motDePasse: "mauvais-mot-de-passe",
    });
    const inconnu = await env.requete("POST", "/api/v1/session", undefined, {
      email: "personne@demo.cep.invalid",
      motDePasse: "x",
    });
    expect(existant.statusCode).toBe(401);
    expect(existant.json().erreur.message).toBe("Adresse électronique ou mot de passe incorrect.");
    expect(inconnu.json().erreur.message).toBe(existant.json().erreur.message);
  });

  it("verrouille temporairement un compte après 5 échecs, même avec le bon mot de passe ensuite", async () => {
    const email = "beneficiaire05@demo.cep.invalid";
    for (let i = 0; i < 5; i++) {
      const r = await env.requete("POST", "/api/v1/session", undefined, { email, motDePasse: `faux-${i}` });
      expect(r.statusCode).toBe(401);
    }
    const bloque = await env.requete("POST", "/api/v1/session", undefined, {
      email,
      motDePasse: "demo-cep-2026",
    });
    expect(bloque.statusCode).toBe(429);
    expect(bloque.json().erreur.message).toMatch(/temporairement verrouillé/);
  });

  it("ouvre une session, donne un cookie httpOnly SameSite=Lax, puis la ferme", async () => {
    const r = await env.requete("POST", "/api/v1/session", undefined, {
      email: CONSEILLERE_ARA,
      motDePasse: "demo-cep-2026",
    });
    expect(r.statusCode).toBe(201);
    const cookie = r.cookies.find((c) => c.name === "cep_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const session = {
      cookie: `cep_session=${cookie.value}`,
      csrf: r.json().jetonCsrf,
      compte: r.json().compte,
    };
    expect((await env.requete("GET", "/api/v1/session", session)).json()).toMatchObject({
      connecte: true,
      compte: { email: CONSEILLERE_ARA },
    });
    expect((await env.requete("DELETE", "/api/v1/session", session)).statusCode).toBe(204);
    expect((await env.requete("GET", "/api/v1/session", session)).json()).toEqual({ connecte: false });
  });

  it("refuse une écriture authentifiée par cookie sans jeton CSRF", async () => {
    const admin = await env.connecter(ADMIN);
    const r = await env.app.inject({
      method: "POST",
      url: "/api/v1/operateurs",
      headers: { cookie: admin.cookie, "content-type": "application/json" },
      payload: JSON.stringify({ nom: "Sans CSRF", type: "apec" }),
    });
    expect(r.statusCode).toBe(403);
    expect(r.json().erreur.message).toMatch(/CSRF/);
  });

  it("l'admin crée un opérateur, un site et un conseiller qui reçoit un lien d'activation", async () => {
    const admin = await env.connecter(ADMIN);
    const op = await env.requete("POST", "/api/v1/operateurs", admin, {
      nom: "Cap emploi du Rhône",
      type: "cap_emploi",
      codeRegion: "84",
    });
    expect(op.statusCode).toBe(201);
    const site = await env.requete("POST", `/api/v1/operateurs/${op.json().id}/sites`, admin, {
      nom: "Lyon",
      codePostal: "69002",
      commune: "Lyon",
    });
    expect(site.statusCode).toBe(201);
    const email = `nouvelle.conseillere.${fabrique.nom}@cep.invalid`;
    const c = await env.requete("POST", "/api/v1/comptes", admin, {
      prenom: "Inès",
      nom: "Nouvelle",
      email,
      role: "conseiller",
      operateurId: op.json().id,
    });
    expect(c.statusCode).toBe(201);
    const mail = env.courriels().find((m) => m.includes(`To: ${email}`));
    expect(mail).toBeDefined();
    const jeton = /jeton=([A-Za-z0-9_-]+)/.exec(decoderQuotedPrintable(mail!))![1]!;
    const choix = await env.requete("POST", "/api/v1/mot-de-passe/reinitialisation", undefined, {
      jeton,
      motDePasse: "un mot de passe solide",
    });
    expect(choix.statusCode).toBe(200);
    const connexion = await env.connecter(email, "un mot de passe solide");
    expect(connexion.compte.role).toBe("conseiller");
    const reutilise = await env.requete("POST", "/api/v1/mot-de-passe/reinitialisation", undefined, {
      jeton,
      motDePasse: "encore un autre mot de passe",
    });
    expect(reutilise.statusCode).toBe(400);
    expect(reutilise.json().erreur.champs[0]).toMatchObject({ champ: "jeton" });
  });

  it("mot de passe oublié : même réponse que le compte existe ou non ; un courriel seulement s'il existe", async () => {
    const avant = env.courriels().length;
    const a = await env.requete("POST", "/api/v1/mot-de-passe/oubli", undefined, {
      email: "beneficiaire07@demo.cep.invalid",
    });
    const b = await env.requete("POST", "/api/v1/mot-de-passe/oubli", undefined, {
      email: "inconnu@demo.cep.invalid",
    });
    expect(a.statusCode).toBe(202);
    expect(b.json()).toEqual(a.json());
    expect(env.courriels().length).toBe(avant + 1);
  });

  it("rejette un mot de passe trop court avec le champ et la raison", async () => {
    const admin = await env.connecter(ADMIN);
    const r = await env.requete("POST", "/api/v1/comptes", admin, {
      prenom: "A",
      nom: "B",
      email: `court.${fabrique.nom}@cep.invalid`,
      role: "admin",
      motDePasse: "court",
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs).toEqual([
      { champ: "motDePasse", message: "Le mot de passe doit contenir au moins 12 caractères." },
    ]);
  });

  it("détecte une modification concurrente d'un opérateur (409) sans rien écraser", async () => {
    const admin = await env.connecter(ADMIN);
    const op = (
      await env.requete("POST", "/api/v1/operateurs", admin, { nom: "Apec Lyon", type: "apec" })
    ).json();
    const [a, b] = await Promise.all([
      env.requete("PUT", `/api/v1/operateurs/${op.id}`, admin, {
        nom: "Apec Lyon A",
        type: "apec",
        version: 1,
      }),
      env.requete("PUT", `/api/v1/operateurs/${op.id}`, admin, {
        nom: "Apec Lyon B",
        type: "apec",
        version: 1,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const perdant = a.statusCode === 409 ? a : b;
    const gagnant = a.statusCode === 200 ? a : b;
    expect(perdant.json().erreur).toMatchObject({ code: "conflit_version", versionCourante: 2 });
    const relu = (await env.requete("GET", `/api/v1/operateurs/${op.id}`, admin)).json();
    expect(relu.nom).toBe(gagnant.json().nom);
  });

  it("un conseiller ne lit ni le compte ni le dossier d'un bénéficiaire d'un autre opérateur", async () => {
    const ml = await env.connecter(CONSEILLERE_ML);
    const ara = await env.connecter(CONSEILLERE_ARA);
    const dossierAra = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", ara)).json()
      .dossiers[0];
    expect((await env.requete("GET", `/api/v1/parcours/${dossierAra.id}`, ara)).statusCode).toBe(200);
    expect((await env.requete("GET", `/api/v1/parcours/${dossierAra.id}`, ml)).statusCode).toBe(403);
    expect((await env.requete("GET", `/api/v1/comptes/${dossierAra.beneficiaire.id}`, ml)).statusCode).toBe(
      403,
    );
    expect((await env.requete("GET", `/api/v1/comptes/${ara.compte.id}`, ml)).statusCode).toBe(403);
    expect((await env.requete("GET", `/api/v1/comptes/${dossierAra.beneficiaire.id}`, ara)).statusCode).toBe(
      200,
    );
    // Aucun dossier de l'autre opérateur dans la liste.
    const listeMl = (await env.requete("GET", "/api/v1/parcours", ml)).json().dossiers;
    expect(
      listeMl.every((p: { operateur: { id: string } }) => p.operateur.id === ml.compte.operateurId),
    ).toBe(true);
  });

  it("chaque lecture d'un dossier est auditée au nom du bénéficiaire, refus compris", async () => {
    const ara = await env.connecter(CONSEILLERE_ARA);
    const ml = await env.connecter(CONSEILLERE_ML);
    const dossier = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", ara)).json().dossiers[1];
    await env.requete("GET", `/api/v1/parcours/${dossier.id}`, ara);
    await env.requete("GET", `/api/v1/parcours/${dossier.id}`, ml);
    const journal = await env.base.depots.audit.listerParBeneficiaire(dossier.beneficiaire.id, 10);
    expect(
      journal.find((e) => e.action === "parcours.lire" && e.acteurCompteId === ara.compte.id)?.resultat,
    ).toBe("succes");
    expect(
      journal.find((e) => e.action === "parcours.lire" && e.acteurCompteId === ml.compte.id)?.resultat,
    ).toBe("refus");
  });

  it("un responsable ne crée que des conseillers de son propre opérateur", async () => {
    const resp = await env.connecter(RESPONSABLE_ML);
    const autre = (await env.requete("GET", "/api/v1/parcours", await env.connecter(CONSEILLERE_ARA))).json()
      .dossiers[0].operateur.id;
    const r = await env.requete("POST", "/api/v1/comptes", resp, {
      prenom: "X",
      nom: "Y",
      email: `x.${fabrique.nom}@cep.invalid`,
      role: "conseiller",
      operateurId: autre,
    });
    expect(r.statusCode).toBe(403);
    const ok = await env.requete("POST", "/api/v1/comptes", resp, {
      prenom: "X",
      nom: "Y",
      email: `x.${fabrique.nom}@cep.invalid`,
      role: "conseiller",
      operateurId: resp.compte.operateurId,
    });
    expect(ok.statusCode).toBe(201);
  });

  it("une route inconnue de l'API répond 404 en JSON français", async () => {
    const r = await env.requete("GET", "/api/v1/nexiste-pas");
    expect(r.statusCode).toBe(404);
    expect(r.json().erreur.code).toBe("introuvable");
  });

  it("publie l'OpenAPI généré depuis les schémas zod", async () => {
    const doc = (await env.requete("GET", "/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/v1/session"].post.requestBody.content["application/json"].schema.required).toEqual(
      ["email", "motDePasse"],
    );
  });
});

describe("limite de débit des points d'accès publics", () => {
  it("renvoie 429 au-delà de CEP_RATE_LIMIT_PUBLIC requêtes par minute et par IP", async () => {
    const env = await environnement(fabriquesBase()[0]!, { rateLimitPublic: 3, demo: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await env.requete("GET", "/api/v1/session")).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await env.fermer();
    }
  });
});
