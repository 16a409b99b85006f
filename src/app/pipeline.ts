import { z } from "zod";
import type { Acteur } from "./acteur.js";
import {
  ErreurAccesRefuse,
  type ErreurApplication,
  ErreurNonAuthentifie,
  ErreurValidation,
} from "./erreurs.js";
import type {
  Depots,
  HachageMotDePasse,
  Horloge,
  Messagerie,
  ReferentielsOrientation,
  ServiceMetiers,
  ServiceTerritoires,
  Stockage,
} from "./ports.js";

// Les messages par défaut de zod (champ absent, mauvais type…) en français : chaque schéma donne ses propres messages,
// mais un champ oublié ne doit jamais renvoyer « Invalid input » (règle : erreurs en français, champ nommé).
z.config(z.locales.fr());

/**
 * Le seul chemin par lequel passe un cas d'usage :
 *   entrée zod → autorisation (rôle + relation au dossier) → transaction → événement d'audit → résultat.
 * Un refus d'autorisation est lui aussi audité (hors de la transaction annulée).
 */

export interface ParametresApp {
  publicUrl: string;
  rateLimitConnexion: number;
  verrouillageEchecs: number;
  verrouillageMinutes: number;
  sessionHeures: number;
}

export interface ServicesApp {
  stockage: Stockage;
  messagerie: Messagerie;
  horloge: Horloge;
  hachage: HachageMotDePasse;
  parametres: ParametresApp;
  /** Recherche d'intitulés en mémoire ; absente tant que le ROME n'est pas chargé. */
  metiers?: ServiceMetiers;
  /** Communes, départements, régions. */
  territoires?: ServiceTerritoires;
  /** Référentiels de l'aiguillage ; absents : l'orientation répond « service indisponible ». */
  orientation?: ReferentielsOrientation;
}

export interface ContexteRequete {
  acteur: Acteur;
  requeteId: string;
}

/** Ce que l'autorisation a établi : la personne concernée (pour le journal d'accès) et l'objet. */
export interface Sujet {
  beneficiaireId?: string | null;
  objetType?: string;
  objetId?: string | null;
}

export interface ParamsCas<E> {
  entree: E;
  acteur: Acteur;
  depots: Depots;
  services: ServicesApp;
  contexte: ContexteRequete;
}

/** Un refus métier dont les écritures (compteurs d'échecs…) doivent être validées avant de le signaler. */
export class Refus {
  constructor(readonly erreur: ErreurApplication) {}
}

export interface CasUsage<S extends z.ZodType, R> {
  /** Nom de l'action, tel qu'il apparaît dans le journal d'audit (ex. « compte.lire »). */
  nom: string;
  entree: S;
  /** Vérifie qui peut agir ; lève ErreurNonAuthentifie / ErreurAccesRefuse / ErreurIntrouvable. */
  // biome-ignore lint/suspicious/noConfusingVoidType: une autorisation sans sujet particulier ne renvoie rien.
  autoriser(p: Omit<ParamsCas<z.output<S>>, "services">): Promise<Sujet | void> | Sujet | void;
  executer(p: ParamsCas<z.output<S>> & { sujet: Sujet }): Promise<R | Refus>;
  /** Compléments d'audit calculés après exécution ; `false` : pas d'événement (lectures sans donnée personnelle). */
  audit?:
    | false
    | ((entree: z.output<S>, resultat: R, sujet: Sujet) => Sujet & { details?: Record<string, unknown> });
}

export function casUsage<S extends z.ZodType, R>(def: CasUsage<S, R>): CasUsage<S, R> {
  return def;
}

export function erreurValidationDepuisZod(erreur: z.ZodError): ErreurValidation {
  return new ErreurValidation(
    erreur.issues.flatMap((i) =>
      // Champ non prévu (objet strict) : on nomme le champ lui-même, en français.
      i.code === "unrecognized_keys"
        ? i.keys.map((k) => ({
            champ: [...i.path, k].join("."),
            message: "Champ inconnu : il ne fait pas partie des informations attendues.",
          }))
        : [{ champ: i.path.length ? i.path.join(".") : "(corps)", message: i.message }],
    ),
  );
}

function roleActeur(acteur: Acteur) {
  return acteur.type === "compte" ? acteur.role : acteur.type;
}

export async function executer<S extends z.ZodType, R>(
  services: ServicesApp,
  cas: CasUsage<S, R>,
  brut: unknown,
  contexte: ContexteRequete,
): Promise<R> {
  const analyse = cas.entree.safeParse(brut);
  if (!analyse.success) throw erreurValidationDepuisZod(analyse.error);
  const entree = analyse.data as z.output<S>;
  const { acteur, requeteId } = contexte;
  let sujet: Sujet = {};
  let refus: Refus | undefined;
  try {
    const resultat = await services.stockage.transaction(async (depots) => {
      sujet = (await cas.autoriser({ entree, acteur, depots, contexte })) ?? {};
      const r = await cas.executer({ entree, acteur, depots, services, contexte, sujet });
      if (r instanceof Refus) refus = r;
      if (cas.audit !== false) {
        const extra = r instanceof Refus ? {} : (cas.audit?.(entree, r, sujet) ?? {});
        const complet = { ...sujet, ...extra };
        await depots.audit.ajouter({
          horodatage: services.horloge.maintenant().toISOString(),
          acteurCompteId: acteur.type === "compte" ? acteur.compteId : null,
          acteurRole: roleActeur(acteur),
          action: cas.nom,
          resultat: r instanceof Refus ? "echec" : "succes",
          beneficiaireId: complet.beneficiaireId ?? null,
          objetType: complet.objetType ?? null,
          objetId: complet.objetId ?? null,
          requeteId,
          details: "details" in complet && complet.details ? JSON.stringify(complet.details) : null,
        });
      }
      return r;
    });
    if (refus) throw refus.erreur;
    return resultat as R;
  } catch (e) {
    if (e instanceof ErreurAccesRefuse || e instanceof ErreurNonAuthentifie) {
      if (e instanceof ErreurAccesRefuse && e.sujet) sujet = { ...sujet, ...e.sujet };
      await services.stockage.depots.audit.ajouter({
        horodatage: services.horloge.maintenant().toISOString(),
        acteurCompteId: acteur.type === "compte" ? acteur.compteId : null,
        acteurRole: roleActeur(acteur),
        action: cas.nom,
        resultat: "refus",
        beneficiaireId: sujet.beneficiaireId ?? null,
        objetType: sujet.objetType ?? null,
        objetId: sujet.objetId ?? null,
        requeteId,
        details: null,
      });
    }
    throw e;
  }
}

/** Raccourci pour les cas d'usage qui demandent une personne connectée. */
export function exigerConnecte(acteur: Acteur): asserts acteur is Extract<Acteur, { type: "compte" }> {
  if (acteur.type !== "compte") throw new ErreurNonAuthentifie();
}
