import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  NIVEAUX_QUALIFICATION,
  type Situation,
  STATUTS_ACTIVITE,
  TRANCHES_AGE,
} from "../../domain/dossier.js";
import {
  appliquer,
  durees,
  MOTIFS_CLOTURE,
  PHASES,
  STATUTS_PARCOURS,
  type TransitionDatee,
  transitionsPossibles,
} from "../../domain/parcours.js";
import type { Acteur } from "../acteur.js";
import { chargerParcoursAutorise, estReferent, exigerRole } from "../autorisations.js";
import { envoyerLienMotDePasse } from "../comptes/motDePasse.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";
import type { Compte, Depots, Parcours } from "../ports.js";
import { sujetParcours, texte, versionAttendue } from "./commun.js";

/** Vue d'un parcours avec les noms utiles à l'écran (bénéficiaire, référent, opérateur). */
export interface VueParcours extends Parcours {
  beneficiaire: Pick<Compte, "id" | "prenom" | "nom" | "email" | "demo">;
  referent: Pick<Compte, "id" | "prenom" | "nom"> | null;
  suppleant: Pick<Compte, "id" | "prenom" | "nom"> | null;
  operateur: { id: string; nom: string };
  /** Vrai quand un handicap est enregistré mais que la personne connectée n'a pas à le voir (donnée de santé). */
  handicapMasque: boolean;
}

const nomCourt = (c: Compte | undefined) => (c ? { id: c.id, prenom: c.prenom, nom: c.nom } : null);

/** Lectures de comptes et d'opérateurs mémorisées le temps d'une liste (référents et opérateur se répètent). */
export function memoire(depots: Depots) {
  const comptes = new Map<string, Promise<Compte | undefined>>();
  const operateurs = new Map<string, Promise<{ id: string; nom: string } | undefined>>();
  return {
    compte: (id: string) => {
      if (!comptes.has(id)) comptes.set(id, depots.comptes.parId(id));
      return comptes.get(id)!;
    },
    operateur: (id: string) => {
      if (!operateurs.has(id)) operateurs.set(id, depots.operateurs.parId(id));
      return operateurs.get(id)!;
    },
    /** Lit d'un coup les comptes d'une liste (bénéficiaires, référents, suppléants) au lieu d'une requête par ligne. */
    precharger(ids: (string | null)[]) {
      const manquants = [...new Set(ids.filter((id): id is string => !!id && !comptes.has(id)))];
      if (!manquants.length) return;
      const lus = depots.comptes.parIds(manquants).then((l) => new Map(l.map((c) => [c.id, c])));
      for (const id of manquants)
        comptes.set(
          id,
          lus.then((m) => m.get(id)),
        );
    },
  };
}

export async function vue(
  depots: Depots,
  p: Parcours,
  acteur: Acteur,
  m: ReturnType<typeof memoire> = memoire(depots),
): Promise<VueParcours> {
  const [b, r, s, o] = await Promise.all([
    m.compte(p.beneficiaireId),
    p.referentId ? m.compte(p.referentId) : undefined,
    p.suppleantId ? m.compte(p.suppleantId) : undefined,
    m.operateur(p.operateurId),
  ]);
  // Le handicap déclaré n'est montré qu'au bénéficiaire lui-même et à son référent (RGPD art. 9).
  const voitSante =
    acteur.type === "compte" && (acteur.compteId === p.beneficiaireId || estReferent(acteur, p));
  return {
    ...p,
    situation: voitSante ? p.situation : { ...p.situation, handicap: null },
    handicapMasque: !voitSante && p.situation.handicap !== null,
    beneficiaire: { id: b!.id, prenom: b!.prenom, nom: b!.nom, email: b!.email, demo: b!.demo },
    referent: nomCourt(r),
    suppleant: nomCourt(s),
    operateur: { id: o!.id, nom: o!.nom },
  };
}

function conflit(depuis: Parcours | undefined) {
  return new ErreurConflit(
    "Ce dossier a été modifié par quelqu'un d'autre pendant que vous le consultiez. Rechargez-le pour voir les changements, puis refaites votre modification.",
    depuis?.version,
  );
}

export const lireParcours = casUsage({
  nom: "parcours.lire",
  entree: z.object({ id: z.uuid("Identifiant de parcours invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots, acteur, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const [v, transitions, transferts, partages] = await Promise.all([
      vue(depots, p, acteur),
      depots.transitions.lister(p.id),
      depots.transferts.lister(p.id),
      depots.parcours.partages(p.id),
    ]);
    const comptesPartage = await Promise.all(partages.map((x) => depots.comptes.parId(x.conseillerId)));
    return {
      ...v,
      transitions,
      transferts,
      partages: partages.map((x, i) => ({
        conseiller: {
          id: x.conseillerId,
          prenom: comptesPartage[i]?.prenom ?? "",
          nom: comptesPartage[i]?.nom ?? "",
        },
        creeLe: x.creeLe,
      })),
      durees: durees(transitions, services.horloge.maintenant().toISOString()),
      actionsPossibles: transitionsPossibles(p),
    };
  },
});

const booleen = z.enum(["true", "false"]).transform((v) => v === "true");

/** Taille d'une page de la liste des dossiers : par défaut, et au plus. */
export const PAR_PAGE_DEFAUT = 50;
export const PAR_PAGE_MAX = 200;

export const listerParcours = casUsage({
  nom: "parcours.lister",
  entree: z.object({
    mesDossiers: z.union([z.boolean(), booleen]).optional(),
    /** File d'attente : seulement les dossiers sans référent. */
    sansReferent: z.union([z.boolean(), booleen]).optional(),
    niveau: z.coerce
      .number()
      .pipe(z.union([z.literal(1), z.literal(2)]))
      .optional(),
    phase: z.enum(PHASES, { error: "Phase inconnue." }).optional(),
    statut: z.enum(STATUTS_PARCOURS, { error: "Statut inconnu." }).optional(),
    sansContactJours: z.coerce
      .number({ error: "Indiquez un nombre de jours." })
      .int("Indiquez un nombre entier de jours.")
      .min(1, "Au moins 1 jour.")
      .max(3650, "Au plus 3650 jours.")
      .optional(),
    rendezVousJours: z.coerce.number().int().min(1).max(365).optional(),
    recherche: z.string().trim().max(100, "Recherche trop longue.").optional(),
    /** Numéro de la page demandée, à partir de 1. */
    page: z.coerce
      .number({ error: "Indiquez un numéro de page." })
      .int("Indiquez un numéro de page entier.")
      .min(1, "Les pages sont numérotées à partir de 1.")
      .max(1_000_000, "Numéro de page trop grand.")
      .default(1),
    /** Nombre de dossiers par page. */
    parPage: z.coerce
      .number({ error: "Indiquez un nombre de dossiers par page." })
      .int("Indiquez un nombre entier de dossiers par page.")
      .min(1, "Au moins 1 dossier par page.")
      .max(PAR_PAGE_MAX, `Au plus ${PAR_PAGE_MAX} dossiers par page.`)
      .default(PAR_PAGE_DEFAUT),
  }),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "beneficiaire", "conseiller", "responsable");
    return {};
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "beneficiaire", "conseiller", "responsable");
    const { page, parPage } = entree;
    const decalage = (page - 1) * parPage;
    if (a.role === "beneficiaire") {
      // Les dossiers d'une personne : quelques-uns au plus, paginés ici pour garder la même réponse.
      const liste = await depots.parcours.listerParBeneficiaire(a.compteId);
      const maintenant = services.horloge.maintenant().toISOString();
      const dossiers = await Promise.all(
        liste.slice(decalage, decalage + parPage).map(async (p) => ({
          ...(await vue(depots, p, acteur)),
          dernierContact: null,
          prochainRendezVous:
            (await depots.rendezVous.lister(p.id)).find((r) => r.statut !== "annule" && r.debut >= maintenant)
              ?.debut ?? null,
        })),
      );
      return { dossiers, total: liste.length, page, parPage };
    }
    const maintenant = services.horloge.maintenant();
    const jours = (n: number) => new Date(maintenant.getTime() + n * 86_400_000).toISOString();
    const { parcours, total } = await depots.parcours.filtrer(
      {
        operateurId: a.operateurId!,
        ...(a.role === "conseiller" ? { visiblesPar: a.compteId } : {}),
        ...(entree.mesDossiers ? { referentId: a.compteId } : {}),
        ...(entree.sansReferent ? { sansReferent: true } : {}),
        ...(entree.niveau ? { niveau: entree.niveau } : {}),
        ...(entree.phase ? { phase: entree.phase } : {}),
        ...(entree.statut ? { statut: entree.statut } : {}),
        ...(entree.sansContactJours ? { sansContactDepuis: jours(-entree.sansContactJours) } : {}),
        maintenant: maintenant.toISOString(),
        ...(entree.rendezVousJours ? { rendezVousAvant: jours(entree.rendezVousJours) } : {}),
        ...(entree.recherche ? { recherche: entree.recherche } : {}),
      },
      { limite: parPage, decalage },
    );
    const m = memoire(depots);
    m.precharger(parcours.flatMap((p) => [p.beneficiaireId, p.referentId, p.suppleantId]));
    const dossiers = await Promise.all(
      parcours.map(async (p) => ({
        ...(await vue(depots, p, acteur, m)),
        dernierContact: p.dernierContact,
        prochainRendezVous: p.prochainRendezVous,
      })),
    );
    return { dossiers, total, page, parPage };
  },
  audit: (_e, { dossiers, total }) => ({
    objetType: "parcours",
    details: { nombre: dossiers.length, total },
    // Une liste de dossiers révèle des données personnelles : pour un bénéficiaire, c'est les siennes.
    beneficiaireId:
      dossiers.length > 0 && dossiers.every((p) => p.beneficiaireId === dossiers[0]!.beneficiaireId)
        ? dossiers[0]!.beneficiaireId
        : null,
  }),
});

export const schemaSituation = z.object({
  statut: z.enum(STATUTS_ACTIVITE, { error: "Choisissez une situation dans la liste." }).nullable(),
  secteur: texte(200, "Secteur").nullable(),
  qualification: z.enum(NIVEAUX_QUALIFICATION, { error: "Choisissez un niveau dans la liste." }).nullable(),
  trancheAge: z.enum(TRANCHES_AGE, { error: "Choisissez une tranche d'âge dans la liste." }).nullable(),
  commune: texte(100, "Commune").nullable(),
  handicap: z.enum(["oui", "non"], { error: "Répondez oui ou non, ou laissez vide." }).nullable(),
});

async function verifierConsentementSante(depots: Depots, beneficiaireId: string, situation: Situation) {
  if (situation.handicap === null) return;
  const c = (await depots.consentements.lister(beneficiaireId)).find((x) => x.type === "donnees_sante");
  if (!c?.accorde)
    throw new ErreurValidation([
      {
        champ: "situation.handicap",
        message:
          "Le handicap déclaré est une donnée de santé : il ne peut être enregistré qu'avec l'accord du bénéficiaire (rubrique « Mes données »).",
      },
    ]);
}

export const creerParcours = casUsage({
  nom: "parcours.creer",
  entree: z.object({
    beneficiaire: z.object({
      prenom: z.string().trim().min(1, "Le prénom est obligatoire.").max(100, "Le prénom est trop long."),
      nom: z.string().trim().min(1, "Le nom est obligatoire.").max(100, "Le nom est trop long."),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
    }),
    niveau: z.union([z.literal(1), z.literal(2)], { error: "Choisissez le niveau 1 ou 2." }),
    phase: z
      .enum(PHASES, { error: "Choisissez la phase : conseil ou mise en œuvre." })
      .nullable()
      .default(null),
    demande: texte(4000, "Demande").min(1, "Écrivez la demande, dans les mots de la personne."),
    referentId: z.uuid("Identifiant de conseiller invalide.").nullable().optional(),
  }),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "conseiller", "responsable");
    return { objetType: "parcours" };
  },
  async executer({ acteur, entree, depots, services }) {
    const a = exigerRole(acteur, "conseiller", "responsable");
    const maintenant = services.horloge.maintenant().toISOString();
    const ouverture: TransitionDatee = {
      type: "ouverture",
      niveau: entree.niveau,
      phase: entree.niveau === 1 ? null : entree.phase,
      le: maintenant,
    };
    const r = appliquer(null, ouverture);
    if (!r.ok) throw new ErreurValidation([{ champ: r.champ, message: r.raison }]);
    let referentId =
      entree.referentId === undefined ? (a.role === "conseiller" ? a.compteId : null) : entree.referentId;
    if (referentId) {
      const ref = await depots.comptes.parId(referentId);
      if (ref?.role !== "conseiller" || ref.operateurId !== a.operateurId)
        throw new ErreurValidation([
          { champ: "referentId", message: "Le référent doit être un conseiller de votre opérateur." },
        ]);
    } else referentId = null;
    let beneficiaire = await depots.comptes.parEmailAvecSecret(entree.beneficiaire.email);
    if (beneficiaire && beneficiaire.role !== "beneficiaire")
      throw new ErreurValidation([
        {
          champ: "beneficiaire.email",
          message: "Cette adresse appartient à un compte qui n'est pas bénéficiaire.",
        },
      ]);
    if (!beneficiaire) {
      const compte = {
        id: randomUUID(),
        email: entree.beneficiaire.email,
        prenom: entree.beneficiaire.prenom,
        nom: entree.beneficiaire.nom,
        role: "beneficiaire" as const,
        operateurId: null,
        actif: true,
        demo: false,
        creeLe: maintenant,
        hashMotDePasse: null,
      };
      await depots.comptes.creer(compte);
      await envoyerLienMotDePasse(depots, services, compte, {
        sujet: "Votre espace — Conseil en évolution professionnelle",
        introduction:
          "Votre parcours de conseil en évolution professionnelle est ouvert. Dans votre espace, vous suivez votre parcours, vos rendez-vous et vos échanges avec votre conseiller ou conseillère.",
        validiteMinutes: 7 * 24 * 60,
      });
      beneficiaire = { ...compte, version: 1, echecsConnexion: 0, verrouilleJusquA: null };
    }
    const id = randomUUID();
    await depots.parcours.creer({
      id,
      beneficiaireId: beneficiaire.id,
      operateurId: a.operateurId!,
      referentId,
      ...r.etat,
      demande: entree.demande,
      creeLe: maintenant,
      modifieLe: maintenant,
    });
    await depots.transitions.ajouter({
      ...ouverture,
      id: randomUUID(),
      parcoursId: id,
      auteurId: a.compteId,
    });
    return vue(depots, (await depots.parcours.parId(id))!, acteur);
  },
  audit: (_e, r) => sujetParcours(r),
});

export const effectuerTransition = casUsage({
  nom: "parcours.transition",
  entree: z.object({
    id: z.uuid("Identifiant de parcours invalide."),
    version: versionAttendue,
    transition: z.discriminatedUnion(
      "type",
      [
        z.object({
          type: z.literal("passage"),
          niveau: z.union([z.literal(1), z.literal(2)], { error: "Choisissez le niveau 1 ou 2." }),
          phase: z.enum(PHASES, { error: "Choisissez la phase." }).nullable().default(null),
        }),
        z.object({
          type: z.literal("pause"),
          motif: texte(500, "Motif").min(1, "Indiquez le motif de la pause."),
          retourPrevu: z.iso.date("Indiquez la date de retour prévue (AAAA-MM-JJ)."),
        }),
        z.object({ type: z.literal("reprise") }),
        z.object({
          type: z.literal("cloture"),
          motif: z.enum(MOTIFS_CLOTURE, { error: "Choisissez le motif de clôture." }),
          commentaire: texte(2000, "Commentaire").nullable().default(null),
        }),
      ],
      { error: "Type de transition inconnu : passage, pause, reprise ou cloture." },
    ),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    if (p.version !== entree.version) throw conflit(p);
    const maintenant = services.horloge.maintenant().toISOString();
    const t = { ...entree.transition, le: maintenant } as TransitionDatee;
    const r = appliquer(p, t);
    if (!r.ok)
      throw new ErreurValidation(
        [{ champ: `transition.${r.champ}`, message: r.raison }],
        "Cette transition n'est pas possible.",
      );
    const ok = await depots.parcours.modifier(
      p.id,
      entree.version,
      { ...r.etat, ...(t.type === "cloture" ? { closLe: maintenant } : {}) },
      maintenant,
    );
    if (!ok) throw conflit(await depots.parcours.parId(p.id));
    await depots.transitions.ajouter({
      ...t,
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: acteur.type === "compte" ? acteur.compteId : null,
    });
    return vue(depots, (await depots.parcours.parId(p.id))!, acteur);
  },
  audit: (e, r) => ({ ...sujetParcours(r), details: { type: e.transition.type } }),
});

/** Situation et demande : modifiables par le bénéficiaire comme par son conseiller, avec la version lue. */
export const modifierSituation = casUsage({
  nom: "parcours.situation.modifier",
  entree: z.object({
    id: z.uuid("Identifiant de parcours invalide."),
    version: versionAttendue,
    demande: texte(4000, "Demande").nullable(),
    situation: schemaSituation,
  }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id);
    if (p.statut === "clos")
      throw new ErreurAccesRefuse("Ce parcours est clos : il ne peut plus être modifié.");
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    // Un conseiller qui ne voit pas le handicap (non référent) ne peut pas l'écraser sans le savoir.
    const situation =
      acteur.type === "compte" && acteur.compteId !== p.beneficiaireId && !estReferent(acteur, p)
        ? { ...entree.situation, handicap: p.situation.handicap }
        : entree.situation;
    await verifierConsentementSante(depots, p.beneficiaireId, situation);
    const ok = await depots.parcours.modifier(
      p.id,
      entree.version,
      { situation, demande: entree.demande },
      services.horloge.maintenant().toISOString(),
    );
    if (!ok) throw conflit(p);
    return vue(depots, (await depots.parcours.parId(p.id))!, acteur);
  },
  audit: (_e, r) => sujetParcours(r),
});

/** Désigner le référent (responsable, ou conseiller qui prend en charge un dossier de la file d'attente). */
export const affecterReferent = casUsage({
  nom: "parcours.referent.affecter",
  entree: z.object({
    id: z.uuid("Identifiant de parcours invalide."),
    version: versionAttendue,
    referentId: z.uuid("Choisissez un conseiller."),
  }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    const a = exigerRole(acteur, "conseiller", "responsable");
    if (a.role === "conseiller" && !(p.referentId === null && entree.referentId === a.compteId))
      throw new ErreurAccesRefuse(
        "Un conseiller ne peut que prendre en charge un dossier sans référent ; pour un transfert, utilisez « Transférer ».",
        sujetParcours(p),
      );
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const ref = await depots.comptes.parId(entree.referentId);
    if (ref?.role !== "conseiller" || ref.operateurId !== p.operateurId || !ref.actif)
      throw new ErreurValidation([
        {
          champ: "referentId",
          message: "Le référent doit être un conseiller actif de l'opérateur du dossier.",
        },
      ]);
    const maintenant = services.horloge.maintenant().toISOString();
    if (!(await depots.parcours.modifier(p.id, entree.version, { referentId: ref.id }, maintenant)))
      throw conflit(p);
    await depots.transferts.creer({
      id: randomUUID(),
      parcoursId: p.id,
      type: "definitif",
      auteurId: acteur.type === "compte" ? acteur.compteId : null,
      deCompteId: p.referentId,
      versCompteId: ref.id,
      versOperateurId: null,
      jusquAu: null,
      motif: p.referentId ? "Changement de référent" : "Prise en charge",
      statut: "effectue",
      reponse: null,
      reponduLe: null,
      creeLe: maintenant,
    });
    return vue(depots, (await depots.parcours.parId(p.id))!, acteur);
  },
  audit: (_e, r) => sujetParcours(r),
});

/**
 * Transférer un dossier : à un autre conseiller de l'opérateur, temporairement (absence : suppléant jusqu'à une date)
 * ou définitivement ; ou à un autre opérateur (réorientation, que l'opérateur d'accueil accepte ou refuse).
 */
export const transfererParcours = casUsage({
  nom: "parcours.transferer",
  entree: z.object({
    id: z.uuid("Identifiant de parcours invalide."),
    version: versionAttendue,
    type: z.enum(["temporaire", "definitif", "reorientation"], { error: "Type de transfert inconnu." }),
    versCompteId: z.uuid("Choisissez un conseiller.").optional(),
    versOperateurId: z.uuid("Choisissez un opérateur.").optional(),
    jusquAu: z.iso.date("Indiquez la date de fin du remplacement (AAAA-MM-JJ).").optional(),
    motif: texte(1000, "Motif").min(1, "Indiquez le motif du transfert."),
  }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    const a = exigerRole(acteur, "conseiller", "responsable");
    if (a.role === "conseiller" && p.referentId !== a.compteId)
      throw new ErreurAccesRefuse(
        "Seul le référent ou le responsable peut transférer ce dossier.",
        sujetParcours(p),
      );
    return sujetParcours(p);
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const maintenant = services.horloge.maintenant().toISOString();
    if (p.statut === "clos")
      throw new ErreurValidation([{ champ: "type", message: "Un parcours clos ne se transfère plus." }]);
    let champs: Parameters<Depots["parcours"]["modifier"]>[2] = {};
    if (entree.type === "reorientation") {
      const o = entree.versOperateurId && (await depots.operateurs.parId(entree.versOperateurId));
      if (!o || o.id === p.operateurId)
        throw new ErreurValidation([{ champ: "versOperateurId", message: "Choisissez un autre opérateur." }]);
    } else {
      const c = entree.versCompteId ? await depots.comptes.parId(entree.versCompteId) : undefined;
      if (c?.role !== "conseiller" || c.operateurId !== p.operateurId || c.id === p.referentId)
        throw new ErreurValidation([
          { champ: "versCompteId", message: "Choisissez un autre conseiller de l'opérateur." },
        ]);
      if (entree.type === "temporaire") {
        if (!entree.jusquAu || entree.jusquAu <= maintenant.slice(0, 10))
          throw new ErreurValidation([
            { champ: "jusquAu", message: "La fin du remplacement doit être dans le futur." },
          ]);
        champs = { suppleantId: c.id, suppleantJusquAu: entree.jusquAu };
      } else champs = { referentId: c.id, suppleantId: null, suppleantJusquAu: null };
    }
    if (!(await depots.parcours.modifier(p.id, entree.version, champs, maintenant))) throw conflit(p);
    await depots.transferts.creer({
      id: randomUUID(),
      parcoursId: p.id,
      type: entree.type,
      auteurId: acteur.type === "compte" ? acteur.compteId : null,
      deCompteId: p.referentId,
      versCompteId: entree.type === "reorientation" ? null : (entree.versCompteId ?? null),
      versOperateurId: entree.type === "reorientation" ? (entree.versOperateurId ?? null) : null,
      jusquAu: entree.type === "temporaire" ? (entree.jusquAu ?? null) : null,
      motif: entree.motif,
      statut: entree.type === "reorientation" ? "en_attente" : "effectue",
      reponse: null,
      reponduLe: null,
      creeLe: maintenant,
    });
    return vue(depots, (await depots.parcours.parId(p.id))!, acteur);
  },
  audit: (e, r) => ({ ...sujetParcours(r), details: { type: e.type } }),
});

/**
 * L'opérateur d'accueil (son responsable) accepte ou refuse une réorientation. Acceptée : le parcours change
 * d'opérateur, sans référent (file d'attente) ; l'historique reste.
 */
export const repondreReorientation = casUsage({
  nom: "parcours.reorientation.repondre",
  entree: z.object({
    id: z.uuid("Identifiant de transfert invalide."),
    version: versionAttendue,
    decision: z.enum(["accepte", "refuse"], { error: "Répondez « accepte » ou « refuse »." }),
    reponse: texte(1000, "Réponse").nullable().default(null),
  }),
  async autoriser({ acteur, entree, depots }) {
    const a = exigerRole(acteur, "responsable");
    const t = await depots.transferts.parId(entree.id);
    if (t?.type !== "reorientation") throw new ErreurIntrouvable("Cette réorientation n'existe pas.");
    const p = (await depots.parcours.parId(t.parcoursId))!;
    if (t.versOperateurId !== a.operateurId)
      throw new ErreurAccesRefuse("Cette réorientation est adressée à un autre opérateur.", sujetParcours(p));
    return sujetParcours(p);
  },
  async executer({ entree, depots, services, sujet }) {
    const t = (await depots.transferts.parId(entree.id))!;
    if (t.statut !== "en_attente")
      throw new ErreurValidation([
        { champ: "decision", message: "Cette réorientation a déjà reçu une réponse." },
      ]);
    if (entree.decision === "refuse" && !entree.reponse?.trim())
      throw new ErreurValidation([{ champ: "reponse", message: "Indiquez la raison du refus." }]);
    const maintenant = services.horloge.maintenant().toISOString();
    if (
      !(await depots.transferts.repondre(t.id, entree.version, {
        statut: entree.decision,
        reponse: entree.reponse,
        reponduLe: maintenant,
      }))
    )
      throw new ErreurConflit();
    if (entree.decision === "accepte") {
      const p = (await depots.parcours.parId(t.parcoursId))!;
      const ok = await depots.parcours.modifier(
        p.id,
        p.version,
        { operateurId: t.versOperateurId!, referentId: null, suppleantId: null, suppleantJusquAu: null },
        maintenant,
      );
      if (!ok) throw conflit(p);
    }
    return { id: t.id, statut: entree.decision, parcoursId: sujet.objetId };
  },
});

/** Réorientations adressées à l'opérateur du responsable, en attente de réponse. */
export const listerReorientations = casUsage({
  nom: "parcours.reorientation.lister",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    exigerRole(acteur, "responsable");
    return {};
  },
  async executer({ acteur, depots }) {
    const a = exigerRole(acteur, "responsable");
    const liste = await depots.transferts.listerEnAttentePour(a.operateurId!);
    return Promise.all(
      liste.map(async (t) => {
        const p = (await depots.parcours.parId(t.parcoursId))!;
        const [b, o] = await Promise.all([
          depots.comptes.parId(p.beneficiaireId),
          depots.operateurs.parId(p.operateurId),
        ]);
        return {
          ...t,
          beneficiaire: { prenom: b!.prenom, nom: b!.nom },
          operateurOrigine: { id: o!.id, nom: o!.nom },
        };
      }),
    );
  },
  audit: false,
});

/** Vers qui transférer un dossier : les autres conseillers actifs de l'opérateur et les autres opérateurs. */
export const destinationsTransfert = casUsage({
  nom: "parcours.destinations",
  entree: z.object({ id: z.uuid("Identifiant de parcours invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ entree, depots }) {
    const p = (await depots.parcours.parId(entree.id))!;
    const [conseillers, operateurs] = await Promise.all([
      depots.comptes.lister({ operateurId: p.operateurId, role: "conseiller" }),
      depots.operateurs.lister(),
    ]);
    return {
      conseillers: conseillers
        .filter((c) => c.actif && c.id !== p.referentId)
        .map((c) => ({ id: c.id, prenom: c.prenom, nom: c.nom })),
      operateurs: operateurs.filter((o) => o.id !== p.operateurId).map((o) => ({ id: o.id, nom: o.nom })),
    };
  },
  audit: false,
});
