/**
 * Simulation de financement : à partir de la situation de la personne et de l'action envisagée, dit pour chaque
 * dispositif s'il est mobilisable (et sinon quelle condition manque), le montant estimé, les démarches et les
 * échéances ; calcule la participation forfaitaire du CPF et le reste à charge. Pur : les paramètres datés et les
 * jours fériés sont fournis par l'appelant.
 *
 * Choix de l'estimation (docs/financement.md) :
 * - les règles sont celles en vigueur à la date de la simulation (`date`), sauf les conditions liées au début de
 *   l'action (période de reconversion, PTP après 2027) ;
 * - un cofinancement de tiers est compté d'abord, puis la voie principale : PTP (le CPF y est mobilisé en premier),
 *   sinon période de reconversion, sinon achat direct par le CPF ;
 * - la participation forfaitaire fait partie du prix : le CPF paie au plus le coût moins la participation ;
 * - les aides au cas par cas (AIF, Région, Agefiph, employeur) sont signalées sans montant.
 */

import type { Echeance, JoursFeries } from "./calendrier.js";
import {
  CATALOGUE,
  DISPOSITIFS,
  type IdDispositif,
  type Repertoire,
  type Statut,
  type TypeAction,
  type TypeContrat,
} from "./catalogue.js";
import { type DateIso, dateEnToutesLettres } from "./dates.js";
import { type DispositifAvecDelais, echeancesDispositif } from "./echeances.js";
import { type IdParametre, type JeuParametres, valeurDateeAu } from "./parametres.js";

export interface Situation {
  statut: Statut;
  typeContrat?: TypeContrat;
  niveauQualification?: number;
  ancienneteSalarieMois?: number;
  ancienneteEntrepriseMois?: number;
  handicapReconnu?: boolean;
  effectifEntreprise?: number;
  soldeCPF?: number;
  region?: string;
  /** Pour les jours fériés d'Alsace-Moselle et d'outre-mer. */
  departement?: string;
  /** Permis de conduire en cours de validité (D6323-8). */
  permisValide?: boolean;
  /** Un bilan de compétences a été financé dans les 5 dernières années (D6323-6). */
  bilanRecent?: boolean;
  /** La démission a déjà été donnée (démission-reconversion impossible). */
  demissionDonnee?: boolean;
}

export interface Action {
  type: TypeAction;
  cout: number;
  dureeHeures?: number;
  dateDebut: DateIso;
  dureeMois?: number;
  surTempsDeTravail?: boolean;
  /** À temps partiel : le délai court de demande de congé PTP s'applique (R6323-10 I 2°). */
  tempsPartiel?: boolean;
  certifiante?: boolean;
  eligibleCPF?: boolean;
  repertoire?: Repertoire;
  /** Montant qu'un tiers (employeur, OPCO, Région…) s'est engagé à financer. */
  cofinancementTiers?: number;
}

export interface EntreeSimulation {
  date: DateIso;
  situation: Situation;
  action: Action;
  /** Restreindre la simulation à ces dispositifs (tous par défaut). */
  dispositifs?: IdDispositif[];
}

export interface Financement {
  dispositif: IdDispositif;
  libelle: string;
  financeur: string;
  eligible: boolean;
  /** Vrai si le montant est compté dans le plan estimé. */
  retenu: boolean;
  montant: number;
  motifs: string[];
  demarches: string[];
  echeances: Echeance[];
  source: string;
}

export interface ResultatSimulation {
  date: DateIso;
  financements: Financement[];
  participationForfaitaire: number;
  resteACharge: number;
  alertes: string[];
  /** Les paramètres datés appliqués, avec leur source. */
  parametresAppliques: {
    id: string;
    libelle: string;
    valeur: number | null;
    debut: DateIso;
    source: string;
    incertain: boolean;
  }[];
}

const arrondi = (n: number) => Math.round(n * 100) / 100;
const FORMAT_ENTIER = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const FORMAT_DECIMAL = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** « 1 600 € », « 103,20 € » (espaces ordinaires, lisibles partout). */
export const euros = (n: number) =>
  `${(Number.isInteger(n) ? FORMAT_ENTIER : FORMAT_DECIMAL).format(n).replace(/\u202f|\u00a0/g, " ")} €`;

export function simuler(
  entree: EntreeSimulation,
  parametres: JeuParametres,
  feries: JoursFeries,
): ResultatSimulation {
  const { date, situation: s, action: a } = entree;
  const appliques = new Map<string, ResultatSimulation["parametresAppliques"][number]>();
  const alertes: string[] = [];
  const P = (id: IdParametre, au: DateIso = date) => {
    const p = parametres[id];
    const v = valeurDateeAu(p, au);
    if (!v) return undefined;
    appliques.set(`${id}@${v.debut}`, {
      id,
      libelle: p.libelle,
      valeur: v.valeur,
      debut: v.debut,
      source: v.source,
      incertain: p.incertain,
    });
    return v.valeur;
  };
  /** Échéances d'un dispositif (docs/financement.md), à partir du début de l'action. */
  const echeancesDe = (id: DispositifAvecDelais) =>
    echeancesDispositif(
      id,
      {
        dateDebut: a.dateDebut,
        ...(a.dureeMois !== undefined ? { dureeMois: a.dureeMois } : {}),
        ...(a.tempsPartiel !== undefined ? { tempsPartiel: a.tempsPartiel } : {}),
        ...(s.departement !== undefined ? { departement: s.departement } : {}),
        aujourdhui: date,
      },
      P,
      feries,
    );

  const salarie = s.statut === "salarie";
  const demandeur = s.statut === "demandeur_emploi";
  const tiers = Math.min(a.cofinancementTiers ?? 0, a.cout);
  let reste = a.cout;
  const lignes = new Map<IdDispositif, Financement>();
  const ligne = (id: IdDispositif, eligible: boolean, motifs: string[], extra: Partial<Financement> = {}) => {
    const d = CATALOGUE[id];
    const f: Financement = {
      dispositif: id,
      libelle: d.libelle,
      financeur: d.financeur,
      eligible,
      retenu: false,
      montant: 0,
      motifs,
      demarches: eligible ? d.demarches : [],
      echeances: [],
      source: d.source,
      ...extra,
    };
    if (d.actions.includes(a.type)) lignes.set(id, f);
    return f;
  };

  // 1. Cofinancement d'un tiers : compté d'abord.
  if (tiers > 0) {
    const f = ligne("cofinancement_tiers", true, [
      `${euros(tiers)} engagés par un tiers (L6323-4 II) ; exonère de la participation forfaitaire (L6323-7).`,
    ]);
    f.montant = arrondi(tiers);
    f.retenu = true;
    reste -= tiers;
  }

  // 2. CPF : éligibilité et plafond de l'action.
  const motifsCpf: string[] = [];
  const refusCpf: string[] = [];
  let plafondCpf: number | null = null;
  if (a.type === "formation") {
    if (a.eligibleCPF !== true)
      refusCpf.push(
        a.eligibleCPF === false
          ? "La formation n'est pas éligible au CPF : elle doit viser une certification du RNCP, un bloc de compétences ou une certification du répertoire spécifique (L6323-6 I)."
          : "Indiquez si la formation est éligible au CPF (vérifiable sur Mon Compte Formation, L6323-6 I).",
      );
    if (a.repertoire === "rs") {
      plafondCpf = P("cpf.plafondRS") ?? null;
      if (plafondCpf !== null)
        motifsCpf.push(
          `Certification du répertoire spécifique : droits mobilisables plafonnés à ${euros(plafondCpf)} (D6323-1 A 1°).`,
        );
    }
  } else if (a.type === "bilan_competences") {
    const carence = P("cpf.carenceBilanAnnees");
    if (carence != null && s.bilanRecent)
      refusCpf.push(
        `Un bilan de compétences a déjà été financé au cours des ${carence} dernières années (D6323-6, depuis le 26 février 2026).`,
      );
    plafondCpf = P("cpf.plafondBilan") ?? null;
    motifsCpf.push(
      plafondCpf !== null
        ? `Bilan de compétences : droits mobilisables plafonnés à ${euros(plafondCpf)} (D6323-1 A 2°, depuis le 26 février 2026).`
        : "Bilan de compétences : pas de plafond propre à cette date (le plafond de 1 600 € s'applique à partir du 26 février 2026).",
    );
  } else if (a.type === "permis_b") {
    if (s.permisValide)
      refusCpf.push(
        "Le CPF ne finance le permis B que si vous n'avez pas de permis en cours de validité (D6323-8 I).",
      );
    const reserve = P("cpf.permisReserveDemandeurOuTiers");
    const minimum = P("cpf.cofinancementMinimumPermis") ?? null;
    if (reserve === 1 && !demandeur) {
      const seuil = minimum ?? 0.01;
      if (tiers < seuil)
        refusCpf.push(
          `Hors demandeurs d'emploi, le permis B n'est finançable par le CPF qu'avec un cofinancement d'un tiers${
            minimum !== null ? ` d'au moins ${euros(minimum)} (D6323-8 I)` : ""
          } (L6323-6 II 4°).`,
        );
      else
        motifsCpf.push(
          `Cofinancement d'un tiers de ${euros(tiers)} : condition du permis B remplie (L6323-6 II 4°).`,
        );
    } else if (reserve === 1)
      motifsCpf.push("Demandeur d'emploi : le permis B est éligible au CPF (L6323-6 II 4°).");
    plafondCpf = P("cpf.plafondPermis") ?? null;
    if (plafondCpf !== null)
      motifsCpf.push(`Permis B : droits mobilisables plafonnés à ${euros(plafondCpf)} (D6323-1 A 3°).`);
  } else {
    motifsCpf.push(
      "Les actions de VAE sont éligibles au CPF (accompagnement et jury, L6323-6 II 1°, D6323-7).",
    );
  }
  if (s.statut === "agent_public")
    alertes.push("Agents publics : le CPF suit des règles propres à la fonction publique, non simulées ici.");
  const niveauBas = P("cpf.niveauBasseQualification");
  if (
    niveauBas != null &&
    s.niveauQualification !== undefined &&
    s.niveauQualification < niveauBas &&
    salarie
  )
    motifsCpf.push(
      `Qualification inférieure au niveau ${niveauBas} : le CPF est crédité de 800 € par an dans la limite de 8 000 € ; la déclaration se fait sur Mon Compte Formation, le conseiller CEP peut la faire à votre demande (L6323-11-1, R6323-3-1).`,
    );
  const cpfEligible = refusCpf.length === 0;

  // 3. PTP (formation).
  let ptpEligible = false;
  if (a.type === "formation") {
    const refus: string[] = [];
    const motifs: string[] = [];
    if (!salarie)
      refus.push("Le projet de transition professionnelle est réservé aux salariés (L6323-17-1).");
    if (a.certifiante !== true)
      refus.push("Le projet de transition professionnelle finance une formation certifiante (L6323-17-1).");
    if (salarie) {
      const minSal = P("ptp.ancienneteSalarieMois") ?? 24;
      const minEnt = P("ptp.ancienneteEntrepriseMois") ?? 12;
      if (s.handicapReconnu)
        motifs.push(
          "Condition d'ancienneté non exigée : bénéficiaire de l'obligation d'emploi (L6323-17-2 I, L5212-13).",
        );
      else if (s.ancienneteSalarieMois === undefined || s.ancienneteEntrepriseMois === undefined)
        refus.push(
          `Indiquez votre ancienneté : ${minSal} mois comme salarié, dont ${minEnt} dans l'entreprise, sont exigés (D6323-9).`,
        );
      else if (s.ancienneteSalarieMois < minSal || s.ancienneteEntrepriseMois < minEnt)
        refus.push(
          `Ancienneté insuffisante : ${minSal} mois comme salarié dont ${minEnt} dans l'entreprise sont exigés (D6323-9 I 1°) ; vous indiquez ${s.ancienneteSalarieMois} mois dont ${s.ancienneteEntrepriseMois} dans l'entreprise.`,
        );
      else
        motifs.push(
          `Ancienneté remplie : ${s.ancienneteSalarieMois} mois dont ${s.ancienneteEntrepriseMois} dans l'entreprise (D6323-9).`,
        );
    }
    ptpEligible = refus.length === 0;
    const f = ligne("ptp", ptpEligible, ptpEligible ? motifs : refus);
    if (ptpEligible) {
      f.echeances.push(...echeancesDe("ptp"));
      f.motifs.push(
        "Le CPF est mobilisé en premier par Transitions Pro, sans participation forfaitaire (R6323-14-4).",
      );
    }
    if (a.dateDebut >= "2027-01-01")
      alertes.push(
        "⚠️ Les règles du projet de transition professionnelle changent le 1er janvier 2027 (nouvelle rédaction de L6323-17-2) : elles ne sont pas encore simulées.",
      );
  }

  // 4. Période de reconversion (formation).
  let prEligible = false;
  if (a.type === "formation") {
    const refus: string[] = [];
    const motifs: string[] = [];
    if (!salarie) refus.push("La période de reconversion est réservée aux salariés (L6324-1).");
    if (P("periodeReconversion.ouverte", a.dateDebut) !== 1)
      refus.push(
        "La période de reconversion n'existe que pour les actions commençant à partir du 1er janvier 2026 (L6324-1).",
      );
    if (a.certifiante !== true)
      refus.push("La période de reconversion vise une certification ou des blocs de compétences (L6324-1).");
    const min = P("periodeReconversion.dureeMinHeures", a.dateDebut);
    const max = P("periodeReconversion.dureeMaxHeures", a.dateDebut);
    const maxMois = P("periodeReconversion.dureeMaxMois", a.dateDebut);
    if (min != null && max != null) {
      if (a.dureeHeures === undefined)
        refus.push(`Indiquez la durée en heures : entre ${min} et ${max} heures (L6324-4).`);
      else if (a.dureeHeures < min || a.dureeHeures > max)
        refus.push(
          `Durée hors limites : entre ${min} et ${max} heures sauf accord d'entreprise ou de branche (L6324-4) ; vous indiquez ${a.dureeHeures} heures.`,
        );
      if (maxMois != null && a.dureeMois !== undefined && a.dureeMois > maxMois)
        refus.push(`La formation doit se dérouler sur ${maxMois} mois au plus, sauf accord (L6324-4).`);
    }
    prEligible = refus.length === 0;
    if (prEligible)
      motifs.push(
        "Avec l'accord écrit de l'employeur ; l'OPCO prend en charge les frais pédagogiques selon ses niveaux de prise en charge.",
      );
    const f = ligne("periode_reconversion", prEligible, prEligible ? motifs : refus);
    if (prEligible) f.echeances.push(...echeancesDe("periode_reconversion"));
  }

  // 5. Voie principale et CPF.
  let participation = 0;
  const cpf = ligne("cpf", cpfEligible, cpfEligible ? motifsCpf : refusCpf);
  if (ptpEligible) {
    const f = lignes.get("ptp")!;
    const partCpf = cpfEligible ? Math.min(s.soldeCPF ?? 0, reste) : 0;
    if (cpfEligible) {
      cpf.montant = arrondi(partCpf);
      cpf.retenu = partCpf > 0;
      cpf.motifs.push("Mobilisé par Transitions Pro dans le projet de transition professionnelle.");
    }
    f.montant = arrondi(reste - partCpf);
    f.retenu = true;
    reste = 0;
  } else if (prEligible) {
    const f = lignes.get("periode_reconversion")!;
    f.montant = arrondi(reste);
    f.retenu = true;
    reste = 0;
    if (cpfEligible)
      cpf.motifs.push(
        "Peut compléter la période de reconversion (dans la limite de 50 % des droits pour une période interne, L6324-1 à L6324-11).",
      );
  } else if (cpfEligible && reste > 0) {
    const forfait = P("cpf.participationForfaitaire") ?? 0;
    const exoneration = demandeur
      ? "demandeur d'emploi"
      : tiers > 0
        ? "action cofinancée par un tiers"
        : null;
    const due = exoneration ? 0 : Math.min(forfait, reste);
    if (s.soldeCPF === undefined) {
      cpf.motifs.push("Solde CPF non renseigné : montant à vérifier sur Mon Compte Formation.");
    } else {
      const montant = Math.max(0, Math.min(s.soldeCPF, plafondCpf ?? Number.POSITIVE_INFINITY, reste - due));
      cpf.montant = arrondi(montant);
      cpf.retenu = montant > 0;
      if (montant > 0) {
        reste -= montant;
        participation = due;
        if (exoneration) cpf.motifs.push(`Pas de participation forfaitaire : ${exoneration} (L6323-7).`);
        else if (due > 0) {
          alertes.push(
            "⚠️ Le montant de la participation forfaitaire est revalorisé chaque 1er janvier et un relèvement est annoncé : vérifiez-le lors de l'inscription.",
          );
          cpf.motifs.push(
            `Participation forfaitaire de ${euros(due)} à votre charge à la date du ${dateEnToutesLettres(date)} (L6323-4 I, L6323-7).`,
          );
        }
      } else cpf.motifs.push("Solde CPF nul : pas de prise en charge.");
    }
    if (a.surTempsDeTravail && salarie && cpf.retenu) cpf.echeances.push(...echeancesDe("cpf"));
  }

  // 6. Démission-reconversion (formation) : ouvre l'allocation, ne finance pas la formation.
  if (a.type === "formation") {
    const refus: string[] = [];
    if (!salarie || s.typeContrat !== "cdi")
      refus.push("Réservée aux salariés en CDI de droit privé (L5422-1 II).");
    if (s.demissionDonnee)
      refus.push("Inadmissible : le CEP doit être demandé avant la démission (L5422-1-1).");
    const mois = P("demission.periodeReferenceMois") ?? 60;
    const jours = P("demission.joursTravailles") ?? 1300;
    if (salarie && (s.ancienneteSalarieMois ?? 0) < mois)
      refus.push(
        `Activité antérieure insuffisante : ${jours} jours travaillés sur les ${mois} derniers mois sont exigés ⚠️ (estimation d'après votre ancienneté de salarié).`,
      );
    ligne(
      "demission_reconversion",
      refus.length === 0,
      refus.length === 0
        ? [
            `Activité antérieure estimée suffisante (${jours} jours sur ${mois} mois ⚠️). Ouvre droit à l'allocation chômage après attestation de Transitions Pro ; ne finance pas la formation.`,
          ]
        : refus,
    );
  }

  // 7. VAE : congé et accompagnement.
  if (a.type === "vae") {
    const refus: string[] = [];
    if (!salarie) refus.push("Le congé VAE concerne les salariés (R6422-3).");
    else if (!a.surTempsDeTravail)
      refus.push("Pas de congé à demander : la VAE se déroule hors du temps de travail.");
    const f = ligne(
      "conge_vae",
      refus.length === 0,
      refus.length === 0 ? ["Absence rémunérée de 48 heures par validation (D6422-8)."] : refus,
    );
    if (refus.length === 0) f.echeances.push(...echeancesDe("conge_vae"));
    ligne("france_vae", true, [
      "Accompagnement possible, financé au cas par cas (France VAE, CPF, Transitions Pro, Agefiph).",
    ]);
  }

  // 8. Aides au cas par cas (sans montant).
  const effectifMax = P("opco.effectifMaximum") ?? 50;
  ligne(
    "opco_plan",
    salarie,
    salarie
      ? [
          s.effectifEntreprise !== undefined && s.effectifEntreprise < effectifMax
            ? `Entreprise de moins de ${effectifMax} salariés : l'OPCO peut financer le plan de développement des compétences (L6332-17). Montant décidé par l'employeur.`
            : "Financement par le plan de développement des compétences de l'employeur, à sa décision (L6321-1).",
        ]
      : ["Le plan de développement des compétences concerne les salariés (L6321-1)."],
  );
  ligne(
    "aif",
    demandeur,
    demandeur
      ? ["Au cas par cas, si aucun autre financement ne couvre le coût ; projet validé par France Travail ⚠️."]
      : ["Réservée aux demandeurs d'emploi inscrits à France Travail."],
  );
  ligne(
    "region",
    demandeur,
    demandeur
      ? ["Formations gratuites ou aides individuelles selon le règlement de votre Région (L6121-1)."]
      : [
          "Les aides régionales à la formation visent surtout les demandeurs d'emploi (L6121-1 2°) ; renseignez-vous auprès de votre Région.",
        ],
  );
  ligne(
    "agefiph",
    !!s.handicapReconnu,
    s.handicapReconnu
      ? [
          "Montant au cas par cas, sur prescription de France Travail, Cap emploi ou Mission locale (L5214-1).",
        ]
      : ["Réservée aux bénéficiaires de l'obligation d'emploi (L5212-13), par exemple avec une RQTH."],
  );

  // 9. Ce qui reste.
  reste = arrondi(Math.max(0, reste));
  const perso = ligne("fonds_personnels", true, [
    reste > 0
      ? `Reste à votre charge : ${euros(reste)}${participation > 0 ? `, dont ${euros(participation)} de participation forfaitaire` : ""}.`
      : "Rien ne reste à votre charge dans cette estimation.",
  ]);
  perso.montant = reste;
  perso.retenu = reste > 0;

  const filtre = entree.dispositifs;
  const financements = [...lignes.values()]
    .filter((f) => !filtre || filtre.includes(f.dispositif))
    .sort((x, y) => DISPOSITIFS.indexOf(x.dispositif) - DISPOSITIFS.indexOf(y.dispositif));

  alertes.unshift(
    `Estimation selon les règles en vigueur le ${dateEnToutesLettres(date)} : elle n'engage aucun financeur.`,
  );
  for (const f of financements)
    for (const e of f.echeances) {
      if (e.depassee)
        alertes.push(
          `${e.libelle} : le ${dateEnToutesLettres(e.date)} est déjà passé ; décalez le début de l'action ou voyez-le avec votre conseiller.`,
        );
      else if (e.jourNonOuvre)
        alertes.push(
          `${e.libelle} : le ${dateEnToutesLettres(e.date)} est un ${e.jourNonOuvre} ; anticipez d'un jour ouvré.`,
        );
    }
  const aExplorer = financements.filter(
    (f) =>
      f.eligible &&
      !f.retenu &&
      f.montant === 0 &&
      ["opco_plan", "aif", "region", "agefiph", "france_vae"].includes(f.dispositif),
  );
  if (reste > 0 && aExplorer.length)
    alertes.push(
      `Pour réduire le reste à charge, à explorer : ${aExplorer.map((f) => f.libelle).join(", ")}.`,
    );

  return {
    date,
    financements,
    participationForfaitaire: arrondi(participation),
    resteACharge: reste,
    alertes: [...new Set(alertes)],
    parametresAppliques: [...appliques.values()],
  };
}
