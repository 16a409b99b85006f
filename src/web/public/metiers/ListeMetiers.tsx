import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { Link, useParams } from "react-router";
import { Chargement, useDonnees } from "../../commun/donnees";
import { Page } from "../../commun/Page";
import { type Domaine, type FicheResumee, TRANSITIONS_ECOLOGIQUES } from "./types";

function Liste({ fiches, source }: { fiches: FicheResumee[]; source: string }) {
  if (!fiches.length) return <p>Aucune fiche métier ici.</p>;
  return (
    <>
      <p>
        {fiches.length} fiche{fiches.length > 1 ? "s" : ""} métier.
      </p>
      <ul>
        {fiches.map((f) => (
          <li key={f.codeRome} className="fr-mb-1w">
            <Link to={`/metiers/${f.codeRome}`}>
              {f.libelle} ({f.codeRome})
            </Link>
            {f.transitionEcologique && TRANSITIONS_ECOLOGIQUES.includes(f.transitionEcologique) && (
              <Tag small className="fr-ml-1w">
                {f.transitionEcologique}
              </Tag>
            )}
          </li>
        ))}
      </ul>
      <p className="fr-text--sm">{source}</p>
    </>
  );
}

/** Les fiches d'un domaine professionnel. */
export function DomaineMetiers() {
  const { code = "" } = useParams();
  const domaines = useDonnees<{ domaines: Domaine[] }>("/api/v1/metiers/domaines");
  const fiches = useDonnees<{ fiches: FicheResumee[]; source: string }>(
    `/api/v1/metiers?domaine=${encodeURIComponent(code)}`,
  );
  const domaine =
    domaines.etat.statut === "pret" ? domaines.etat.donnees.domaines.find((d) => d.code === code) : null;
  return (
    <Page
      titre={domaine ? domaine.libelle : `Domaine ${code}`}
      chemin={[{ libelle: "Métiers", lien: "/metiers" }]}
    >
      <Chargement etat={fiches.etat}>{(d) => <Liste fiches={d.fiches} source={d.source} />}</Chargement>
    </Page>
  );
}

/** Les métiers de la transition écologique (emplois verts et stratégiques). */
export function MetiersTransitionEcologique() {
  const { etat } = useDonnees<{ fiches: FicheResumee[]; source: string }>(
    "/api/v1/metiers?transitionEcologique=true",
  );
  return (
    <Page titre="Métiers de la transition écologique" chemin={[{ libelle: "Métiers", lien: "/metiers" }]}>
      <p>
        Les fiches que le ROME classe « Emploi Vert » (métiers dont la finalité est environnementale) ou «
        Emploi stratégique pour la Transition écologique ».
      </p>
      <Chargement etat={etat}>{(d) => <Liste fiches={d.fiches} source={d.source} />}</Chargement>
    </Page>
  );
}
