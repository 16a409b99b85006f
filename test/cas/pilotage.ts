import { randomUUID } from "node:crypto";
import type { Depots } from "../../src/app/ports.js";
import { SITUATION_VIDE, type Situation } from "../../src/domain/dossier.js";
import type { Transition } from "../../src/domain/parcours.js";

/**
 * Jeu de parcours connu pour vérifier chaque indicateur à la main (test/storage/indicateurs.test.ts,
 * test/http/pilotage.test.ts). Période observée : 2026-01-01 → 2026-06-30. Opérateur A (région 84, sites S1 et S2,
 * conseillers C1 « Alice Martin » et C2 « Bruno Petit ») et opérateur B (région 11).
 */
export const PERIODE = { debut: "2026-01-01", fin: "2026-06-30" };
/** Instant du calcul des indicateurs dans les tests (une réunion postérieure n'est pas encore tenue). */
export const MAINTENANT = "2026-06-20T12:00:00.000Z";

const h = (jour: string) => `${jour}T09:00:00.000Z`;

export async function semerPilotage(d: Depots) {
  const cree = "2025-01-01T00:00:00.000Z";
  const A = randomUUID();
  const B = randomUUID();
  await d.operateurs.creer({
    id: A,
    nom: `Opérateur A ${A.slice(0, 4)}`,
    type: "apec",
    codeRegion: "84",
    creeLe: cree,
  });
  await d.operateurs.creer({
    id: B,
    nom: `Opérateur B ${B.slice(0, 4)}`,
    type: "apec",
    codeRegion: "11",
    creeLe: cree,
  });
  const S1 = randomUUID();
  const S2 = randomUUID();
  for (const [id, nom] of [
    [S1, "Site de Lyon"],
    [S2, "Site de Grenoble"],
  ] as const)
    await d.sites.creer({
      id,
      operateurId: A,
      nom,
      adresse: null,
      codePostal: null,
      commune: null,
      creeLe: cree,
    });
  const compte = async (
    role: "conseiller" | "beneficiaire" | "responsable",
    prenom: string,
    nom: string,
    op: string | null,
  ) => {
    const id = randomUUID();
    await d.comptes.creer({
      id,
      email: `${id.slice(0, 8)}@exemple.invalid`,
      prenom,
      nom,
      role,
      operateurId: op,
      actif: true,
      demo: false,
      creeLe: cree,
      hashMotDePasse: null,
    });
    return id;
  };
  const C1 = await compte("conseiller", "Alice", "Martin", A);
  const C2 = await compte("conseiller", "Bruno", "Petit", A);
  const RA = await compte("responsable", "Rose", "Durand", A);
  const b = async () => compte("beneficiaire", "Personne", "Suivie", null);
  const [b1, b2, b3, b4, b5, b6, b7] = [
    await b(),
    await b(),
    await b(),
    await b(),
    await b(),
    await b(),
    await b(),
  ];

  const parcours = async (p: {
    beneficiaire: string;
    operateur: string;
    referent: string | null;
    situation: Partial<Situation>;
    transitions: [string, Transition][];
    entretiens: [string, "presentiel" | "telephone" | "visio" | "ecrit", string | null][];
  }) => {
    const id = randomUUID();
    const cloture = p.transitions.find(([, t]) => t.type === "cloture");
    await d.parcours.creer({
      id,
      beneficiaireId: p.beneficiaire,
      operateurId: p.operateur,
      referentId: p.referent,
      niveau: 1,
      phase: null,
      statut: cloture ? "clos" : "en_cours",
      creeLe: h(p.transitions[0]![0]),
      modifieLe: h(p.transitions[0]![0]),
      situation: { ...SITUATION_VIDE, ...p.situation },
      closLe: cloture ? h(cloture[0]) : null,
    });
    for (const [jour, t] of p.transitions)
      await d.transitions.ajouter({
        ...t,
        id: randomUUID(),
        parcoursId: id,
        auteurId: null,
        le: h(jour),
      } as never);
    for (const [jour, modalite, siteId] of p.entretiens)
      await d.entretiens.creer({
        id: randomUUID(),
        parcoursId: id,
        auteurId: null,
        modalite,
        siteId,
        le: h(jour),
        dureeMinutes: 45,
        participants: null,
        resume: "Entretien",
        creeLe: h(jour),
      });
    return id;
  };
  const N1 = { type: "ouverture", niveau: 1, phase: null } as const;

  // P1 : niveau 1 (10 j) puis niveau 2 conseil (30 j), clos « emploi trouvé » ; premier entretien 3 j après la demande.
  const P1 = await parcours({
    beneficiaire: b1,
    operateur: A,
    referent: C1,
    situation: { statut: "salarie_prive", trancheAge: "26_44", qualification: "4" },
    transitions: [
      ["2026-01-05", N1],
      ["2026-01-15", { type: "passage", niveau: 2, phase: "conseil" }],
      ["2026-02-14", { type: "cloture", motif: "emploi_trouve", commentaire: null }],
    ],
    entretiens: [
      ["2026-01-08", "presentiel", S1],
      ["2026-01-20", "visio", null],
    ],
  });
  // P2 : entrée directe au niveau 2 conseil (10 j), mise en œuvre 18 j + 30 j, pause 10 j ; clos « formation ».
  const P2 = await parcours({
    beneficiaire: b2,
    operateur: A,
    referent: C1,
    situation: { statut: "demandeur_emploi", trancheAge: "moins_26", qualification: "sans" },
    transitions: [
      ["2026-02-01", { type: "ouverture", niveau: 2, phase: "conseil" }],
      ["2026-02-11", { type: "passage", niveau: 2, phase: "mise_en_oeuvre" }],
      ["2026-03-01", { type: "pause", motif: "Santé", retourPrevu: "2026-04-01" }],
      ["2026-03-11", { type: "reprise" }],
      ["2026-04-10", { type: "cloture", motif: "formation_engagee", commentaire: null }],
    ],
    entretiens: [["2026-02-06", "telephone", S2]],
  });
  // P3 : niveau 1 en cours ; premier entretien 2 j après.
  const P3 = await parcours({
    beneficiaire: b3,
    operateur: A,
    referent: C2,
    situation: { statut: "agent_public", trancheAge: "45_54", qualification: "6" },
    transitions: [["2026-03-01", N1]],
    entretiens: [["2026-03-03", "presentiel", S1]],
  });
  // P4 : ouvert avant la période, sans référent, en pause à la fin ; situation non renseignée.
  const P4 = await parcours({
    beneficiaire: b4,
    operateur: A,
    referent: null,
    situation: {},
    transitions: [
      ["2025-12-01", N1],
      ["2026-06-20", { type: "pause", motif: "Déménagement", retourPrevu: "2026-07-15" }],
    ],
    entretiens: [["2025-12-10", "telephone", S2]],
  });
  // P5 : clos avant la période : n'apparaît nulle part.
  const P5 = await parcours({
    beneficiaire: b5,
    operateur: A,
    referent: C2,
    situation: { statut: "salarie_prive", trancheAge: "55_plus", qualification: "5" },
    transitions: [
      ["2025-06-01", N1],
      ["2025-12-15", { type: "cloture", motif: "abandon", commentaire: "Ne vient plus" }],
    ],
    entretiens: [["2025-06-10", "presentiel", S1]],
  });
  // P6 : entrée directe en mise en œuvre ; clos après la période (donc encore en cours à sa fin).
  const P6 = await parcours({
    beneficiaire: b6,
    operateur: A,
    referent: C2,
    situation: { statut: "independant", trancheAge: "26_44", qualification: "7" },
    transitions: [
      ["2026-05-01", { type: "ouverture", niveau: 2, phase: "mise_en_oeuvre" }],
      ["2026-07-10", { type: "cloture", motif: "projet_realise", commentaire: null }],
    ],
    entretiens: [["2026-05-04", "ecrit", null]],
  });
  // P7 : ouvert chez A, réorienté vers B (accepté le 2 avril) : appartient désormais à B.
  const P7 = await parcours({
    beneficiaire: b7,
    operateur: B,
    referent: null,
    situation: { statut: "demandeur_emploi", trancheAge: "moins_26", qualification: "3" },
    transitions: [["2026-03-15", N1]],
    entretiens: [["2026-03-20", "presentiel", null]],
  });
  // P9 : second parcours de la personne b1 (compte une fois, avec sa situation la plus récente : qualification 5).
  const P9 = await parcours({
    beneficiaire: b1,
    operateur: A,
    referent: C1,
    situation: { statut: "salarie_prive", trancheAge: "26_44", qualification: "5" },
    transitions: [["2026-06-01", N1]],
    entretiens: [],
  });
  const reorientation = async (
    parcoursId: string,
    auteur: string,
    statut: "accepte" | "refuse",
    le: string,
    repondu: string,
  ) =>
    d.transferts.creer({
      id: randomUUID(),
      parcoursId,
      type: "reorientation",
      auteurId: auteur,
      deCompteId: null,
      versCompteId: null,
      versOperateurId: B,
      jusquAu: null,
      motif: "Déménagement",
      statut,
      reponse: statut === "refuse" ? "Complet" : null,
      reponduLe: h(repondu),
      creeLe: h(le),
    });
  await reorientation(P7, C1, "accepte", "2026-03-25", "2026-04-02");
  await reorientation(P3, C2, "refuse", "2026-04-05", "2026-04-06");

  // Réunions collectives d'information (calcul à l'instant MAINTENANT : R3 est dans la période mais pas encore tenue).
  const reunion = async (
    operateurId: string,
    siteId: string | null,
    jour: string,
    places: number,
    inscrits: { compte?: string; annulee?: boolean; present?: boolean }[],
  ) => {
    const id = randomUUID();
    await d.reunions.creer({
      id,
      operateurId,
      theme: "Découvrir le CEP",
      lieu: siteId ? "site" : "distance",
      siteId,
      debut: `${jour}T16:00:00.000Z`,
      dureeMinutes: 90,
      places,
      creeLe: h("2025-11-01"),
    });
    for (const [k, i] of inscrits.entries()) {
      const ins = randomUUID();
      await d.reunions.inscrire({
        id: ins,
        reunionId: id,
        nom: `Personne ${k + 1}`,
        email: `${ins.slice(0, 8)}@exemple.invalid`,
        compteId: i.compte ?? null,
        // L'ordre d'inscription décide de la place (src/domain/reunions.ts).
        inscritLe: `2025-12-01T10:0${k}:00.000Z`,
      });
      if (i.annulee) await d.reunions.annuler(ins, 1, h("2025-12-15"));
      else if (i.present !== undefined) await d.reunions.marquerPresence(ins, 1, i.present);
    }
    return id;
  };
  // R1 : site de Lyon, 3 places, 4 inscrits dont 1 annulé → 3 confirmés (le 4e monte), 2 présents.
  await reunion(A, S1, "2026-02-10", 3, [
    { compte: b1, present: true },
    { annulee: true },
    { present: false },
    { compte: b3, present: true },
  ]);
  // R2 : à distance, 10 places, 2 confirmés, 2 présents.
  await reunion(A, null, "2026-03-15", 10, [{ present: true }, { present: true }]);
  // R3 : site de Grenoble, dans la période mais après l'instant du calcul : pas encore tenue.
  await reunion(A, S2, "2026-06-25", 8, [{}, {}]);
  // R4 : avant la période ; R5 : autre opérateur.
  await reunion(A, S1, "2025-12-05", 5, [{ present: true }]);
  await reunion(B, null, "2026-04-01", 6, [{ present: true }]);

  // États des lieux de niveau 1 formalisés : P1 et P3 dans la période, P5 avant.
  const etat = async (parcoursId: string, jour: string) =>
    d.etatsDesLieux.enregistrer(
      {
        parcoursId,
        demande: "Changer de métier",
        besoin: "Clarifier le projet",
        informations: "Métiers du soin",
        decision: "poursuivre",
        orientation: "Niveau 2",
        auteurId: C1,
        modifieLe: h(jour),
      },
      0,
    );
  await etat(P1, "2026-01-12");
  await etat(P3, "2026-03-05");
  await etat(P5, "2025-07-01");

  // Documents de synthèse émis : P1 (clos) v1 le 20 février et v2 (correction) le 1er mars ; P5 avant la période.
  const synthese = (parcoursId: string, numero: number, jour: string) =>
    d.syntheses.emettre({
      id: randomUUID(),
      parcoursId,
      numero,
      niveau: 2,
      contenu: "{}",
      empreinte: "0".repeat(64),
      emiseLe: h(jour),
      emisePar: C1,
    });
  await synthese(P1, 1, "2026-02-20");
  await synthese(P1, 2, "2026-03-01");
  await synthese(P5, 1, "2025-07-05");
  return { A, B, S1, S2, C1, C2, RA, P1, P2, P3, P4, P5, P6, P7, P9, b1, b2, b3, b4, b6, b7 };
}
