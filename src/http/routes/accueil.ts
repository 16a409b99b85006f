import { z } from "zod";
import { deposerDemande, listerOperateursAccueil } from "../../app/accueil/demandes.js";
import { enregistrerEtatDesLieux, lireEtatDesLieux } from "../../app/accueil/etatDesLieux.js";
import {
  annulerInscriptionReunion,
  enregistrerPresenceReunion,
  inscrireBeneficiaireReunion,
  listerInscriptionsReunion,
  listerReunions,
  listerReunionsDossier,
  planifierReunion,
  sInscrireReunion,
} from "../../app/accueil/reunions.js";
import { corpsEtParametres, exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Accueil"];
const id = z.object({ id: z.uuid() });
export async function routesAccueil(app: App, o: OptionsServeur) {
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/accueil/operateurs",
    cas: listerOperateursAccueil,
    publique: true,
    resume: "Opérateurs présents sur la plateforme (pour adresser une demande)",
    tags,
    entree: () => ({}),
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/accueil/demandes",
    cas: deposerDemande,
    publique: true,
    statut: 201,
    resume: "Déposer une demande de CEP auprès d'un opérateur (crée le compte et un parcours de niveau 1)",
    tags,
    schema: { body: deposerDemande.entree },
    // Ni identifiant de compte ni de parcours dans la réponse publique : seulement l'opérateur destinataire.
    repondre: (reply, r) =>
      reply.status(201).send({
        operateur: r.operateur,
        message: `Votre demande est transmise à ${r.operateur.nom}. Un courriel vous a été envoyé pour la suite.`,
      }),
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/etat-des-lieux",
    cas: lireEtatDesLieux,
    resume: "État des lieux de niveau 1 du parcours (null s'il n'est pas encore rempli)",
    tags: ["Parcours"],
    schema: { params: id },
  });
  exposer(app, o.services, {
    methode: "PUT",
    url: "/api/v1/parcours/:id/etat-des-lieux",
    cas: enregistrerEtatDesLieux,
    resume:
      "Remplir ou modifier l'état des lieux de niveau 1 (version lue, 0 la première fois : 409 si elle a changé)",
    tags: ["Parcours"],
    entree: corpsEtParametres,
    schema: { params: id, body: enregistrerEtatDesLieux.entree.omit({ id: true }) },
  });

  const tagsReunions = ["Réunions d'information"];
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/reunions",
    cas: listerReunions,
    publique: true,
    resume: "Réunions collectives d'information à venir, avec les places restantes",
    tags: tagsReunions,
    entree: () => ({}),
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/reunions",
    cas: planifierReunion,
    statut: 201,
    resume: "Planifier une réunion d'information (thème, site ou à distance, date, places)",
    tags: tagsReunions,
    schema: { body: planifierReunion.entree },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/reunions/:id/inscriptions",
    cas: sInscrireReunion,
    publique: true,
    statut: 201,
    resume: "S'inscrire à une réunion (nom, adresse) : place confirmée ou liste d'attente",
    tags: tagsReunions,
    entree: corpsEtParametres,
    schema: { params: id, body: sInscrireReunion.entree.omit({ id: true }) },
    // Réponse publique : la place seulement, sans identifiant de compte.
    repondre: (reply, r) =>
      reply.status(201).send({ id: r.id, place: r.place, rangAttente: r.rangAttente, version: r.version }),
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/reunions/:id/inscriptions-dossier",
    cas: inscrireBeneficiaireReunion,
    statut: 201,
    resume: "Inscrire la personne d'un dossier à une réunion de son opérateur (conseiller)",
    tags: tagsReunions,
    entree: corpsEtParametres,
    schema: { params: id, body: inscrireBeneficiaireReunion.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/reunions/:id/inscriptions",
    cas: listerInscriptionsReunion,
    resume: "Inscriptions d'une réunion dans l'ordre, avec la place de chacune (personnel de l'opérateur)",
    tags: tagsReunions,
    schema: { params: id },
  });
  exposer(app, o.services, {
    methode: "POST",
    url: "/api/v1/inscriptions-reunion/:id/annulation",
    cas: annulerInscriptionReunion,
    resume: "Annuler une inscription (la première personne en attente monte)",
    tags: tagsReunions,
    entree: corpsEtParametres,
    schema: { params: id, body: annulerInscriptionReunion.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "PUT",
    url: "/api/v1/inscriptions-reunion/:id/presence",
    cas: enregistrerPresenceReunion,
    resume: "Noter la présence (ou l'absence) d'une personne inscrite",
    tags: tagsReunions,
    entree: corpsEtParametres,
    schema: { params: id, body: enregistrerPresenceReunion.entree.omit({ id: true }) },
  });
  exposer(app, o.services, {
    methode: "GET",
    url: "/api/v1/parcours/:id/reunions",
    cas: listerReunionsDossier,
    resume:
      "Réunions à venir de l'opérateur du dossier, avec l'inscription de la personne (place ou rang d'attente)",
    tags: tagsReunions,
    entree: (r) => ({ parcoursId: (r.params as { id: string }).id }),
    schema: { params: id },
  });
}
