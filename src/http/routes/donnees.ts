import { z } from "zod";
import {
  demanderEffacement,
  enregistrerConsentement,
  exporterMesDonnees,
  lireAccesDossier,
  lireMesAcces,
  listerConsentements,
  listerDemandesEffacement,
  listerMesDemandesEffacement,
  traiterDemandeEffacement,
} from "../../app/moi/donnees.js";
import { TYPES_CONSENTEMENT } from "../../domain/dossier.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

/** « Mes données » du bénéficiaire : journal d'accès, consentements, export, effacement (RGPD). */
export async function routesDonnees(app: App, o: OptionsServeur) {
  const s = o.services;
  const tags = ["Mes données"];
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/moi/acces",
    cas: lireMesAcces,
    resume: "Qui a accédé à mon dossier, et quand (journal d'audit)",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/moi/export",
    cas: exporterMesDonnees,
    resume: "Exporter toutes mes données : JSON (défaut) ou HTML lisible (format=html)",
    tags,
    schema: { querystring: z.object({ format: z.enum(["json", "html"]).optional() }) },
    repondre: (reply, r) => {
      if (r.format === "html")
        return reply
          .type("text/html; charset=utf-8")
          .header("content-disposition", 'attachment; filename="mes-donnees-cep.html"')
          .send(r.contenu);
      return reply
        .header("content-disposition", 'attachment; filename="mes-donnees-cep.json"')
        .send(r.contenu);
    },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/moi/consentements",
    cas: listerConsentements,
    resume: "Mes consentements (partage de la synthèse, rappels, données de santé)",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "PUT",
    url: "/api/v1/moi/consentements/:type",
    cas: enregistrerConsentement,
    resume: "Donner ou retirer un consentement (avec la version lue)",
    tags,
    entree: (req) => ({ ...(req.body as object), ...(req.params as object) }),
    schema: {
      params: z.object({ type: z.enum(TYPES_CONSENTEMENT) }),
      body: enregistrerConsentement.entree.omit({ type: true }),
    },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/moi/effacement",
    cas: listerMesDemandesEffacement,
    resume: "Mes demandes d'effacement et leur état",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/moi/effacement",
    cas: demanderEffacement,
    resume: "Demander l'effacement de mes données (traité par l'opérateur dans les limites légales)",
    tags,
    statut: 201,
    schema: { body: demanderEffacement.entree },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/effacements",
    cas: listerDemandesEffacement,
    resume: "Demandes d'effacement en attente des personnes suivies par son opérateur (responsable)",
    tags,
    entree: () => ({}),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/effacements/:id/reponse",
    cas: traiterDemandeEffacement,
    resume:
      "Traiter une demande d'effacement : effectuer (anonymisation) ou refuser avec la raison (responsable)",
    tags,
    entree: (req) => ({ ...(req.body as object), ...(req.params as object) }),
    schema: { params: z.object({ id: z.uuid() }), body: traiterDemandeEffacement.entree.omit({ id: true }) },
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/parcours/:id/acces",
    cas: lireAccesDossier,
    resume: "Journal d'accès d'un dossier (personnel de l'opérateur) : qui l'a consulté ou modifié, et quand",
    tags,
    schema: { params: z.object({ id: z.uuid() }) },
  });
}
