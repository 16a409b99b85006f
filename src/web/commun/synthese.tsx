import { Table } from "@codegouvfr/react-dsfr/Table";
import type { TypeDestinataire } from "../../domain/syntheseDossier";
import { dateCourte } from "./libelles";

export { LIBELLES_DESTINATAIRE, TYPES_DESTINATAIRE } from "../../domain/syntheseDossier";

/** Ce que renvoie GET /api/v1/parcours/{id}/synthese (docs/synthese.md). */
export interface VueSynthese {
  personnel: boolean;
  brouillon: {
    niveau: 1 | 2;
    conclusions: string | null;
    prochainesEtapes: string | null;
    version: number;
    modifieLe: string;
    auteur: { prenom: string; nom: string } | null;
  } | null;
  nonRenseignees: string[];
  niveauParcours: 1 | 2;
  versions: {
    numero: number;
    niveau: 1 | 2;
    emiseLe: string;
    emisePar: { prenom: string; nom: string } | null;
    empreinte: string;
    accuseeLe: string | null;
  }[];
  corrections: {
    id: string;
    numero: number;
    commentaire: string;
    demandeeLe: string;
    traiteeLe: string | null;
    corrigeeParNumero: number | null;
  }[];
  accords: {
    id: string;
    destinataire: string;
    typeDestinataire: TypeDestinataire;
    accordeLe: string;
    retireLe: string | null;
    version: number;
  }[];
}

export const urlDocument = (parcoursId: string, format: "pdf" | "html", version: number | "brouillon") =>
  `/api/v1/parcours/${parcoursId}/synthese.${format}?version=${version}`;

/** Les versions émises, chacune lisible en HTML (accessible) et téléchargeable en PDF, avec son empreinte. */
export function VersionsSynthese({ parcoursId, v }: { parcoursId: string; v: VueSynthese }) {
  return (
    <Table
      caption="Versions émises du document de synthèse"
      headers={["Version", "Émise le", "Par", "Accusé de réception", "Empreinte SHA-256", "Document"]}
      data={[...v.versions].reverse().map((x) => [
        `Version ${x.numero} (niveau ${x.niveau})`,
        dateCourte(x.emiseLe),
        x.emisePar ? `${x.emisePar.prenom} ${x.emisePar.nom}` : "—",
        x.accuseeLe ? `Lu le ${dateCourte(x.accuseeLe)}` : "En attente",
        <code key="e" style={{ wordBreak: "break-all", fontSize: "0.75rem" }}>
          {x.empreinte}
        </code>,
        <span key="d">
          <a href={urlDocument(parcoursId, "html", x.numero)} target="_blank" rel="noopener">
            Lire la version {x.numero} (HTML, nouvel onglet)
          </a>
          <br />
          <a href={urlDocument(parcoursId, "pdf", x.numero)} download>
            Télécharger la version {x.numero} (PDF)
          </a>
        </span>,
      ])}
    />
  );
}
