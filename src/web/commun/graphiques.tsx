import { Table } from "@codegouvfr/react-dsfr/Table";

/** Une table d'indicateurs telle que l'API la renvoie (valeurs brutes, ou « < 5 » quand elles sont masquées). */
export interface TableauVue {
  id: string;
  titre: string;
  colonnes: string[];
  lignes: { cle: string; libelle: string; valeurs: (number | string | null)[] }[];
  graphique?: boolean;
  /** Colonne représentée par le graphique (défaut : la première). */
  colonneGraphique?: number;
  masque?: boolean;
}

const nombre = (v: number | string | null) => (typeof v === "number" ? v : 0);
export const afficher = (v: number | string | null) =>
  v === null ? "—" : typeof v === "number" ? v.toLocaleString("fr-FR") : v;

/**
 * Diagramme en barres horizontales, en SVG : une image (`role="img"`) dont le texte de remplacement énonce toutes les
 * valeurs ; la table de données qui l'accompagne toujours (TableIndicateur) en donne le détail.
 */
export function Barres({ tableau, colonne = 0 }: { tableau: TableauVue; colonne?: number }) {
  const lignes = tableau.lignes;
  const max = Math.max(1, ...lignes.map((l) => nombre(l.valeurs[colonne] ?? null)));
  const hauteurBarre = 28;
  const largeurLibelle = 260;
  const largeurBarres = 360;
  const hauteur = lignes.length * (hauteurBarre + 8) + 8;
  const resume = `${tableau.titre} (${tableau.colonnes[colonne]}) : ${lignes
    .map((l) => `${l.libelle}, ${afficher(l.valeurs[colonne] ?? null)}`)
    .join(" ; ")}.`;
  return (
    <svg
      role="img"
      aria-label={resume}
      viewBox={`0 0 ${largeurLibelle + largeurBarres + 60} ${hauteur}`}
      width="100%"
      style={{ maxWidth: "42rem", display: "block" }}
      className="fr-mb-2w"
    >
      {lignes.map((l, i) => {
        const v = l.valeurs[colonne] ?? null;
        const y = 8 + i * (hauteurBarre + 8);
        const largeur = (nombre(v) / max) * largeurBarres;
        return (
          <g key={l.cle}>
            <text
              x={largeurLibelle - 8}
              y={y + hauteurBarre / 2 + 5}
              textAnchor="end"
              fontSize="13"
              fill="#161616"
            >
              {l.libelle.length > 38 ? `${l.libelle.slice(0, 37)}…` : l.libelle}
            </text>
            <rect x={largeurLibelle} y={y} width={largeur} height={hauteurBarre} fill="#000091" rx="2" />
            <text x={largeurLibelle + largeur + 6} y={y + hauteurBarre / 2 + 5} fontSize="13" fill="#161616">
              {afficher(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Table de données DSFR d'un indicateur (toujours présente, graphique ou non). */
export function TableIndicateur({ tableau }: { tableau: TableauVue }) {
  return (
    <Table
      caption={tableau.titre}
      noCaption
      bordered
      headers={["Catégorie", ...tableau.colonnes]}
      data={tableau.lignes.map((l) => [l.libelle, ...l.valeurs.map(afficher)])}
    />
  );
}

/** Un indicateur : titre, graphique éventuel et sa table. */
export function Indicateur({ tableau, niveauTitre = 2 }: { tableau: TableauVue; niveauTitre?: 2 | 3 }) {
  const Titre = niveauTitre === 2 ? "h2" : "h3";
  const vide = tableau.lignes.length === 0;
  return (
    <section aria-labelledby={`titre-${tableau.id}`} className="fr-mb-6w">
      <Titre id={`titre-${tableau.id}`} className="fr-h4">
        {tableau.titre}
      </Titre>
      {vide ? (
        <p>Aucune donnée pour cette période et ces filtres.</p>
      ) : (
        <>
          {tableau.graphique && <Barres tableau={tableau} colonne={tableau.colonneGraphique ?? 0} />}
          <TableIndicateur tableau={tableau} />
        </>
      )}
    </section>
  );
}
