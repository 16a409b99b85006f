import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systeme } from "../../src/app/acteur.js";
import { anonymiserParcoursInactifs } from "../../src/app/moi/donnees.js";
import { envoyerRappels } from "../../src/app/parcours/suivi.js";
import { executer } from "../../src/app/pipeline.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

const D = "demo.cep.invalid";
const MDP = "une phrase de passe solide";
/** Le contenu de la pièce jointe text/calendar d'un courriel .eml (base64, quoted-printable ou brut). */
function pieceJointeCalendrier(eml: string): string {
  const texte = eml.replace(/\r\n/g, "\n");
  const partie = texte.slice(texte.indexOf("Content-Type: text/calendar"));
  const separation = partie.indexOf("\n\n");
  const entetes = partie.slice(0, separation);
  const corps = partie.slice(separation + 2, partie.indexOf("\n--", separation));
  if (/Content-Transfer-Encoding: base64/i.test(entetes))
    return Buffer.from(corps.replace(/\s/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(entetes))
    return corps
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
  return corps;
}
type Session = Awaited<ReturnType<Environnement["connecter"]>>;

describe.each(fabriquesBase())("parcours de bout en bout ($nom)", (fabrique) => {
  let env: Environnement;
  let claire: Session;
  let julien: Session;
  let responsable: Session;
  beforeAll(async () => {
    env = await environnement(fabrique);
    claire = await env.connecter(`conseillere.ara@${D}`);
    julien = await env.connecter(`conseiller.ara@${D}`);
    responsable = await env.connecter(`responsable.ara@${D}`);
  });
  afterAll(async () => env?.fermer());

  /** Ouvre un parcours pour une nouvelle personne et lui donne un mot de passe pour qu'elle se connecte. */
  async function ouvrir(corps: Record<string, unknown> = {}) {
    const email = `personne.${randomUUID().slice(0, 8)}@cep.invalid`;
    const r = await env.requete("POST", "/api/v1/parcours", claire, {
      beneficiaire: { prenom: "Inès", nom: "Testeuse", email },
      niveau: 1,
      demande: "Je veux changer de métier.",
      ...corps,
    });
    expect(r.statusCode, r.body).toBe(201);
    const p = r.json();
    await env.base.depots.comptes.changerMotDePasse(
      p.beneficiaire.id,
      await env.services.hachage.hacher(MDP),
    );
    return { p, beneficiaire: () => env.connecter(email, MDP) };
  }
  const lire = async (id: string, s: Session = claire) =>
    (await env.requete("GET", `/api/v1/parcours/${id}`, s)).json();
  const transition = (id: string, version: number, t: unknown, s: Session = claire) =>
    env.requete("POST", `/api/v1/parcours/${id}/transitions`, s, { version, transition: t });

  it("ouvre, passe au niveau 2, met en pause, reprend et clôture : chaque transition est datée et gardée", async () => {
    const { p } = await ouvrir();
    expect(p).toMatchObject({ niveau: 1, phase: null, statut: "en_cours", version: 1 });
    expect(p.referent.id).toBe(claire.compte.id);
    let r = await transition(p.id, 1, { type: "passage", niveau: 2, phase: "conseil" });
    expect(r.statusCode, r.body).toBe(200);
    r = await transition(p.id, 2, { type: "pause", motif: "Congé maternité", retourPrevu: "2099-01-01" });
    expect(r.json()).toMatchObject({ statut: "en_pause", version: 3 });
    r = await transition(p.id, 3, { type: "reprise" });
    r = await transition(p.id, 4, { type: "cloture", motif: "formation_engagee" });
    expect(r.json()).toMatchObject({ statut: "clos", version: 5 });
    const dossier = await lire(p.id);
    expect(dossier.transitions.map((t: { type: string }) => t.type)).toEqual([
      "ouverture",
      "passage",
      "pause",
      "reprise",
      "cloture",
    ]);
    expect(dossier.transitions.every((t: { le: string }) => !Number.isNaN(Date.parse(t.le)))).toBe(true);
    expect(dossier.closLe).toBeTruthy();
    expect(dossier.durees).toHaveProperty("conseil");
    expect(dossier.actionsPossibles).toEqual([]);
  });

  it("entre directement en mise en œuvre quand le projet est mûr", async () => {
    const { p } = await ouvrir({ niveau: 2, phase: "mise_en_oeuvre" });
    expect(p).toMatchObject({ niveau: 2, phase: "mise_en_oeuvre" });
  });

  it.each([
    [{ type: "reprise" }, "transition.type", "Seul un parcours en pause peut reprendre."],
    [{ type: "passage", niveau: 1 }, "transition.niveau", "Le parcours est déjà à cette étape"],
    [{ type: "cloture", motif: "abandon" }, "transition.commentaire", "demande d'en écrire la raison"],
    [{ type: "pause", motif: "x" }, "transition.retourPrevu", "date de retour prévue"],
    [{ type: "voler" }, "transition.type", "Type de transition inconnu"],
  ])("refuse %o avec le champ et la raison en français (400)", async (t, champ, message) => {
    const { p } = await ouvrir();
    const r = await transition(p.id, 1, t);
    expect(r.statusCode).toBe(400);
    const c = r.json().erreur.champs.find((x: { champ: string }) => x.champ === champ);
    expect(c?.message, r.body).toContain(message);
  });

  it("deux mises à jour concurrentes du même dossier : une passe, l'autre reçoit 409, rien n'est écrasé", async () => {
    const { p } = await ouvrir();
    const situation = (commune: string) => ({
      version: 1,
      demande: `Demande vue de ${commune}`,
      situation: {
        statut: "salarie_prive",
        secteur: "Commerce",
        qualification: "4",
        trancheAge: "26_44",
        commune,
        handicap: null,
      },
    });
    const [a, b] = await Promise.all([
      env.requete("PUT", `/api/v1/parcours/${p.id}/situation`, claire, situation("Lyon")),
      env.requete("PUT", `/api/v1/parcours/${p.id}/situation`, responsable, situation("Vienne")),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const gagnant = a.statusCode === 200 ? a : b;
    const perdant = a.statusCode === 200 ? b : a;
    expect(perdant.json().erreur.code).toBe("conflit_version");
    expect(perdant.json().erreur.message).toContain("modifié par quelqu'un d'autre");
    const relu = await lire(p.id);
    expect(relu.situation.commune).toBe(gagnant.json().situation.commune);
    expect(relu.version).toBe(2);
    // Une transition avec la version périmée est refusée aussi.
    expect((await transition(p.id, 1, { type: "passage", niveau: 2, phase: "conseil" })).statusCode).toBe(
      409,
    );
  });

  it("notes privées et partagées : le bénéficiaire ne voit que les partagées ; 409 sur une note périmée", async () => {
    const { p, beneficiaire } = await ouvrir();
    const privee = await env.requete("POST", `/api/v1/parcours/${p.id}/notes`, claire, {
      texte: "Contraintes familiales",
      partagee: false,
    });
    expect(privee.statusCode).toBe(201);
    await env.requete("POST", `/api/v1/parcours/${p.id}/notes`, claire, {
      texte: "À lire : fiche métier",
      partagee: true,
    });
    const b = await beneficiaire();
    const vues = (await env.requete("GET", `/api/v1/parcours/${p.id}/notes`, b)).json();
    expect(vues.map((n: { texte: string }) => n.texte)).toEqual(["À lire : fiche métier"]);
    const journal = JSON.stringify((await env.requete("GET", `/api/v1/parcours/${p.id}/journal`, b)).json());
    expect(journal).not.toContain("Contraintes familiales");
    expect(
      (await env.requete("POST", `/api/v1/parcours/${p.id}/notes`, b, { texte: "x", partagee: true }))
        .statusCode,
    ).toBe(403);
    const url = `/api/v1/parcours/${p.id}/notes/${privee.json().id}`;
    expect(
      (await env.requete("PUT", url, claire, { version: 1, texte: "v2", partagee: false })).statusCode,
    ).toBe(200);
    const conflit = await env.requete("PUT", url, claire, { version: 1, texte: "v2 bis", partagee: false });
    expect(conflit.statusCode).toBe(409);
    expect(conflit.json().erreur.message).toContain("« v2 »");
  });

  it("entretien, rendez-vous avec invitation .ics, confirmation par le bénéficiaire, rappel la veille", async () => {
    const { p, beneficiaire } = await ouvrir();
    const sites = (await env.requete("GET", `/api/v1/operateurs/${p.operateur.id}`, claire)).json().sites;
    const manque = await env.requete("POST", `/api/v1/parcours/${p.id}/entretiens`, claire, {
      modalite: "presentiel",
      le: new Date(Date.now() - 3_600_000).toISOString(),
      dureeMinutes: 45,
      resume: "Premier entretien",
    });
    expect(manque.statusCode).toBe(400);
    expect(manque.json().erreur.champs[0]).toMatchObject({ champ: "siteId" });
    const e = await env.requete("POST", `/api/v1/parcours/${p.id}/entretiens`, claire, {
      modalite: "presentiel",
      siteId: sites[0].id,
      le: new Date(Date.now() - 3_600_000).toISOString(),
      dureeMinutes: 45,
      participants: "Inès Testeuse, Claire Vasseur",
      resume: "Premier entretien",
    });
    expect(e.statusCode, e.body).toBe(201);
    // Un rendez-vous un samedi à 10 h (hors heures ouvrées), dans 30 heures au moins.
    const debut = new Date(Date.now() + 36 * 3_600_000);
    const avant = env.courriels().length;
    const rdv = await env.requete("POST", `/api/v1/parcours/${p.id}/rendez-vous`, claire, {
      debut: debut.toISOString(),
      dureeMinutes: 60,
      modalite: "visio",
      lieu: "https://visio.exemple.invalid/cep",
    });
    expect(rdv.statusCode, rdv.body).toBe(201);
    const mails = env.courriels().slice(avant);
    const invitation = mails.find((m) => m.includes("rendez-vous.ics"));
    expect(invitation).toBeDefined();
    expect(invitation).toContain("rendez-vous.ics");
    expect(invitation).toContain("text/calendar");
    const ics = pieceJointeCalendrier(invitation!);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(
      `DTSTART:${debut
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "")}`,
    );

    const b = await beneficiaire();
    const liste = (await env.requete("GET", `/api/v1/parcours/${p.id}/rendez-vous`, b)).json();
    expect(liste).toHaveLength(1);
    const ok = await env.requete("POST", `/api/v1/parcours/${p.id}/rendez-vous/${liste[0].id}/reponse`, b, {
      version: 1,
      statut: "confirme",
    });
    expect(ok.json().statut).toBe("confirme");
    // Le conseiller ne confirme pas à la place du bénéficiaire.
    expect(
      (
        await env.requete("POST", `/api/v1/parcours/${p.id}/rendez-vous/${liste[0].id}/reponse`, claire, {
          version: 2,
          statut: "confirme",
        })
      ).statusCode,
    ).toBe(403);
    // Les entretiens (comptes rendus) restent au personnel.
    expect((await env.requete("GET", `/api/v1/parcours/${p.id}/entretiens`, b)).statusCode).toBe(403);

    const contexte = { acteur: systeme("test"), requeteId: randomUUID() };
    const premier = await executer(env.services, envoyerRappels, {}, contexte);
    expect(premier.envoyes).toBeGreaterThanOrEqual(1);
    expect(env.courriels().filter((m) => m.includes("rendez-vous.ics")).length).toBeGreaterThanOrEqual(2);
    // Idempotent : relancé, le job ne renvoie rien de plus pour ce rendez-vous.
    const second = await executer(env.services, envoyerRappels, {}, contexte);
    expect(second.envoyes).toBe(0);
  });

  it("échange écrit entre le bénéficiaire et sa conseillère, destinataire prévenu sans le contenu", async () => {
    const { p, beneficiaire } = await ouvrir();
    const b = await beneficiaire();
    const avant = env.courriels().length;
    expect(
      (
        await env.requete("POST", `/api/v1/parcours/${p.id}/messages`, b, {
          texte: "Question confidentielle",
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await env.requete("POST", `/api/v1/parcours/${p.id}/messages`, claire, { texte: "Réponse" }))
        .statusCode,
    ).toBe(201);
    const fil = (await env.requete("GET", `/api/v1/parcours/${p.id}/messages`, b)).json();
    expect(fil.map((m: { texte: string }) => m.texte)).toEqual(["Question confidentielle", "Réponse"]);
    const nouveaux = env.courriels().slice(avant);
    expect(nouveaux.length).toBe(2);
    expect(nouveaux.join("")).not.toContain("Question confidentielle");
  });

  it("le bénéficiaire voit chaque lecture de son dossier par un conseiller, avec son nom et l'heure", async () => {
    const { p, beneficiaire } = await ouvrir();
    const avant = new Date().toISOString();
    await env.requete("GET", `/api/v1/parcours/${p.id}`, claire);
    await env.requete("GET", `/api/v1/parcours/${p.id}`, responsable);
    await env.requete("GET", `/api/v1/parcours/${p.id}`, julien); // refusé : pas son dossier
    const b = await beneficiaire();
    await env.requete("GET", `/api/v1/parcours/${p.id}`, b);
    const acces = (await env.requete("GET", "/api/v1/moi/acces", b)).json();
    const lectures = acces.filter((a: { action: string }) => a.action === "a consulté votre dossier");
    expect(lectures.map((a: { qui: string; resultat: string }) => `${a.qui} ${a.resultat}`)).toEqual([
      "Julien Morin refus",
      "Bruno Responsable succes",
      "Claire Vasseur succes",
    ]);
    expect(lectures.every((a: { le: string }) => a.le >= avant)).toBe(true);
    // Le référent voit le même journal dans le dossier ; le bénéficiaire ne peut pas l'ouvrir par cette route.
    const vuDuDossier = (await env.requete("GET", `/api/v1/parcours/${p.id}/acces`, claire)).json();
    expect(vuDuDossier.some((a: { qui: string }) => a.qui === "Bruno Responsable")).toBe(true);
    expect((await env.requete("GET", `/api/v1/parcours/${p.id}/acces`, b)).statusCode).toBe(403);
  });

  it("conseiller non référent : ni le dossier d'un collègue, ni son handicap déclaré ; suppléant pendant une absence", async () => {
    const { p, beneficiaire } = await ouvrir();
    expect((await env.requete("GET", `/api/v1/parcours/${p.id}`, julien)).statusCode).toBe(403);
    const b = await beneficiaire();
    const situation = {
      version: 1,
      demande: "Reconversion",
      situation: {
        statut: "salarie_prive",
        secteur: null,
        qualification: null,
        trancheAge: null,
        commune: null,
        handicap: "oui",
      },
    };
    const sansAccord = await env.requete("PUT", `/api/v1/parcours/${p.id}/situation`, b, situation);
    expect(sansAccord.statusCode).toBe(400);
    expect(sansAccord.json().erreur.champs[0].champ).toBe("situation.handicap");
    const consentements = (await env.requete("GET", "/api/v1/moi/consentements", b)).json();
    expect(consentements.map((c: { type: string }) => c.type)).toContain("donnees_sante");
    expect(
      (await env.requete("PUT", "/api/v1/moi/consentements/donnees_sante", b, { accorde: true, version: 0 }))
        .statusCode,
    ).toBe(200);
    expect((await env.requete("PUT", `/api/v1/parcours/${p.id}/situation`, b, situation)).statusCode).toBe(
      200,
    );
    expect((await lire(p.id)).situation.handicap).toBe("oui");
    const vueResponsable = await lire(p.id, responsable);
    expect(vueResponsable.situation.handicap).toBeNull();
    expect(vueResponsable.handicapMasque).toBe(true);
    // Absence de Claire : Julien la remplace jusqu'à une date.
    const t = await env.requete("POST", `/api/v1/parcours/${p.id}/transferts`, claire, {
      version: 2,
      type: "temporaire",
      versCompteId: julien.compte.id,
      jusquAu: "2099-12-31",
      motif: "Congés",
    });
    expect(t.statusCode, t.body).toBe(200);
    expect((await env.requete("GET", `/api/v1/parcours/${p.id}`, julien)).statusCode).toBe(200);
    // Retirer l'accord efface la donnée de santé.
    await env.requete("PUT", "/api/v1/moi/consentements/donnees_sante", b, { accorde: false, version: 1 });
    expect((await lire(p.id)).situation.handicap).toBeNull();
  });

  it("réorientation vers un autre opérateur : acceptée par son responsable, le dossier change d'opérateur", async () => {
    const { p } = await ouvrir();
    const ml = (
      await env.requete("GET", "/api/v1/parcours", await env.connecter(`conseillere.ml@${D}`))
    ).json().dossiers[0].operateur.id;
    const r = await env.requete("POST", `/api/v1/parcours/${p.id}/transferts`, claire, {
      version: 1,
      type: "reorientation",
      versOperateurId: ml,
      motif: "Moins de 26 ans : suivi par la Mission locale",
    });
    expect(r.statusCode, r.body).toBe(200);
    const respMl = await env.connecter(`responsable.ml@${D}`);
    const attente = (await env.requete("GET", "/api/v1/reorientations", respMl)).json();
    const demande = attente.find((x: { parcoursId: string }) => x.parcoursId === p.id);
    expect(demande).toBeDefined();
    const refusSansRaison = await env.requete(
      "POST",
      `/api/v1/reorientations/${demande.id}/reponse`,
      respMl,
      {
        version: 1,
        decision: "refuse",
      },
    );
    expect(refusSansRaison.statusCode).toBe(400);
    const ok = await env.requete("POST", `/api/v1/reorientations/${demande.id}/reponse`, respMl, {
      version: 1,
      decision: "accepte",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const apres = (await env.requete("GET", `/api/v1/parcours/${p.id}`, respMl)).json();
    expect(apres).toMatchObject({ referent: null });
    expect(apres.operateur.id).toBe(ml);
    expect((await env.requete("GET", `/api/v1/parcours/${p.id}`, claire)).statusCode).toBe(403);
    expect(apres.transferts.map((x: { statut: string }) => x.statut)).toEqual(["accepte"]);
  });

  it("filtres du portefeuille : niveau, pause, recherche par nom, sans contact, rendez-vous à venir", async () => {
    const q = async (qs: string) =>
      (await env.requete("GET", `/api/v1/parcours?${qs}`, claire)).json().dossiers as {
        niveau: number;
        statut: string;
        beneficiaire: { nom: string };
        prochainRendezVous: string | null;
      }[];
    expect((await q("niveau=2")).every((p) => p.niveau === 2)).toBe(true);
    expect((await q("statut=en_pause")).every((p) => p.statut === "en_pause")).toBe(true);
    const martin = await q("recherche=martin");
    expect(martin.map((p) => p.beneficiaire.nom)).toEqual(["Martin"]);
    expect((await q("rendezVousJours=30")).every((p) => p.prochainRendezVous !== null)).toBe(true);
    expect((await q("rendezVousJours=30")).length).toBeGreaterThan(0);
    expect((await env.requete("GET", "/api/v1/parcours?sansContactJours=abc", claire)).statusCode).toBe(400);
  });

  it("file d'attente du responsable : seulement les dossiers en cours sans référent, filtrés par le serveur", async () => {
    const q = async (qs: string) =>
      (await env.requete("GET", `/api/v1/parcours?${qs}`, responsable)).json().dossiers as {
        id: string;
        statut: string;
        referent: unknown;
      }[];
    const enCours = await q("statut=en_cours");
    const file = await q("statut=en_cours&sansReferent=true");
    expect(file.length).toBeGreaterThan(0);
    expect(file.every((p) => p.referent === null && p.statut === "en_cours")).toBe(true);
    expect(file.map((p) => p.id).sort()).toEqual(
      enCours
        .filter((p) => p.referent === null)
        .map((p) => p.id)
        .sort(),
    );
    expect(enCours.length).toBeGreaterThan(file.length);
    expect((await env.requete("GET", "/api/v1/parcours?sansReferent=oui", responsable)).statusCode).toBe(400);
  });

  it("liste paginée : la page 2 continue la page 1, total exact, pages bornées, accès journalisé", async () => {
    type Page = { dossiers: { id: string }[]; total: number; page: number; parPage: number };
    const q = async (qs: string) => {
      const r = await env.requete("GET", `/api/v1/parcours?${qs}`, responsable);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as Page;
    };
    const entiere = await q("parPage=200");
    expect(entiere.total).toBe(entiere.dossiers.length);
    expect(entiere.total).toBeGreaterThan(4);
    const p1 = await q("page=1&parPage=2");
    const p2 = await q("page=2&parPage=2");
    expect(p1).toMatchObject({ total: entiere.total, page: 1, parPage: 2 });
    expect(p2).toMatchObject({ total: entiere.total, page: 2, parPage: 2 });
    expect([...p1.dossiers, ...p2.dossiers].map((d) => d.id)).toEqual(
      entiere.dossiers.slice(0, 4).map((d) => d.id),
    );
    // Par défaut : la première page, 50 dossiers au plus.
    const defaut = await q("");
    expect(defaut).toMatchObject({ page: 1, parPage: 50, total: entiere.total });
    expect(defaut.dossiers.length).toBe(Math.min(50, entiere.total));
    // Après la dernière page : aucune ligne, mais le total.
    expect(await q(`page=${entiere.total + 1}&parPage=1`)).toMatchObject({
      dossiers: [],
      total: entiere.total,
    });
    // Le journal garde le nombre de dossiers montrés et le total.
    await q("page=2&parPage=3");
    const evenement = await env.base.db
      .selectFrom("evenement_audit")
      .select("details")
      .where("action", "=", "parcours.lister")
      .where("acteur_compte_id", "=", responsable.compte.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(evenement.details!)).toEqual({ nombre: 3, total: entiere.total });
  });

  it("liste paginée : page ou taille de page hors bornes, 400 qui nomme le champ", async () => {
    for (const [qs, champ, message] of [
      ["parPage=500", "parPage", "Au plus 200 dossiers par page."],
      ["parPage=0", "parPage", "Au moins 1 dossier par page."],
      ["page=0", "page", "Les pages sont numérotées à partir de 1."],
      ["page=deux", "page", "Indiquez un numéro de page."],
      ["page=1.5", "page", "Indiquez un numéro de page entier."],
    ] as const) {
      const r = await env.requete("GET", `/api/v1/parcours?${qs}`, claire);
      expect(r.statusCode, qs).toBe(400);
      expect(r.json().erreur.champs, qs).toEqual([{ champ, message }]);
    }
  });

  it("export de toutes mes données en JSON et en HTML lisible ; demande d'effacement", async () => {
    const { p, beneficiaire } = await ouvrir();
    const b = await beneficiaire();
    const json = await env.requete("GET", "/api/v1/moi/export", b);
    expect(json.headers["content-disposition"]).toContain("mes-donnees-cep.json");
    expect(json.json().parcours[0]).toMatchObject({ id: p.id, demande: "Je veux changer de métier." });
    const html = await env.requete("GET", "/api/v1/moi/export?format=html", b);
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.body).toContain("<h1>Mes données</h1>");
    expect(html.body).toContain("Je veux changer de métier.");
    expect(
      (await env.requete("POST", "/api/v1/moi/effacement", b, { motif: "Je n'en ai plus besoin" }))
        .statusCode,
    ).toBe(201);
    expect((await env.requete("POST", "/api/v1/moi/effacement", b, { motif: null })).statusCode).toBe(400);
    // Le responsable de l'opérateur la voit ; il ne peut pas effacer un parcours encore ouvert, ni refuser sans raison.
    const demandes = (await env.requete("GET", "/api/v1/effacements", responsable)).json();
    const demande = demandes.find((d: { beneficiaireId: string }) => d.beneficiaireId === p.beneficiaire.id);
    expect(demande).toMatchObject({ parcoursOuverts: 1 });
    const url = `/api/v1/effacements/${demande.id}/reponse`;
    expect(
      (await env.requete("POST", url, responsable, { version: 1, decision: "effectuee" })).statusCode,
    ).toBe(400);
    expect(
      (await env.requete("POST", url, responsable, { version: 1, decision: "refusee" })).statusCode,
    ).toBe(400);
    await transition(p.id, 1, { type: "cloture", motif: "autre", commentaire: "Demande d'effacement" });
    const fait = await env.requete("POST", url, responsable, { version: 1, decision: "effectuee" });
    expect(fait.json()).toMatchObject({ statut: "effectuee", compteAnonymise: true });
    expect((await env.base.depots.parcours.parId(p.id))!.demande).toBeNull();
  });

  it("anonymise les parcours clos depuis plus de 3 ans, avec un rapport, une seule fois", async () => {
    const { p } = await ouvrir();
    await transition(p.id, 1, { type: "cloture", motif: "emploi_trouve" });
    const contexte = { acteur: systeme("test"), requeteId: randomUUID() };
    const rien = await executer(env.services, anonymiserParcoursInactifs, {}, contexte);
    expect(rien.parcoursAnonymises.map((x) => x.id)).not.toContain(p.id);
    // Quatre ans plus tard.
    const plusTard = {
      ...env.services,
      horloge: { maintenant: () => new Date(Date.now() + 4 * 365 * 86_400_000) },
    };
    const rapport = await executer(plusTard, anonymiserParcoursInactifs, {}, contexte);
    expect(rapport.parcoursAnonymises.map((x) => x.id)).toContain(p.id);
    expect(rapport.comptesAnonymises).toBeGreaterThanOrEqual(1);
    const relu = await env.base.depots.parcours.parId(p.id);
    expect(relu).toMatchObject({ demande: null });
    expect(relu!.anonymiseLe).toBeTruthy();
    const compte = await env.base.depots.comptes.parId(p.beneficiaire.id);
    expect(compte).toMatchObject({ prenom: "Personne", actif: false });
    const encore = await executer(plusTard, anonymiserParcoursInactifs, {}, contexte);
    expect(encore.parcoursAnonymises.map((x) => x.id)).not.toContain(p.id);
  });

  it("l'OpenAPI décrit les points d'accès du parcours et de « Mes données »", async () => {
    const doc = (await env.requete("GET", "/api/openapi.json")).json();
    for (const [chemin, methode] of [
      ["/api/v1/parcours", "get"],
      ["/api/v1/parcours", "post"],
      ["/api/v1/parcours/{id}", "get"],
      ["/api/v1/parcours/{id}/transitions", "post"],
      ["/api/v1/parcours/{id}/entretiens", "post"],
      ["/api/v1/parcours/{id}/journal", "get"],
      ["/api/v1/moi/acces", "get"],
      ["/api/v1/moi/export", "get"],
    ] as const)
      expect(doc.paths[chemin]?.[methode], `${methode} ${chemin}`).toBeDefined();
    const corps =
      doc.paths["/api/v1/parcours/{id}/transitions"].post.requestBody.content["application/json"].schema;
    expect(corps.required).toEqual(["version", "transition"]);
    // La liste : paramètres de page, et réponse paginée (dossiers de la page et total).
    const liste = doc.paths["/api/v1/parcours"].get;
    expect(liste.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["page", "parPage"]),
    );
    const reponse = liste.responses["200"].content["application/json"].schema;
    expect(reponse.required).toEqual(["dossiers", "total", "page", "parPage"]);
    expect(reponse.properties.dossiers.items.required).toEqual(
      expect.arrayContaining(["id", "beneficiaire", "dernierContact", "prochainRendezVous"]),
    );
  });
});
