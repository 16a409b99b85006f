import type { FastifyError } from "fastify";
import {
  ErreurAccesRefuse,
  ErreurApplication,
  ErreurConflit,
  ErreurDoublon,
  ErreurIntrouvable,
  ErreurNonAuthentifie,
  ErreurReferentielAbsent,
  ErreurTropDeRequetes,
  ErreurValidation,
} from "../app/erreurs.js";

/** Le seul endroit où les erreurs deviennent des réponses HTTP : `{erreur:{code, message, champs}}`. */
export interface CorpsErreur {
  erreur: {
    code: string;
    message: string;
    champs: { champ: string; message: string }[];
    versionCourante?: number;
  };
}

export function reponseErreur(e: unknown): {
  statut: number;
  corps: CorpsErreur;
  entetes?: Record<string, string>;
} {
  if (e instanceof ErreurApplication) {
    const statut =
      e instanceof ErreurValidation
        ? 400
        : e instanceof ErreurNonAuthentifie
          ? 401
          : e instanceof ErreurAccesRefuse
            ? 403
            : e instanceof ErreurIntrouvable
              ? 404
              : e instanceof ErreurConflit || e instanceof ErreurDoublon
                ? 409
                : e instanceof ErreurTropDeRequetes
                  ? 429
                  : e instanceof ErreurReferentielAbsent
                    ? 503
                    : 500;
    const corps: CorpsErreur = { erreur: { code: e.code, message: e.message, champs: e.champs } };
    if (e instanceof ErreurConflit && e.versionCourante !== undefined)
      corps.erreur.versionCourante = e.versionCourante;
    const entetes =
      e instanceof ErreurTropDeRequetes ? { "retry-after": String(e.reessayerDansSecondes) } : undefined;
    return { statut, corps, ...(entetes ? { entetes } : {}) };
  }
  const fe = e as Partial<FastifyError>;
  if (fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || fe instanceof SyntaxError) {
    return erreurSimple(400, "json_invalide", "Le corps de la requête n'est pas un JSON valide.", "(corps)");
  }
  if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
    return erreurSimple(
      400,
      "json_invalide",
      "Le corps de la requête est vide alors qu'un JSON est attendu.",
      "(corps)",
    );
  if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
    return erreurSimple(
      415,
      "type_non_pris_en_charge",
      "Envoyez le corps en JSON (Content-Type: application/json).",
    );
  if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE")
    return erreurSimple(413, "trop_volumineux", "Le corps de la requête est trop volumineux.");
  if (fe.statusCode === 429)
    return erreurSimple(
      429,
      "trop_de_requetes",
      "Trop de requêtes. Patientez une minute avant de réessayer.",
    );
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return erreurSimple(fe.statusCode, "requete_invalide", "La requête est invalide.");
  return erreurSimple(
    500,
    "erreur_interne",
    "Une erreur inattendue s'est produite. Réessayez ; si elle persiste, contactez le support.",
  );
}

function erreurSimple(statut: number, code: string, message: string, champ?: string) {
  return { statut, corps: { erreur: { code, message, champs: champ ? [{ champ, message }] : [] } } };
}
