/**
 * Erreurs typées des cas d'usage. La couche HTTP les traduit une seule fois en statut et en corps
 * `{erreur:{code, message, champs:[{champ, message}]}}` (voir src/http/erreurs.ts).
 */

export interface ErreurChamp {
  champ: string;
  message: string;
}

export abstract class ErreurApplication extends Error {
  abstract readonly code: string;
  readonly champs: ErreurChamp[] = [];
}

/** 400 : entrée invalide, avec le champ et la raison. */
export class ErreurValidation extends ErreurApplication {
  readonly code = "entree_invalide";
  override readonly champs: ErreurChamp[];
  constructor(champs: ErreurChamp[], message = "Certaines informations sont invalides.") {
    super(message);
    this.champs = champs;
  }
}

/** 401 : il faut être connecté. */
export class ErreurNonAuthentifie extends ErreurApplication {
  readonly code = "non_authentifie";
  constructor(message = "Vous devez vous connecter pour accéder à cette ressource.") {
    super(message);
  }
}

/** 403 : connecté, mais pas autorisé (rôle ou relation au dossier). */
export class ErreurAccesRefuse extends ErreurApplication {
  readonly code = "acces_refuse";
  constructor(
    message = "Vous n'avez pas accès à cette ressource.",
    /** La personne et l'objet visés, pour que la tentative figure dans le journal d'audit. */
    readonly sujet?: { beneficiaireId?: string | null; objetType?: string; objetId?: string | null },
  ) {
    super(message);
  }
}

/** 404 */
export class ErreurIntrouvable extends ErreurApplication {
  readonly code = "introuvable";
  constructor(message = "Ressource introuvable.") {
    super(message);
  }
}

/** 409 : la version modifiée n'est plus la version courante (écriture concurrente). */
export class ErreurConflit extends ErreurApplication {
  readonly code = "conflit_version";
  constructor(
    message = "Cette fiche a été modifiée par quelqu'un d'autre entre-temps. Rechargez-la pour voir les changements.",
    readonly versionCourante?: number,
  ) {
    super(message);
  }
}

/** 409 : la ressource existe déjà (unicité métier). */
export class ErreurDoublon extends ErreurApplication {
  readonly code = "doublon";
  constructor(message: string, champ?: string) {
    super(message);
    if (champ) this.champs.push({ champ, message });
  }
}

/** 429 : trop de tentatives. */
export class ErreurTropDeRequetes extends ErreurApplication {
  readonly code = "trop_de_requetes";
  constructor(
    message = "Trop de tentatives. Patientez une minute avant de réessayer.",
    readonly reessayerDansSecondes = 60,
  ) {
    super(message);
  }
}

/** 503 : un référentiel nécessaire n'est pas chargé (dire comment le charger). */
export class ErreurReferentielAbsent extends ErreurApplication {
  readonly code = "referentiel_absent";
  constructor(
    message = "Le référentiel des métiers (ROME 4.0) n'est pas encore chargé sur ce serveur. L'administrateur peut le charger avec « cep referentiels import --source DOSSIER|ZIP|URL ».",
  ) {
    super(message);
  }
}
