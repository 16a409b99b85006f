import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { type ReactNode, useEffect } from "react";

export interface Segment {
  libelle: string;
  lien: string;
}

/** Gabarit de page : un seul h1, un fil d'Ariane au-delà de l'accueil, le titre du document. */
export function Page({
  titre,
  chemin,
  children,
  accueil = "/",
  sansFilAriane = false,
}: {
  titre: string;
  chemin?: Segment[];
  children: ReactNode;
  accueil?: string;
  sansFilAriane?: boolean;
}) {
  useEffect(() => {
    document.title = `${titre} — Conseil en évolution professionnelle`;
  }, [titre]);
  return (
    <div className="fr-container fr-pb-8w">
      {sansFilAriane ? (
        <div className="fr-pt-4w" />
      ) : (
        <Breadcrumb
          currentPageLabel={titre}
          homeLinkProps={{ to: accueil }}
          segments={(chemin ?? []).map((s) => ({ label: s.libelle, linkProps: { to: s.lien } }))}
        />
      )}
      <h1>{titre}</h1>
      {children}
    </div>
  );
}
