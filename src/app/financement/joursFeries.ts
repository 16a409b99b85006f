import joursFeriesNationaux from "@socialgouv/jours-feries";
import { creerJoursFeries, type JoursFeries } from "../../domain/financement/calendrier.js";

/**
 * Jours fériés nationaux et d'Alsace-Moselle calculés par `@socialgouv/jours-feries` (calcul pur, sans
 * entrée-sortie), complétés par les jours d'outre-mer du domaine. La bibliothèque renvoie des `Date` à minuit
 * heure locale : on lit donc les composantes locales.
 */
export const joursFeries: JoursFeries = creerJoursFeries((annee, alsace) => {
  const resultat: Record<string, string> = {};
  for (const [nom, d] of Object.entries(joursFeriesNationaux(annee, { alsace }))) {
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    resultat[iso] = nom;
  }
  return resultat;
});
