import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planConvenuCourant } from "../../src/app/plan/plan.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * Plan d'actions du dossier (docs/plan.md) : construction, financement, calendrier, accord, révision versionnée,
 * cases cochées par la personne ; autorisations, 400 qui nomment le champ, 409, audit.
 */
const D = "demo.cep.invalid";
const autreParcoursSansPlan = () => randomUUID();

const contenu = (cout = 9000) => ({
  projetVise: "Assistante de vie aux familles",
  situation: {
    statut: "salarie",
    typeContrat: "cdi",
    ancienneteSalarieMois: 48,
    ancienneteEntrepriseMois: 30,
    soldeCPF: 1500,
    departement: "69",
  },
  etapes: [
    {
      titre: "Se former",
      objectif: "Obtenir le titre professionnel",
      echeance: "2027-12-15",
      actions: [
        {
          type: "formation",
          intitule: "Titre professionnel ADVF",
          responsable: "tiers",
          tiers: "AFPA",
          echeance: "2027-11-30",
          prestataire: "AFPA Lyon",
          cout,
          dateDebut: "2027-03-01",
          dateFin: "2027-11-30",
          dureeMois: 9,
          dureeHeures: 900,
          certifiante: true,
          eligibleCPF: true,
          lignes: [
            { dispositif: "ptp", montant: cout - 1500, statut: "depose" },
            { dispositif: "cpf", montant: 1500, statut: "a_deposer" },
          ],
        },
        {
          type: "demarche_personnelle",
          intitule: "Demander le congé de transition professionnelle à l'employeur",
          responsable: "beneficiaire",
          echeance: "2026-10-30",
        },
        {
          type: "reunion_information",
          intitule: "Inscrire la personne à la réunion d'information de l'AFPA",
          responsable: "conseiller",
          echeance: "2026-09-15",
        },
      ],
    },
  ],
});

describe.each(fabriquesBase())("plan d'actions du dossier ($nom)", (fabrique) => {
  let env: Environnement;
  let claire: Awaited<ReturnType<Environnement["connecter"]>>;
  let parcours: { id: string; beneficiaire: { id: string; email: string } };
  const url = () => `/api/v1/parcours/${parcours.id}/plan`;
  beforeAll(async () => {
    env = await environnement(fabrique);
    claire = await env.connecter(`conseillere.ara@${D}`);
    const liste = (
      await env.requete("GET", "/api/v1/parcours?mesDossiers=true&statut=en_cours", claire)
    ).json().dossiers;
    // Un dossier en phase de mise en œuvre (niveau 2), celle du plan d'actions.
    parcours = liste.find((p: { phase: string | null }) => p.phase === "mise_en_oeuvre") ?? liste[0];
  });
  afterAll(async () => env?.fermer());

  it("construit le plan, consigne la réponse d'un financeur, le fait convenir, le révise et compare les versions", async () => {
    expect((await env.requete("GET", url(), claire)).json()).toEqual({
      plan: null,
      versions: [],
      financement: null,
      calendrier: [],
    });

    const cree = await env.requete("PUT", url(), claire, { version: 0, contenu: contenu() });
    expect(cree.statusCode).toBe(200);
    const v1 = cree.json();
    expect(v1.plan).toMatchObject({ numero: 1, statut: "brouillon", version: 1, motif: null });
    expect(v1.plan.auteur).toMatchObject({ prenom: "Claire", nom: "Vasseur" });
    const formation = v1.plan.contenu.etapes[0].actions[0];
    const [ptp, cpf] = formation.lignes;
    expect(ptp).toMatchObject({
      dispositif: "ptp",
      financeur: expect.stringContaining("Transitions Pro"),
      contacts: [],
    });
    expect(cpf).toMatchObject({ dispositif: "cpf", montant: 1500 });
    // PTP : le CPF est mobilisé en premier, sans participation forfaitaire (R6323-14-4) ; rien ne reste à payer.
    expect(v1.financement.total).toEqual({
      cout: 9000,
      couvert: 9000,
      accorde: 0,
      participationForfaitaire: 0,
      resteACharge: 0,
    });
    // Formation de 9 mois commençant le 1er mars 2027 : demande de congé au plus tard 120 jours avant, le
    // 1er novembre 2026 (R6323-10 I 1°), un dimanche et la Toussaint : signalé, pas déplacé.
    expect(v1.calendrier).toContainEqual(
      expect.objectContaining({
        date: "2026-11-01",
        type: "delai_legal",
        source: "R6323-10 I 1°",
        jourNonOuvre: "jour férié (Toussaint)",
      }),
    );

    // La réponse de Transitions Pro.
    const contact = await env.requete("POST", `${url()}/lignes/${ptp.id}/contacts`, claire, {
      version: 1,
      le: "2026-09-20",
      canal: "courriel",
      reponse: "Dossier accepté en commission du 18 septembre",
      statut: "accorde",
    });
    expect(contact.statusCode).toBe(201);
    const apresContact = contact.json();
    expect(apresContact.plan.version).toBe(2);
    expect(apresContact.plan.contenu.etapes[0].actions[0].lignes[0]).toMatchObject({
      statut: "accorde",
      contacts: [
        { le: "2026-09-20", canal: "courriel", reponse: "Dossier accepté en commission du 18 septembre" },
      ],
    });
    expect(apresContact.financement.actions[0]).toMatchObject({
      accorde: 7500,
      enAttente: 1500,
      resteACharge: 0,
    });

    // « Convenu avec le conseiller » : un acte explicite, daté, avec son auteur.
    const accord = await env.requete("POST", `${url()}/accord`, claire, { version: 2 });
    expect(accord.statusCode).toBe(200);
    expect(accord.json().plan).toMatchObject({ numero: 1, statut: "convenu", convenuLe: expect.any(String) });
    expect(accord.json().plan.convenuPar).toMatchObject({ prenom: "Claire" });
    expect(
      (await env.requete("POST", `${url()}/accord`, claire, { version: 3 })).json().erreur.champs,
    ).toEqual([{ champ: "version", message: "Cette version du plan est déjà convenue avec la personne." }]);

    // Le plan convenu passe dans le document de synthèse : étapes, actions, formation, financement et reste à charge.
    const dossier = url().replace(/\/plan$/, "");
    const brouillon = await env.requete("PUT", `${dossier}/synthese/brouillon`, claire, {
      version: 0,
      niveau: 2,
      conclusions: null,
      prochainesEtapes: null,
    });
    expect(brouillon.statusCode, brouillon.body).toBe(200);
    const apercu = await env.requete("GET", `${dossier}/synthese.html?version=brouillon`, claire);
    expect(apercu.statusCode).toBe(200);
    expect(apercu.body).toContain("Titre professionnel ADVF");
    expect(apercu.body).toContain("Demander le congé de transition professionnelle");
    expect(apercu.body).toMatch(/[Rr]este à (votre )?charge/);

    // Une fois convenu, changer le contenu exige un motif…
    const sansMotif = await env.requete("PUT", url(), claire, { version: 3, contenu: contenu(9500) });
    expect(sansMotif.statusCode).toBe(400);
    expect(sansMotif.json().erreur.champs).toEqual([
      { champ: "motif", message: expect.stringContaining("motif") },
    ]);
    // … et une écriture sur une version périmée est refusée.
    const perimee = await env.requete("PUT", url(), claire, {
      version: 2,
      motif: "x",
      contenu: contenu(9500),
    });
    expect(perimee.statusCode).toBe(409);

    // La révision crée la version 2 (les identifiants lus sont renvoyés : mêmes étapes, mêmes actions).
    const relu = accord.json().plan.contenu;
    relu.etapes[0].actions[0].cout = 9500;
    relu.etapes[0].actions[0].lignes[0].montant = 8000;
    const revise = await env.requete("PUT", url(), claire, {
      version: 3,
      motif: "Le devis de l'AFPA a été réévalué",
      contenu: relu,
    });
    expect(revise.statusCode).toBe(200);
    const v2 = revise.json();
    expect(v2.plan).toMatchObject({
      numero: 2,
      statut: "brouillon",
      motif: "Le devis de l'AFPA a été réévalué",
    });
    // Les échanges avec le financeur suivent la ligne dans la nouvelle version.
    expect(v2.plan.contenu.etapes[0].actions[0].lignes[0].contacts).toHaveLength(1);
    expect(v2.versions.map((v: { numero: number; statut: string }) => [v.numero, v.statut])).toEqual([
      [1, "convenu"],
      [2, "brouillon"],
    ]);

    // Pour la synthèse : la dernière version convenue reste la version 1 tant que la 2 n'est pas convenue.
    expect(await planConvenuCourant(env.base.depots, parcours.id)).toMatchObject({
      numero: 1,
      statut: "convenu",
      convenuPar: claire.compte.id,
    });
    expect(await planConvenuCourant(env.base.depots, autreParcoursSansPlan())).toBeNull();

    const comparaison = await env.requete("GET", `${url()}/comparaison?de=1&a=2`, claire);
    expect(comparaison.statusCode).toBe(200);
    expect(comparaison.json().de.contenu.etapes[0].actions[0].cout).toBe(9000);
    expect(comparaison.json().a.contenu.etapes[0].actions[0].cout).toBe(9500);
    expect(comparaison.json().differences).toEqual([
      expect.objectContaining({ champ: "Coût", avant: "9 000 €", apres: "9 500 €" }),
      expect.objectContaining({ champ: "Montant", avant: "7 500 €", apres: "8 000 €" }),
    ]);
    expect((await env.requete("GET", `${url()}/comparaison?de=1&a=7`, claire)).statusCode).toBe(404);

    const ics = await env.requete("GET", `${url()}/calendrier.ics`, claire);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(ics.body).toContain("DTSTART;VALUE=DATE:20261101");
    expect(ics.body.replace(/\r\n /g, "")).toContain(
      "Titre professionnel ADVF — Date limite de la demande de congé",
    );

    // Chaque lecture et chaque écriture est dans le journal d'audit, rattachée à la personne.
    const journal = await env.base.depots.audit.listerParBeneficiaire(parcours.beneficiaire.id, 200);
    const actions = new Set(
      journal.filter((e) => e.acteurCompteId === claire.compte.id).map((e) => e.action),
    );
    for (const a of [
      "parcours.plan.lire",
      "parcours.plan.enregistrer",
      "parcours.plan.financeur.contact",
      "parcours.plan.convenir",
      "parcours.plan.comparer",
      "parcours.plan.calendrier.exporter",
    ])
      expect(actions, a).toContain(a);
  });

  it("la personne voit son plan et ne coche que ses propres actions ; elle ne modifie pas le plan", async () => {
    const personne = await env.connecter(parcours.beneficiaire.email);
    const vu = await env.requete("GET", url(), personne);
    expect(vu.statusCode).toBe(200);
    const { plan } = vu.json();
    const [, sienne, duConseiller] = plan.contenu.etapes[0].actions;
    const fait = await env.requete("PUT", `${url()}/actions/${sienne.id}/statut`, personne, {
      version: plan.version,
      statut: "fait",
    });
    expect(fait.statusCode).toBe(200);
    // Le suivi ne crée pas de version : la version 2 reste la version en cours.
    expect(fait.json().plan).toMatchObject({ numero: 2 });
    expect(fait.json().plan.contenu.etapes[0].actions[1].statut).toBe("fait");

    const refus = await env.requete("PUT", `${url()}/actions/${duConseiller.id}/statut`, personne, {
      version: fait.json().plan.version,
      statut: "fait",
    });
    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.message).toMatch(/vos propres actions/);
    expect(
      (await env.requete("PUT", url(), personne, { version: fait.json().plan.version, contenu: contenu() }))
        .statusCode,
    ).toBe(403);
    const journal = await env.base.depots.audit.listerParBeneficiaire(parcours.beneficiaire.id, 200);
    expect(
      journal.find((e) => e.action === "parcours.plan.action.statut" && e.resultat === "refus")?.objetId,
    ).toBe(duConseiller.id);
    // Son journal d'accès le dit en clair ; son export contient les versions du plan.
    const acces = (await env.requete("GET", "/api/v1/moi/acces", personne)).json();
    expect(acces.map((a: { action: string }) => a.action)).toContain(
      "a consigné votre accord sur le plan d'actions",
    );
    const mesDonnees = (await env.requete("GET", "/api/v1/moi/export", personne)).json();
    const sonParcours = mesDonnees.parcours.find((x: { id: string }) => x.id === parcours.id);
    expect(
      sonParcours.planActions.map((v: { version: number; statut: string }) => [v.version, v.statut]),
    ).toEqual([
      [1, "convenu"],
      [2, "brouillon"],
    ]);
    const html = (await env.requete("GET", "/api/v1/moi/export?format=html", personne)).body;
    expect(html).toContain("<h3>Plan d'actions</h3>");
    expect(html).toContain(
      "Se former — Demander le congé de transition professionnelle à l&#39;employeur : fait",
    );
  });

  it("un conseiller d'un autre opérateur, ou un collègue qui ne suit pas le dossier, n'y a pas accès (403)", async () => {
    const julien = await env.connecter(`conseiller.ara@${D}`);
    expect((await env.requete("GET", url(), julien)).statusCode).toBe(403);
    expect((await env.requete("POST", `${url()}/accord`, julien, { version: 1 })).statusCode).toBe(403);
    const sofia = await env.connecter(`conseillere.ml@${D}`);
    expect((await env.requete("GET", url(), sofia)).statusCode).toBe(403);
    expect((await env.requete("PUT", url(), sofia, { version: 0, contenu: contenu() })).statusCode).toBe(403);
    expect((await env.requete("GET", `${url()}/calendrier.ics`, sofia)).statusCode).toBe(403);
  });

  it("l'OpenAPI décrit les points d'accès du plan", async () => {
    const doc = (await env.requete("GET", "/api/openapi.json")).json();
    for (const [chemin, methode] of [
      ["/api/v1/parcours/{id}/plan", "get"],
      ["/api/v1/parcours/{id}/plan", "put"],
      ["/api/v1/parcours/{id}/plan/accord", "post"],
      ["/api/v1/parcours/{id}/plan/actions/{actionId}/statut", "put"],
      ["/api/v1/parcours/{id}/plan/lignes/{ligneId}/contacts", "post"],
      ["/api/v1/parcours/{id}/plan/comparaison", "get"],
      ["/api/v1/parcours/{id}/plan/calendrier.ics", "get"],
    ] as const)
      expect(doc.paths[chemin]?.[methode]?.tags, `${methode} ${chemin}`).toEqual(["Plan d'actions"]);
    expect(doc.paths["/api/v1/parcours/{id}/plan"].put.requestBody).toBeDefined();
  });

  it.each<[string, (c: ReturnType<typeof contenu>) => void, string]>([
    [
      "coût négatif",
      (c) => {
        c.etapes[0]!.actions[0]!.cout = -5;
      },
      "contenu.etapes.0.actions.0.cout",
    ],
    [
      "action payante sans date de début",
      (c) => {
        Object.assign(c.etapes[0]!.actions[0]!, { dateDebut: null, dateFin: null });
      },
      "contenu.etapes.0.actions.0.dateDebut",
    ],
    [
      "dispositif inconnu",
      (c) => {
        c.etapes[0]!.actions[0]!.lignes![0]!.dispositif = "loto";
      },
      "contenu.etapes.0.actions.0.lignes.0.dispositif",
    ],
    [
      "échéance impossible",
      (c) => {
        c.etapes[0]!.actions[1]!.echeance = "2026-02-30";
      },
      "contenu.etapes.0.actions.1.echeance",
    ],
    [
      "responsable inconnu",
      (c) => {
        c.etapes[0]!.actions[1]!.responsable = "employeur";
      },
      "contenu.etapes.0.actions.1.responsable",
    ],
    [
      "étape sans objectif",
      (c) => {
        c.etapes[0]!.objectif = " ";
      },
      "contenu.etapes.0.objectif",
    ],
    [
      "financements au-delà du coût",
      (c) => {
        c.etapes[0]!.actions[0]!.lignes![1]!.montant = 5000;
      },
      "contenu.etapes.0.actions.0.lignes",
    ],
  ])("400 en nommant le champ : %s", async (_cas, abimer, champ) => {
    const autre = (
      await env.requete("GET", "/api/v1/parcours?mesDossiers=true&statut=en_cours", claire)
    ).json().dossiers[1];
    const c = contenu();
    abimer(c);
    const r = await env.requete("PUT", `/api/v1/parcours/${autre.id}/plan`, claire, {
      version: 0,
      contenu: c,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs.map((x: { champ: string }) => x.champ)).toEqual([champ]);
    expect(r.json().erreur.champs[0].message).toMatch(/[a-zé]/);
  });
});
