import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Indicateur, type TableauVue } from "../commun/graphiques";
import { Page } from "../commun/Page";

interface Choix {
  id: string;
  nom: string;
}

interface Reponse {
  periode: { debut: string; fin: string };
  parcoursSuivis: number;
  tableaux: TableauVue[];
  choix: { operateurs: Choix[]; sites: Choix[]; conseillers: Choix[] };
}

const CHAMPS = ["debut", "fin", "operateurId", "siteId", "conseillerId"] as const;
type Filtre = Record<(typeof CHAMPS)[number], string>;

const LIBELLES: Record<string, string> = {
  debut: "Début de la période",
  fin: "Fin de la période",
  operateurId: "Opérateur",
  siteId: "Site",
  conseillerId: "Conseiller ou conseillère",
};

function filtreParDefaut(p: URLSearchParams): Filtre {
  const aujourdhui = new Date().toISOString().slice(0, 10);
  return {
    debut: p.get("debut") ?? `${aujourdhui.slice(0, 4)}-01-01`,
    fin: p.get("fin") ?? aujourdhui,
    operateurId: p.get("operateurId") ?? "",
    siteId: p.get("siteId") ?? "",
    conseillerId: p.get("conseillerId") ?? "",
  };
}

const requete = (f: Filtre) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== "") as [string, string][]).toString();

/**
 * Tableau de bord des indicateurs (ticket 9) : le responsable pour son opérateur, l'administrateur pour tous ;
 * filtres par période, site et conseiller ; chaque graphique avec sa table ; exports CSV et XLSX.
 */
export function TableauDeBord({ admin = false }: { admin?: boolean }) {
  const [parametres, setParametres] = useSearchParams();
  const [filtre, setFiltre] = useState<Filtre>(() => filtreParDefaut(parametres));
  const [applique, setApplique] = useState<Filtre>(filtre);
  const [donnees, setDonnees] = useState<Reponse | null>(null);
  const f = useFormulaire();

  // biome-ignore lint/correctness/useExhaustiveDependencies: une seule lecture par filtre appliqué.
  useEffect(() => {
    void f.soumettre(async () => {
      setDonnees(await api<Reponse>("GET", `/api/v1/pilotage/indicateurs?${requete(applique)}`));
    });
  }, [applique]);

  function appliquer(e: FormEvent) {
    e.preventDefault();
    setApplique(filtre);
    setParametres(requete(filtre), { replace: true });
  }

  const champ = (nom: keyof Filtre) => ({
    id: `champ-${nom}`,
    name: nom,
    value: filtre[nom],
    onChange: (e: { target: { value: string } }) =>
      setFiltre((v) => ({
        ...v,
        [nom]: e.target.value,
        ...(nom === "operateurId" ? { siteId: "", conseillerId: "" } : {}),
      })),
  });

  const titre = admin ? "Indicateurs de tous les opérateurs" : "Tableau de bord de l'opérateur";
  const accueil = admin ? "/admin" : "/responsable";
  const choix = donnees?.choix;
  return (
    <Page titre={titre} accueil={accueil}>
      <p>
        Activité et résultats du conseil en évolution professionnelle (articles L6111-6-1 et D6111-7 du Code
        du travail). Chaque graphique est suivi de sa table de données. Les définitions sont dans la
        documentation des indicateurs.
      </p>
      <form onSubmit={appliquer} noValidate aria-labelledby="titre-filtres" className="fr-mb-4w">
        <h2 id="titre-filtres" className="fr-h5">
          Filtres
        </h2>
        <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label={LIBELLES.debut}
              {...f.etat("debut")}
              nativeInputProps={{ ...champ("debut"), type: "date" }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input
              label={LIBELLES.fin}
              {...f.etat("fin")}
              nativeInputProps={{ ...champ("fin"), type: "date" }}
            />
          </div>
          {admin && (
            <div className="fr-col-12 fr-col-md-6">
              <Select
                label={LIBELLES.operateurId}
                {...f.etat("operateurId")}
                nativeSelectProps={champ("operateurId")}
              >
                <option value="">Tous les opérateurs</option>
                {choix?.operateurs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.nom}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {(!admin || applique.operateurId) && (
            <>
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label={LIBELLES.siteId}
                  hint="Parcours ayant eu au moins un entretien sur ce site"
                  {...f.etat("siteId")}
                  nativeSelectProps={champ("siteId")}
                >
                  <option value="">Tous les sites</option>
                  {choix?.sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.nom}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label={LIBELLES.conseillerId}
                  hint="Parcours dont la personne est référente"
                  {...f.etat("conseillerId")}
                  nativeSelectProps={champ("conseillerId")}
                >
                  <option value="">Tous les conseillers</option>
                  {choix?.conseillers.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.nom}
                    </option>
                  ))}
                </Select>
              </div>
            </>
          )}
        </div>
        <Button type="submit" disabled={f.envoi}>
          Afficher les indicateurs
        </Button>
      </form>

      {f.envoi && !donnees && (
        <p role="status" aria-live="polite">
          Chargement…
        </p>
      )}
      {donnees && (
        <>
          <CallOut title={`${donnees.parcoursSuivis.toLocaleString("fr-FR")} parcours suivis sur la période`}>
            Du {new Date(donnees.periode.debut).toLocaleDateString("fr-FR")} au{" "}
            {new Date(donnees.periode.fin).toLocaleDateString("fr-FR")}.
          </CallOut>
          {donnees.tableaux[0]?.masque && (
            <Alert
              className="fr-mb-4w"
              severity="info"
              small
              description="Vue hors de l'opérateur : les effectifs de moins de 5 personnes sont affichés « < 5 »."
            />
          )}
          <section aria-labelledby="titre-exports" className="fr-mb-6w">
            <h2 id="titre-exports" className="fr-h5">
              Exporter
            </h2>
            <p>
              Tous les tableaux, avec les filtres appliqués ; les effectifs de moins de 5 personnes y sont
              masqués.
            </p>
            <ul className="fr-links-group">
              <li>
                <a
                  className="fr-link fr-link--download"
                  href={`/api/v1/pilotage/export?${requete(applique)}&format=csv`}
                  download
                >
                  Télécharger les indicateurs <span className="fr-link__detail">CSV</span>
                </a>
              </li>
              <li>
                <a
                  className="fr-link fr-link--download"
                  href={`/api/v1/pilotage/export?${requete(applique)}&format=xlsx`}
                  download
                >
                  Télécharger les indicateurs <span className="fr-link__detail">XLSX (tableur)</span>
                </a>
              </li>
            </ul>
          </section>
          <section aria-labelledby="titre-echanges" className="fr-mb-6w">
            <h2 id="titre-echanges" className="fr-h5">
              Partage des données par bénéficiaire
            </h2>
            <p>
              Données de parcours et de formation des personnes dont le parcours a changé pendant la période,{" "}
              {admin && !applique.operateurId ? "pour tous les opérateurs" : "pour tout l'opérateur"} (les
              filtres site et conseiller ne s'appliquent pas), au format JSON décrit dans la documentation des
              échanges : partage prévu par les articles L6111-6-1 et L6353-10 du Code du travail. Les
              personnes y sont désignées par un pseudonyme, sans nom ni adresse ni texte libre ; chaque export
              est inscrit au journal d'accès de chaque personne concernée.
            </p>
            <a
              className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-download-line"
              href={`/api/v1/pilotage/echanges?${requete({
                ...applique,
                siteId: "",
                conseillerId: "",
              })}`}
              download
            >
              Exporter les données de partage (JSON)
            </a>
          </section>
          {donnees.parcoursSuivis === 0 && (
            <Alert
              className="fr-mb-4w"
              severity="info"
              title="Aucun parcours suivi"
              description="Aucun parcours ne correspond à cette période et à ces filtres."
            />
          )}
          {donnees.tableaux.map((t) => (
            <Indicateur key={t.id} tableau={t} />
          ))}
        </>
      )}
    </Page>
  );
}
