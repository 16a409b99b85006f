/**
 * Calendrier prévisionnel du plan : les échéances des étapes et des actions, les dates de début et de fin des actions
 * payantes, et les délais légaux qui en découlent (echeancesDispositif : demande de congé de transition professionnelle
 * 120/60 jours avant, CPF sur le temps de travail 120/60 jours, congé VAE 30 jours, période de reconversion 30 jours),
 * comptés en jours calendaires, signalés s'ils tombent un samedi, un dimanche ou un jour férié, ou s'ils sont passés.
 */

import { type Echeance, type JoursFeries, qualifierEcheance } from "../financement/calendrier.js";
import type { DateIso } from "../financement/dates.js";
import { type DispositifAvecDelais, echeancesDispositif } from "../financement/echeances.js";
import { type IdParametre, type JeuParametres, valeurAu } from "../financement/parametres.js";
import { type ContenuPlan, lignesActives } from "./plan.js";

export type TypeEvenementCalendrier =
  | "etape"
  | "echeance_action"
  | "debut_action"
  | "fin_action"
  | "delai_legal";

export interface EvenementCalendrier extends Echeance {
  type: TypeEvenementCalendrier;
  etapeId?: string;
  actionId?: string;
}

export function calendrierPlan(
  c: ContenuPlan,
  parametres: JeuParametres,
  feries: JoursFeries,
  aujourdhui: DateIso,
): EvenementCalendrier[] {
  const departement = c.situation.departement ?? undefined;
  const P = (id: IdParametre, au?: DateIso) => valeurAu(parametres[id], au ?? aujourdhui);
  const q = (e: Omit<Echeance, "jourNonOuvre" | "depassee">) =>
    qualifierEcheance(e, feries, departement, aujourdhui);
  const evenements: EvenementCalendrier[] = [];
  for (const etape of c.etapes) {
    if (etape.echeance)
      evenements.push({
        ...q({ date: etape.echeance, libelle: `Objectif de l'étape « ${etape.titre} » : ${etape.objectif}` }),
        type: "etape",
        etapeId: etape.id,
      });
    for (const a of etape.actions) {
      if (a.statut === "abandonne") continue;
      const base = { etapeId: etape.id, actionId: a.id };
      evenements.push({
        ...q({ date: a.echeance, libelle: `Échéance : ${a.intitule}` }),
        type: "echeance_action",
        ...base,
      });
      if (a.dateDebut)
        evenements.push({
          ...q({ date: a.dateDebut, libelle: `Début : ${a.intitule}` }),
          type: "debut_action",
          ...base,
        });
      if (a.dateFin)
        evenements.push({
          ...q({ date: a.dateFin, libelle: `Fin : ${a.intitule}` }),
          type: "fin_action",
          ...base,
        });
      if (!a.dateDebut) continue;
      const dispositifs = new Set<DispositifAvecDelais>();
      for (const l of lignesActives(a)) {
        if (l.dispositif === "ptp" || l.dispositif === "periode_reconversion") dispositifs.add(l.dispositif);
        if (l.dispositif === "cpf" && a.surTempsDeTravail && !dispositifs.has("ptp")) dispositifs.add("cpf");
        if (l.dispositif === "conge_vae") dispositifs.add("conge_vae");
      }
      // Le CPF est alors mobilisé par Transitions Pro : c'est la demande de congé de transition qui compte.
      if (dispositifs.has("ptp")) dispositifs.delete("cpf");
      // Une VAE sur le temps de travail demande un congé à l'employeur, quel que soit son financement.
      if (a.type === "vae" && a.surTempsDeTravail) dispositifs.add("conge_vae");
      for (const id of dispositifs)
        for (const e of echeancesDispositif(
          id,
          {
            dateDebut: a.dateDebut,
            ...(a.dureeMois !== null ? { dureeMois: a.dureeMois } : {}),
            tempsPartiel: a.tempsPartiel,
            ...(departement ? { departement } : {}),
            aujourdhui,
          },
          P,
          feries,
        ))
          evenements.push({ ...e, libelle: `${a.intitule} — ${e.libelle}`, type: "delai_legal", ...base });
    }
  }
  return evenements.sort((x, y) =>
    x.date === y.date ? x.libelle.localeCompare(y.libelle, "fr") : x.date < y.date ? -1 : 1,
  );
}
