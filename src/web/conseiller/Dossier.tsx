import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useParams } from "react-router";
import { Chargement, useDonnees } from "../commun/donnees";
import { dateCourte, etapeParcours, LIBELLES_STATUT, type VueParcours } from "../commun/libelles";
import { Page } from "../commun/Page";

export function DossierConseiller() {
  const { id } = useParams();
  const { etat } = useDonnees<VueParcours>(`/api/v1/parcours/${id}`);
  const titre =
    etat.statut === "pret"
      ? `Dossier de ${etat.donnees.beneficiaire.prenom} ${etat.donnees.beneficiaire.nom}`
      : "Dossier";
  return (
    <Page titre={titre} accueil="/conseiller">
      <Chargement etat={etat}>
        {(p) => (
          <dl>
            <dt className="fr-text--bold">Étape</dt>
            <dd>{etapeParcours(p)}</dd>
            <dt className="fr-text--bold">Statut</dt>
            <dd>
              <Badge noIcon>{LIBELLES_STATUT[p.statut]}</Badge>
            </dd>
            <dt className="fr-text--bold">Référent·e</dt>
            <dd>{p.referent ? `${p.referent.prenom} ${p.referent.nom}` : "Aucun pour l'instant"}</dd>
            <dt className="fr-text--bold">Opérateur</dt>
            <dd>{p.operateur.nom}</dd>
            <dt className="fr-text--bold">Ouvert le</dt>
            <dd>{dateCourte(p.creeLe)}</dd>
          </dl>
        )}
      </Chargement>
    </Page>
  );
}
