import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ErreurApi } from "../../api";
import { Chargement, useDonnees } from "../../commun/donnees";
import { Page } from "../../commun/Page";
import { type Commune, RechercheCommune } from "./RechercheCommune";
import type { MarcheTerritoire as Marche, MetierTerritoire } from "./types";

/**
 * Information territoriale (niveau 1) : pour la commune de la personne (code postal ou nom, `?cp=…&commune=…`), les
 * métiers de sa région qui recrutent le plus, ceux jugés les plus difficiles à pourvoir et ceux de la transition
 * écologique (enquête BMO), avec un lien vers chaque fiche métier. Le secret statistique est dit, jamais remplacé par 0.
 */

const nombre = new Intl.NumberFormat("fr-FR");
const SECRET = "secret statistique";

function projets(m: MetierTerritoire) {
  if (m.projets === null) return SECRET;
  return m.bassinsSecrets > 0 ? `au moins ${nombre.format(m.projets)}` : nombre.format(m.projets);
}
const part = (p: number | null) => (p === null ? SECRET : `${Math.round(100 * p)} %`);

function Fiches({ m, libelle }: { m: MetierTerritoire; libelle: string }) {
  if (!m.fiches.length) return <>Aucune fiche rattachée</>;
  return (
    <ul className="fr-mb-0">
      {m.fiches.map((f) => (
        <li key={f.codeRome}>
          <Link to={`/metiers/${f.codeRome}`}>{f.libelle}</Link>
        </li>
      ))}
      {m.autresFiches > 0 && (
        <li>
          et {m.autresFiches} autre{m.autresFiches > 1 ? "s" : ""} {libelle}
        </li>
      )}
    </ul>
  );
}

function TableMetiers({
  caption,
  metiers,
  premiere,
  libelleFiches,
}: {
  caption: string;
  metiers: MetierTerritoire[];
  premiere: "rang" | "difficiles";
  libelleFiches: string;
}) {
  if (!metiers.length) return <p>Aucun métier à afficher pour cette région.</p>;
  return (
    <Table
      caption={caption}
      headers={[
        "Métier (enquête BMO)",
        premiere === "rang" ? "Rang dans la région" : "Part des projets jugés difficiles",
        "Projets de recrutement",
        premiere === "rang" ? "Part jugée difficile" : "Rang dans la région",
        "Part saisonnière",
        "Fiches métier",
      ]}
      data={metiers.map((m) => [
        m.libelle,
        premiere === "rang" ? `${m.rang ?? SECRET}` : part(m.partDifficiles),
        projets(m),
        premiere === "rang" ? part(m.partDifficiles) : `${m.rang ?? SECRET}`,
        part(m.partSaisonniers),
        <Fiches key={m.codeMetier} m={m} libelle={libelleFiches} />,
      ])}
    />
  );
}

function MarcheDeLaRegion({ commune }: { commune: Commune }) {
  const { etat } = useDonnees<Marche>(
    `/api/v1/territoires/${encodeURIComponent(commune.region.code)}/marche`,
  );
  return (
    <Chargement etat={etat}>
      {(m) =>
        m.message ? (
          <Alert severity="info" title={`${m.region.nom} : pas de chiffres`} description={m.message} />
        ) : (
          <>
            <p>
              {commune.nom} est en région <strong>{m.region.nom}</strong>. Les employeurs de la région y
              prévoient {m.bassinsSecrets ? "au moins " : ""}
              {nombre.format(m.projets)} projets de recrutement en {m.enquete.replace("BMO ", "")}, répartis
              sur {m.nombreMetiers} métiers de l'enquête Besoins en main-d'œuvre.
            </p>
            <section aria-labelledby="titre-recrutent">
              <h2 id="titre-recrutent">Les métiers qui recrutent le plus</h2>
              <TableMetiers
                caption={`Les ${m.regles.nombre} métiers qui comptent le plus de projets de recrutement en ${m.region.nom}`}
                metiers={m.recrutent}
                premiere="rang"
                libelleFiches="fiches"
              />
            </section>
            <section aria-labelledby="titre-difficiles">
              <h2 id="titre-difficiles">Les métiers où les employeurs peinent le plus à recruter</h2>
              <p>
                Parmi les {m.regles.vivierDifficiles} métiers qui comptent le plus de projets dans la région,
                ceux dont la part de projets jugés difficiles par les employeurs est la plus élevée.
              </p>
              <TableMetiers
                caption={`Les ${m.regles.nombre} métiers jugés les plus difficiles à pourvoir en ${m.region.nom}`}
                metiers={m.difficiles}
                premiere="difficiles"
                libelleFiches="fiches"
              />
            </section>
            <section aria-labelledby="titre-transition">
              <h2 id="titre-transition">Les métiers de la transition écologique qui recrutent</h2>
              <p>
                Les métiers de l'enquête qui recrutent dans la région et auxquels se rattachent des emplois
                verts ou stratégiques pour la transition écologique du répertoire des métiers ; seules ces
                fiches sont proposées.{" "}
                <Link to="/metiers/transition-ecologique">Tous les métiers de la transition écologique</Link>
              </p>
              <TableMetiers
                caption={`Métiers de la transition écologique rattachés aux métiers qui recrutent en ${m.region.nom}`}
                metiers={m.transitionEcologique}
                premiere="rang"
                libelleFiches="fiches de la transition écologique"
              />
            </section>
            <h2 className="fr-h6 fr-mt-4w">Comment lire ces chiffres</h2>
            <ul className="fr-text--sm">
              <li>
                Les chiffres sont ceux de l'enquête Besoins en main-d'œuvre, additionnés sur les bassins
                d'emploi de la région. Quand un bassin est couvert par le secret statistique, il n'est pas
                compté : le total est alors précédé de « au moins ». Un métier dont tous les bassins sont
                secrets est marqué « secret statistique » et n'est pas classé.
              </li>
              <li>
                Les parts (projets jugés difficiles, saisonniers) sont calculées sur les bassins où les deux
                chiffres sont publiés.
              </li>
              <li>
                Un métier de l'enquête regroupe plusieurs fiches du répertoire des métiers (table de passage
                de la Dares) : les fiches proposées sont celles qui s'y rattachent le plus.
              </li>
            </ul>
            <p className="fr-text--sm">{m.source}.</p>
            <p className="fr-text--sm">{m.sourceRome}.</p>
          </>
        )
      }
    </Chargement>
  );
}

export function MarcheTerritoire() {
  const [params, setParams] = useSearchParams();
  const cp = params.get("cp") ?? "";
  const code = params.get("commune") ?? "";
  const [commune, setCommune] = useState<Commune | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);

  useEffect(() => {
    if (!/^\d{5}$/.test(cp)) {
      setCommune(null);
      return;
    }
    let actif = true;
    api<{ communes: Commune[] }>("GET", `/api/v1/territoires/recherche?q=${cp}&limit=50`)
      .then((r) => {
        if (!actif) return;
        const c = r.communes.find((x) => x.code === code) ?? r.communes[0] ?? null;
        setCommune(c);
        setErreur(c ? null : `Aucune commune ne porte le code postal ${cp}.`);
      })
      .catch((e) => actif && setErreur(e instanceof ErreurApi ? e.message : "Recherche impossible."));
    return () => {
      actif = false;
    };
  }, [cp, code]);

  return (
    <Page
      titre="Les métiers qui recrutent près de chez vous"
      chemin={[{ libelle: "Métiers", lien: "/metiers" }]}
    >
      <p className="fr-text--lead">
        Les métiers qui recrutent le plus dans votre région, ceux où les employeurs peinent à recruter et ceux
        de la transition écologique, d'après l'enquête Besoins en main-d'œuvre de France Travail.
      </p>
      {commune && (
        <p>
          Votre commune : <strong>{commune.nom}</strong> ({cp}), {commune.departement.nom}.
        </p>
      )}
      <RechercheCommune
        onChoisir={(c) => setParams({ cp: c.codesPostaux[0] ?? "", commune: c.code }, { replace: true })}
      />
      {erreur && <Alert className="fr-mt-2w" severity="error" small description={erreur} />}
      {commune ? (
        <MarcheDeLaRegion key={commune.region.code} commune={commune} />
      ) : (
        !erreur && <p>Indiquez votre commune pour voir les métiers qui recrutent dans votre région.</p>
      )}
    </Page>
  );
}
