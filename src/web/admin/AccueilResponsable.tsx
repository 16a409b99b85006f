import { useState } from "react";
import { Link } from "react-router";
import { Chargement, useDonnees } from "../commun/donnees";
import { Page } from "../commun/Page";
import { useSession } from "../session";
import {
  type CompteVue,
  FormulaireCompte,
  FormulaireSite,
  type SiteVue,
  TableComptes,
  TableSites,
} from "./composants";
import { DemandesEffacement, DossiersSansReferent, ReorientationsRecues } from "./PilotageParcours";

interface Resume {
  operateur: { id: string; nom: string } | null;
  parcoursEnCours: number;
  sansReferent: number;
  conseillers: number;
  sites: number;
}

export function AccueilResponsable() {
  const { session } = useSession();
  const [file, setFile] = useState(0);
  const operateurId = session.statut === "connecte" ? session.compte.operateurId! : "";
  const resume = useDonnees<Resume>("/api/v1/moi/accueil");
  const operateur = useDonnees<{ nom: string; sites: SiteVue[] }>(`/api/v1/operateurs/${operateurId}`);
  const personnel = useDonnees<CompteVue[]>(`/api/v1/comptes?operateurId=${operateurId}`);
  return (
    <Page titre="Pilotage de l'opérateur" accueil="/responsable" sansFilAriane>
      <Chargement etat={resume.etat}>
        {(r) => (
          <>
            <p className="fr-text--lead">{r.operateur?.nom}</p>
            <p>
              <Link to="/responsable/tableau-de-bord">
                Tableau de bord : indicateurs d'activité et de résultat
              </Link>
            </p>
            <ul>
              <li>
                {r.parcoursEnCours} parcours en cours, dont {r.sansReferent} sans référent
              </li>
              <li>
                {r.conseillers} conseiller{r.conseillers > 1 ? "s" : ""} et {r.sites} site
                {r.sites > 1 ? "s" : ""}
              </li>
            </ul>
          </>
        )}
      </Chargement>
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-4w">
        <div className="fr-col-12 fr-col-lg-6">
          <DossiersSansReferent key={file} />
        </div>
        <div className="fr-col-12 fr-col-lg-6">
          <ReorientationsRecues apres={() => setFile((n) => n + 1)} />
          <DemandesEffacement />
        </div>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="titre-sites">
          <h2 id="titre-sites">Sites</h2>
          <Chargement etat={operateur.etat}>{(o) => <TableSites sites={o.sites} />}</Chargement>
          <FormulaireSite operateurId={operateurId} apresCreation={() => void operateur.recharger()} />
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="titre-personnel">
          <h2 id="titre-personnel">Conseillers et responsables</h2>
          <Chargement etat={personnel.etat}>
            {(c) => <TableComptes comptes={c} legende="Personnel de l'opérateur" />}
          </Chargement>
          <FormulaireCompte
            roles={["conseiller"]}
            operateurFixe={operateurId}
            apresCreation={() => void personnel.recharger()}
          />
        </section>
      </div>
    </Page>
  );
}
