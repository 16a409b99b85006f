import { randomUUID } from "node:crypto";
import { z } from "zod";
import { decalageParis, horsHeuresOuvrees, LIBELLES_MODALITE, MODALITES } from "../../domain/dossier.js";
import { etiquetteEtape, LIBELLES_MOTIF_CLOTURE, LIBELLES_TRANSITION } from "../../domain/parcours.js";
import type { Acteur } from "../acteur.js";
import { chargerParcoursAutorise } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurConflit, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage, type ServicesApp } from "../pipeline.js";
import type { Compte, Depots, Parcours, RendezVous } from "../ports.js";
import { idParcours, sujetParcours, texte, versionAttendue } from "./commun.js";
import { invitationIcs } from "./ics.js";

/** Le suivi d'un dossier : notes, entretiens, rendez-vous, échanges écrits et chronologie. */

const estBeneficiaire = (a: Acteur) => a.type === "compte" && a.role === "beneficiaire";
const auteur = (a: Acteur) => (a.type === "compte" ? a.compteId : null);

async function noms(depots: Depots, ids: (string | null)[]) {
  const uniques = [...new Set(ids.filter((x): x is string => !!x))];
  const comptes = await Promise.all(uniques.map((id) => depots.comptes.parId(id)));
  const m = new Map<string, Pick<Compte, "id" | "prenom" | "nom" | "role">>();
  for (const c of comptes) if (c) m.set(c.id, { id: c.id, prenom: c.prenom, nom: c.nom, role: c.role });
  return (id: string | null) => (id ? (m.get(id) ?? null) : null);
}

function exigerEnCours(p: Parcours, quoi: string) {
  if (p.statut === "clos")
    throw new ErreurValidation([{ champ: "(corps)", message: `Ce parcours est clos : ${quoi} impossible.` }]);
}

// ——— Notes ———

export const listerNotes = casUsage({
  nom: "parcours.notes.lister",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ acteur, entree, depots }) {
    // Les notes privées restent entre les conseillers de l'opérateur ; le bénéficiaire voit les notes partagées.
    const notes = await depots.notes.lister(entree.id, estBeneficiaire(acteur));
    const nom = await noms(
      depots,
      notes.map((n) => n.auteurId),
    );
    return notes.map((n) => ({ ...n, auteur: nom(n.auteurId) }));
  },
});

export const creerNote = casUsage({
  nom: "parcours.note.creer",
  entree: z.object({
    id: idParcours,
    texte: texte(10_000, "Note").min(1, "La note est vide."),
    partagee: z.boolean({ error: "Précisez si la note est partagée avec le bénéficiaire." }),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ acteur, entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const note = {
      id: randomUUID(),
      parcoursId: entree.id,
      auteurId: auteur(acteur),
      texte: entree.texte,
      partagee: entree.partagee,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await depots.notes.creer(note);
    return { ...note, version: 1 };
  },
  audit: (e, r) => ({ objetType: "note", objetId: r.id, details: { partagee: e.partagee } }),
});

export const modifierNote = casUsage({
  nom: "parcours.note.modifier",
  entree: z.object({
    id: idParcours,
    noteId: z.uuid("Identifiant de note invalide."),
    version: versionAttendue,
    texte: texte(10_000, "Note").min(1, "La note est vide."),
    partagee: z.boolean({ error: "Précisez si la note est partagée avec le bénéficiaire." }),
  }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true });
    const n = await depots.notes.parId(entree.noteId);
    if (!n || n.parcoursId !== p.id) throw new ErreurIntrouvable("Cette note n'existe pas.");
    return { ...sujetParcours(p), objetType: "note", objetId: n.id };
  },
  async executer({ entree, depots, services }) {
    const maintenant = services.horloge.maintenant().toISOString();
    const ok = await depots.notes.modifier(
      entree.noteId,
      entree.version,
      { texte: entree.texte, partagee: entree.partagee },
      maintenant,
    );
    if (!ok) {
      const courante = await depots.notes.parId(entree.noteId);
      throw new ErreurConflit(
        `Cette note a été modifiée entre-temps (texte actuel : « ${courante?.texte.slice(0, 200) ?? ""} »). Rechargez-la avant de la modifier.`,
        courante?.version,
      );
    }
    return (await depots.notes.parId(entree.noteId))!;
  },
});

// ——— Entretiens ———

export const schemaEntretien = z.object({
  id: idParcours,
  modalite: z.enum(MODALITES, {
    error: "Choisissez la modalité : présentiel, téléphone, visio ou échange écrit.",
  }),
  siteId: z.uuid("Choisissez le site.").nullable().default(null),
  le: z.iso.datetime({ error: "Indiquez la date et l'heure de l'entretien.", offset: true }),
  dureeMinutes: z.coerce
    .number({ error: "Indiquez la durée en minutes." })
    .int("Indiquez la durée en minutes entières.")
    .min(1, "La durée est d'au moins 1 minute.")
    .max(600, "La durée ne peut dépasser 600 minutes."),
  participants: texte(500, "Participants").nullable().default(null),
  resume: texte(20_000, "Compte rendu").min(1, "Écrivez le compte rendu de l'entretien."),
});

export const creerEntretien = casUsage({
  nom: "parcours.entretien.creer",
  entree: schemaEntretien,
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    exigerEnCours(p, "enregistrer un entretien est");
    if (entree.modalite === "presentiel") {
      const site = entree.siteId && (await depots.sites.parId(entree.siteId));
      if (!site || site.operateurId !== p.operateurId)
        throw new ErreurValidation([
          {
            champ: "siteId",
            message: "Un entretien en présentiel a lieu sur un site de l'opérateur : choisissez-le.",
          },
        ]);
    }
    const maintenant = services.horloge.maintenant().toISOString();
    const le = new Date(entree.le).toISOString();
    if (le > maintenant)
      throw new ErreurValidation([
        {
          champ: "le",
          message: "Un entretien se consigne une fois passé ; pour l'avenir, proposez un rendez-vous.",
        },
      ]);
    const e = {
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: auteur(acteur),
      modalite: entree.modalite,
      siteId: entree.modalite === "presentiel" ? entree.siteId : null,
      le,
      dureeMinutes: entree.dureeMinutes,
      participants: entree.participants,
      resume: entree.resume,
      creeLe: maintenant,
    };
    await depots.entretiens.creer(e);
    return e;
  },
  audit: (_e, r) => ({ objetType: "entretien", objetId: r.id }),
});

export const listerEntretiens = casUsage({
  nom: "parcours.entretiens.lister",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ entree, depots }) {
    const liste = await depots.entretiens.lister(entree.id);
    const nom = await noms(
      depots,
      liste.map((e) => e.auteurId),
    );
    return liste.map((e) => ({ ...e, auteur: nom(e.auteurId) }));
  },
});

// ——— Échanges écrits ———

export const listerMessages = casUsage({
  nom: "parcours.messages.lister",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots }) {
    const liste = await depots.messages.lister(entree.id);
    const nom = await noms(
      depots,
      liste.map((m) => m.auteurId),
    );
    return liste.map((m) => ({ ...m, auteur: nom(m.auteurId) }));
  },
});

export const ecrireMessage = casUsage({
  nom: "parcours.message.ecrire",
  entree: z.object({ id: idParcours, texte: texte(5000, "Message").min(1, "Le message est vide.") }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    exigerEnCours(p, "écrire un message est");
    const m = {
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: auteur(acteur),
      texte: entree.texte,
      creeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.messages.creer(m);
    // Le destinataire est prévenu par courriel, sans le contenu (confidentialité).
    const destinataireId = estBeneficiaire(acteur) ? p.referentId : p.beneficiaireId;
    const dest = destinataireId ? await depots.comptes.parId(destinataireId) : undefined;
    if (dest?.actif)
      await services.messagerie.envoyer({
        a: dest.email,
        sujet: "Nouveau message — Conseil en évolution professionnelle",
        texte: `Bonjour ${dest.prenom},\n\nVous avez reçu un nouveau message dans votre espace CEP.\nPour le lire : ${services.parametres.publicUrl}${estBeneficiaire(acteur) ? `/conseiller/dossiers/${p.id}` : "/mon-espace"}\n\nCe courriel ne contient pas le message, par confidentialité.`,
      });
    return m;
  },
  audit: (_e, r) => ({ objetType: "message", objetId: r.id }),
});

// ——— Rendez-vous ———

function lieuRendezVous(
  r: Pick<RendezVous, "modalite" | "lieu">,
  site?: { nom: string; adresse: string | null; codePostal: string | null; commune: string | null },
) {
  if (r.modalite === "presentiel" && site)
    return [site.nom, site.adresse, [site.codePostal, site.commune].filter(Boolean).join(" ")]
      .filter(Boolean)
      .join(", ");
  return r.lieu ?? LIBELLES_MODALITE[r.modalite];
}

const dateParis = (iso: string) =>
  new Date(iso).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "full", timeStyle: "short" });

async function courrielRendezVous(
  depots: Depots,
  services: ServicesApp,
  p: Parcours,
  r: RendezVous,
  genre: "invitation" | "rappel" | "annulation",
) {
  const [b, c, site] = await Promise.all([
    depots.comptes.parId(p.beneficiaireId),
    r.auteurId ? depots.comptes.parId(r.auteurId) : undefined,
    r.siteId ? depots.sites.parId(r.siteId) : undefined,
  ]);
  if (!b?.actif) return;
  const lieu = lieuRendezVous(r, site);
  const quand = dateParis(r.debut);
  const conseiller = c ? `${c.prenom} ${c.nom}` : "votre conseiller";
  const intro = {
    invitation: `${conseiller} vous propose un rendez-vous de conseil en évolution professionnelle.`,
    rappel: "Pour rappel, vous avez rendez-vous demain.",
    annulation: "Le rendez-vous ci-dessous est annulé.",
  }[genre];
  await services.messagerie.envoyer({
    a: b.email,
    sujet: {
      invitation: "Invitation à un rendez-vous — Conseil en évolution professionnelle",
      rappel: "Rappel : votre rendez-vous de demain — Conseil en évolution professionnelle",
      annulation: "Rendez-vous annulé — Conseil en évolution professionnelle",
    }[genre],
    texte: `Bonjour ${b.prenom},\n\n${intro}\n\nQuand : ${quand} (heure de Paris), ${r.dureeMinutes} minutes\nModalité : ${LIBELLES_MODALITE[r.modalite]}\nLieu : ${lieu}\n\n${genre === "annulation" ? "" : `Confirmez ou annulez depuis votre espace : ${services.parametres.publicUrl}/mon-espace\n\n`}L'invitation est jointe pour votre agenda.`,
    pieceJointes: [
      {
        nom: "rendez-vous.ics",
        type: `text/calendar; charset=utf-8; method=${genre === "annulation" ? "CANCEL" : "REQUEST"}`,
        contenu: invitationIcs({
          uid: `${r.id}@cep`,
          debut: r.debut,
          dureeMinutes: r.dureeMinutes,
          resume: "Rendez-vous CEP",
          description: `Rendez-vous de conseil en évolution professionnelle avec ${conseiller} (${LIBELLES_MODALITE[r.modalite]}).`,
          lieu,
          organisateur: { nom: conseiller, email: c?.email ?? "ne-pas-repondre@cep.invalid" },
          participant: { nom: `${b.prenom} ${b.nom}`, email: b.email },
          maintenant: services.horloge.maintenant().toISOString(),
          annule: genre === "annulation",
          sequence: r.version - 1,
        }),
      },
    ],
  });
}

export const proposerRendezVous = casUsage({
  nom: "parcours.rendez_vous.proposer",
  entree: z.object({
    id: idParcours,
    debut: z.iso.datetime({ error: "Indiquez la date et l'heure du rendez-vous.", offset: true }),
    dureeMinutes: z.coerce
      .number({ error: "Indiquez la durée en minutes." })
      .int("Indiquez la durée en minutes entières.")
      .min(5, "Au moins 5 minutes.")
      .max(480, "Au plus 480 minutes."),
    modalite: z.enum(MODALITES, { error: "Choisissez la modalité." }),
    siteId: z.uuid("Choisissez le site.").nullable().default(null),
    lieu: texte(300, "Lieu ou lien").nullable().default(null),
  }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id, { personnel: true }));
  },
  async executer({ acteur, entree, depots, services }) {
    const p = (await depots.parcours.parId(entree.id))!;
    exigerEnCours(p, "proposer un rendez-vous est");
    const maintenant = services.horloge.maintenant().toISOString();
    const debut = new Date(entree.debut).toISOString();
    if (debut <= maintenant)
      throw new ErreurValidation([{ champ: "debut", message: "Le rendez-vous doit être dans le futur." }]);
    if (entree.modalite === "presentiel") {
      const site = entree.siteId && (await depots.sites.parId(entree.siteId));
      if (!site || site.operateurId !== p.operateurId)
        throw new ErreurValidation([
          {
            champ: "siteId",
            message: "Un rendez-vous en présentiel a lieu sur un site de l'opérateur : choisissez-le.",
          },
        ]);
    }
    const r = {
      id: randomUUID(),
      parcoursId: p.id,
      auteurId: auteur(acteur),
      debut,
      dureeMinutes: entree.dureeMinutes,
      modalite: entree.modalite,
      siteId: entree.modalite === "presentiel" ? entree.siteId : null,
      lieu: entree.modalite === "presentiel" ? null : entree.lieu,
      statut: "propose" as const,
      creeLe: maintenant,
      modifieLe: maintenant,
    };
    await depots.rendezVous.creer(r);
    const complet = { ...r, version: 1, rappelEnvoyeLe: null };
    await courrielRendezVous(depots, services, p, complet, "invitation");
    return { ...complet, horsHeuresOuvrees: horsHeuresOuvrees(debut, decalageParis(debut)) };
  },
  audit: (_e, r) => ({ objetType: "rendez_vous", objetId: r.id }),
});

export const listerRendezVous = casUsage({
  nom: "parcours.rendez_vous.lister",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ entree, depots }) {
    const liste = await depots.rendezVous.lister(entree.id);
    const sites = new Map(
      (
        await Promise.all(
          [...new Set(liste.map((r) => r.siteId).filter((x): x is string => !!x))].map((id) =>
            depots.sites.parId(id),
          ),
        )
      )
        .filter((s) => !!s)
        .map((s) => [s!.id, s!]),
    );
    return liste.map((r) => ({
      ...r,
      lieuAffiche: lieuRendezVous(r, r.siteId ? sites.get(r.siteId) : undefined),
      horsHeuresOuvrees: horsHeuresOuvrees(r.debut, decalageParis(r.debut)),
    }));
  },
});

/** Le bénéficiaire confirme ou annule ; le conseiller peut annuler. */
export const repondreRendezVous = casUsage({
  nom: "parcours.rendez_vous.repondre",
  entree: z.object({
    id: idParcours,
    rendezVousId: z.uuid("Identifiant de rendez-vous invalide."),
    version: versionAttendue,
    statut: z.enum(["confirme", "annule"], { error: "Répondez « confirme » ou « annule »." }),
  }),
  async autoriser({ acteur, entree, depots }) {
    const p = await chargerParcoursAutorise(acteur, depots, entree.id);
    const r = await depots.rendezVous.parId(entree.rendezVousId);
    if (!r || r.parcoursId !== p.id) throw new ErreurIntrouvable("Ce rendez-vous n'existe pas.");
    if (entree.statut === "confirme" && !estBeneficiaire(acteur))
      throw new ErreurAccesRefuse("Seul le bénéficiaire confirme sa présence.", sujetParcours(p));
    return { ...sujetParcours(p), objetType: "rendez_vous", objetId: r.id };
  },
  async executer({ acteur, entree, depots, services }) {
    const r = (await depots.rendezVous.parId(entree.rendezVousId))!;
    if (r.statut === "annule")
      throw new ErreurValidation([{ champ: "statut", message: "Ce rendez-vous est déjà annulé." }]);
    const maintenant = services.horloge.maintenant().toISOString();
    if (r.debut <= maintenant)
      throw new ErreurValidation([{ champ: "statut", message: "Ce rendez-vous est passé." }]);
    if (!(await depots.rendezVous.changerStatut(r.id, entree.version, entree.statut, maintenant)))
      throw new ErreurConflit(
        "Ce rendez-vous a été modifié entre-temps. Rechargez la page pour voir son état.",
      );
    const p = (await depots.parcours.parId(entree.id))!;
    const apres = (await depots.rendezVous.parId(r.id))!;
    if (entree.statut === "annule" && !estBeneficiaire(acteur))
      await courrielRendezVous(depots, services, p, apres, "annulation");
    if (estBeneficiaire(acteur) && p.referentId) {
      const c = await depots.comptes.parId(p.referentId);
      const b = await depots.comptes.parId(p.beneficiaireId);
      if (c?.actif)
        await services.messagerie.envoyer({
          a: c.email,
          sujet: `Rendez-vous ${entree.statut === "confirme" ? "confirmé" : "annulé"} par ${b?.prenom} ${b?.nom}`,
          texte: `Bonjour ${c.prenom},\n\n${b?.prenom} ${b?.nom} a ${entree.statut === "confirme" ? "confirmé" : "annulé"} le rendez-vous du ${dateParis(r.debut)}.\n\n${services.parametres.publicUrl}/conseiller/dossiers/${p.id}`,
        });
    }
    return apres;
  },
});

/**
 * Tâche planifiée : rappel la veille des rendez-vous (entre 24 h et 48 h avant), aux bénéficiaires qui l'acceptent.
 * Idempotente et sûre entre processus : chaque rappel est « réservé » par une écriture conditionnelle avant l'envoi.
 */
export const envoyerRappels = casUsage({
  nom: "tache.rappels",
  entree: z.object({}),
  autoriser: ({ acteur }) => {
    if (acteur.type !== "systeme") throw new ErreurAccesRefuse("Tâche réservée au système.");
    return {};
  },
  async executer({ depots, services }) {
    const maintenant = services.horloge.maintenant();
    const de = new Date(maintenant.getTime() + 24 * 3_600_000).toISOString();
    const a = new Date(maintenant.getTime() + 48 * 3_600_000).toISOString();
    let envoyes = 0;
    let sansAccord = 0;
    for (const r of await depots.rendezVous.aRappeler(de, a)) {
      if (!(await depots.rendezVous.marquerRappel(r.id, maintenant.toISOString()))) continue;
      const p = (await depots.parcours.parId(r.parcoursId))!;
      const accord = (await depots.consentements.lister(p.beneficiaireId)).find((c) => c.type === "rappels");
      // Sans réponse explicite, le rappel est envoyé (il sert le rendez-vous) ; un refus explicite est respecté.
      if (accord && !accord.accorde) {
        sansAccord++;
        continue;
      }
      await courrielRendezVous(depots, services, p, r, "rappel");
      envoyes++;
    }
    return { envoyes, sansAccord };
  },
  audit: (_e, r) => ({ objetType: "tache", details: r }),
});

// ——— Chronologie ———

export interface EvenementChronologie {
  le: string;
  type: "transition" | "entretien" | "note" | "message" | "rendez_vous" | "transfert" | "reunion";
  titre: string;
  detail: string | null;
  auteur: { id: string; prenom: string; nom: string } | null;
}

export const lireJournal = casUsage({
  nom: "parcours.journal.lire",
  entree: z.object({ id: idParcours }),
  async autoriser({ acteur, entree, depots }) {
    return sujetParcours(await chargerParcoursAutorise(acteur, depots, entree.id));
  },
  async executer({ acteur, entree, depots }) {
    const beneficiaire = estBeneficiaire(acteur);
    const parcours = (await depots.parcours.parId(entree.id))!;
    const [transitions, entretiens, notes, messages, rdv, transferts, reunions] = await Promise.all([
      depots.transitions.lister(entree.id),
      beneficiaire ? Promise.resolve([]) : depots.entretiens.lister(entree.id),
      depots.notes.lister(entree.id, beneficiaire),
      depots.messages.lister(entree.id),
      depots.rendezVous.lister(entree.id),
      beneficiaire ? Promise.resolve([]) : depots.transferts.lister(entree.id),
      depots.reunions.inscriptionsDuCompte(parcours.beneficiaireId),
    ]);
    const nom = await noms(depots, [
      ...transitions.map((t) => t.auteurId),
      ...entretiens.map((e) => e.auteurId),
      ...notes.map((n) => n.auteurId),
      ...messages.map((m) => m.auteurId),
      ...rdv.map((r) => r.auteurId),
      ...transferts.map((t) => t.auteurId),
    ]);
    const qui = (id: string | null) => {
      const c = nom(id);
      return c ? { id: c.id, prenom: c.prenom, nom: c.nom } : null;
    };
    const ev: EvenementChronologie[] = [
      ...transitions.map((t) => ({
        le: t.le,
        type: "transition" as const,
        titre:
          t.type === "ouverture" || t.type === "passage"
            ? `${LIBELLES_TRANSITION[t.type]} : ${etiquetteEtape(t)}`
            : t.type === "cloture"
              ? `Clôture : ${LIBELLES_MOTIF_CLOTURE[t.motif]}`
              : LIBELLES_TRANSITION[t.type],
        detail:
          t.type === "pause"
            ? `${t.motif} — retour prévu le ${t.retourPrevu}`
            : t.type === "cloture"
              ? t.commentaire
              : null,
        auteur: qui(t.auteurId),
      })),
      ...entretiens.map((e) => ({
        le: e.le,
        type: "entretien" as const,
        titre: `Entretien (${LIBELLES_MODALITE[e.modalite]}, ${e.dureeMinutes} min)`,
        detail: e.resume,
        auteur: qui(e.auteurId),
      })),
      ...notes.map((n) => ({
        le: n.creeLe,
        type: "note" as const,
        titre: n.partagee ? "Note partagée" : "Note privée",
        detail: n.texte,
        auteur: qui(n.auteurId),
      })),
      ...messages.map((m) => ({
        le: m.creeLe,
        type: "message" as const,
        titre: "Message",
        detail: m.texte,
        auteur: qui(m.auteurId),
      })),
      ...rdv.map((r) => ({
        le: r.creeLe,
        type: "rendez_vous" as const,
        titre: `Rendez-vous proposé pour le ${dateParis(r.debut)} (${r.statut === "propose" ? "en attente" : r.statut === "confirme" ? "confirmé" : "annulé"})`,
        detail: null,
        auteur: qui(r.auteurId),
      })),
      ...transferts.map((t) => ({
        le: t.creeLe,
        type: "transfert" as const,
        titre:
          t.type === "reorientation"
            ? `Réorientation vers un autre opérateur (${t.statut === "en_attente" ? "en attente" : t.statut === "accepte" ? "acceptée" : "refusée"})`
            : t.type === "temporaire"
              ? `Remplacement temporaire jusqu'au ${t.jusquAu}`
              : "Changement de référent",
        detail: [t.motif, t.reponse].filter(Boolean).join(" — ") || null,
        auteur: qui(t.auteurId),
      })),
      // Réunions d'information de cet opérateur auxquelles la présence a été notée.
      ...reunions
        .filter((i) => i.reunion.operateurId === parcours.operateurId && i.present !== null && !i.annuleeLe)
        .map((i) => ({
          le: i.reunion.debut,
          type: "reunion" as const,
          titre: `Réunion d'information « ${i.reunion.theme} » : ${i.present ? "présent·e" : "absent·e"}`,
          detail: null,
          auteur: null,
        })),
    ];
    return ev.sort((a, b) => (a.le < b.le ? 1 : a.le > b.le ? -1 : 0));
  },
});
