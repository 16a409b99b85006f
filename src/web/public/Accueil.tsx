import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { Link } from "react-router";
import { Page } from "../commun/Page";

/** Accueil public : le CEP en trois phrases et les trois entrées (écrans.md). */
export function AccueilPublic() {
  return (
    <Page titre="Conseil en évolution professionnelle" sansFilAriane>
      <p className="fr-text--lead">
        Le conseil en évolution professionnelle (CEP) est un service gratuit et confidentiel, ouvert à toute
        personne qui travaille ou cherche un emploi, pour faire le point et construire son projet
        professionnel.
      </p>
      <p>
        Un conseiller ou une conseillère vous accompagne, en rendez-vous ou à distance, y compris en dehors de
        vos heures de travail. Vous n'avez pas à en informer votre employeur.
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/le-cep">
          Tout savoir sur le conseil en évolution professionnelle
        </Link>
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/metiers/territoire">
          Les métiers qui recrutent près de chez vous
        </Link>
      </p>
      <p>
        <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to="/reunions-information">
          Participer à une réunion d'information près de chez vous ou à distance
        </Link>
      </p>
      <h2 className="fr-mt-4w">Par où commencer ?</h2>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Où m'adresser ?"
            desc="Cinq questions pour savoir si le CEP vous est ouvert et quel opérateur peut vous accompagner."
            linkProps={{ to: "/ou-m-adresser" }}
            orientation="vertical"
            titleAs="h3"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Explorer les métiers"
            desc="Métiers, compétences et recrutements de votre région."
            linkProps={{ to: "/metiers" }}
            orientation="vertical"
            titleAs="h3"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Financer mon projet"
            desc="Estimez les financements possibles de votre formation, ce qui resterait à votre charge et les délais."
            linkProps={{ to: "/financer-mon-projet" }}
            orientation="vertical"
            titleAs="h3"
          />
        </div>
      </div>
    </Page>
  );
}
