import type { Migration } from "kysely";
import type { Dialecte } from "../dialecte.js";
import { migration0001 } from "./0001_socle.js";
import { migration0003 } from "./0003_parcours.js";
import { migration0004 } from "./0004_financement.js";
import { migration0005 } from "./0005_taches.js";
import { migration0007 } from "./0007_pilotage.js";

/** Une seule liste de migrations, dans l'ordre, pour les deux bases. Ajouter une migration : un fichier, une ligne ici. */
export function migrations(d: Dialecte): Record<string, Migration> {
  return {
    "0001_socle": migration0001(d),
    "0003_parcours": migration0003(d),
    "0004_financement": migration0004(d),
    "0005_taches": migration0005(d),
    "0007_pilotage": migration0007(d),
  };
}
