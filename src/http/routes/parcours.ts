import { z } from "zod";
import {
  affecterReferent,
  creerParcours,
  destinationsTransfert,
  effectuerTransition,
  lireParcours,
  listerParcours,
  listerReorientations,
  modifierSituation,
  PAR_PAGE_DEFAUT,
  PAR_PAGE_MAX,
  repondreReorientation,
  transfererParcours,
} from "../../app/parcours/parcours.js";
import { partagerParcours, retirerPartage } from "../../app/parcours/partage.js";
import {
  creerEntretien,
  creerNote,
  ecrireMessage,
  lireJournal,
  listerEntretiens,
  listerMessages,
  listerNotes,
  listerRendezVous,
  modifierNote,
  proposerRendezVous,
  repondreRendezVous,
} from "../../app/parcours/suivi.js";
import { PHASES, STATUTS_PARCOURS } from "../../domain/parcours.js";
import { corpsEtParametres, exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const id = z.object({ id: z.uuid() });

const personne = z.object({ id: z.string(), prenom: z.string(), nom: z.string() });
/** Un dossier de la liste (champs du parcours, noms utiles à l'écran, dernier contact, prochain rendez-vous). */
const dossierListe = z.looseObject({
  id: z.string(),
  beneficiaireId: z.string(),
  operateurId: z.string(),
  referentId: z.string().nullable(),
  niveau: z.union([z.literal(1), z.literal(2)]),
  phase: z.enum(PHASES).nullable(),
  statut: z.enum(STATUTS_PARCOURS),
  version: z.number(),
  creeLe: z.string(),
  modifieLe: z.string(),
  beneficiaire: personne.extend({ email: z.string(), demo: z.boolean() }),
  referent: personne.nullable(),
  suppleant: personne.nullable(),
  operateur: z.object({ id: z.string(), nom: z.string() }),
  handicapMasque: z.boolean(),
  /** Dernier entretien ou message (ISO 8601), null s'il n'y en a pas. */
  dernierContact: z.string().nullable(),
  /** Prochain rendez-vous non annulé (ISO 8601), null s'il n'y en a pas. */
  prochainRendezVous: z.string().nullable(),
});
export async function routesParcours(app: App, o: OptionsServeur) {
  const s = o.services;
  const tags = ["Parcours"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours",
    cas: listerParcours,
    resume:
      "Parcours visibles, page par page : les siens (bénéficiaire), ceux dont on est référent, suppléant ou de la file d'attente (conseiller), ceux de l'opérateur (responsable) ; filtres, recherche par nom et nombre total",
    tags,
    schema: {
      querystring: z.object({
        mesDossiers: z.enum(["true", "false"]).optional(),
        sansReferent: z.enum(["true", "false"]).optional(),
        niveau: z.enum(["1", "2"]).optional(),
        phase: z.enum(["conseil", "mise_en_oeuvre"]).optional(),
        statut: z.enum(["en_cours", "en_pause", "clos"]).optional(),
        sansContactJours: z.string().optional(),
        rendezVousJours: z.string().optional(),
        recherche: z.string().optional(),
        page: z.string().optional().describe("Numéro de la page, à partir de 1 (1 par défaut)."),
        parPage: z
          .string()
          .optional()
          .describe(`Dossiers par page (${PAR_PAGE_DEFAUT} par défaut, ${PAR_PAGE_MAX} au plus).`),
      }),
      response: {
        200: z.object({
          /** Les dossiers de la page, le plus récemment modifié d'abord. */
          dossiers: z.array(dossierListe),
          /** Nombre de dossiers qui répondent aux filtres, toutes pages confondues. */
          total: z.number().int(),
          page: z.number().int(),
          parPage: z.number().int(),
        }),
      },
    },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours",
    cas: creerParcours,
    resume:
      "Ouvrir un parcours (et le compte du bénéficiaire s'il n'existe pas), au niveau 1 ou directement au niveau 2",
    tags,
    statut: 201,
    schema: { body: creerParcours.entree },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id",
    cas: lireParcours,
    resume: "Lire un parcours (dossier CEP) avec son historique de transitions et ses durées par niveau",
    tags,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/transitions",
    cas: effectuerTransition,
    resume:
      "Changer d'étape, mettre en pause, reprendre ou clôturer (avec la version lue : 409 si elle a changé)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: effectuerTransition.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/situation",
    cas: modifierSituation,
    resume:
      "Modifier la situation et la demande du bénéficiaire (avec la version lue : 409 si elle a changé)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: modifierSituation.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/referent",
    cas: affecterReferent,
    resume: "Désigner le référent (responsable) ou prendre en charge un dossier de la file (conseiller)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: affecterReferent.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/transferts",
    cas: transfererParcours,
    resume: "Transférer : à un conseiller (temporaire ou définitif) ou à un autre opérateur (réorientation)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: transfererParcours.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/partages",
    cas: partagerParcours,
    resume: "Partager le dossier avec un conseiller de l'opérateur (co-suivi)",
    tags,
    statut: 201,
    entree: corpsEtParametres,
    schema: { params: id, body: partagerParcours.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "DELETE",
    url: "/api/v1/parcours/:id/partages/:conseillerId",
    cas: retirerPartage,
    resume: "Retirer le partage du dossier avec un conseiller",
    tags,
    statut: 204,
    schema: { params: z.object({ id: z.uuid(), conseillerId: z.uuid() }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/destinations",
    cas: destinationsTransfert,
    resume: "Conseillers de l'opérateur et autres opérateurs vers lesquels transférer le dossier",
    tags,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/reorientations",
    cas: listerReorientations,
    resume: "Réorientations adressées à son opérateur, en attente de réponse (responsable)",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/reorientations/:id/reponse",
    cas: repondreReorientation,
    resume: "Accepter ou refuser une réorientation (responsable de l'opérateur d'accueil)",
    tags,
    entree: corpsEtParametres,
    schema: { params: id, body: repondreReorientation.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/journal",
    cas: lireJournal,
    resume: "Chronologie du dossier (le bénéficiaire n'y voit ni les notes privées ni les entretiens)",
    tags,
    schema: { params: id },
  });

  const tagsSuivi = ["Suivi du parcours"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/notes",
    cas: listerNotes,
    resume: "Notes du dossier (le bénéficiaire ne voit que les notes partagées)",
    tags: tagsSuivi,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/notes",
    cas: creerNote,
    resume: "Écrire une note, privée aux conseillers de l'opérateur ou partagée avec le bénéficiaire",
    tags: tagsSuivi,
    statut: 201,
    entree: corpsEtParametres,
    schema: { params: id, body: creerNote.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/notes/:noteId",
    cas: modifierNote,
    resume: "Modifier une note (avec la version lue : 409 si elle a changé)",
    tags: tagsSuivi,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), noteId: z.uuid() }),
      body: modifierNote.entree.omit({ id: true, noteId: true }),
    },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/entretiens",
    cas: listerEntretiens,
    resume: "Entretiens consignés (personnel de l'opérateur)",
    tags: tagsSuivi,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/entretiens",
    cas: creerEntretien,
    resume: "Consigner un entretien : modalité, date, durée, participants, compte rendu",
    tags: tagsSuivi,
    statut: 201,
    entree: corpsEtParametres,
    schema: { params: id, body: creerEntretien.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/messages",
    cas: listerMessages,
    resume: "Échanges écrits entre le bénéficiaire et ses conseillers",
    tags: tagsSuivi,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/messages",
    cas: ecrireMessage,
    resume: "Écrire un message (le destinataire est prévenu par courriel, sans le contenu)",
    tags: tagsSuivi,
    statut: 201,
    entree: corpsEtParametres,
    schema: { params: id, body: ecrireMessage.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/rendez-vous",
    cas: listerRendezVous,
    resume: "Rendez-vous du parcours",
    tags: tagsSuivi,
    schema: { params: id },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/rendez-vous",
    cas: proposerRendezVous,
    resume:
      "Proposer un rendez-vous (y compris hors heures ouvrées) : invitation par courriel avec pièce jointe .ics",
    tags: tagsSuivi,
    statut: 201,
    entree: corpsEtParametres,
    schema: { params: id, body: proposerRendezVous.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/parcours/:id/rendez-vous/:rendezVousId/reponse",
    cas: repondreRendezVous,
    resume: "Confirmer (bénéficiaire) ou annuler un rendez-vous",
    tags: tagsSuivi,
    entree: corpsEtParametres,
    schema: {
      params: z.object({ id: z.uuid(), rendezVousId: z.uuid() }),
      body: repondreRendezVous.entree.omit({ id: true, rendezVousId: true }),
    },
  });
}
