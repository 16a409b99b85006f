import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";
import { type Environnement, environnement } from "../support/environnement.js";

/**
 * La simulation de financement à travers la vraie route publique, sur une table de cas tirés de
 * ../shared/docs/regles-cep.md (§3 financements, §4 délais). Chaque cas cite l'article appliqué.
 */

interface Ligne {
  eligible?: boolean;
  retenu?: boolean;
  montant?: number;
  motif?: RegExp;
  echeances?: string[];
  /** Pour chaque échéance : samedi, dimanche, jour férié, ou null. */
  nonOuvres?: (string | null)[];
  depassee?: boolean;
}
interface Cas {
  nom: string;
  article: string;
  date: string;
  situation: Record<string, unknown>;
  action: Record<string, unknown>;
  participation?: number;
  reste?: number;
  lignes?: Record<string, Ligne>;
  alerte?: RegExp;
}

const SALARIE = {
  statut: "salarie",
  typeContrat: "cdi",
  ancienneteSalarieMois: 60,
  ancienneteEntrepriseMois: 36,
};
const FORMATION_CPF = { type: "formation", cout: 1000, eligibleCPF: true, certifiante: false };
const FORMATION_PTP = {
  type: "formation",
  cout: 9000,
  eligibleCPF: true,
  certifiante: true,
  dureeHeures: 900,
};

const CAS: Cas[] = [
  // Participation forfaitaire du CPF, par date et exonérations.
  {
    nom: "participation nulle avant le 2 mai 2024",
    article: "L6323-4 I, L6323-7, décret 2024-394",
    date: "2024-05-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2024-09-01" },
    participation: 0,
    reste: 0,
    lignes: { cpf: { eligible: true, montant: 1000 } },
  },
  {
    nom: "participation de 100 € à partir du 2 mai 2024",
    article: "décret 2024-394",
    date: "2024-05-02",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2024-09-01" },
    participation: 100,
    reste: 100,
    lignes: { cpf: { montant: 900 }, fonds_personnels: { montant: 100 } },
  },
  {
    nom: "participation de 102,23 € en 2025",
    article: "arrêté du 26 décembre 2024",
    date: "2025-06-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2025-09-01" },
    participation: 102.23,
    reste: 102.23,
    lignes: { cpf: { montant: 897.77 } },
  },
  {
    nom: "participation de 103,20 € en 2026",
    article: "arrêté du 30 décembre 2025",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2026-09-01" },
    participation: 103.2,
    reste: 103.2,
    lignes: { cpf: { montant: 896.8, motif: /Participation forfaitaire de 103,20 €/ } },
  },
  {
    nom: "exonération : demandeur d'emploi",
    article: "L6323-7",
    date: "2026-04-01",
    situation: { statut: "demandeur_emploi", soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2026-09-01" },
    participation: 0,
    reste: 0,
    lignes: { cpf: { montant: 1000, motif: /demandeur d'emploi \(L6323-7\)/ }, aif: { eligible: true } },
  },
  {
    nom: "exonération : formation cofinancée par l'employeur",
    article: "L6323-7, L6323-4 II",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, cofinancementTiers: 200, dateDebut: "2026-09-01" },
    participation: 0,
    reste: 0,
    lignes: { cofinancement_tiers: { montant: 200 }, cpf: { montant: 800 } },
  },
  {
    nom: "solde insuffisant : le complément reste à charge, participation comprise",
    article: "L6323-4 I",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 1000 },
    action: { ...FORMATION_CPF, cout: 3000, dateDebut: "2026-09-01" },
    participation: 103.2,
    reste: 2000,
    lignes: {
      cpf: { montant: 1000 },
      fonds_personnels: { montant: 2000, motif: /dont 103,20 € de participation/ },
    },
  },
  {
    nom: "salarié peu qualifié : CPF majoré à 800 € par an, déclaration possible par le conseiller",
    article: "L6323-11-1, R6323-3-1",
    date: "2026-04-01",
    situation: { ...SALARIE, niveauQualification: 2, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2026-09-01" },
    lignes: { cpf: { eligible: true, motif: /800 € par an dans la limite de 8 000 €/ } },
  },
  {
    nom: "formation non éligible au CPF",
    article: "L6323-6 I",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, eligibleCPF: false, dateDebut: "2026-09-01" },
    participation: 0,
    reste: 1000,
    lignes: { cpf: { eligible: false, motif: /L6323-6 I/ } },
  },
  // Projet de transition professionnelle.
  {
    nom: "PTP : ancienneté remplie (24 mois dont 12 dans l'entreprise)",
    article: "D6323-9 I 1°",
    date: "2026-04-01",
    situation: { ...SALARIE, ancienneteSalarieMois: 24, ancienneteEntrepriseMois: 12, soldeCPF: 1500 },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    participation: 0,
    reste: 0,
    lignes: { ptp: { eligible: true, retenu: true, montant: 7500 }, cpf: { montant: 1500, retenu: true } },
  },
  {
    nom: "PTP : ancienneté de salarié insuffisante",
    article: "D6323-9 I 1°",
    date: "2026-04-01",
    situation: { ...SALARIE, ancienneteSalarieMois: 20, ancienneteEntrepriseMois: 12, soldeCPF: 1500 },
    action: { ...FORMATION_PTP, dureeHeures: 1200, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { ptp: { eligible: false, motif: /Ancienneté insuffisante : 24 mois .* vous indiquez 20 mois/ } },
  },
  {
    nom: "PTP : ancienneté dans l'entreprise insuffisante",
    article: "D6323-9 I 1°",
    date: "2026-04-01",
    situation: { ...SALARIE, ancienneteSalarieMois: 48, ancienneteEntrepriseMois: 6 },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { ptp: { eligible: false, motif: /dont 12 dans l'entreprise/ } },
  },
  {
    nom: "PTP : ancienneté non exigée pour un bénéficiaire de l'obligation d'emploi",
    article: "L6323-17-2 I, L5212-13",
    date: "2026-04-01",
    situation: { ...SALARIE, ancienneteSalarieMois: 6, ancienneteEntrepriseMois: 2, handicapReconnu: true },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    reste: 0,
    lignes: { ptp: { eligible: true, motif: /obligation d'emploi/ }, agefiph: { eligible: true } },
  },
  {
    nom: "PTP : réservé aux salariés",
    article: "L6323-17-1",
    date: "2026-04-01",
    situation: { statut: "demandeur_emploi" },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { ptp: { eligible: false, motif: /réservé aux salariés/ }, region: { eligible: true } },
  },
  {
    nom: "PTP : formation certifiante exigée",
    article: "L6323-17-1",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, certifiante: false, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { ptp: { eligible: false, motif: /certifiante/ } },
  },
  {
    nom: "PTP : formation de 9 mois, demande à l'employeur 120 jours avant, réponse 30 jours après",
    article: "R6323-10 I 1° et III",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { ptp: { echeances: ["2026-08-03", "2026-09-02"], nonOuvres: [null, null] } },
  },
  {
    nom: "PTP : formation de 4 mois, demande 60 jours avant",
    article: "R6323-10 I 2°",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-11-02", dureeMois: 4 },
    lignes: { ptp: { echeances: ["2026-09-03", "2026-10-03"] } },
  },
  {
    nom: "PTP : 9 mois à temps partiel, délai court de 60 jours",
    article: "R6323-10 I 2°",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9, tempsPartiel: true },
    lignes: { ptp: { echeances: ["2026-10-02", "2026-11-01"] } },
  },
  {
    nom: "PTP : la date limite tombe un jour férié (14 juillet), elle est signalée",
    article: "R6323-10 I 1°, L3133-1",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-11-11", dureeMois: 9 },
    lignes: {
      ptp: { echeances: ["2026-07-14", "2026-08-13"], nonOuvres: ["jour férié (Fête Nationale)", null] },
    },
    alerte: /mardi 14 juillet 2026 est un jour férié/,
  },
  {
    nom: "PTP : Vendredi saint signalé en Alsace-Moselle",
    article: "R6323-10 I 1°, L3134-13",
    date: "2026-04-01",
    situation: { ...SALARIE, departement: "67" },
    action: { ...FORMATION_PTP, dateDebut: "2027-07-24", dureeMois: 9 },
    lignes: {
      ptp: {
        echeances: ["2027-03-26", "2027-04-25"],
        nonOuvres: ["jour férié (Vendredi Saint)", "dimanche"],
      },
    },
  },
  {
    nom: "PTP : le même jour n'est pas férié hors Alsace-Moselle",
    article: "L3133-1",
    date: "2026-04-01",
    situation: { ...SALARIE, departement: "69" },
    action: { ...FORMATION_PTP, dateDebut: "2027-07-24", dureeMois: 9 },
    lignes: { ptp: { echeances: ["2027-03-26", "2027-04-25"], nonOuvres: [null, "dimanche"] } },
  },
  {
    nom: "PTP : la date limite de demande est déjà passée",
    article: "R6323-10 I 1°",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-06-01", dureeMois: 9 },
    lignes: { ptp: { echeances: ["2026-02-01", "2026-03-03"], depassee: true } },
    alerte: /déjà passé/,
  },
  // Bilan de compétences.
  {
    nom: "bilan : pas de plafond CPF avant le 26 février 2026",
    article: "D6323-1 A 2° (pas encore en vigueur)",
    date: "2026-02-25",
    situation: { ...SALARIE, soldeCPF: 3000 },
    action: { type: "bilan_competences", cout: 2000, dateDebut: "2026-03-15" },
    participation: 103.2,
    reste: 103.2,
    lignes: { cpf: { montant: 1896.8 } },
  },
  {
    nom: "bilan : plafond CPF de 1 600 € à partir du 26 février 2026",
    article: "D6323-1 A 2°",
    date: "2026-02-26",
    situation: { ...SALARIE, soldeCPF: 3000 },
    action: { type: "bilan_competences", cout: 2000, dateDebut: "2026-03-15" },
    participation: 103.2,
    reste: 400,
    lignes: { cpf: { montant: 1600, motif: /plafonnés à 1 600 €/ } },
  },
  {
    nom: "bilan : refusé par le CPF si un bilan a été financé dans les 5 ans",
    article: "D6323-6",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 3000, bilanRecent: true },
    action: { type: "bilan_competences", cout: 1500, dateDebut: "2026-06-01" },
    reste: 1500,
    lignes: {
      cpf: { eligible: false, motif: /5 dernières années \(D6323-6/ },
      opco_plan: { eligible: true },
    },
  },
  {
    nom: "bilan : la règle des 5 ans ne s'applique pas avant le 26 février 2026",
    article: "D6323-6 (pas encore en vigueur)",
    date: "2026-02-01",
    situation: { ...SALARIE, soldeCPF: 3000, bilanRecent: true },
    action: { type: "bilan_competences", cout: 1500, dateDebut: "2026-06-01" },
    lignes: { cpf: { eligible: true } },
  },
  // VAE.
  {
    nom: "VAE sur le temps de travail : congé demandé 30 jours avant, réponse sous 15 jours",
    article: "R6422-3, R6422-4",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 3000 },
    action: { type: "vae", cout: 1200, dateDebut: "2026-06-15", surTempsDeTravail: true },
    reste: 103.2,
    lignes: {
      conge_vae: {
        eligible: true,
        echeances: ["2026-05-16", "2026-05-31"],
        nonOuvres: ["samedi", "dimanche"],
      },
      cpf: { eligible: true, motif: /L6323-6 II 1°/ },
      france_vae: { eligible: true },
    },
  },
  {
    nom: "VAE d'un demandeur d'emploi : pas de congé, CPF sans participation",
    article: "R6422-3, L6323-7",
    date: "2026-04-01",
    situation: { statut: "demandeur_emploi", soldeCPF: 3000 },
    action: { type: "vae", cout: 1200, dateDebut: "2026-06-15" },
    participation: 0,
    reste: 0,
    lignes: { conge_vae: { eligible: false, motif: /salariés/ } },
  },
  // Permis B.
  {
    nom: "permis B d'un salarié sans cofinancement : refusé par le CPF",
    article: "L6323-6 II 4°",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { type: "permis_b", cout: 1500, dateDebut: "2026-06-01" },
    reste: 1500,
    lignes: { cpf: { eligible: false, motif: /au moins 100 €/ } },
  },
  {
    nom: "permis B d'un salarié cofinancé 100 € : CPF plafonné à 900 €, sans participation",
    article: "L6323-6 II 4°, D6323-8 I, D6323-1 A 3°",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { type: "permis_b", cout: 1500, cofinancementTiers: 100, dateDebut: "2026-06-01" },
    participation: 0,
    reste: 500,
    lignes: { cofinancement_tiers: { montant: 100 }, cpf: { eligible: true, montant: 900 } },
  },
  {
    nom: "permis B cofinancé de 50 € seulement : refusé",
    article: "D6323-8 I",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { type: "permis_b", cout: 1500, cofinancementTiers: 50, dateDebut: "2026-06-01" },
    lignes: { cpf: { eligible: false } },
  },
  {
    nom: "permis B d'un demandeur d'emploi : plafond de 900 €",
    article: "L6323-6 II 4°, D6323-1 A 3°",
    date: "2026-04-01",
    situation: { statut: "demandeur_emploi", soldeCPF: 2000 },
    action: { type: "permis_b", cout: 1200, dateDebut: "2026-06-01" },
    participation: 0,
    reste: 300,
    lignes: { cpf: { eligible: true, montant: 900 } },
  },
  {
    nom: "permis B avec un permis en cours de validité : refusé",
    article: "D6323-8 I",
    date: "2026-04-01",
    situation: { statut: "demandeur_emploi", soldeCPF: 2000, permisValide: true },
    action: { type: "permis_b", cout: 1200, dateDebut: "2026-06-01" },
    reste: 1200,
    lignes: { cpf: { eligible: false, motif: /en cours de validité/ } },
  },
  // Démission-reconversion.
  {
    nom: "démission-reconversion : CDI avec 5 ans d'activité",
    article: "L5422-1 II",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { demission_reconversion: { eligible: true, montant: 0, motif: /ne finance pas la formation/ } },
  },
  {
    nom: "démission-reconversion : réservée au CDI",
    article: "L5422-1 II",
    date: "2026-04-01",
    situation: { ...SALARIE, typeContrat: "cdd" },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { demission_reconversion: { eligible: false, motif: /CDI/ } },
  },
  {
    nom: "démission-reconversion : inadmissible si la démission précède le CEP",
    article: "L5422-1-1",
    date: "2026-04-01",
    situation: { ...SALARIE, demissionDonnee: true },
    action: { ...FORMATION_PTP, dateDebut: "2026-12-01", dureeMois: 9 },
    lignes: { demission_reconversion: { eligible: false, motif: /avant la démission/ } },
  },
  // Période de reconversion.
  {
    nom: "période de reconversion : 300 h en 2026, OPCO saisi 30 jours avant, décision sous 20 jours",
    article: "L6324-4, R6324-1, R6324-2",
    date: "2026-04-01",
    situation: { ...SALARIE, ancienneteSalarieMois: 10, ancienneteEntrepriseMois: 10 },
    action: { ...FORMATION_PTP, dureeHeures: 300, dateDebut: "2026-09-14", dureeMois: 6 },
    reste: 0,
    lignes: {
      ptp: { eligible: false },
      periode_reconversion: {
        eligible: true,
        retenu: true,
        montant: 9000,
        echeances: ["2026-08-15", "2026-09-04"],
      },
    },
  },
  {
    nom: "période de reconversion : n'existe pas avant le 1er janvier 2026",
    article: "L6324-1",
    date: "2025-10-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dureeHeures: 300, dateDebut: "2025-12-01", dureeMois: 6 },
    lignes: { periode_reconversion: { eligible: false, motif: /1er janvier 2026/ } },
  },
  {
    nom: "période de reconversion : 600 h dépassent la limite de 450 h",
    article: "L6324-4",
    date: "2026-04-01",
    situation: SALARIE,
    action: { ...FORMATION_PTP, dureeHeures: 600, dateDebut: "2026-09-14", dureeMois: 6 },
    lignes: { periode_reconversion: { eligible: false, motif: /entre 150 et 450 heures/ } },
  },
  // CPF sur le temps de travail.
  {
    nom: "CPF sur le temps de travail, formation de 6 mois : demande 120 jours avant",
    article: "D6323-4",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2026-12-01", dureeMois: 6, surTempsDeTravail: true },
    lignes: { cpf: { echeances: ["2026-08-03", "2026-09-02"] } },
  },
  {
    nom: "CPF sur le temps de travail, formation de 2 mois : demande 60 jours avant",
    article: "D6323-4",
    date: "2026-04-01",
    situation: { ...SALARIE, soldeCPF: 2000 },
    action: { ...FORMATION_CPF, dateDebut: "2026-12-01", dureeMois: 2, surTempsDeTravail: true },
    lignes: { cpf: { echeances: ["2026-10-02", "2026-11-01"], nonOuvres: [null, "jour férié (Toussaint)"] } },
  },
];

describe.each(fabriquesBase())("simulation de financement ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique, { demo: false });
  });
  afterAll(async () => env?.fermer());

  const simuler = (corps: unknown) => env.requete("POST", "/api/v1/financement/simulation", undefined, corps);

  it(`répond à la table de ${CAS.length} cas de regles-cep.md`, () => {
    expect(CAS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CAS)("$nom ($article)", async (c) => {
    const r = await simuler({ date: c.date, situation: c.situation, action: c.action });
    expect(r.statusCode, r.body).toBe(200);
    const corps = r.json();
    if (c.participation !== undefined) expect(corps.participationForfaitaire).toBe(c.participation);
    if (c.reste !== undefined) expect(corps.resteACharge).toBe(c.reste);
    for (const [dispositif, attendu] of Object.entries(c.lignes ?? {})) {
      const f = corps.financements.find((x: { dispositif: string }) => x.dispositif === dispositif);
      expect(f, `ligne ${dispositif}`).toBeDefined();
      if (attendu.eligible !== undefined) expect(f.eligible, `${dispositif} éligible`).toBe(attendu.eligible);
      if (attendu.retenu !== undefined) expect(f.retenu, `${dispositif} retenu`).toBe(attendu.retenu);
      if (attendu.montant !== undefined) expect(f.montant, `${dispositif} montant`).toBe(attendu.montant);
      if (attendu.motif) expect(f.motifs.join(" "), `${dispositif} motifs`).toMatch(attendu.motif);
      if (attendu.echeances)
        expect(
          f.echeances.map((e: { date: string }) => e.date),
          `${dispositif} échéances`,
        ).toEqual(attendu.echeances);
      if (attendu.nonOuvres)
        expect(
          f.echeances.map((e: { jourNonOuvre?: string }) => e.jourNonOuvre ?? null),
          `${dispositif} jours non ouvrés`,
        ).toEqual(attendu.nonOuvres);
      if (attendu.depassee) expect(f.echeances[0].depassee).toBe(true);
    }
    if (c.alerte) expect(corps.alertes.join("\n")).toMatch(c.alerte);
    // Invariants : chaque refus dit pourquoi ; le reste à charge est ce que la personne paie.
    for (const f of corps.financements) {
      if (!f.eligible) expect(f.motifs.length, `${f.dispositif} sans motif`).toBeGreaterThan(0);
      for (const e of f.echeances) expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const retenus = corps.financements
      .filter((f: { retenu: boolean; dispositif: string }) => f.retenu && f.dispositif !== "fonds_personnels")
      .reduce((s: number, f: { montant: number }) => s + f.montant, 0);
    expect(Math.round((retenus + corps.resteACharge) * 100) / 100).toBe(c.action.cout);
    expect(corps.resteACharge).toBeGreaterThanOrEqual(corps.participationForfaitaire);
    expect(corps.alertes[0]).toMatch(/^Estimation selon les règles en vigueur le /);
  });

  const VALIDE = {
    date: "2026-04-01",
    situation: { statut: "salarie" },
    action: { type: "formation", cout: 1000, dateDebut: "2026-09-01" },
  };
  it.each([
    ["un coût négatif", { ...VALIDE, action: { ...VALIDE.action, cout: -5 } }, "action.cout", /négatif/],
    [
      "un type d'action inconnu",
      { ...VALIDE, action: { ...VALIDE.action, type: "stage" } },
      "action.type",
      /inconnu/,
    ],
    [
      "un dispositif inconnu",
      { ...VALIDE, dispositifs: ["cpf", "cheque_formation"] },
      "dispositifs.1",
      /inconnu/,
    ],
    [
      "un début avant la date de la simulation",
      { ...VALIDE, action: { ...VALIDE.action, dateDebut: "2026-03-31" } },
      "action.dateDebut",
      /précéder la date de la simulation/,
    ],
    [
      "un contrat pour un demandeur d'emploi",
      { ...VALIDE, situation: { statut: "demandeur_emploi", typeContrat: "cdi" } },
      "situation.typeContrat",
      /contradictoire/,
    ],
    [
      "plus d'ancienneté dans l'entreprise que de salarié",
      {
        ...VALIDE,
        situation: { statut: "salarie", ancienneteSalarieMois: 10, ancienneteEntrepriseMois: 20 },
      },
      "situation.ancienneteEntrepriseMois",
      /contradictoire/,
    ],
    ["une date impossible", { ...VALIDE, date: "2026-02-30" }, "date", /AAAA-MM-JJ/],
    [
      "un statut inconnu",
      { ...VALIDE, situation: { statut: "retraite" } },
      "situation.statut",
      /Statut inconnu/,
    ],
  ])("%s est un 400 qui nomme le champ", async (_nom, corps, champ, message) => {
    const r = await simuler(corps);
    expect(r.statusCode).toBe(400);
    const c = r.json().erreur.champs.find((x: { champ: string }) => x.champ === champ);
    expect(c, JSON.stringify(r.json().erreur.champs)).toBeDefined();
    expect(c.message).toMatch(message);
  });

  it("documente l'entrée de la simulation dans l'OpenAPI", async () => {
    const doc = (await env.requete("GET", "/api/openapi.json")).json();
    const schema =
      doc.paths["/api/v1/financement/simulation"].post.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(["date", "situation", "action"]);
    expect(Object.keys(schema.properties.action.properties)).toEqual(
      expect.arrayContaining([
        "type",
        "cout",
        "dateDebut",
        "dureeMois",
        "surTempsDeTravail",
        "certifiante",
        "eligibleCPF",
      ]),
    );
  });

  it("restreint la réponse aux dispositifs demandés", async () => {
    const r = await simuler({ ...VALIDE, dispositifs: ["cpf", "fonds_personnels"] });
    expect(r.json().financements.map((f: { dispositif: string }) => f.dispositif)).toEqual([
      "cpf",
      "fonds_personnels",
    ]);
  });
});

describe("simulation publique : limite de débit", () => {
  it("au-delà de la limite par minute, 429 en français", async () => {
    const [fabrique] = fabriquesBase();
    const env = await environnement(fabrique!, { demo: false, rateLimitPublic: 2 });
    try {
      const corps = {
        date: "2026-04-01",
        situation: { statut: "demandeur_emploi" },
        action: { type: "vae", cout: 500, dateDebut: "2026-09-01" },
      };
      const statuts: number[] = [];
      for (let i = 0; i < 3; i++)
        statuts.push(
          (await env.requete("POST", "/api/v1/financement/simulation", undefined, corps)).statusCode,
        );
      expect(statuts).toEqual([200, 200, 429]);
    } finally {
      await env.fermer();
    }
  });
});

describe.each(fabriquesBase())("paramètres datés modifiables par un administrateur ($nom)", (fabrique) => {
  let env: Environnement;
  beforeAll(async () => {
    env = await environnement(fabrique);
  });
  afterAll(async () => env?.fermer());

  const simulation = {
    date: "2026-10-01",
    situation: { statut: "salarie", soldeCPF: 2000 },
    action: { type: "formation", cout: 1000, eligibleCPF: true, dateDebut: "2026-12-01" },
  };
  const url = "/api/v1/financement/parametres/cpf.participationForfaitaire/valeurs";

  it("publie le catalogue et chaque paramètre avec ses dates et sources", async () => {
    const r = await env.requete("GET", "/api/v1/financement/parametres");
    expect(r.statusCode).toBe(200);
    const p = r.json().parametres.find((x: { id: string }) => x.id === "cpf.plafondBilan");
    expect(p.valeurs.at(-1)).toMatchObject({ debut: "2026-02-26", valeur: 1600 });
    expect(p.valeurs.at(-1).source).toMatch(/D6323-1 A/);
    expect(r.json().dispositifs.map((d: { id: string }) => d.id)).toContain("ptp");
  });

  it("une nouvelle valeur s'applique à partir de sa date, l'historique reste lisible, l'action est auditée", async () => {
    const admin = await env.connecter("admin@demo.cep.invalid");
    const avant = (await env.requete("POST", "/api/v1/financement/simulation", undefined, simulation)).json();
    expect(avant.participationForfaitaire).toBe(103.2);

    const r = await env.requete("POST", url, admin, {
      debut: "2026-09-01",
      valeur: 150,
      source: "Décret relevant la participation (exemple de test)",
      motif: "Relèvement publié au Journal officiel",
      version: 0,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().version).toBe(1);

    const apres = (await env.requete("POST", "/api/v1/financement/simulation", undefined, simulation)).json();
    expect(apres.participationForfaitaire).toBe(150);
    const avantDate = (
      await env.requete("POST", "/api/v1/financement/simulation", undefined, {
        ...simulation,
        date: "2026-08-31",
      })
    ).json();
    expect(avantDate.participationForfaitaire).toBe(103.2);

    const p = (await env.requete("GET", "/api/v1/financement/parametres"))
      .json()
      .parametres.find((x: { id: string }) => x.id === "cpf.participationForfaitaire");
    expect(p.valeurs.map((v: { valeur: number }) => v.valeur)).toEqual([0, 100, 102.23, 103.2, 150]);
    expect(p.surcharges).toHaveLength(1);
    expect(p.surcharges[0].motif).toBe("Relèvement publié au Journal officiel");

    const audit = await env.base.db
      .selectFrom("evenement_audit")
      .selectAll()
      .where("action", "=", "financement.parametre.surcharger")
      .execute();
    expect(audit.map((e) => [e.resultat, e.objet_id])).toEqual([["succes", "cpf.participationForfaitaire"]]);
  });

  it("une version périmée est un 409 qui invite à recharger", async () => {
    const admin = await env.connecter("admin@demo.cep.invalid");
    const r = await env.requete("POST", url, admin, {
      debut: "2027-01-01",
      valeur: 160,
      source: "Source",
      motif: "Motif",
      version: 0,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().erreur.message).toMatch(/modifié par quelqu'un d'autre/);
  });

  it("une entrée invalide nomme le champ", async () => {
    const admin = await env.connecter("admin@demo.cep.invalid");
    const r = await env.requete("POST", "/api/v1/financement/parametres/inconnu/valeurs", admin, {
      debut: "2026-13-01",
      valeur: "cent",
      source: "",
      motif: "ok motif",
      version: 1,
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .erreur.champs.map((c: { champ: string }) => c.champ)
        .sort(),
    ).toEqual(["debut", "id", "source", "valeur"]);
  });
});
