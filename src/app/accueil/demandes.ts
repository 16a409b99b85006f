import { randomUUID } from "node:crypto";
import { z } from "zod";
import { LIBELLES_MODALITE, MODALITES, type StatutActivite } from "../../domain/dossier.js";
import { STATUTS_ORIENTATION, type StatutOrientation } from "../../domain/orientation.js";
import { appliquer, type TransitionDatee } from "../../domain/parcours.js";
import { envoyerLienMotDePasse } from "../comptes/motDePasse.js";
import { ErreurConflit, ErreurValidation } from "../erreurs.js";
import { casUsage } from "../pipeline.js";

/**
 * Demande déposée par une personne depuis le résultat « Où m'adresser ? » (niveau 1) : elle crée le compte (lien
 * d'activation par courriel, le même mécanisme que pour un compte créé par un conseiller) et un parcours de niveau 1
 * sans référent, dans la file d'attente de l'opérateur choisi. Une nouvelle demande pour la même adresse, alors qu'un
 * parcours est ouvert chez cet opérateur, complète ce parcours au lieu d'en ouvrir un second.
 */

/** Opérateurs présents sur la plateforme, pour proposer le choix parmi les opérateurs compétents. */
export const listerOperateursAccueil = casUsage({
  nom: "accueil.operateurs",
  entree: z.object({}),
  autoriser: () => undefined,
  audit: false,
  async executer({ depots }) {
    return (await depots.operateurs.lister())
      .map((o) => ({ id: o.id, nom: o.nom, type: o.type, codeRegion: o.codeRegion }))
      .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
  },
});

const STATUT_ACTIVITE: Record<StatutOrientation, StatutActivite> = {
  salarie_prive: "salarie_prive",
  apprenti: "salarie_prive",
  salarie_public: "agent_public",
  independant: "independant",
  demandeur_emploi: "demandeur_emploi",
  etudiant: "autre",
  retraite: "autre",
  sans_activite: "autre",
};

const texte = (max: number, libelle: string) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .max(max, `${libelle} : ${max} caractères au plus.`);

export const schemaDemande = z
  .object({
    operateurId: z.uuid("Choisissez l'opérateur auquel adresser votre demande."),
    prenom: texte(100, "Prénom").min(1, "Le prénom est obligatoire."),
    nom: texte(100, "Nom").min(1, "Le nom est obligatoire."),
    email: z
      .string({ error: "L'adresse électronique est obligatoire." })
      .trim()
      .toLowerCase()
      .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr."),
    demande: texte(4000, "Votre demande").min(
      10,
      "Décrivez votre demande avec vos mots (10 caractères au moins).",
    ),
    statut: z.enum(STATUTS_ORIENTATION, { error: "Choisissez votre situation." }),
    codePostal: z
      .string({ error: "Code postal attendu." })
      .trim()
      .regex(/^\d{5}$/, "Le code postal comporte 5 chiffres (ex. 69003)."),
    disponibilites: texte(500, "Vos disponibilités").min(
      1,
      "Indiquez quand vous êtes disponible (jours, horaires).",
    ),
    modalite: z.enum(MODALITES, { error: "Choisissez la façon dont vous préférez échanger." }),
    consentementContact: z.literal(true, {
      error: "Sans votre accord, l'opérateur ne peut pas vous contacter pour répondre à votre demande.",
    }),
  })
  .strict();

function texteDemande(e: z.output<typeof schemaDemande>, le: string) {
  return [
    e.demande,
    "",
    `Disponibilités : ${e.disponibilites}`,
    `Modalité préférée : ${LIBELLES_MODALITE[e.modalite]}`,
    `Accepte d'être contacté·e : oui (demande en ligne du ${le.slice(0, 10)})`,
  ].join("\n");
}

export const deposerDemande = casUsage({
  nom: "accueil.demande.deposer",
  entree: schemaDemande,
  autoriser: () => ({ objetType: "parcours" }),
  async executer({ entree, depots, services }) {
    const operateur = await depots.operateurs.parId(entree.operateurId);
    if (!operateur)
      throw new ErreurValidation([
        { champ: "operateurId", message: "Cet opérateur n'est pas présent sur la plateforme." },
      ]);
    const maintenant = services.horloge.maintenant().toISOString();
    let compte = await depots.comptes.parEmailAvecSecret(entree.email);
    if (compte && compte.role !== "beneficiaire")
      throw new ErreurValidation([
        { champ: "email", message: "Cette adresse ne peut pas être utilisée pour une demande." },
      ]);
    const nouveau = !compte;
    if (!compte) {
      const c = {
        id: randomUUID(),
        email: entree.email,
        prenom: entree.prenom,
        nom: entree.nom,
        role: "beneficiaire" as const,
        operateurId: null,
        actif: true,
        demo: false,
        creeLe: maintenant,
        hashMotDePasse: null,
      };
      await depots.comptes.creer(c);
      compte = { ...c, version: 1, echecsConnexion: 0, verrouilleJusquA: null };
    }
    const corps = texteDemande(entree, maintenant);
    const ouvert = (await depots.parcours.listerParBeneficiaire(compte.id)).find(
      (p) => p.operateurId === operateur.id && p.statut !== "clos",
    );
    let parcoursId: string;
    if (ouvert) {
      // Doublon : la demande complète le parcours ouvert, elle n'en crée pas un second.
      parcoursId = ouvert.id;
      const demande = `${ouvert.demande ? `${ouvert.demande}\n\n— Nouvelle demande en ligne —\n` : ""}${corps}`;
      if (!(await depots.parcours.modifier(ouvert.id, ouvert.version, { demande }, maintenant)))
        throw new ErreurConflit();
    } else {
      const ouverture: TransitionDatee = { type: "ouverture", niveau: 1, phase: null, le: maintenant };
      const r = appliquer(null, ouverture);
      if (!r.ok) throw new ErreurValidation([{ champ: r.champ, message: r.raison }]);
      parcoursId = randomUUID();
      await depots.parcours.creer({
        id: parcoursId,
        beneficiaireId: compte.id,
        operateurId: operateur.id,
        referentId: null,
        ...r.etat,
        demande: corps,
        situation: {
          statut: STATUT_ACTIVITE[entree.statut],
          secteur: null,
          qualification: null,
          trancheAge: null,
          commune: entree.codePostal,
          handicap: null,
        },
        creeLe: maintenant,
        modifieLe: maintenant,
      });
      await depots.transitions.ajouter({ ...ouverture, id: randomUUID(), parcoursId, auteurId: null });
    }
    if (nouveau)
      await envoyerLienMotDePasse(depots, services, compte, {
        sujet: "Confirmez votre adresse — Conseil en évolution professionnelle",
        introduction: `Votre demande de conseil en évolution professionnelle a été transmise à ${operateur.nom}. Confirmez votre adresse électronique en choisissant votre mot de passe : vous suivrez ensuite votre demande, vos rendez-vous et vos échanges dans votre espace.`,
        validiteMinutes: 7 * 24 * 60,
      });
    else
      await services.messagerie.envoyer({
        a: compte.email,
        sujet: "Votre demande a bien été reçue — Conseil en évolution professionnelle",
        texte: `Bonjour ${compte.prenom},\n\nVotre demande a été transmise à ${operateur.nom}${ouvert ? " ; elle complète la demande que vous aviez déjà déposée" : ""}. Vous la retrouvez dans votre espace : ${services.parametres.publicUrl}/connexion\n`,
      });
    // Même réponse que l'adresse soit connue ou non : rien ne révèle l'existence d'un compte.
    return { operateur: { id: operateur.id, nom: operateur.nom }, beneficiaireId: compte.id, parcoursId };
  },
  audit: (_e, r) => ({ beneficiaireId: r.beneficiaireId, objetType: "parcours", objetId: r.parcoursId }),
});
