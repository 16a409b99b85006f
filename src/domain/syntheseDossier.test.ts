import { describe, expect, it } from "vitest";
import {
  construireSynthese,
  type DossierSynthese,
  jsonCanonique,
  memeDestinataire,
  partiesNonRenseignees,
  statutVersion,
} from "./syntheseDossier.js";

/**
 * Construction du document de synthèse à partir du dossier (cahier des charges du CEP, arrêté du 29 mars 2019 :
 * document « formalisé selon un modèle commun », qui récapitule les services reçus, le projet, la stratégie et le plan
 * d'actions — regles-cep.md §1).
 */
const base: DossierSynthese = {
  niveau: 1,
  le: "2026-06-30T10:00:00.000Z",
  beneficiaire: { prenom: "Inès", nom: "Dubois" },
  operateur: { nom: "Avenir Actifs (démo)" },
  referent: { prenom: "Julien", nom: "Morin" },
  ouvertLe: "2026-01-12T09:00:00.000Z",
  closLe: null,
  demande: "Je voudrais changer de métier.",
  entreeNiveau2Le: null,
  entretiens: [
    { le: "2026-03-01T09:00:00.000Z", modalite: "visio", dureeMinutes: 45 },
    { le: "2026-02-01T09:00:00.000Z", modalite: "presentiel", dureeMinutes: 60 },
    // Postérieur au document : n'y figure pas.
    { le: "2026-07-15T09:00:00.000Z", modalite: "telephone", dureeMinutes: 30 },
  ],
  reunions: [{ le: "2026-01-20T16:00:00.000Z", theme: "Découvrir le CEP" }],
  redaction: { conclusions: null, prochainesEtapes: null },
};

describe("construireSynthese : le contenu vient du dossier, sans ressaisie", () => {
  it("identité, opérateur, référent, période, entretiens passés dans l'ordre, réunions, services reçus", () => {
    const c = construireSynthese(base);
    expect(c.beneficiaire).toEqual({ prenom: "Inès", nom: "Dubois" });
    expect(c.operateur.nom).toBe("Avenir Actifs (démo)");
    expect(c.referent).toEqual({ prenom: "Julien", nom: "Morin" });
    expect(c.periode).toEqual({ debut: base.ouvertLe, fin: base.le });
    expect(c.entretiens.map((e) => e.modalite)).toEqual(["presentiel", "visio"]);
    expect(c.reunionsCollectives).toEqual([{ date: "2026-01-20T16:00:00.000Z", theme: "Découvrir le CEP" }]);
    expect(c.prestations).toEqual([
      "Entretiens individuels de conseil en évolution professionnelle",
      "Réunion collective d'information",
    ]);
    // Sans état des lieux, la demande saisie à l'ouverture.
    expect(c.demande).toBe("Je voudrais changer de métier.");
    expect(c.niveau1).toBeUndefined();
    expect(c.niveau2).toBeUndefined();
  });

  it("reprend l'état des lieux de niveau 1 quand il est rempli (et non plus la demande seule)", () => {
    const c = construireSynthese({
      ...base,
      etatDesLieux: {
        demande: "Changer de métier",
        besoin: "Explorer le soin",
        informations: "CPF\nPTP",
        decision: "poursuivre",
        orientation: "Niveau 2",
      },
    });
    expect(c.niveau1).toMatchObject({ demande: "Changer de métier", informationsDonnees: ["CPF", "PTP"] });
    expect(c.demande).toBeUndefined();
  });

  it("la période s'arrête à la clôture quand le parcours est clos", () => {
    expect(construireSynthese({ ...base, closLe: "2026-05-01T10:00:00.000Z" }).periode.fin).toBe(
      "2026-05-01T10:00:00.000Z",
    );
  });

  it("niveau 2 sans compétences, projet, plan ni financement : les quatre parties sont signalées non renseignées", () => {
    const c = construireSynthese({ ...base, niveau: 2, entreeNiveau2Le: "2026-03-02T10:00:00.000Z" });
    expect(c.niveau2).toEqual({
      competencesAcquises: [],
      competencesAAcquerir: [],
      strategies: [],
      etapes: [],
      parcoursFormation: [],
      calendrier: [],
    });
    expect(partiesNonRenseignees(c)).toEqual([
      "Projet professionnel",
      "Compétences",
      "Plan d'actions",
      "Plan de financement",
    ]);
    expect(c.prestations).toContain("Accompagnement personnalisé (niveau 2) depuis le 2 mars 2026");
    // Au niveau 1, rien n'est attendu de ces parties.
    expect(partiesNonRenseignees(construireSynthese(base))).toEqual([]);
  });

  it("niveau 2 complet : projet, compétences, plan, calendrier des échéances à venir, reste à charge calculé", () => {
    const c = construireSynthese({
      ...base,
      niveau: 2,
      competences: { acquises: ["Accueillir une clientèle"], aAcquerir: ["Réaliser des soins d'hygiène"] },
      projet: {
        metier: { codeRome: "J1501", libelle: "Aide-soignant / Aide-soignante" },
        typeChangement: "reconversion",
        strategies: [{ libelle: "DEAS par un PTP", retenue: true, justification: "Salaire maintenu" }],
      },
      planActions: {
        etapes: [
          {
            titre: "Se former",
            actions: [
              { libelle: "Immersion", porteur: "Bénéficiaire", echeance: "2026-02-27", statut: "Fait" },
              { libelle: "Dépôt PTP", porteur: "Conseiller", echeance: "2026-09-15", statut: "À faire" },
            ],
          },
        ],
        formations: [{ intitule: "DEAS", debut: "2026-09-01", fin: "2027-06-30" }],
      },
      planFinancement: {
        coutTotal: 7200,
        lignes: [
          { financeur: "Transitions Pro", dispositif: "PTP", montant: 4100, statut: "déposé" },
          { financeur: "Employeur", dispositif: "Abondement", montant: 300, statut: "refusé" },
        ],
      },
    });
    expect(partiesNonRenseignees(c)).toEqual([]);
    expect(c.niveau2?.projet?.metier.codeRome).toBe("J1501");
    expect(c.niveau2?.strategies[0]?.retenue).toBe(true);
    // Les échéances passées (immersion de février) ne sont plus « prévisionnelles ».
    expect(c.niveau2?.calendrier.map((e) => e.date)).toEqual(["2026-09-01", "2026-09-15", "2027-06-30"]);
    // 7 200 − 4 100 (la ligne refusée ne compte pas).
    expect(c.niveau2?.financement?.resteACharge).toBe(3100);
  });

  it("garde les textes du conseiller, sans les blancs ; un texte vide n'est pas imprimé", () => {
    const c = construireSynthese({
      ...base,
      redaction: { conclusions: "  Projet confirmé.  ", prochainesEtapes: "   " },
    });
    expect(c.conclusions).toBe("Projet confirmé.");
    expect(c.prochainesEtapes).toBeUndefined();
  });
});

describe("empreinte : sérialisation canonique", () => {
  it("ne dépend pas de l'ordre des clés ni des champs absents", () => {
    expect(jsonCanonique({ b: 1, a: [{ y: "é", x: null }], c: undefined })).toBe(
      '{"a":[{"x":null,"y":"é"}],"b":1}',
    );
    const c = construireSynthese(base);
    expect(jsonCanonique(JSON.parse(jsonCanonique(c)))).toBe(jsonCanonique(c));
  });

  it("statut lisible d'une version émise (heure de Paris)", () => {
    expect(statutVersion(2, "2026-03-05T23:30:00.000Z")).toBe("Version 2 émise le 6 mars 2026");
  });
});

describe("même destinataire (accord de partage)", () => {
  it.each([
    ["Transitions Pro ARA", "transitions pro  ara", true],
    ["Région Auvergne-Rhône-Alpes", "Region Auvergne-Rhone-Alpes", true],
    ["Transitions Pro ARA", "Transitions Pro Bretagne", false],
  ])("%s / %s → %s", (a, b, attendu) => {
    expect(memeDestinataire(a, b)).toBe(attendu);
  });
});
