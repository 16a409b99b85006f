import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CallOut } from "@codegouvfr/react-dsfr/CallOut";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Tag } from "@codegouvfr/react-dsfr/Tag";
import { useState } from "react";
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
import { legendeListe, type PageListe, PaginationListe, usePageDansAdresse } from "../commun/pagination";
import { useSession } from "../session";

const ETAPES: Record<string, string> = {
  "": "Toutes les étapes",
  "niveau=1": "Niveau 1 — accueil",
  "niveau=2&phase=conseil": "Niveau 2 — conseil",
  "niveau=2&phase=mise_en_oeuvre": "Niveau 2 — mise en œuvre",
};

/**
 * Tableau de bord et portefeuille : filtres (étape, statut, sans contact, rendez-vous) et recherche par nom ;
 * la liste arrive page par page du serveur (total affiché), et revient à la première page quand un filtre change.
 */
export function AccueilConseiller() {
  const { session } = useSession();
  const { page, lien, premierePage } = usePageDansAdresse();
  const filtrer = (changer: (v: string) => void) => (e: { target: { value: string } }) => {
    changer(e.target.value);
    premierePage();
  };
  const [perimetre, setPerimetre] = useState("mesDossiers=true");
  const [etape, setEtape] = useState("");
  const [statut, setStatut] = useState("");
  const [sansContact, setSansContact] = useState("");
  const [rdv, setRdv] = useState("");
  const [recherche, setRecherche] = useState("");
  const [rechercheAppliquee, setRechercheAppliquee] = useState("");
  const qs = [
    perimetre,
    etape,
    statut && `statut=${statut}`,
    sansContact && `sansContactJours=${sansContact}`,
    rdv && `rendezVousJours=${rdv}`,
    rechercheAppliquee && `recherche=${encodeURIComponent(rechercheAppliquee)}`,
    page > 1 && `page=${page}`,
  ]
    .filter(Boolean)
    .join("&");
  const { etat } = useDonnees<PageListe<VueParcoursListe>>(`/api/v1/parcours?${qs}`);
  const operateur = session.statut === "connecte" ? session.operateur?.nom : undefined;
  const filtre =
    perimetre !== "mesDossiers=true" || etape || statut || sansContact || rdv || rechercheAppliquee;
  return (
    <Page titre="Tableau de bord" accueil="/conseiller" sansFilAriane>
      {operateur && <p className="fr-text--lead">{operateur}</p>}
      <Button
        linkProps={{ to: "/conseiller/nouveau-parcours" }}
        iconId="fr-icon-add-line"
        className="fr-mb-4w"
      >
        Ouvrir un parcours
      </Button>
      <Button
        linkProps={{ to: "/conseiller/reunions" }}
        priority="secondary"
        iconId="fr-icon-team-line"
        className="fr-mb-4w fr-ml-2w"
      >
        Réunions d'information
      </Button>
      <h2>Mes dossiers</h2>
      <form
        className="fr-grid-row fr-grid-row--gutters fr-mb-2w"
        aria-label="Filtrer le portefeuille"
        onSubmit={(e) => {
          e.preventDefault();
          setRechercheAppliquee(recherche);
          premierePage();
        }}
      >
        <div className="fr-col-12 fr-col-md-4">
          <Input
            label="Rechercher par nom"
            nativeInputProps={{
              type: "search",
              value: recherche,
              onChange: (e) => setRecherche(e.target.value),
            }}
          />
          <Button type="submit" priority="secondary" size="small">
            Rechercher
          </Button>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Dossiers" nativeSelectProps={{ value: perimetre, onChange: filtrer(setPerimetre) }}>
            <option value="mesDossiers=true">Dont je suis référent·e</option>
            <option value="mesDossiers=false">Mes dossiers, remplacements et file d'attente</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Étape" nativeSelectProps={{ value: etape, onChange: filtrer(setEtape) }}>
            {Object.entries(ETAPES).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Statut" nativeSelectProps={{ value: statut, onChange: filtrer(setStatut) }}>
            <option value="">Tous les statuts</option>
            {Object.entries(LIBELLES_STATUT).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Sans contact depuis"
            nativeSelectProps={{ value: sansContact, onChange: filtrer(setSansContact) }}
          >
            <option value="">Peu importe</option>
            <option value="15">15 jours</option>
            <option value="30">30 jours</option>
            <option value="60">60 jours</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Rendez-vous" nativeSelectProps={{ value: rdv, onChange: filtrer(setRdv) }}>
            <option value="">Peu importe</option>
            <option value="1">Dans les 24 heures</option>
            <option value="7">Dans les 7 jours</option>
          </Select>
        </div>
      </form>
      <Chargement etat={etat}>
        {(liste) =>
          liste.total === 0 ? (
            filtre ? (
              <CallOut title="Aucun dossier ne correspond à ces filtres">
                Élargissez la recherche ou retirez un filtre.
              </CallOut>
            ) : (
              <CallOut title="Aucun dossier ne vous est attribué">
                Les dossiers dont vous êtes le ou la référente apparaîtront ici. Les nouvelles demandes
                arrivent dans la file de votre opérateur.
              </CallOut>
            )
          ) : liste.dossiers.length === 0 ? (
            <p>
              Cette page est vide (la liste a changé). <Link {...lien(1)}>Revenir à la première page</Link>
            </p>
          ) : (
            <>
              <Table
                caption={legendeListe(liste)}
                headers={[
                  "Bénéficiaire",
                  "Étape",
                  "Statut",
                  "Dernier contact",
                  "Prochain rendez-vous",
                  "Référent·e",
                ]}
                data={liste.dossiers.map((p) => [
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
                  <Tag small key="etape">
                    {etapeParcours(p)}
                  </Tag>,
                  LIBELLES_STATUT[p.statut],
                  p.dernierContact ? dateCourte(p.dernierContact) : "Aucun",
                  p.prochainRendezVous ? dateHeure(p.prochainRendezVous) : "—",
                  p.referent ? `${p.referent.prenom} ${p.referent.nom}` : "File d'attente",
                ])}
              />
              <PaginationListe liste={liste} lien={lien} />
            </>
          )
        }
      </Chargement>
    </Page>
  );
}
