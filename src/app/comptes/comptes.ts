import { randomUUID } from "node:crypto";
import { z } from "zod";
import { raisonRefusMotDePasse } from "../../domain/motDePasse.js";
import { ROLES, roleExigeOperateur } from "../../domain/organisation.js";
import { exigerRole, peutVoirCompte } from "../autorisations.js";
import { ErreurAccesRefuse, ErreurDoublon, ErreurIntrouvable, ErreurValidation } from "../erreurs.js";
import { casUsage, exigerConnecte } from "../pipeline.js";
import { envoyerLienMotDePasse } from "./motDePasse.js";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.");

export const creerCompte = casUsage({
  nom: "compte.creer",
  entree: z.object({
    email,
    prenom: z.string().trim().min(1, "Le prénom est obligatoire.").max(100, "Le prénom est trop long."),
    nom: z.string().trim().min(1, "Le nom est obligatoire.").max(100, "Le nom est trop long."),
    role: z.enum(ROLES, { error: `Rôle inconnu ; valeurs possibles : ${ROLES.join(", ")}.` }),
    operateurId: z.uuid("Identifiant d'opérateur invalide.").nullish(),
    /** Facultatif : sans mot de passe, la personne reçoit un lien d'activation pour le choisir elle-même. */
    motDePasse: z.string().optional(),
  }),
  autoriser: ({ acteur, entree }) => {
    const a = exigerRole(acteur, "admin", "responsable");
    // Un responsable ne crée que des conseillers de son propre opérateur.
    if (a.role === "responsable" && (entree.role !== "conseiller" || entree.operateurId !== a.operateurId))
      throw new ErreurAccesRefuse(
        "Un responsable ne peut créer que des comptes de conseiller de son opérateur.",
      );
    return { objetType: "compte" };
  },
  async executer({ entree, depots, services }) {
    if (roleExigeOperateur(entree.role) && !entree.operateurId)
      throw new ErreurValidation([
        {
          champ: "operateurId",
          message: "Un conseiller ou un responsable appartient à un opérateur : choisissez-le.",
        },
      ]);
    if (!roleExigeOperateur(entree.role) && entree.operateurId)
      throw new ErreurValidation([
        { champ: "operateurId", message: "Ce rôle n'est rattaché à aucun opérateur." },
      ]);
    if (entree.operateurId && !(await depots.operateurs.parId(entree.operateurId)))
      throw new ErreurValidation([{ champ: "operateurId", message: "Cet opérateur n'existe pas." }]);
    if (await depots.comptes.parEmailAvecSecret(entree.email))
      throw new ErreurDoublon("Un compte existe déjà avec cette adresse électronique.", "email");
    if (entree.motDePasse !== undefined) {
      const raison = raisonRefusMotDePasse(entree.motDePasse, entree.email);
      if (raison) throw new ErreurValidation([{ champ: "motDePasse", message: raison }]);
    }
    const compte = {
      id: randomUUID(),
      email: entree.email,
      prenom: entree.prenom,
      nom: entree.nom,
      role: entree.role,
      operateurId: entree.operateurId ?? null,
      actif: true,
      demo: false,
      creeLe: services.horloge.maintenant().toISOString(),
    };
    await depots.comptes.creer({
      ...compte,
      hashMotDePasse: entree.motDePasse ? await services.hachage.hacher(entree.motDePasse) : null,
    });
    if (!entree.motDePasse)
      await envoyerLienMotDePasse(depots, services, compte, {
        sujet: "Activez votre compte — Conseil en évolution professionnelle",
        introduction:
          "Un compte a été créé pour vous sur la plateforme du Conseil en évolution professionnelle.",
        validiteMinutes: 3 * 24 * 60,
      });
    return { ...compte, version: 1, echecsConnexion: 0, verrouilleJusquA: null };
  },
  audit: (_e, r) => ({
    objetType: "compte",
    objetId: r.id,
    beneficiaireId: r.role === "beneficiaire" ? r.id : null,
  }),
});

export const listerComptes = casUsage({
  nom: "compte.lister",
  entree: z.object({
    operateurId: z.uuid("Identifiant d'opérateur invalide.").optional(),
    role: z.enum(ROLES).optional(),
  }),
  autoriser: ({ acteur, entree }) => {
    const a = exigerRole(acteur, "admin", "responsable");
    if (a.role === "responsable" && entree.operateurId !== undefined && entree.operateurId !== a.operateurId)
      throw new ErreurAccesRefuse("Cette ressource appartient à un autre opérateur.");
    return {};
  },
  async executer({ entree, acteur, depots }) {
    exigerConnecte(acteur);
    if (acteur.role === "responsable") {
      // Le personnel de son opérateur seulement ; les bénéficiaires passent par leurs dossiers.
      const role = entree.role === "beneficiaire" ? undefined : entree.role;
      const comptes = await depots.comptes.lister({
        operateurId: acteur.operateurId!,
        ...(role ? { role } : {}),
      });
      return comptes.filter((c) => c.role !== "beneficiaire");
    }
    return depots.comptes.lister(entree);
  },
  audit: false,
});

export const lireCompte = casUsage({
  nom: "compte.lire",
  entree: z.object({ id: z.uuid("Identifiant de compte invalide.") }),
  async autoriser({ acteur, entree, depots }) {
    exigerConnecte(acteur);
    const cible = await depots.comptes.parId(entree.id);
    if (!cible) throw new ErreurIntrouvable("Ce compte n'existe pas.");
    const sujet = {
      objetType: "compte",
      objetId: cible.id,
      beneficiaireId: cible.role === "beneficiaire" ? cible.id : null,
    };
    if (!(await peutVoirCompte(acteur, cible, depots)))
      throw new ErreurAccesRefuse("Vous n'avez pas accès à ce compte.", sujet);
    return sujet;
  },
  async executer({ entree, depots }) {
    return (await depots.comptes.parId(entree.id))!;
  },
});

/** La personne connectée (ou personne) : sert à l'interface pour choisir l'accueil et les menus. */
export const lireSession = casUsage({
  nom: "session.lire",
  entree: z.object({}),
  autoriser: () => ({}),
  async executer({ acteur, depots }) {
    if (acteur.type !== "compte") return { connecte: false as const };
    const compte = await depots.comptes.parId(acteur.compteId);
    const operateur = compte?.operateurId ? await depots.operateurs.parId(compte.operateurId) : undefined;
    return {
      connecte: true as const,
      compte: compte!,
      operateur: operateur ? { id: operateur.id, nom: operateur.nom, type: operateur.type } : null,
    };
  },
  audit: false,
});
