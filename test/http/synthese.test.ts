import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonCanonique } from "../../src/domain/syntheseDossier.js";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * Document de synthèse de bout en bout sur un cas de démonstration (Inès Dubois, niveau 2, référent Julien Morin) :
 * brouillon, émission figée, PDF relu avec pdftotext, versions, accusé, correction, partage soumis à l'accord exprès
 * de la personne pour chaque destinataire (regles-cep.md §1 et §6 ; L6313-4), matrice d'accès.
 */

const D = "demo.cep.invalid";
const pdftotext = (pdf: Buffer) => {
  const fichier = path.join(mkdtempSync(path.join(tmpdir(), "cep-synthese-")), "synthese.pdf");
  writeFileSync(fichier, pdf);
  return {
    fichier,
    texte: execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", fichier, "-"], { encoding: "utf8" }),
  };
};
const aplatir = (t: string) => t.replace(/\s+/g, " ");
const sha256 = (t: string) => createHash("sha256").update(t, "utf8").digest("hex");

describe.each(fabriquesBase())("document de synthèse ($nom)", (fabrique) => {
  let env: Environnement;
  type Session = Awaited<ReturnType<Environnement["connecter"]>>;
  let julien: Session;
  let ines: Session;
  let parcoursId: string;
  let beneficiaireId: string;
  const url = (suffixe = "") => `/api/v1/parcours/${parcoursId}/synthese${suffixe}`;

  beforeAll(async () => {
    // Référentiels officiels chargés : le projet vise une fiche ROME 4.0 (aide-soignant, J1501).
    env = await environnement(fabrique, { referentiels: true });
    julien = await env.connecter(`conseiller.ara@${D}`);
    ines = await env.connecter(`beneficiaire08@${D}`);
    const p = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", julien))
      .json()
      .dossiers.find((x: { beneficiaire: { nom: string } }) => x.beneficiaire.nom === "Dubois");
    parcoursId = p.id;
    beneficiaireId = p.beneficiaire.id;
  });
  afterAll(async () => env?.fermer());

  it("émet la synthèse d'un cas de démonstration ; le PDF relu avec pdftotext dit le contenu et l'empreinte, vérifiable", async () => {
    // Le dossier : un état des lieux de niveau 1 rempli par le référent.
    const edl = await env.requete("PUT", `/api/v1/parcours/${parcoursId}/etat-des-lieux`, julien, {
      version: 0,
      demande: "Quitter l'entrepôt pour un métier où l'on s'occupe des personnes.",
      besoin: "Vérifier l'intérêt pour le soin et trouver une formation rémunérée.",
      informations: "Métiers du soin en Auvergne-Rhône-Alpes\nProjet de transition professionnelle",
      decision: "poursuivre",
      orientation: "Accompagnement personnalisé chez l'opérateur régional.",
    });
    expect(edl.statusCode).toBe(200);

    const vide = (await env.requete("GET", url(), julien)).json();
    expect(vide).toMatchObject({ brouillon: null, versions: [], niveauParcours: 2 });
    expect(vide.nonRenseignees).toEqual([
      "Projet professionnel",
      "Compétences",
      "Plan d'actions",
      "Plan de financement",
    ]);
    // Le profil, le projet retenu (avec sa stratégie) et le plan d'actions convenu, tels que le dossier les enregistre.
    const dossier = `/api/v1/parcours/${parcoursId}`;
    const profil = await env.requete("PUT", `${dossier}/profil`, julien, {
      version: 0,
      profil: {
        experiences: [{ intitule: "préparatrice de commandes", appellation: null, dureeMois: 120 }],
        formations: [],
        competences: [
          {
            codeOgr: null,
            libelle: "Travailler en équipe sous contrainte de délais",
            rubrique: "libre",
            maitrise: "maitrisee",
          },
          {
            codeOgr: null,
            libelle: "Gestes et postures de manutention",
            rubrique: "libre",
            maitrise: "maitrisee",
          },
        ],
        interets: null,
      },
    });
    expect(profil.statusCode, profil.body).toBe(200);
    const projet = await env.requete("POST", `${dossier}/projets`, julien, {
      codeRome: "J1501",
      typeChangement: "reconversion",
      description: "Devenir aide-soignante après dix ans en entrepôt.",
    });
    expect(projet.statusCode, projet.body).toBe(201);
    const retenu = await env.requete("PATCH", `${dossier}/projets/${projet.json().projet.id}`, julien, {
      version: 1,
      statut: "retenu",
    });
    expect(retenu.statusCode, retenu.body).toBe(200);
    const plan = await env.requete("PUT", `${dossier}/plan`, julien, {
      version: 0,
      contenu: {
        projetVise: "Aide-soignante",
        situation: {
          statut: "salarie",
          typeContrat: "cdi",
          ancienneteSalarieMois: 120,
          ancienneteEntrepriseMois: 60,
          soldeCPF: 800,
          departement: "69",
        },
        etapes: [
          {
            titre: "Se former",
            objectif: "Obtenir le diplôme d'État d'aide-soignant",
            echeance: "2027-12-15",
            actions: [
              {
                type: "formation",
                intitule: "Diplôme d'État d'aide-soignant",
                responsable: "tiers",
                tiers: "IFAS de Lyon",
                echeance: "2027-11-30",
                prestataire: "IFAS de Lyon",
                cout: 7200,
                dateDebut: "2027-01-04",
                dateFin: "2027-11-30",
                dureeMois: 11,
                dureeHeures: 1540,
                certifiante: true,
                eligibleCPF: true,
                lignes: [
                  { dispositif: "ptp", montant: 6000, statut: "accorde" },
                  { dispositif: "cpf", montant: 800, statut: "a_deposer" },
                ],
              },
              {
                type: "demarche_personnelle",
                intitule: "Demander le congé de transition professionnelle à l'employeur",
                responsable: "beneficiaire",
                echeance: "2026-08-31",
              },
            ],
          },
        ],
      },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    const reste = plan.json().financement.total.resteACharge as number;
    expect((await env.requete("POST", `${dossier}/plan/accord`, julien, { version: 1 })).statusCode).toBe(
      200,
    );

    const brouillon = await env.requete("PUT", url("/brouillon"), julien, {
      version: 0,
      niveau: 2,
      conclusions:
        "Le projet d'aide-soignante est confirmé par l'immersion ; l'entrée en formation est visée.",
      prochainesEtapes: "Déposer le dossier de transition professionnelle avant le 15 mai.",
    });
    expect(brouillon.statusCode).toBe(200);
    expect(brouillon.json().brouillon.version).toBe(1);

    const emise = await env.requete("POST", url("/versions"), julien, { versionBrouillon: 1 });
    expect(emise.statusCode).toBe(201);
    const { numero, empreinte } = emise.json();
    expect(numero).toBe(1);
    expect(empreinte).toMatch(/^[0-9a-f]{64}$/);

    // La personne télécharge le PDF de sa version 1.
    const pdf = await env.requete("GET", url(".pdf?version=1"), ines);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const { fichier, texte } = pdftotext(pdf.rawPayload);
    const a = aplatir(texte);
    for (const attendu of [
      "Document de synthèse",
      "accompagnement personnalisé (niveau 2)",
      "Version 1 émise le",
      "Inès Dubois",
      "Avenir Actifs Auvergne-Rhône-Alpes (démo)",
      "Référent·e : Julien Morin",
      "Quitter l’entrepôt pour un métier où l’on s’occupe des personnes.",
      "Projet de transition professionnelle",
      "Aide-soignant",
      "Reconversion",
      "Diplôme d’État d’aide-soignant",
      "Demander le congé de transition professionnelle",
      "IFAS de Lyon",
      "Gestes et postures de manutention",
      "Transitions Pro",
      "Le projet d’aide-soignante est confirmé par l’immersion",
      `Empreinte SHA-256 du contenu : ${empreinte}`,
    ])
      expect(a).toContain(attendu);
    expect(a).toMatch(/1 entretien, 45 min au total/);
    // Le reste à charge du plan convenu, au format français (espace fine ou insécable avant « € »).
    const euros = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 })
      .format(reste)
      .replace(/\s/g, " ");
    expect(a.replace(/\s/g, " ")).toMatch(
      new RegExp(`[Rr]este à (votre )?charge[^0-9]*${euros.replace(/ /g, "\\s?")}`),
    );
    expect(a).not.toContain("Non renseigné");
    mkdirSync("test-results/documents", { recursive: true });
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      "1",
      "-l",
      "1",
      fichier,
      `test-results/documents/synthese-demo-${fabrique.nom}`,
    ]);

    // Vérifiable : l'empreinte est celle du JSON canonique du contenu figé, recalculée par le serveur et ici.
    const v1 = (await env.requete("GET", url("/versions/1"), ines)).json();
    expect(v1).toMatchObject({ numero: 1, empreinte, empreinteRecalculee: empreinte, conforme: true });
    expect(sha256(jsonCanonique(v1.contenu))).toBe(empreinte);
    // Stable : relu et rendu une seconde fois, même empreinte ; la version HTML la porte aussi.
    const encore = aplatir(
      pdftotext((await env.requete("GET", url(".pdf?version=1"), julien)).rawPayload).texte,
    );
    expect(encore).toContain(`Empreinte SHA-256 du contenu : ${empreinte}`);
    const html = await env.requete("GET", url(".html?version=1"), ines);
    expect(html.headers["content-type"]).toContain("text/html");
    expect(html.body).toContain(empreinte);
    expect(html.body).toContain('<html lang="fr">');

    // La personne est prévenue par courriel, sans le contenu.
    const courriel = env.courriels().find((c) => c.includes("beneficiaire08@") && c.includes("synth"));
    expect(courriel).toBeDefined();
    expect(courriel).not.toContain("immersion");
  });

  it("changer le dossier après émission ne change pas la version émise ; réémettre fait la version 2 ; les deux se téléchargent", async () => {
    const v1Avant = (await env.requete("GET", url("/versions/1"), julien)).json();
    const entretien = await env.requete("POST", `/api/v1/parcours/${parcoursId}/entretiens`, julien, {
      modalite: "visio",
      le: new Date(Date.now() - 3_600_000).toISOString(),
      dureeMinutes: 60,
      resume: "Point sur la candidature.",
    });
    expect(entretien.statusCode).toBe(201);
    const lu = (await env.requete("GET", url(), julien)).json();
    const maj = await env.requete("PUT", url("/brouillon"), julien, {
      version: lu.brouillon.version,
      niveau: 2,
      conclusions: "Conclusions mises à jour après la candidature.",
      prochainesEtapes: null,
    });
    expect(maj.statusCode).toBe(200);
    expect((await env.requete("GET", url("/versions/1"), julien)).json()).toEqual(v1Avant);

    const v2 = await env.requete("POST", url("/versions"), julien, {
      versionBrouillon: maj.json().brouillon.version,
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json().numero).toBe(2);
    expect(v2.json().empreinte).not.toBe(v1Avant.empreinte);

    const t1 = aplatir(pdftotext((await env.requete("GET", url(".pdf?version=1"), ines)).rawPayload).texte);
    const t2 = aplatir(pdftotext((await env.requete("GET", url(".pdf"), ines)).rawPayload).texte);
    expect(t1).toContain("Version 1 émise le");
    expect(t1).toContain("1 entretien, 45 min au total");
    expect(t1).not.toContain("Conclusions mises à jour");
    expect(t2).toContain("Version 2 émise le");
    expect(t2).toContain("2 entretiens, 1 h45 au total");
    expect(t2).toContain("Conclusions mises à jour après la candidature.");
    const liste = (await env.requete("GET", url(), ines)).json();
    expect(liste.versions.map((v: { numero: number }) => v.numero)).toEqual([1, 2]);
    // La personne ne voit pas le brouillon de travail.
    expect(liste.brouillon).toBeNull();
    expect((await env.requete("GET", url(".pdf?version=brouillon"), ines)).statusCode).toBe(403);
    expect((await env.requete("GET", url(".pdf?version=9"), ines)).statusCode).toBe(404);
  });

  it("la personne accuse réception et demande une correction ; le référent la voit et y répond par une nouvelle version", async () => {
    const accuse = await env.requete("POST", url("/versions/2/accuse-reception"), ines);
    expect(accuse.statusCode).toBe(200);
    expect(accuse.json().accuseeLe).toEqual(expect.any(String));
    // Le référent ne peut pas accuser réception à la place de la personne.
    expect((await env.requete("POST", url("/versions/2/accuse-reception"), julien)).statusCode).toBe(403);

    const correction = await env.requete("POST", url("/versions/2/corrections"), ines, {
      commentaire: "Mon deuxième entretien était par téléphone, pas en visio.",
    });
    expect(correction.statusCode).toBe(201);
    expect(env.courriels().some((c) => c.includes("conseiller.ara@") && c.includes("correction"))).toBe(true);
    const vu = (await env.requete("GET", url(), julien)).json();
    expect(vu.corrections).toEqual([
      expect.objectContaining({
        numero: 2,
        commentaire: "Mon deuxième entretien était par téléphone, pas en visio.",
        traiteeLe: null,
      }),
    ]);
    expect(vu.versions[1].accuseeLe).toEqual(expect.any(String));

    const v3 = await env.requete("POST", url("/versions"), julien, {
      versionBrouillon: vu.brouillon.version,
    });
    expect(v3.json()).toMatchObject({ numero: 3, correctionsTraitees: 1 });
    const apres = (await env.requete("GET", url(), ines)).json();
    expect(apres.corrections[0]).toMatchObject({ corrigeeParNumero: 3, traiteeLe: expect.any(String) });
  });

  it("partage avec un financeur : refusé (403) et journalisé sans l'accord de la personne ; accordé, puis retiré", async () => {
    const financeur = {
      numero: 3,
      destinataire: "Transitions Pro Auvergne-Rhône-Alpes",
      typeDestinataire: "financeur",
    };
    const refus = await env.requete("POST", url("/partages"), julien, financeur);
    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.message).toContain("n'a pas donné son accord");
    const journal = () => env.base.depots.audit.listerParBeneficiaire(beneficiaireId, 200);
    expect(
      (await journal()).filter(
        (e) =>
          e.action === "parcours.synthese.partager" &&
          e.resultat === "refus" &&
          e.acteurCompteId === julien.compte.id &&
          e.objetType === "synthese_partage",
      ),
    ).toHaveLength(1);

    // La personne donne son accord pour ce destinataire (et seulement lui).
    const accord = await env.requete("POST", url("/accords"), ines, {
      destinataire: "Transitions Pro Auvergne-Rhône-Alpes",
      typeDestinataire: "financeur",
    });
    expect(accord.statusCode).toBe(201);
    expect(
      (
        await env.requete("POST", url("/partages"), julien, {
          ...financeur,
          destinataire: "Région Auvergne-Rhône-Alpes",
        })
      ).statusCode,
    ).toBe(403);
    const partage = await env.requete("POST", url("/partages"), julien, {
      ...financeur,
      destinataire: "transitions pro auvergne-rhone-alpes",
    });
    expect(partage.statusCode).toBe(201);
    const lien = new URL(partage.json().lien);
    expect(lien.pathname).toMatch(/^\/api\/v1\/syntheses\/partagees\/[\w-]{40,}$/);

    // Le destinataire ouvre le lien, sans compte : le PDF de la version partagée ; la personne le voit dans son journal.
    const ouvert = await env.requete("GET", lien.pathname);
    expect(ouvert.statusCode).toBe(200);
    expect(ouvert.headers["content-type"]).toBe("application/pdf");
    expect(aplatir(pdftotext(ouvert.rawPayload).texte)).toContain("Version 3 émise le");
    const acces = (await env.requete("GET", "/api/v1/moi/acces", ines)).json();
    expect(acces.some((e: { action: string }) => e.action.includes("lien de partage"))).toBe(true);

    // Retrait (version périmée : 409), puis retrait effectif : le lien ne sert plus, la tentative est journalisée.
    const accordId = accord.json().id;
    expect(
      (await env.requete("POST", url(`/accords/${accordId}/retrait`), ines, { version: 7 })).statusCode,
    ).toBe(409);
    expect(
      (await env.requete("POST", url(`/accords/${accordId}/retrait`), ines, { version: 1 })).statusCode,
    ).toBe(200);
    const apresRetrait = await env.requete("GET", lien.pathname);
    expect(apresRetrait.statusCode).toBe(403);
    expect((await env.requete("POST", url("/partages"), julien, financeur)).statusCode).toBe(403);
    expect(
      (await journal()).some((e) => e.action === "synthese.partagee.consulter" && e.resultat === "refus"),
    ).toBe(true);
    expect(
      (await env.requete("GET", "/api/v1/syntheses/partagees/inconnu-inconnu-inconnu-inconnu")).statusCode,
    ).toBe(404);
  });

  it("accès : la personne, son référent et le co-suivi ; ni le responsable, ni un collègue sans partage, ni un autre opérateur, ni l'administrateur ; refus journalisés", async () => {
    const claire = await env.connecter(`conseillere.ara@${D}`);
    const attendus: [string, Session | undefined, number][] = [
      ["bénéficiaire", ines, 200],
      ["référent", julien, 200],
      ["collègue sans partage", claire, 403],
      ["responsable", await env.connecter(`responsable.ara@${D}`), 403],
      ["conseillère d'un autre opérateur", await env.connecter(`conseillere.ml@${D}`), 403],
      ["administratrice", await env.connecter(`admin@${D}`), 403],
      ["autre bénéficiaire", await env.connecter(`beneficiaire01@${D}`), 403],
      ["anonyme", undefined, 401],
    ];
    for (const [qui, session, statut] of attendus)
      for (const suffixe of [".pdf?version=1", ".html?version=1", ""])
        expect((await env.requete("GET", url(suffixe), session)).statusCode, `${qui} ${suffixe}`).toBe(
          statut,
        );
    expect(
      (await env.base.depots.audit.listerParBeneficiaire(beneficiaireId, 300)).some(
        (e) =>
          e.action === "parcours.synthese.telecharger" &&
          e.resultat === "refus" &&
          e.acteurCompteId === claire.compte.id,
      ),
    ).toBe(true);

    // Co-suivi : une fois le dossier partagé avec elle, la collègue lit la synthèse.
    expect(
      (
        await env.requete("POST", `/api/v1/parcours/${parcoursId}/partages`, julien, {
          conseillerId: claire.compte.id,
        })
      ).statusCode,
    ).toBe(201);
    expect((await env.requete("GET", url(".pdf?version=1"), claire)).statusCode).toBe(200);
    // Chaque lecture réussie est au journal d'accès de la personne.
    expect(
      (await env.base.depots.audit.listerParBeneficiaire(beneficiaireId, 300)).some(
        (e) =>
          e.action === "parcours.synthese.telecharger" &&
          e.resultat === "succes" &&
          e.acteurCompteId === claire.compte.id &&
          e.details?.includes('"format":"pdf"'),
      ),
    ).toBe(true);
  });

  it("écritures concurrentes : 409 sur un brouillon ou une émission périmés", async () => {
    const lu = (await env.requete("GET", url(), julien)).json();
    const corps = { version: lu.brouillon.version, niveau: 2, conclusions: "A", prochainesEtapes: null };
    expect((await env.requete("PUT", url("/brouillon"), julien, corps)).statusCode).toBe(200);
    const perime = await env.requete("PUT", url("/brouillon"), julien, { ...corps, conclusions: "B" });
    expect(perime.statusCode).toBe(409);
    expect(perime.json().erreur.code).toBe("conflit_version");
    expect(
      (await env.requete("POST", url("/versions"), julien, { versionBrouillon: lu.brouillon.version }))
        .statusCode,
    ).toBe(409);
  });

  it.each([
    ["PUT", "/brouillon", { version: 0, niveau: 3 }, "niveau"],
    ["PUT", "/brouillon", { version: 0, niveau: 1, conclusions: "x".repeat(8001) }, "conclusions"],
    ["PUT", "/brouillon", { niveau: 1 }, "version"],
    ["POST", "/versions", {}, "versionBrouillon"],
    ["GET", ".pdf?version=trois", undefined, "version"],
    ["POST", "/partages", { numero: 1, destinataire: "X", typeDestinataire: "financeur" }, "destinataire"],
    [
      "POST",
      "/partages",
      { numero: 1, destinataire: "Un financeur", typeDestinataire: "banque" },
      "typeDestinataire",
    ],
  ] as const)("400 en nommant le champ : %s %s → %s", async (methode, suffixe, corps, champ) => {
    const r = await env.requete(methode, url(suffixe), julien, corps);
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs.map((c: { champ: string }) => c.champ)).toContain(champ);
    expect(r.json().erreur.champs[0].message).toMatch(/[a-zé]/);
  });

  it.each([
    ["/versions/1/corrections", { commentaire: "  " }, "commentaire"],
    ["/accords", { typeDestinataire: "financeur" }, "destinataire"],
  ] as const)("400 côté bénéficiaire : %s → %s", async (suffixe, corps, champ) => {
    const r = await env.requete("POST", url(suffixe), ines, corps);
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs.map((c: { champ: string }) => c.champ)).toContain(champ);
  });

  it("le niveau 2 ne peut clore un parcours resté au niveau 1 (400 sur « niveau »)", async () => {
    const emma = (await env.requete("GET", "/api/v1/parcours?mesDossiers=true", julien))
      .json()
      .dossiers.find((x: { niveau: number; statut: string }) => x.niveau === 1 && x.statut === "en_cours");
    const r = await env.requete("PUT", `/api/v1/parcours/${emma.id}/synthese/brouillon`, julien, {
      version: 0,
      niveau: 2,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().erreur.champs[0].champ).toBe("niveau");
  });
});
