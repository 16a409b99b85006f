import { useParams } from "react-router";
import { Chargement, useDonnees } from "../commun/donnees";
import { LIBELLES_TYPE_OPERATEUR } from "../commun/libelles";
import { Page } from "../commun/Page";
import {
  type CompteVue,
  FormulaireCompte,
  FormulaireSite,
  type SiteVue,
  TableComptes,
  TableSites,
} from "./composants";

export function OperateurAdmin() {
  const { id = "" } = useParams();
  const operateur = useDonnees<{
    id: string;
    nom: string;
    type: keyof typeof LIBELLES_TYPE_OPERATEUR;
    sites: SiteVue[];
  }>(`/api/v1/operateurs/${id}`);
  const personnel = useDonnees<CompteVue[]>(`/api/v1/comptes?operateurId=${id}`);
  const titre = operateur.etat.statut === "pret" ? operateur.etat.donnees.nom : "Opérateur";
  return (
    <Page titre={titre} accueil="/admin" chemin={[{ libelle: "Administration", lien: "/admin" }]}>
      <Chargement etat={operateur.etat}>
        {(o) => <p className="fr-text--lead">{LIBELLES_TYPE_OPERATEUR[o.type]}</p>}
      </Chargement>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="titre-sites">
          <h2 id="titre-sites">Sites</h2>
          <Chargement etat={operateur.etat}>{(o) => <TableSites sites={o.sites} />}</Chargement>
          <FormulaireSite operateurId={id} apresCreation={() => void operateur.recharger()} />
        </section>
        <section className="fr-col-12 fr-col-lg-6" aria-labelledby="titre-personnel">
          <h2 id="titre-personnel">Personnel</h2>
          <Chargement etat={personnel.etat}>
            {(c) => <TableComptes comptes={c} legende="Conseillers et responsables" />}
          </Chargement>
          <FormulaireCompte
            roles={["conseiller", "responsable"]}
            operateurFixe={id}
            apresCreation={() => void personnel.recharger()}
          />
        </section>
      </div>
    </Page>
  );
}
