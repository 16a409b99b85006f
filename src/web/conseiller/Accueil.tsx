import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Link } from "react-router";
import { Chargement, useDonnees } from "../commun/donnees";
import { dateCourte, etapeParcours, LIBELLES_STATUT, type VueParcours } from "../commun/libelles";
import { Page } from "../commun/Page";
import { useSession } from "../session";

export function AccueilConseiller() {
  const { session } = useSession();
  const { etat } = useDonnees<VueParcours[]>("/api/v1/parcours?mesDossiers=true");
  const operateur = session.statut === "connecte" ? session.operateur?.nom : undefined;
  return (
    <Page titre="Tableau de bord" accueil="/conseiller" sansFilAriane>
      {operateur && <p className="fr-text--lead">{operateur}</p>}
      <h2>Mes dossiers</h2>
      <Chargement etat={etat}>
        {(parcours) =>
          parcours.length === 0 ? (
            <CallOut title="Aucun dossier ne vous est attribué">
              Les dossiers dont vous êtes le ou la référente apparaîtront ici. Les nouvelles demandes arrivent
              dans la file de votre opérateur.
            </CallOut>
          ) : (
            <Table
              caption={`${parcours.length} dossier${parcours.length > 1 ? "s" : ""} dont vous êtes référent·e`}
              headers={["Bénéficiaire", "Étape", "Statut", "Dernière modification"]}
              data={parcours.map((p) => [
                <>
                  <Link to={`/conseiller/dossiers/${p.id}`}>
                    {p.beneficiaire.prenom} {p.beneficiaire.nom}
                  </Link>
                  {p.beneficiaire.demo && (
                    <>
                      {" "}
                      <Badge small noIcon severity="new">
                        Démo
                      </Badge>
                    </>
                  )}
                </>,
                etapeParcours(p),
                LIBELLES_STATUT[p.statut],
                dateCourte(p.modifieLe),
              ])}
            />
          )
        }
      </Chargement>
    </Page>
  );
}
