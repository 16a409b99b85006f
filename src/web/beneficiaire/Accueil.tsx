import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Link } from "react-router";
import { Chargement, useDonnees } from "../commun/donnees";
import {
  dateCourte,
  dateHeure,
  etapeParcours,
  LIBELLES_STATUT,
  type VueParcoursListe,
} from "../commun/libelles";
import { Page } from "../commun/Page";
import type { PageListe } from "../commun/pagination";
import { useSession } from "../session";

export function AccueilBeneficiaire() {
  const { session } = useSession();
  // Les parcours d'une personne tiennent dans une page (quelques-uns au plus).
  const { etat } = useDonnees<PageListe<VueParcoursListe>>("/api/v1/parcours");
  const prenom = session.statut === "connecte" ? session.compte.prenom : "";
  return (
    <Page titre="Mon parcours" accueil="/mon-espace" sansFilAriane>
      <p className="fr-text--lead">
        Bonjour {prenom}, voici où en est votre conseil en évolution professionnelle.
      </p>
      <p>
        <Link to="/mon-espace/donnees">Mes données : qui a consulté mon dossier, mes accords, export</Link>
      </p>
      <Chargement etat={etat}>
        {({ dossiers: parcours }) =>
          parcours.length === 0 ? (
            <CallOut title="Vous n'avez pas encore de parcours CEP">
              Aucun opérateur ne vous accompagne pour l'instant. Quand votre demande sera prise en charge,
              votre parcours apparaîtra ici avec votre conseiller ou conseillère et vos prochaines étapes.
            </CallOut>
          ) : (
            <div className="fr-grid-row fr-grid-row--gutters">
              {parcours.map((p) => (
                <div className="fr-col-12 fr-col-md-6" key={p.id}>
                  <Card
                    title={p.operateur.nom}
                    titleAs="h2"
                    enlargeLink
                    linkProps={{ to: `/mon-espace/parcours/${p.id}` }}
                    desc={
                      <>
                        {etapeParcours(p)}
                        <br />
                        {p.referent
                          ? `Votre conseiller ou conseillère : ${p.referent.prenom} ${p.referent.nom}`
                          : "Un conseiller ou une conseillère va vous être attribué."}
                        <br />
                        Commencé le {dateCourte(p.creeLe)}
                        {p.prochainRendezVous && (
                          <>
                            <br />
                            Prochain rendez-vous : {dateHeure(p.prochainRendezVous)}
                          </>
                        )}
                      </>
                    }
                    start={
                      <ul className="fr-badges-group">
                        <li>
                          <Badge
                            severity={
                              p.statut === "en_cours"
                                ? "info"
                                : p.statut === "en_pause"
                                  ? "warning"
                                  : "success"
                            }
                            noIcon
                          >
                            {LIBELLES_STATUT[p.statut]}
                          </Badge>
                        </li>
                      </ul>
                    }
                  />
                </div>
              ))}
            </div>
          )
        }
      </Chargement>
    </Page>
  );
}
