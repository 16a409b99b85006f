import { describe, expect, it } from "vitest";
import {
  appliquer,
  durees,
  type EtatParcours,
  rejouer,
  type Transition,
  type TransitionDatee,
  transitionsPossibles,
} from "./parcours.js";

/**
 * Cahier des charges du CEP (arrêté du 29 mars 2019, §2) : deux niveaux « pas nécessairement successifs »,
 * adaptés à l'autonomie de la personne et à la maturité de son projet (Code du travail L6111-6).
 */
const LE = "2026-03-02T09:00:00.000Z";
const N1: EtatParcours = { niveau: 1, phase: null, statut: "en_cours" };
const CONSEIL: EtatParcours = { niveau: 2, phase: "conseil", statut: "en_cours" };
const MEO: EtatParcours = { niveau: 2, phase: "mise_en_oeuvre", statut: "en_cours" };
const PAUSE: EtatParcours = { ...CONSEIL, statut: "en_pause" };
const CLOS: EtatParcours = { ...CONSEIL, statut: "clos" };

const t = (x: Transition): TransitionDatee => ({ ...x, le: LE });

describe("transitions du parcours (arrêté du 29 mars 2019 §2)", () => {
  it.each<[string, EtatParcours | null, TransitionDatee, EtatParcours | string]>([
    ["ouverture au niveau 1", null, t({ type: "ouverture", niveau: 1, phase: null }), N1],
    [
      "entrée directe au niveau 2 (niveaux non nécessairement successifs)",
      null,
      t({ type: "ouverture", niveau: 2, phase: "conseil" }),
      CONSEIL,
    ],
    [
      "entrée directe en mise en œuvre (projet mûr)",
      null,
      t({ type: "ouverture", niveau: 2, phase: "mise_en_oeuvre" }),
      MEO,
    ],
    [
      "niveau 1 avec une phase : refusé",
      null,
      t({ type: "ouverture", niveau: 1, phase: "conseil" }),
      "Le niveau 1 n'a pas de phase.",
    ],
    [
      "niveau 2 sans phase : refusé",
      null,
      t({ type: "ouverture", niveau: 2, phase: null }),
      "Au niveau 2, précisez la phase : conseil ou mise en œuvre.",
    ],
    [
      "pause avant ouverture : refusée",
      null,
      t({ type: "reprise" }),
      "Un parcours commence par son ouverture.",
    ],
    [
      "double ouverture : refusée",
      N1,
      t({ type: "ouverture", niveau: 1, phase: null }),
      "Ce parcours est déjà ouvert.",
    ],
    ["passage du niveau 1 au conseil", N1, t({ type: "passage", niveau: 2, phase: "conseil" }), CONSEIL],
    [
      "passage du niveau 1 à la mise en œuvre",
      N1,
      t({ type: "passage", niveau: 2, phase: "mise_en_oeuvre" }),
      MEO,
    ],
    [
      "passage du conseil à la mise en œuvre",
      CONSEIL,
      t({ type: "passage", niveau: 2, phase: "mise_en_oeuvre" }),
      MEO,
    ],
    [
      "retour de la mise en œuvre au conseil (révision du projet)",
      MEO,
      t({ type: "passage", niveau: 2, phase: "conseil" }),
      CONSEIL,
    ],
    [
      "passage vers l'étape courante : refusé",
      CONSEIL,
      t({ type: "passage", niveau: 2, phase: "conseil" }),
      "Le parcours est déjà à cette étape (Niveau 2 — accompagnement personnalisé · Conseil).",
    ],
    [
      "retour du niveau 2 au niveau 1 : refusé",
      CONSEIL,
      t({ type: "passage", niveau: 1, phase: null }),
      "Un parcours en accompagnement personnalisé ne revient pas à l'accueil : mettez-le en pause ou clôturez-le.",
    ],
    [
      "changement d'étape pendant une pause : refusé",
      PAUSE,
      t({ type: "passage", niveau: 2, phase: "mise_en_oeuvre" }),
      "Ce parcours est en pause : reprenez-le avant de changer d'étape.",
    ],
    [
      "pause avec motif et retour prévu",
      CONSEIL,
      t({ type: "pause", motif: "Congé maternité", retourPrevu: "2026-06-01" }),
      PAUSE,
    ],
    [
      "pause sans motif : refusée",
      CONSEIL,
      t({ type: "pause", motif: " ", retourPrevu: "2026-06-01" }),
      "Indiquez le motif de la pause.",
    ],
    [
      "pause avec un retour dans le passé : refusée",
      CONSEIL,
      t({ type: "pause", motif: "Maladie", retourPrevu: "2026-03-01" }),
      "La date de retour prévue doit être postérieure au début de la pause.",
    ],
    [
      "double pause : refusée",
      PAUSE,
      t({ type: "pause", motif: "x", retourPrevu: "2026-06-01" }),
      "Ce parcours est déjà en pause.",
    ],
    ["reprise après une pause", PAUSE, t({ type: "reprise" }), CONSEIL],
    [
      "reprise sans pause : refusée",
      CONSEIL,
      t({ type: "reprise" }),
      "Seul un parcours en pause peut reprendre.",
    ],
    [
      "clôture : entrée en formation",
      MEO,
      t({ type: "cloture", motif: "formation_engagee", commentaire: null }),
      { ...MEO, statut: "clos" },
    ],
    [
      "clôture pendant une pause",
      PAUSE,
      t({ type: "cloture", motif: "emploi_trouve", commentaire: null }),
      CLOS,
    ],
    [
      "abandon sans raison : refusé",
      N1,
      t({ type: "cloture", motif: "abandon", commentaire: "" }),
      "Le motif « Abandon » demande d'en écrire la raison.",
    ],
    [
      "réorientation sans raison : refusée",
      N1,
      t({ type: "cloture", motif: "reorientation", commentaire: null }),
      "Le motif « Réorientation vers un autre opérateur » demande d'en écrire la raison.",
    ],
    [
      "abandon avec sa raison",
      N1,
      t({ type: "cloture", motif: "abandon", commentaire: "Déménagement" }),
      { ...N1, statut: "clos" },
    ],
    [
      "toute transition après clôture : refusée",
      CLOS,
      t({ type: "reprise" }),
      "Ce parcours est clos : il ne peut plus changer.",
    ],
  ])("%s", (_cas, avant, transition, attendu) => {
    const r = appliquer(avant, transition);
    if (typeof attendu === "string") expect(r).toMatchObject({ ok: false, raison: attendu });
    else expect(r).toEqual({ ok: true, etat: attendu });
  });

  it("refuse une transition datée avant la précédente", () => {
    expect(appliquer(N1, t({ type: "reprise" }), "2026-04-01T00:00:00.000Z")).toMatchObject({
      ok: false,
      champ: "le",
    });
  });

  it.each<[EtatParcours, string[]]>([
    [N1, ["passage", "pause", "cloture"]],
    [PAUSE, ["reprise", "cloture"]],
    [CLOS, []],
  ])("actions offertes depuis %o : %o", (etat, attendu) => {
    expect(transitionsPossibles(etat)).toEqual(attendu);
  });
});

describe("historique et durées dérivées", () => {
  const historique: TransitionDatee[] = [
    { type: "ouverture", niveau: 1, phase: null, le: "2026-01-01T00:00:00.000Z" },
    { type: "passage", niveau: 2, phase: "conseil", le: "2026-01-11T00:00:00.000Z" },
    { type: "pause", motif: "Congé", retourPrevu: "2026-02-01", le: "2026-01-21T00:00:00.000Z" },
    { type: "reprise", le: "2026-01-26T00:00:00.000Z" },
    { type: "passage", niveau: 2, phase: "mise_en_oeuvre", le: "2026-02-05T00:00:00.000Z" },
    { type: "cloture", motif: "formation_engagee", commentaire: null, le: "2026-03-07T00:00:00.000Z" },
  ];

  it("rejoue l'historique jusqu'à l'état courant", () => {
    expect(rejouer(historique)).toEqual({ ok: true, etat: { ...MEO, statut: "clos" } });
  });

  it("compte les jours par niveau et phase, hors pause, jusqu'à la clôture", () => {
    expect(durees(historique, "2027-01-01T00:00:00.000Z")).toEqual({
      niveau1: 10,
      conseil: 20,
      miseEnOeuvre: 30,
      pause: 5,
      total: 65,
    });
  });

  it("compte jusqu'à maintenant un parcours en cours", () => {
    expect(durees(historique.slice(0, 2), "2026-01-15T12:00:00.000Z")).toMatchObject({
      niveau1: 10,
      conseil: 4.5,
    });
  });

  it("signale la première transition illégale d'un historique", () => {
    expect(rejouer([...historique, { type: "reprise", le: "2026-04-01T00:00:00.000Z" }])).toMatchObject({
      ok: false,
      raison: "Ce parcours est clos : il ne peut plus changer.",
    });
  });
});
