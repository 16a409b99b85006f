import { Link } from "react-router";
import { Page } from "../commun/Page";

export function PageIntrouvable() {
  return (
    <Page titre="Page introuvable">
      <p className="fr-text--lead">La page que vous cherchez n'existe pas ou a été déplacée.</p>
      <p>Si vous avez tapé l'adresse, vérifiez qu'elle est correcte. Sinon, repartez de l'accueil.</p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to="/">
            Page d'accueil
          </Link>
        </li>
      </ul>
    </Page>
  );
}
