import { randomUUID } from "node:crypto";
import { z } from "zod";
import { CATALOGUE, DISPOSITIFS, STATUTS, TYPES_CONTRAT } from "../../domain/financement/catalogue.js";
import { estDateIso } from "../../domain/financement/dates.js";
import { exporterIcs } from "../../domain/financement/ics.js";
import { calendrierPlan } from "../../domain/plan/calendrier.js";
import { bilanFinancement } from "../../domain/plan/financement.js";
import {
  CANAUX_CONTACT,
  type ContenuPlan,
  comparer,
  deciderEnregistrement,
  estPayante,
  LIBELLES_RESPONSABLE,
  LIBELLES_STATUT_ACTION,
  LIBELLES_STATUT_LIGNE,
  natureModification,
  peutChangerStatut,
  RESPONSABLES,
  refusAccord,
  STATUTS_ACTION,
  STATUTS_LIGNE,
  TYPES_ACTION_PLAN,
  toutesLesActions,
  trouverAction,
  trouverLigne,
  verifierPlan,
} from "../../domain/plan/plan.js";
import type { DossierSynthese, PlanActionsDossier } from "../../domain/syntheseDossier.js";
import type { ActeurConnecte } from "../acteur.js";
import { chargerParcoursAutorise } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { joursFeries } from "../financement/joursFeries.js";
import { parametresEnVigueur } from "../financement/parametres.js";
import { idParcours, sujetParcours } from "../parcours/commun.js";
import { casUsage, exigerConnecte, type ServicesApp } from "../pipeline.js";
import type { Depots, Parcours, PlanActions, VersionPlan } from "../ports.js";

/**
 * Plan d'actions de la mise en œuvre (docs/plan.md) : le personnel de l'opérateur le construit et le révise ; la
 * personne le voit dans son espace et change le statut de ses propres actions. Une fois convenu, toute modification du
 * contenu crée une nouvelle version avec son motif ; le suivi (statuts, échanges avec les financeurs) reste dans la
 * version en cours. Chaque lecture et chaque écriture est auditée (sujet : le parcours).
 */

// ——— Entrées ———

const date = (libelle: string) =>
  z
    .string({ error: `${libelle} : date attendue au format AAAA-MM-JJ (ex. 2026-09-01).` })
    .refine(estDateIso, `${libelle} : date attendue au format AAAA-MM-JJ (ex. 2026-09-01).`);
const dateFacultative = (libelle: string) =>
  z
    .union([z.literal(""), date(libelle)])
    .nullish()
    .transform((v) => v || null);
const texte = (max: number, libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .min(1, `${libelle} : obligatoire.`)
    .max(max, `${libelle} : ${max} caractères au plus.`);
const texteFacultatif = (max: number, libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .max(max, `${libelle} : ${max} caractères au plus.`)
    .nullish()
    .transform((v) => v || null);
const nombreFacultatif = (libelle: string, max: number, entier = false) => {
  let n = z.number({ error: `${libelle} : nombre attendu.` }).min(0, `${libelle} ne peut pas être négatif.`);
  if (entier) n = n.int(`${libelle} : nombre entier attendu.`);
  return n
    .max(max, `${libelle} : valeur trop grande.`)
    .nullish()
    .transform((v) => v ?? null);
};
const oui = (libelle: string) =>
  z.boolean({ error: `${libelle} : oui ou non (true ou false).` }).default(false);
const idFacultatif = z.uuid("Identifiant invalide.").optional();

const schemaLigne = z.object({
  id: idFacultatif,
  dispositif: z.enum(DISPOSITIFS, {
    error: `Dispositif inconnu ; valeurs possibles : ${DISPOSITIFS.join(", ")}.`,
  }),
  financeur: texteFacultatif(200, "Financeur"),
  montant: z
    .number({ error: "Montant en euros attendu." })
    .min(0, "Le montant ne peut pas être négatif.")
    .max(1_000_000, "Montant trop élevé."),
  statut: z
    .enum(STATUTS_LIGNE, {
      error: `Statut de la demande inconnu ; valeurs possibles : ${STATUTS_LIGNE.join(", ")}.`,
    })
    .default("a_etudier"),
});

const schemaAction = z.object({
  id: idFacultatif,
  type: z.enum(TYPES_ACTION_PLAN, {
    error: `Type d'action inconnu ; valeurs possibles : ${TYPES_ACTION_PLAN.join(", ")}.`,
  }),
  intitule: texte(300, "Intitulé de l'action"),
  responsable: z.enum(RESPONSABLES, {
    error: "Indiquez qui mène l'action : la personne, le conseiller ou un tiers.",
  }),
  tiers: texteFacultatif(200, "Tiers"),
  statut: z
    .enum(STATUTS_ACTION, { error: `Statut inconnu ; valeurs possibles : ${STATUTS_ACTION.join(", ")}.` })
    .default("a_faire"),
  echeance: date("Échéance"),
  prestataire: texteFacultatif(200, "Prestataire"),
  cout: nombreFacultatif("Le coût", 1_000_000),
  dateDebut: dateFacultative("Date de début"),
  dateFin: dateFacultative("Date de fin"),
  dureeHeures: nombreFacultatif("La durée en heures", 10_000),
  dureeMois: nombreFacultatif("La durée en mois", 60),
  certifiante: oui("Certifiante"),
  eligibleCPF: oui("Éligible au CPF"),
  surTempsDeTravail: oui("Sur le temps de travail"),
  tempsPartiel: oui("À temps partiel"),
  lignes: z.array(schemaLigne).max(20, "20 lignes de financement au plus par action.").default([]),
});

const schemaEtape = z.object({
  id: idFacultatif,
  titre: texte(200, "Titre de l'étape"),
  objectif: texte(1000, "Objectif intermédiaire"),
  echeance: dateFacultative("Échéance de l'étape"),
  actions: z.array(schemaAction).max(50, "50 actions au plus par étape.").default([]),
});

const schemaSituation = z
  .object({
    statut: z
      .enum(STATUTS, { error: `Statut inconnu ; valeurs possibles : ${STATUTS.join(", ")}.` })
      .nullish()
      .transform((v) => v ?? null),
    typeContrat: z
      .enum(TYPES_CONTRAT, {
        error: `Type de contrat inconnu ; valeurs possibles : ${TYPES_CONTRAT.join(", ")}.`,
      })
      .nullish()
      .transform((v) => v ?? null),
    niveauQualification: z
      .number({ error: "Niveau de qualification attendu (1 à 8)." })
      .int("Niveau de qualification attendu (1 à 8).")
      .min(1, "Niveau de qualification attendu (1 à 8).")
      .max(8, "Niveau de qualification attendu (1 à 8).")
      .nullish()
      .transform((v) => v ?? null),
    ancienneteSalarieMois: nombreFacultatif("L'ancienneté comme salarié", 600, true),
    ancienneteEntrepriseMois: nombreFacultatif("L'ancienneté dans l'entreprise", 600, true),
    effectifEntreprise: nombreFacultatif("L'effectif", 10_000_000, true),
    soldeCPF: nombreFacultatif("Le solde CPF", 1_000_000),
    departement: z
      .string()
      .regex(/^(\d{2}|2[AB]|97\d)$/, "Code de département attendu (ex. 69, 2A, 974).")
      .nullish()
      .transform((v) => v || null),
  })
  .superRefine((s, ctx) => {
    if (s.typeContrat && s.statut !== "salarie")
      ctx.addIssue({
        code: "custom",
        path: ["typeContrat"],
        message: "Un type de contrat n'a de sens que pour un salarié ou une salariée.",
      });
    if (
      s.ancienneteEntrepriseMois !== null &&
      s.ancienneteSalarieMois !== null &&
      s.ancienneteEntrepriseMois > s.ancienneteSalarieMois
    )
      ctx.addIssue({
        code: "custom",
        path: ["ancienneteEntrepriseMois"],
        message: "L'ancienneté dans l'entreprise dépasse l'ancienneté totale de salarié.",
      });
  });

export const schemaContenuPlan = z.object(
  {
    projetVise: texteFacultatif(500, "Projet visé"),
    situation: schemaSituation.default({
      statut: null,
      typeContrat: null,
      niveauQualification: null,
      ancienneteSalarieMois: null,
      ancienneteEntrepriseMois: null,
      effectifEntreprise: null,
      soldeCPF: null,
      departement: null,
    }),
    etapes: z
      .array(schemaEtape, { error: "Les étapes du plan sont attendues." })
      .max(30, "30 étapes au plus."),
  },
  { error: "Le contenu du plan est obligatoire." },
);

const version = z
  .number({ error: "La version lue est obligatoire (pour détecter les modifications concurrentes)." })
  .int("Version invalide.")
  .positive("Version invalide.");

// ——— Outils ———

/** La date du jour en France (AAAA-MM-JJ). */
const aujourdhui = (services: ServicesApp) =>
  new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris" }).format(services.horloge.maintenant());

async function personnes(depots: Depots, ids: (string | null)[]) {
  const uniques = [...new Set(ids.filter((x): x is string => !!x))];
  const comptes = await Promise.all(uniques.map((id) => depots.comptes.parId(id)));
  const m = new Map(
    comptes.filter((c) => !!c).map((c) => [c.id, { id: c.id, prenom: c.prenom, nom: c.nom }]),
  );
  return (id: string | null) => (id ? (m.get(id) ?? null) : null);
}

async function vueVersions(depots: Depots, versions: VersionPlan[]) {
  const nom = await personnes(
    depots,
    versions.flatMap((v) => [v.auteurId, v.convenuPar]),
  );
  return versions.map(({ contenu: _, ...v }) => ({
    ...v,
    auteur: nom(v.auteurId),
    convenuPar: nom(v.convenuPar),
  }));
}

/** Le plan en cours, son historique, le bilan du financement et le calendrier, tels que les écrans les affichent. */
async function vuePlan(depots: Depots, services: ServicesApp, parcoursId: string) {
  const plan = await depots.plans.lire(parcoursId);
  if (!plan) return { plan: null, versions: [], financement: null, calendrier: [] };
  const versions = await vueVersions(depots, await depots.plans.versions(parcoursId));
  const jour = aujourdhui(services);
  const parametres = await parametresEnVigueur(depots);
  const c = plan.courante.contenu;
  return {
    plan: {
      ...versions.find((v) => v.numero === plan.numeroCourant)!,
      version: plan.version,
      contenu: c,
    },
    versions,
    financement: bilanFinancement(c, parametres, joursFeries, jour),
    calendrier: calendrierPlan(c, parametres, joursFeries, jour),
  };
}

/** Identifiants créés par le serveur ; les échanges avec les financeurs ne passent pas par l'enregistrement du plan. */
function normaliser(e: z.output<typeof schemaContenuPlan>, existant: ContenuPlan | null): ContenuPlan {
  const contacts = new Map(
    (existant?.etapes ?? []).flatMap((et) =>
      et.actions.flatMap((a) => a.lignes.map((l) => [l.id, l.contacts])),
    ),
  );
  return {
    projetVise: e.projetVise,
    situation: e.situation,
    etapes: e.etapes.map((et) => ({
      ...et,
      id: et.id ?? randomUUID(),
      actions: et.actions.map((a) => ({
        ...a,
        id: a.id ?? randomUUID(),
        tiers: a.responsable === "tiers" ? a.tiers : null,
        lignes: a.lignes.map((l) => {
          const id = l.id ?? randomUUID();
          return {
            ...l,
            id,
            financeur: l.financeur ?? CATALOGUE[l.dispositif].financeur,
            contacts: contacts.get(id) ?? [],
          };
        }),
      })),
    })),
  };
}

function conflit(plan: PlanActions | undefined) {
  return new ErreurConflit(
    plan
      ? `Le plan a été modifié entre-temps (le ${new Date(plan.modifieLe).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}). Rechargez-le pour voir la version à jour, puis refaites votre modification.`
      : "Le plan n'existe plus sous cette version. Rechargez la page.",
    plan?.version,
  );
}

async function exigerPlan(depots: Depots, parcoursId: string) {
  const plan = await depots.plans.lire(parcoursId);
  if (!plan) throw new ErreurIntrouvable("Aucun plan d'actions n'a encore été construit pour ce parcours.");
  return plan;
}

function exigerOuvert(p: Parcours) {
  if (p.statut === "clos")
    throw new ErreurAccesRefuse(
      "Ce parcours est clos : son plan d'actions ne peut plus être modifié.",
      sujetParcours(p),
    );
}

/** Écrit un changement de suivi (statut, échange) dans la version en cours, sous condition de version. */
async function ecrireSuivi(
  depots: Depots,
  services: ServicesApp,
  plan: PlanActions,
  versionLue: number,
  contenu: ContenuPlan,
) {
  const { statut, convenuLe, convenuPar } = plan.courante;
  const ok = await depots.plans.modifierCourante(plan.parcoursId, versionLue, {
    contenu,
    statut,
    convenuLe,
    convenuPar,
    modifieLe: services.horloge.maintenant().toISOString(),
  });
  if (!ok) throw conflit(await depots.plans.lire(plan.parcoursId));
}

// ——— Cas d'usage ———

export const lirePlan = casUsage({
  nom: "parcours.plan.lire",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots, services }) {
    return vuePlan(depots, services, entree.id);
  },
  audit: () => ({ objetType: "plan_actions" }),
});

export const enregistrerPlan = casUsage({
  nom: "parcours.plan.enregistrer",
  entree: z
    .object({
      id: idParcours,
      /** 0 : création du plan ; sinon la version lue (409 si elle a changé). */
      version: z
        .number({ error: "La version lue est obligatoire (0 pour créer le plan)." })
        .int("Version invalide.")
        .min(0, "Version invalide."),
      motif: texteFacultatif(1000, "Motif de la révision"),
      contenu: schemaContenuPlan,
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    exigerOuvert(p);
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const existant = await depots.plans.lire(entree.id);
    if ((existant?.version ?? 0) !== entree.version) throw conflit(existant);
    const contenu = normaliser(entree.contenu, existant?.courante.contenu ?? null);
    const erreurs = verifierPlan(contenu);
    if (erreurs.length)
      throw new ErreurValidation(erreurs.map((e) => ({ champ: `contenu.${e.champ}`, message: e.message })));
    const maintenant = services.horloge.maintenant().toISOString();
    let revision = false;
    if (!existant) {
      const ok = await depots.plans.creer({
        parcoursId: entree.id,
        numero: 1,
        contenu,
        statut: "brouillon",
        motif: null,
        auteurId: acteur.compteId,
        convenuLe: null,
        convenuPar: null,
        creeLe: maintenant,
        modifieLe: maintenant,
      });
      if (!ok) throw conflit(await depots.plans.lire(entree.id));
    } else {
      const c = existant.courante;
      const d = deciderEnregistrement(c.statut, natureModification(c.contenu, contenu), entree.motif);
      if (d.type === "refus") throw new ErreurValidation([{ champ: d.champ, message: d.message }]);
      if (d.type === "sur_place") await ecrireSuivi(depots, services, existant, entree.version, contenu);
      if (d.type === "nouvelle_version") {
        revision = true;
        const ok = await depots.plans.reviser(entree.version, {
          parcoursId: entree.id,
          numero: existant.numeroCourant + 1,
          contenu,
          statut: "brouillon",
          motif: d.motif,
          auteurId: acteur.compteId,
          convenuLe: null,
          convenuPar: null,
          creeLe: maintenant,
          modifieLe: maintenant,
        });
        if (!ok) throw conflit(await depots.plans.lire(entree.id));
      }
    }
    return { ...(await vuePlan(depots, services, entree.id)), revision };
  },
  audit: (e, r) => ({
    objetType: "plan_actions",
    details: { numero: r.plan?.numero, revision: r.revision, ...(r.revision ? { motif: e.motif } : {}) },
  }),
});

export const convenirPlan = casUsage({
  nom: "parcours.plan.convenir",
  entree: z.object({ id: idParcours, version }).strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    exigerOuvert(p);
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const plan = await exigerPlan(depots, entree.id);
    if (plan.version !== entree.version) throw conflit(plan);
    const refus = refusAccord(plan.courante.statut, plan.courante.contenu);
    if (refus) throw new ErreurValidation([refus]);
    const maintenant = services.horloge.maintenant().toISOString();
    const ok = await depots.plans.modifierCourante(entree.id, entree.version, {
      contenu: plan.courante.contenu,
      statut: "convenu",
      convenuLe: maintenant,
      convenuPar: acteur.compteId,
      modifieLe: maintenant,
    });
    if (!ok) throw conflit(await depots.plans.lire(entree.id));
    return vuePlan(depots, services, entree.id);
  },
  audit: (_e, r) => ({ objetType: "plan_actions", details: { numero: r.plan?.numero } }),
});

export const changerStatutAction = casUsage({
  nom: "parcours.plan.action.statut",
  entree: z
    .object({
      id: idParcours,
      actionId: z.uuid("Identifiant d'action invalide."),
      version,
      statut: z.enum(STATUTS_ACTION, {
        error: `Statut inconnu ; valeurs possibles : ${STATUTS_ACTION.join(", ")}.`,
      }),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id);
    const sujet = { ...sujetParcours(p), objetType: "plan_action", objetId: entree.actionId };
    exigerOuvert(p);
    const plan = await exigerPlan(depots, entree.id);
    const action = trouverAction(plan.courante.contenu, entree.actionId);
    if (!action) throw new ErreurIntrouvable("Cette action ne figure pas dans le plan en cours.");
    const qui = (acteur as ActeurConnecte).role === "beneficiaire" ? "beneficiaire" : "personnel";
    if (!peutChangerStatut(qui, action))
      throw new ErreurAccesRefuse(
        "Cette action est menée par votre conseiller ou par un tiers : vous ne pouvez changer que le statut de vos propres actions.",
        sujet,
      );
    return sujet;
  },
  async executer({ entree, depots, services }) {
    const plan = await exigerPlan(depots, entree.id);
    if (plan.version !== entree.version) throw conflit(plan);
    const contenu = structuredClone(plan.courante.contenu);
    trouverAction(contenu, entree.actionId)!.statut = entree.statut;
    await ecrireSuivi(depots, services, plan, entree.version, contenu);
    return vuePlan(depots, services, entree.id);
  },
  audit: (e) => ({ objetType: "plan_action", objetId: e.actionId, details: { statut: e.statut } }),
});

export const ajouterContactFinanceur = casUsage({
  nom: "parcours.plan.financeur.contact",
  entree: z
    .object({
      id: idParcours,
      ligneId: z.uuid("Identifiant de ligne de financement invalide."),
      version,
      le: date("Date de l'échange"),
      canal: z.enum(CANAUX_CONTACT, {
        error: `Canal inconnu ; valeurs possibles : ${CANAUX_CONTACT.join(", ")}.`,
      }),
      reponse: texte(2000, "Réponse ou teneur de l'échange"),
      statut: z
        .enum(STATUTS_LIGNE, {
          error: `Statut de la demande inconnu ; valeurs possibles : ${STATUTS_LIGNE.join(", ")}.`,
        })
        .optional(),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    exigerOuvert(p);
    return { ...sujetParcours(p), objetType: "plan_ligne_financement", objetId: entree.ligneId };
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const plan = await exigerPlan(depots, entree.id);
    if (plan.version !== entree.version) throw conflit(plan);
    const contenu = structuredClone(plan.courante.contenu);
    const trouvee = trouverLigne(contenu, entree.ligneId);
    if (!trouvee)
      throw new ErreurIntrouvable("Cette ligne de financement ne figure pas dans le plan en cours.");
    trouvee.ligne.contacts.push({
      id: randomUUID(),
      le: entree.le,
      canal: entree.canal,
      reponse: entree.reponse,
      auteurId: acteur.compteId,
    });
    if (entree.statut) trouvee.ligne.statut = entree.statut;
    await ecrireSuivi(depots, services, plan, entree.version, contenu);
    return vuePlan(depots, services, entree.id);
  },
  audit: (e) => ({
    objetType: "plan_ligne_financement",
    objetId: e.ligneId,
    details: { canal: e.canal, statut: e.statut ?? null },
  }),
});

const numero = (libelle: string) =>
  z.coerce
    .number({ error: `${libelle} : numéro de version attendu.` })
    .int(`${libelle} : numéro de version attendu.`)
    .min(1, `${libelle} : numéro de version attendu.`);

export const comparerVersionsPlan = casUsage({
  nom: "parcours.plan.comparer",
  entree: z.object({ id: idParcours, de: numero("Version de départ"), a: numero("Version d'arrivée") }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots }) {
    const [de, a] = await Promise.all([
      depots.plans.version(entree.id, entree.de),
      depots.plans.version(entree.id, entree.a),
    ]);
    if (!de || !a) throw new ErreurIntrouvable("Cette version du plan n'existe pas.");
    const [vueDe, vueA] = await vueVersions(depots, [de, a]);
    return {
      de: { ...vueDe!, contenu: de.contenu },
      a: { ...vueA!, contenu: a.contenu },
      differences: comparer(de.contenu, a.contenu),
    };
  },
  audit: (e) => ({ objetType: "plan_actions", details: { de: e.de, a: e.a } }),
});

export const exporterCalendrierPlan = casUsage({
  nom: "parcours.plan.calendrier.exporter",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots, services }) {
    const plan = await depots.plans.lire(entree.id);
    const evenements = plan
      ? calendrierPlan(
          plan.courante.contenu,
          await parametresEnVigueur(depots),
          joursFeries,
          aujourdhui(services),
        )
      : [];
    return {
      ics: exporterIcs(
        evenements.map((e) => ({
          date: e.date,
          libelle: e.libelle,
          description: [
            e.source ? `Source : Code du travail, ${e.source}.` : "",
            e.jourNonOuvre ? `Attention : ${e.jourNonOuvre}.` : "",
            "Calendrier prévisionnel du plan d'actions (conseil en évolution professionnelle).",
          ]
            .filter(Boolean)
            .join(" "),
        })),
        {
          horodatage: services.horloge.maintenant().toISOString(),
          uidBase: `plan-${entree.id}.cep`,
          nom: "Plan d'actions — calendrier prévisionnel",
        },
      ),
    };
  },
  audit: () => ({ objetType: "plan_actions" }),
});

/**
 * Pour la synthèse (issue 8) : la dernière version convenue du plan d'un parcours, ou null. Sans autorisation ni
 * audit propres : le cas d'usage appelant (lecture ou émission de la synthèse) les porte.
 */
export async function planConvenuCourant(depots: Depots, parcoursId: string): Promise<VersionPlan | null> {
  return (await depots.plans.derniereConvenue(parcoursId)) ?? null;
}

/**
 * Le plan d'actions et le plan de financement tels que le document de synthèse les reprend : la dernière version
 * convenue (sinon rien : un plan en préparation n'est pas encore « agréé » avec la personne).
 */
export async function planPourSynthese(
  depots: Depots,
  services: ServicesApp,
  parcoursId: string,
): Promise<Pick<DossierSynthese, "planActions" | "planFinancement">> {
  const v = await planConvenuCourant(depots, parcoursId);
  if (!v) return {};
  const c = v.contenu;
  const actions = toutesLesActions(c);
  const planActions: PlanActionsDossier = {
    etapes: c.etapes.map((e) => ({
      titre: e.titre,
      ...(e.objectif ? { objectif: e.objectif } : {}),
      actions: e.actions.map((a) => ({
        libelle: a.intitule,
        porteur: a.responsable === "tiers" && a.tiers ? a.tiers : LIBELLES_RESPONSABLE[a.responsable],
        echeance: a.echeance,
        statut: LIBELLES_STATUT_ACTION[a.statut],
        ...(a.prestataire ? { prestataire: a.prestataire } : {}),
      })),
    })),
    formations: actions
      .filter((a) => a.type === "formation" && a.statut !== "abandonne")
      .map((a) => ({
        intitule: a.intitule,
        ...(a.prestataire ? { organisme: a.prestataire } : {}),
        ...(a.dateDebut ? { debut: a.dateDebut } : {}),
        ...(a.dateFin ? { fin: a.dateFin } : {}),
        ...(a.dureeHeures ? { dureeHeures: a.dureeHeures } : {}),
      })),
  };
  // Les délais légaux des dispositifs (demande à l'employeur, congé VAE…) : les échéances des actions et les dates de
  // formation, la synthèse les ajoute d'elle-même.
  const parametres = await parametresEnVigueur(depots);
  const jour = aujourdhui(services);
  planActions.echeances = calendrierPlan(c, parametres, joursFeries, jour)
    .filter((e) => e.type === "delai_legal")
    .map((e) => ({ date: e.date, libelle: e.libelle }));
  const payantes = actions.filter((a) => estPayante(a) && a.statut !== "abandonne");
  if (!payantes.length) return { planActions };
  const bilan = bilanFinancement(c, parametres, joursFeries, jour);
  return {
    planActions,
    planFinancement: {
      coutTotal: bilan.total.cout,
      lignes: payantes.flatMap((a) =>
        a.lignes.map((l) => ({
          financeur: l.financeur,
          dispositif: CATALOGUE[l.dispositif]?.libelle ?? l.dispositif,
          montant: l.montant,
          statut: LIBELLES_STATUT_LIGNE[l.statut],
        })),
      ),
      resteACharge: bilan.total.resteACharge,
    },
  };
}
