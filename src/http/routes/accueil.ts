import { deposerDemande, listerOperateursAccueil } from "../../app/accueil/demandes.js";
import { exposer } from "../exposer.js";
import type { App, OptionsServeur } from "../serveur.js";

const tags = ["Accueil"];

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
}
