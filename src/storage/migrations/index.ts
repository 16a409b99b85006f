import type { Migration } from "kysely";
import type { Dialecte } from "../dialecte.js";
import { migration0001 } from "./0001_socle.js";
import { migration0002 } from "./0002_referentiels.js";
import { migration0003 } from "./0003_parcours.js";
import { migration0004 } from "./0004_financement.js";
import { migration0005 } from "./0005_taches.js";
import { migration0006 } from "./0006_accueil.js";
import { migration0007 } from "./0007_pilotage.js";
import { migration0008 } from "./0008_partage.js";
import { migration0009 } from "./0009_competences.js";
import { migration0010 } from "./0010_plan_actions.js";
import { migration0011 } from "./0011_synthese.js";
import { migration0013 } from "./0013_inscriptions_anonymisees.js";
import { migration0014 } from "./0014_pilotage_index.js";
import { migration0015 } from "./0015_echelle.js";
import { migration0016 } from "./0016_esco.js";
import { migration0017 } from "./0017_chronologie_pilotage.js";
import { migration0018 } from "./0018_liste_dossiers.js";

/** Une seule liste de migrations, dans l'ordre, pour les deux bases. Ajouter une migration : un fichier, une ligne ici. */
export function migrations(d: Dialecte): Record<string, Migration> {
  return {
    "0001_socle": migration0001(d),
    "0002_referentiels": migration0002(d),
    "0003_parcours": migration0003(d),
    "0004_financement": migration0004(d),
    "0005_taches": migration0005(d),
    "0006_accueil": migration0006(d),
    "0007_pilotage": migration0007(d),
    "0008_partage": migration0008(d),
    "0009_competences": migration0009(d),
    "0010_plan_actions": migration0010(d),
    "0011_synthese": migration0011(d),
    "0013_inscriptions_anonymisees": migration0013(d),
    "0014_pilotage_index": migration0014(d),
    "0015_echelle": migration0015(d),
    "0016_esco": migration0016(d),
    "0017_chronologie_pilotage": migration0017(d),
    "0018_liste_dossiers": migration0018(d),
  };
}
