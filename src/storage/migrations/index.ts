import type { Migration } from "kysely";
import type { Dialecte } from "../dialecte.js";
import { migration0001 } from "./0001_socle.js";
import { migration0002 } from "./0002_referentiels.js";

/** Une seule liste de migrations, dans l'ordre, pour les deux bases. Ajouter une migration : un fichier, une ligne ici. */
export function migrations(d: Dialecte): Record<string, Migration> {
  return {
    "0001_socle": migration0001(d),
    "0002_referentiels": migration0002(d),
  };
}
