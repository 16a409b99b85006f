import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Chargement, useDonnees } from "../commun/donnees";
import { Indicateur, type TableauVue } from "../commun/graphiques";
import { Page } from "../commun/Page";

/** Statistiques publiques du CEP (sans compte) : entrées et issues, national et par région, masquées sous 5. */
export function Statistiques() {
  const { etat } = useDonnees<{ annee: number; tableaux: TableauVue[] }>("/api/v1/statistiques");
  return (
    <Page titre="Le CEP en chiffres">
      <p className="fr-text--lead">
        Entrées et issues des parcours de conseil en évolution professionnelle suivis sur cette plateforme,
        pour l'année en cours.
      </p>
      <Alert
        className="fr-mb-4w"
        severity="info"
        small
        description="Secret statistique : les effectifs de moins de 5 personnes sont affichés « < 5 »."
      />
      <Chargement etat={etat}>
        {(s) => (
          <>
            <p>Année {s.annee}.</p>
            {s.tableaux.map((t) => (
              <Indicateur key={t.id} tableau={{ ...t, graphique: t.id !== "regions" }} />
            ))}
          </>
        )}
      </Chargement>
    </Page>
  );
}
