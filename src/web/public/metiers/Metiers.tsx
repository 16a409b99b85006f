import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Link } from "react-router";
import { Chargement, useDonnees } from "../../commun/donnees";
import { Page } from "../../commun/Page";
import { RechercheMetier } from "./RechercheMetier";
import type { Domaine } from "./types";

/** Métiers : rechercher un intitulé, ou explorer grand domaine → domaine → fiche ; filtre transition écologique. */
export function Metiers() {
  const { etat } = useDonnees<{ domaines: Domaine[]; source: string }>("/api/v1/metiers/domaines");
  return (
    <Page titre="Explorer les métiers">
      <p className="fr-text--lead">
        Les fiches du répertoire des métiers (ROME 4.0) : ce qu'on y fait, comment y accéder, les compétences
        demandées et les recrutements prévus dans votre région.
      </p>
      <RechercheMetier />
      <CallOut title="Quels métiers à partir de mon expérience ?" titleAs="h2">
        À partir des métiers que vous avez exercés, les métiers proches, avec ce que vous savez déjà faire et
        ce qu'il vous resterait à apprendre.{" "}
        <Link to="/metiers/pistes">Explorer les métiers proches de mon expérience</Link>
      </CallOut>
      <CallOut title="Les métiers qui recrutent près de chez vous" titleAs="h2">
        Pour votre commune, les métiers qui recrutent le plus dans votre région, ceux où les employeurs
        peinent à recruter et ceux de la transition écologique.{" "}
        <Link to="/metiers/territoire">Voir les métiers qui recrutent près de chez vous</Link>
      </CallOut>
      <CallOut title="Métiers de la transition écologique" titleAs="h2">
        Les emplois verts et les emplois stratégiques pour la transition écologique.{" "}
        <Link to="/metiers/transition-ecologique">Voir les métiers de la transition écologique</Link>
      </CallOut>
      <h2>Par domaine professionnel</h2>
      <Chargement etat={etat}>
        {(d) => (
          <>
            <div className="fr-accordions-group">
              {d.domaines
                .filter((g) => g.parent === null)
                .map((g) => (
                  <Accordion key={g.code} label={`${g.libelle} (${g.code})`} titleAs="h3">
                    <ul>
                      {d.domaines
                        .filter((x) => x.parent === g.code)
                        .map((x) => (
                          <li key={x.code}>
                            <Link to={`/metiers/domaines/${x.code}`}>
                              {x.libelle} ({x.nombreFiches} fiche{x.nombreFiches > 1 ? "s" : ""})
                            </Link>
                          </li>
                        ))}
                    </ul>
                  </Accordion>
                ))}
            </div>
            <p className="fr-text--sm fr-mt-2w">{d.source}</p>
          </>
        )}
      </Chargement>
    </Page>
  );
}
