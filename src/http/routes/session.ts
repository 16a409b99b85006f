import { z } from "zod";
import { lireSession } from "../../app/comptes/comptes.js";
import {
  demanderReinitialisation,
  reinitialiserMotDePasse,
  seDeconnecter,
} from "../../app/comptes/motDePasse.js";
import { seConnecter } from "../../app/comptes/seConnecter.js";
import { lireAccueil } from "../../app/moi/accueil.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";
import { effacerCookieSession, poserCookieSession } from "../session.js";

const tags = ["Session et comptes"];

export async function routesSession(app: App, o: OptionsServeur) {
  const s = o.services;
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/session",
    cas: lireSession,
    publique: true,
    resume: "Personne connectée et jeton CSRF",
    tags,
    entree: () => ({}),
    repondre: (reply, r, req) => reply.send(r.connecte ? { ...r, jetonCsrf: req.jetonCsrf } : r),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/session",
    cas: seConnecter,
    publique: true,
    resume: "Se connecter (adresse électronique et mot de passe)",
    tags,
    schema: { body: seConnecter.entree },
    repondre: (reply, r) => {
      poserCookieSession(reply, r.jeton, o.cookieSecurise);
      return reply.status(201).send({ compte: r.compte, jetonCsrf: r.jetonCsrf, expireLe: r.expireLe });
    },
  });
  exposer(app, s, {
    methode: "DELETE",
    url: "/api/v1/session",
    cas: seDeconnecter,
    resume: "Se déconnecter",
    tags,
    entree: (req) => ({ sessionId: req.sessionId ?? "" }),
    repondre: (reply) => {
      effacerCookieSession(reply, o.cookieSecurise);
      return reply.status(204).send();
    },
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/mot-de-passe/oubli",
    cas: demanderReinitialisation,
    publique: true,
    resume: "Recevoir un lien de réinitialisation du mot de passe",
    tags,
    schema: { body: demanderReinitialisation.entree },
    statut: 202,
    repondre: (reply) =>
      reply.status(202).send({
        message:
          "Si un compte correspond à cette adresse, un lien de réinitialisation vient d'y être envoyé.",
      }),
  });
  exposer(app, s, {
    methode: "POST",
    url: "/api/v1/mot-de-passe/reinitialisation",
    cas: reinitialiserMotDePasse,
    publique: true,
    resume: "Choisir un nouveau mot de passe avec le lien reçu",
    tags,
    schema: { body: reinitialiserMotDePasse.entree },
    repondre: (reply) =>
      reply.send({ message: "Votre mot de passe est enregistré. Vous pouvez vous connecter." }),
  });
  exposer(app, s, {
    methode: "GET",
    url: "/api/v1/moi/accueil",
    cas: lireAccueil,
    resume: "Résumé de la page d'accueil de la personne connectée",
    tags,
    entree: () => ({}),
    schema: { response: { 200: z.record(z.string(), z.unknown()) } },
  });
}
