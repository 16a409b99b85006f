import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { LIBELLES_STRATEGIE } from "../../domain/competences/faisabilite.js";
import type { ContenuSynthese } from "../../domain/synthese.js";
import {
  construireSynthese,
  type DossierSynthese,
  jsonCanonique,
  memeDestinataire,
  partiesNonRenseignees,
  statutBrouillon,
  statutVersion,
  TYPES_DESTINATAIRE,
} from "../../domain/syntheseDossier.js";
import type { Acteur, ActeurConnecte } from "../acteur.js";
import { estSuppleantActif } from "../autorisations.js";
import { avecFaisabilite, regionDuParcours } from "../competences/projets.js";
import {
  ErreurAccesRefuse,
  ErreurConflit,
  ErreurIntrouvable,
  ErreurNonAuthentifie,
  ErreurValidation,
} from "../erreurs.js";
import { idParcours, sujetParcours } from "../parcours/commun.js";
import { casUsage, exigerConnecte, type ServicesApp } from "../pipeline.js";
import { planPourSynthese } from "../plan/plan.js";
import type { BrouillonSynthese, Depots, Parcours, VersionSynthese } from "../ports.js";

/**
 * Document de synthèse (docs/synthese.md) : brouillon du conseiller → version émise, figée (contenu en JSON canonique,
 * empreinte SHA-256, numéro), notification et accusé de lecture du bénéficiaire, demande de correction, partage avec un
 * tiers seulement avec l'accord exprès de la personne pour ce destinataire (regles-cep.md §6, L6313-4).
 *
 * Qui y accède : le bénéficiaire (le document est le sien), son référent (ou le suppléant pendant un remplacement) et
 * les conseillers en co-suivi. Ni le responsable, ni la file d'attente, ni l'administrateur.
 */

export function peutVoirSynthese(acteur: ActeurConnecte, p: Parcours, maintenant: string): boolean {
  if (acteur.role === "beneficiaire") return p.beneficiaireId === acteur.compteId;
  if (acteur.role !== "conseiller" || p.operateurId !== acteur.operateurId) return false;
  return (
    p.referentId === acteur.compteId ||
    estSuppleantActif(acteur.compteId, p, maintenant) ||
    (p.partageAvec ?? []).includes(acteur.compteId)
  );
}

type Qui = "tous" | "personnel" | "beneficiaire";

async function chargerParcoursSynthese(
  acteur: Acteur,
  depots: Depots,
  id: string,
  qui: Qui = "tous",
): Promise<Parcours> {
  if (acteur.type !== "compte") throw new ErreurNonAuthentifie();
  const p = await depots.parcours.parId(id);
  if (!p) throw new ErreurIntrouvable("Ce parcours n'existe pas.");
  const sujet = { ...sujetParcours(p), objetType: "synthese" };
  if (!peutVoirSynthese(acteur, p, new Date().toISOString()))
    throw new ErreurAccesRefuse(
      "Le document de synthèse n'est accessible qu'à la personne, à son référent et aux conseillers du co-suivi.",
      sujet,
    );
  if (qui === "personnel" && acteur.role === "beneficiaire")
    throw new ErreurAccesRefuse("Cette action est réservée à votre conseiller ou conseillère.", sujet);
  if (qui === "beneficiaire" && acteur.role !== "beneficiaire")
    throw new ErreurAccesRefuse("Seule la personne concernée peut faire cette démarche.", sujet);
  return p;
}

const sujetSynthese = (p: Parcours) => ({ ...sujetParcours(p), objetType: "synthese" });
const empreinte = (texte: string) => createHash("sha256").update(texte, "utf8").digest("hex");

/** Rassemble ce que le dossier contient aujourd'hui pour la synthèse. */
export async function dossierPourSynthese(
  depots: Depots,
  p: Parcours,
  brouillon: BrouillonSynthese | undefined,
  le: string,
  services?: ServicesApp,
): Promise<DossierSynthese> {
  const [beneficiaire, operateur, referent, entretiens, transitions, inscriptions, etat] = await Promise.all([
    depots.comptes.parId(p.beneficiaireId),
    depots.operateurs.parId(p.operateurId),
    p.referentId ? depots.comptes.parId(p.referentId) : Promise.resolve(undefined),
    depots.entretiens.lister(p.id),
    depots.transitions.lister(p.id),
    depots.reunions.inscriptionsDuCompte(p.beneficiaireId),
    depots.etatsDesLieux.lire(p.id),
  ]);
  const entree2 = transitions.find((t) => (t.type === "passage" || t.type === "ouverture") && t.niveau === 2);
  return {
    niveau: brouillon?.niveau ?? p.niveau,
    le,
    beneficiaire: { prenom: beneficiaire?.prenom ?? "", nom: beneficiaire?.nom ?? "" },
    operateur: { nom: operateur?.nom ?? "" },
    referent: referent ? { prenom: referent.prenom, nom: referent.nom } : null,
    ouvertLe: p.creeLe,
    closLe: p.closLe,
    demande: p.demande,
    entreeNiveau2Le: entree2?.le ?? null,
    entretiens: entretiens.map((e) => ({ le: e.le, modalite: e.modalite, dureeMinutes: e.dureeMinutes })),
    reunions: inscriptions
      .filter((i) => i.reunion.operateurId === p.operateurId && i.present === true && !i.annuleeLe)
      .map((i) => ({ le: i.reunion.debut, theme: i.reunion.theme })),
    ...(etat
      ? {
          etatDesLieux: {
            demande: etat.demande,
            besoin: etat.besoin,
            informations: etat.informations,
            decision: etat.decision,
            orientation: etat.orientation,
          },
        }
      : {}),
    ...(await competencesEtProjet(depots, p, services)),
    ...(services ? await planPourSynthese(depots, services, p.id) : {}),
    redaction: {
      conclusions: brouillon?.conclusions ?? null,
      prochainesEtapes: brouillon?.prochainesEtapes ?? null,
    },
  };
}

/**
 * Profil de compétences et projet retenu (ticket 6) : compétences détenues (maîtrisées ou en partie), compétences à
 * acquérir (celles que la personne a notées « à acquérir », puis l'écart du projet retenu, cœur de métier d'abord),
 * stratégies (la décision du conseiller si elle existe, sinon la recommandation).
 */
async function competencesEtProjet(
  depots: Depots,
  p: Parcours,
  services: ServicesApp | undefined,
): Promise<Pick<DossierSynthese, "competences" | "projet">> {
  const [enregistre, projets] = await Promise.all([
    depots.competences.profil(p.id),
    depots.competences.projets(p.id),
  ]);
  const retenu = projets.find((x) => x.statut === "retenu");
  const profil = enregistre?.profil;
  // La même faisabilité que l'écran « Projet » (certifications liées, marché de la région de l'opérateur).
  const faisabilite =
    retenu && services
      ? (await avecFaisabilite(depots, services, [retenu], await regionDuParcours(depots, p)))[0]?.faisabilite
      : undefined;
  const sortie: Pick<DossierSynthese, "competences" | "projet"> = {};
  if (profil && profil.competences.length) {
    const aAcquerir = profil.competences.filter((c) => c.maitrise === "a_acquerir").map((c) => c.libelle);
    for (const c of faisabilite?.ecart.competences.filter((x) => x.coeurMetier).slice(0, 10) ?? [])
      if (!aAcquerir.includes(c.libelle)) aAcquerir.push(c.libelle);
    sortie.competences = {
      acquises: profil.competences.filter((c) => c.maitrise !== "a_acquerir").map((c) => c.libelle),
      aAcquerir,
    };
  }
  if (retenu) {
    const decision = retenu.decision;
    sortie.projet = {
      metier: { codeRome: retenu.codeRome, libelle: retenu.libelleMetier },
      typeChangement: retenu.typeChangement,
      ...(retenu.description ? { description: retenu.description } : {}),
      strategies: (faisabilite?.options ?? []).map((o) => {
        const retenue = decision ? decision.strategies.includes(o.strategie) : o.recommandee;
        const derogation = decision && retenue !== o.recommandee ? decision.motif : null;
        return { libelle: LIBELLES_STRATEGIE[o.strategie], retenue, justification: derogation ?? o.motif };
      }),
    };
  }
  return sortie;
}

/** Relit une version figée et vérifie son empreinte. */
export function relireVersion(v: VersionSynthese) {
  const contenu = JSON.parse(v.contenu) as ContenuSynthese;
  const recalculee = empreinte(jsonCanonique(contenu));
  return { contenu, empreinteRecalculee: recalculee, conforme: recalculee === v.empreinte };
}

async function noms(depots: Depots, ids: string[]) {
  const comptes = await Promise.all([...new Set(ids)].map((id) => depots.comptes.parId(id)));
  return (id: string) => {
    const c = comptes.find((x) => x?.id === id);
    return c ? { prenom: c.prenom, nom: c.nom } : null;
  };
}

const entreeParcours = z.object({ id: idParcours });
const numero = z.coerce
  .number({ error: "Numéro de version attendu." })
  .int("Numéro de version attendu.")
  .min(1, "Numéro de version attendu (1 ou plus).");

// ——— Lecture du dossier de synthèse ———

export const lireSynthese = casUsage({
  nom: "parcours.synthese.lire",
  entree: entreeParcours,
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const p = (await depots.parcours.parId(entree.id))!;
    const personnel = acteur.role !== "beneficiaire";
    const [brouillon, versions, corrections, accords] = await Promise.all([
      depots.syntheses.brouillon(p.id),
      depots.syntheses.versions(p.id),
      depots.syntheses.corrections(p.id),
      depots.syntheses.accords(p.id),
    ]);
    const nom = await noms(depots, [
      ...versions.map((v) => v.emisePar),
      ...(brouillon ? [brouillon.auteurId] : []),
    ]);
    const apercu = personnel
      ? construireSynthese(
          await dossierPourSynthese(
            depots,
            p,
            brouillon,
            services.horloge.maintenant().toISOString(),
            services,
          ),
        )
      : null;
    return {
      personnel,
      brouillon: personnel
        ? brouillon
          ? {
              niveau: brouillon.niveau,
              conclusions: brouillon.conclusions,
              prochainesEtapes: brouillon.prochainesEtapes,
              version: brouillon.version,
              modifieLe: brouillon.modifieLe,
              auteur: nom(brouillon.auteurId),
            }
          : null
        : null,
      /** Au conseiller : ce que le dossier ne contient pas encore (imprimé « Non renseigné »). */
      nonRenseignees: apercu ? partiesNonRenseignees(apercu) : [],
      niveauParcours: p.niveau,
      versions: versions.map((v) => ({
        numero: v.numero,
        niveau: v.niveau,
        emiseLe: v.emiseLe,
        emisePar: nom(v.emisePar),
        empreinte: v.empreinte,
        accuseeLe: v.accuseeLe,
      })),
      corrections: corrections.map((c) => ({
        id: c.id,
        numero: c.numero,
        commentaire: c.commentaire,
        demandeeLe: c.demandeeLe,
        traiteeLe: c.traiteeLe,
        corrigeeParNumero: c.corrigeeParNumero,
      })),
      accords: accords.map((a) => ({
        id: a.id,
        destinataire: a.destinataire,
        typeDestinataire: a.typeDestinataire,
        accordeLe: a.accordeLe,
        retireLe: a.retireLe,
        version: a.version,
      })),
    };
  },
});

// ——— Brouillon ———

const texteLibre = (libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .max(8000, `${libelle} : 8000 caractères au plus.`)
    .nullable()
    .default(null)
    .transform((t) => (t === "" ? null : t));

export const enregistrerBrouillonSynthese = casUsage({
  nom: "parcours.synthese.brouillon",
  entree: z
    .object({
      id: idParcours,
      version: z
        .number({ error: "La version lue est obligatoire (0 pour un premier brouillon)." })
        .int()
        .min(0),
      niveau: z.union([z.literal(1), z.literal(2)], {
        error:
          "Le niveau que le document clôt : 1 (accueil individualisé) ou 2 (accompagnement personnalisé).",
      }),
      conclusions: texteLibre("Conclusions"),
      prochainesEtapes: texteLibre("Prochaines étapes"),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "personnel"));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const p = (await depots.parcours.parId(entree.id))!;
    if (entree.niveau === 2 && p.niveau === 1)
      throw new ErreurValidation([
        {
          champ: "niveau",
          message:
            "Le parcours est encore au niveau 1 : le document ne peut clore qu'un accueil individualisé (niveau 1).",
        },
      ]);
    const ok = await depots.syntheses.enregistrerBrouillon(
      {
        parcoursId: p.id,
        niveau: entree.niveau,
        conclusions: entree.conclusions,
        prochainesEtapes: entree.prochainesEtapes,
        auteurId: acteur.compteId,
        modifieLe: services.horloge.maintenant().toISOString(),
      },
      entree.version,
    );
    const actuel = await depots.syntheses.brouillon(p.id);
    if (!ok)
      throw new ErreurConflit(
        "Le brouillon de la synthèse a été modifié entre-temps. Rechargez-le pour voir la version à jour, puis refaites votre modification.",
        actuel?.version,
      );
    return { brouillon: actuel! };
  },
});

// ——— Émission ———

export const emettreSynthese = casUsage({
  nom: "parcours.synthese.emettre",
  entree: z
    .object({
      id: idParcours,
      versionBrouillon: z
        .number({ error: "La version du brouillon lue est obligatoire (0 s'il n'y en a pas)." })
        .int()
        .min(0),
    })
    .strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "personnel"));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const p = (await depots.parcours.parId(entree.id))!;
    const brouillon = await depots.syntheses.brouillon(p.id);
    if ((brouillon?.version ?? 0) !== entree.versionBrouillon)
      throw new ErreurConflit(
        "Le brouillon a changé depuis que vous l'avez lu : relisez-le avant d'émettre le document.",
        brouillon?.version ?? 0,
      );
    const le = services.horloge.maintenant().toISOString();
    const contenu = construireSynthese(await dossierPourSynthese(depots, p, brouillon, le, services));
    const canonique = jsonCanonique(contenu);
    const precedentes = await depots.syntheses.versions(p.id);
    const v = {
      id: randomUUID(),
      parcoursId: p.id,
      numero: (precedentes.at(-1)?.numero ?? 0) + 1,
      niveau: contenu.niveau,
      contenu: canonique,
      empreinte: empreinte(canonique),
      emiseLe: le,
      emisePar: acteur.compteId,
    };
    if (!(await depots.syntheses.emettre(v)))
      throw new ErreurConflit("Une autre version vient d'être émise. Rechargez la page.");
    const corrigees = await depots.syntheses.traiterCorrections(p.id, v.numero, le);
    await notifierBeneficiaire(services, depots, p, v.numero);
    return {
      numero: v.numero,
      empreinte: v.empreinte,
      emiseLe: le,
      niveau: v.niveau,
      correctionsTraitees: corrigees,
    };
  },
  audit: (_e, r) => ({ details: { numero: r.numero, empreinte: r.empreinte } }),
});

async function notifierBeneficiaire(services: ServicesApp, depots: Depots, p: Parcours, numero: number) {
  const b = await depots.comptes.parId(p.beneficiaireId);
  if (!b?.actif) return;
  await services.messagerie.envoyer({
    a: b.email,
    sujet: "Votre document de synthèse est disponible — Conseil en évolution professionnelle",
    texte: `Bonjour ${b.prenom},\n\n${numero === 1 ? "Votre document de synthèse a été émis" : `Une nouvelle version (version ${numero}) de votre document de synthèse a été émise`} par votre conseiller ou conseillère.\nVous pouvez le lire, le télécharger, en accuser réception ou demander une correction dans votre espace, onglet « Mon document de synthèse » :\n${services.parametres.publicUrl}/mon-espace/parcours/${p.id}\n\nCe courriel ne contient pas le document, par confidentialité. Il n'est communiqué à personne d'autre sans votre accord.`,
  });
}

// ——— Documents (PDF, HTML) ———

const entreeDocument = z.object({
  id: idParcours,
  format: z.enum(["pdf", "html"]),
  version: z
    .union([z.literal("brouillon"), numero], {
      error: "Version : un numéro de version émise, ou « brouillon ».",
    })
    .optional(),
});

export const documentSynthese = casUsage({
  nom: "parcours.synthese.telecharger",
  entree: entreeDocument,
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursSynthese(
      acteur,
      depots,
      entree.id,
      entree.version === "brouillon" ? "personnel" : "tous",
    );
    return sujetSynthese(p);
  },
  async executer({ entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    if (entree.version === "brouillon") {
      const le = services.horloge.maintenant().toISOString();
      const brouillon = await depots.syntheses.brouillon(p.id);
      return {
        format: entree.format,
        numero: null,
        contenu: construireSynthese(await dossierPourSynthese(depots, p, brouillon, le, services)),
        entete: { statut: statutBrouillon(le) },
        emiseLe: le,
      };
    }
    const v =
      entree.version === undefined
        ? (await depots.syntheses.versions(p.id)).at(-1)
        : await depots.syntheses.version(p.id, entree.version);
    if (!v)
      throw new ErreurIntrouvable(
        entree.version === undefined
          ? "Aucun document de synthèse n'a encore été émis pour ce parcours."
          : `La version ${entree.version} du document de synthèse n'existe pas.`,
      );
    const { contenu } = relireVersion(v);
    return {
      format: entree.format,
      numero: v.numero,
      contenu,
      entete: { statut: statutVersion(v.numero, v.emiseLe), empreinte: v.empreinte },
      emiseLe: v.emiseLe,
    };
  },
  audit: (e, r) => ({ details: { format: e.format, version: r.numero ?? "brouillon" } }),
});

/** Une version figée, son contenu et la vérification de son empreinte. */
export const lireVersionSynthese = casUsage({
  nom: "parcours.synthese.version.lire",
  entree: z.object({ id: idParcours, numero }),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id));
  },
  async executer({ entree, depots }) {
    const v = await depots.syntheses.version(entree.id, entree.numero);
    if (!v) throw new ErreurIntrouvable(`La version ${entree.numero} du document de synthèse n'existe pas.`);
    const { contenu, empreinteRecalculee, conforme } = relireVersion(v);
    return {
      numero: v.numero,
      niveau: v.niveau,
      emiseLe: v.emiseLe,
      accuseeLe: v.accuseeLe,
      empreinte: v.empreinte,
      empreinteRecalculee,
      conforme,
      contenu,
    };
  },
  audit: (e) => ({ details: { numero: e.numero } }),
});

// ——— Le bénéficiaire : accusé de lecture, demande de correction ———

async function versionExistante(depots: Depots, parcoursId: string, n: number) {
  const v = await depots.syntheses.version(parcoursId, n);
  if (!v) throw new ErreurIntrouvable(`La version ${n} du document de synthèse n'existe pas.`);
  return v;
}

export const accuserReceptionSynthese = casUsage({
  nom: "parcours.synthese.accuser_reception",
  entree: z.object({ id: idParcours, numero }),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "beneficiaire"));
  },
  async executer({ entree, depots, services }) {
    const v = await versionExistante(depots, entree.id, entree.numero);
    if (v.accuseeLe) return { numero: v.numero, accuseeLe: v.accuseeLe };
    const le = services.horloge.maintenant().toISOString();
    await depots.syntheses.accuser(entree.id, entree.numero, le);
    return { numero: v.numero, accuseeLe: le };
  },
  audit: (e) => ({ details: { numero: e.numero } }),
});

export const demanderCorrectionSynthese = casUsage({
  nom: "parcours.synthese.correction.demander",
  entree: z.object({
    id: idParcours,
    numero,
    commentaire: z
      .string({ error: "Votre demande : texte attendu." })
      .trim()
      .min(1, "Dites ce qui doit être corrigé.")
      .max(4000, "Votre demande : 4000 caractères au plus."),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "beneficiaire"));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const p = (await depots.parcours.parId(entree.id))!;
    await versionExistante(depots, p.id, entree.numero);
    const c = {
      id: randomUUID(),
      parcoursId: p.id,
      numero: entree.numero,
      auteurId: acteur.compteId,
      commentaire: entree.commentaire,
      demandeeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.syntheses.demanderCorrection(c);
    // Le référent est prévenu, sans le contenu de la demande (confidentialité).
    const ref = p.referentId ? await depots.comptes.parId(p.referentId) : undefined;
    if (ref?.actif)
      await services.messagerie.envoyer({
        a: ref.email,
        sujet: "Demande de correction d'un document de synthèse — Conseil en évolution professionnelle",
        texte: `Bonjour ${ref.prenom},\n\nUne personne que vous accompagnez demande une correction de la version ${entree.numero} de son document de synthèse.\nPour la lire et émettre une version corrigée : ${services.parametres.publicUrl}/conseiller/dossiers/${p.id}`,
      });
    return { ...c, traiteeLe: null, corrigeeParNumero: null };
  },
  audit: (_e, r) => ({ objetType: "synthese_correction", objetId: r.id, details: { numero: r.numero } }),
});

// ——— Partage avec un tiers : accord exprès, par destinataire, révocable ———

const destinataire = z
  .string({ error: "Nommez le destinataire (organisme ou personne)." })
  .trim()
  .min(2, "Nommez le destinataire (organisme ou personne).")
  .max(200, "Destinataire : 200 caractères au plus.");
const typeDestinataire = z.enum(TYPES_DESTINATAIRE, {
  error: "Type de destinataire : financeur, prestataire_bilan, employeur ou autre.",
});

export const donnerAccordPartageSynthese = casUsage({
  nom: "parcours.synthese.accord.donner",
  entree: z.object({ id: idParcours, destinataire, typeDestinataire }).strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "beneficiaire"));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const existants = (await depots.syntheses.accords(entree.id)).filter(
      (a) => !a.retireLe && memeDestinataire(a.destinataire, entree.destinataire),
    );
    if (existants.length)
      throw new ErreurValidation([
        { champ: "destinataire", message: "Vous avez déjà donné votre accord pour ce destinataire." },
      ]);
    const a = {
      id: randomUUID(),
      parcoursId: entree.id,
      beneficiaireId: acteur.compteId,
      destinataire: entree.destinataire,
      typeDestinataire: entree.typeDestinataire,
      accordeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.syntheses.donnerAccord(a);
    return { ...a, retireLe: null, version: 1 };
  },
  audit: (_e, r) => ({
    objetType: "synthese_accord",
    objetId: r.id,
    details: { destinataire: r.destinataire, type: r.typeDestinataire, accorde: true },
  }),
});

export const retirerAccordPartageSynthese = casUsage({
  nom: "parcours.synthese.accord.retirer",
  entree: z.object({
    id: idParcours,
    accordId: z.uuid("Identifiant d'accord invalide."),
    version: z.number({ error: "La version lue est obligatoire." }).int().positive(),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id, "beneficiaire"));
  },
  async executer({ entree, depots, services }) {
    const a = await depots.syntheses.accord(entree.accordId);
    if (!a || a.parcoursId !== entree.id) throw new ErreurIntrouvable("Cet accord n'existe pas.");
    if (a.retireLe) return { id: a.id, destinataire: a.destinataire, retireLe: a.retireLe };
    const le = services.horloge.maintenant().toISOString();
    if (!(await depots.syntheses.retirerAccord(a.id, entree.version, le)))
      throw new ErreurConflit(
        "Cet accord a été modifié entre-temps (dans un autre onglet ?). Rechargez la page.",
      );
    return { id: a.id, destinataire: a.destinataire, retireLe: le };
  },
  audit: (_e, r) => ({
    objetType: "synthese_accord",
    objetId: r.id,
    details: { destinataire: r.destinataire, accorde: false },
  }),
});

/** Durée de validité d'un lien de partage. */
export const JOURS_LIEN_PARTAGE = 30;

export const partagerSynthese = casUsage({
  nom: "parcours.synthese.partager",
  entree: z.object({ id: idParcours, numero, destinataire, typeDestinataire }).strict(),
  async autoriser({ acteur, entree, depots }) {
    return sujetSynthese(await chargerParcoursSynthese(acteur, depots, entree.id));
  },
  async executer({ acteur, entree, depots, services }) {
    exigerConnecte(acteur);
    const p = (await depots.parcours.parId(entree.id))!;
    await versionExistante(depots, p.id, entree.numero);
    const accord = (await depots.syntheses.accords(p.id)).find(
      (a) =>
        !a.retireLe &&
        a.typeDestinataire === entree.typeDestinataire &&
        memeDestinataire(a.destinataire, entree.destinataire),
    );
    if (!accord)
      throw new ErreurAccesRefuse(
        `La personne n'a pas donné son accord pour que son document de synthèse soit communiqué à « ${entree.destinataire} ». Elle peut le donner depuis son espace.`,
        { ...sujetParcours(p), objetType: "synthese_partage" },
      );
    const maintenant = services.horloge.maintenant();
    const jeton = randomBytes(32).toString("base64url");
    const lien = {
      hash: empreinte(jeton),
      accordId: accord.id,
      parcoursId: p.id,
      numero: entree.numero,
      creePar: acteur.compteId,
      creeLe: maintenant.toISOString(),
      expireLe: new Date(maintenant.getTime() + JOURS_LIEN_PARTAGE * 86_400_000).toISOString(),
    };
    await depots.syntheses.creerLien(lien);
    return {
      lien: `${services.parametres.publicUrl}/api/v1/syntheses/partagees/${jeton}`,
      expireLe: lien.expireLe,
      destinataire: accord.destinataire,
      numero: entree.numero,
      accordId: accord.id,
    };
  },
  audit: (_e, r) => ({
    objetType: "synthese_partage",
    objetId: r.accordId,
    details: { destinataire: r.destinataire, numero: r.numero },
  }),
});

/** Le destinataire ouvre le lien : seulement si l'accord n'a pas été retiré et que le lien n'a pas expiré. */
export const consulterSynthesePartagee = casUsage({
  nom: "synthese.partagee.consulter",
  entree: z.object({ jeton: z.string().min(20, "Lien invalide.").max(100, "Lien invalide.") }),
  async autoriser({ entree, depots }) {
    const lien = await depots.syntheses.lien(empreinte(entree.jeton));
    if (!lien) throw new ErreurIntrouvable("Ce lien de partage n'existe pas.");
    const p = (await depots.parcours.parId(lien.parcoursId))!;
    const sujet = { ...sujetParcours(p), objetType: "synthese_partage", objetId: lien.accordId };
    const accord = await depots.syntheses.accord(lien.accordId);
    if (!accord || accord.retireLe)
      throw new ErreurAccesRefuse(
        "La personne a retiré son accord : ce document de synthèse ne peut plus être consulté.",
        sujet,
      );
    if (lien.expireLe < new Date().toISOString() || p.anonymiseLe)
      throw new ErreurAccesRefuse("Ce lien de partage a expiré.", sujet);
    return sujet;
  },
  async executer({ entree, depots }) {
    const lien = (await depots.syntheses.lien(empreinte(entree.jeton)))!;
    const v = (await depots.syntheses.version(lien.parcoursId, lien.numero))!;
    const accord = (await depots.syntheses.accord(lien.accordId))!;
    return {
      format: "pdf" as const,
      numero: v.numero,
      contenu: relireVersion(v).contenu,
      entete: { statut: statutVersion(v.numero, v.emiseLe), empreinte: v.empreinte },
      emiseLe: v.emiseLe,
      destinataire: accord.destinataire,
    };
  },
  audit: (_e, r) => ({ details: { destinataire: r.destinataire, numero: r.numero } }),
});
