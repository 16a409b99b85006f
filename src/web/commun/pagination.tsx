import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { useCallback } from "react";
import { useSearchParams } from "react-router";

/** Une page d'une liste paginée par le serveur (GET /api/v1/parcours). */
export interface PageListe<T> {
  dossiers: T[];
  /** Nombre de lignes qui répondent aux filtres, toutes pages confondues. */
  total: number;
  page: number;
  parPage: number;
}

/**
 * Numéro de page gardé dans l'adresse (`?page=3`) : un lien de page se partage, le bouton « Précédent » du navigateur
 * revient à la page d'avant. `premierePage` revient au début (à appeler quand un filtre change).
 */
export function usePageDansAdresse(parametre = "page") {
  const [params, setParams] = useSearchParams();
  const lu = Number(params.get(parametre));
  const page = Number.isInteger(lu) && lu >= 1 ? lu : 1;
  const lien = useCallback(
    (n: number) => {
      const p = new URLSearchParams(params);
      if (n === 1) p.delete(parametre);
      else p.set(parametre, String(n));
      const s = p.toString();
      return { to: { search: s ? `?${s}` : "" } };
    },
    [params, parametre],
  );
  const premierePage = useCallback(() => {
    setParams(
      (p) => {
        p.delete(parametre);
        return p;
      },
      { replace: true },
    );
  }, [setParams, parametre]);
  return { page, lien, premierePage };
}

/** « 1 234 dossiers » (espace fine insécable des milliers, comme en français). */
export function nombreDossiers(n: number) {
  return `${n.toLocaleString("fr-FR")} dossier${n > 1 ? "s" : ""}`;
}

/** Légende d'une liste paginée : le total, et la page courante quand il y en a plusieurs. */
export function legendeListe(l: PageListe<unknown>, suffixe = "") {
  const pages = Math.ceil(l.total / l.parPage);
  return `${nombreDossiers(l.total)}${suffixe}${pages > 1 ? ` — page ${l.page} sur ${pages}` : ""}`;
}

/** Pagination du DSFR (liens de page, clavier et lecteur d'écran), seulement s'il y a plus d'une page. */
export function PaginationListe({
  liste,
  lien,
}: {
  liste: PageListe<unknown>;
  lien: (n: number) => { to: { search: string } };
}) {
  const pages = Math.ceil(liste.total / liste.parPage);
  if (pages <= 1) return null;
  return (
    <Pagination
      className="fr-mt-2w"
      count={pages}
      defaultPage={Math.min(liste.page, pages)}
      getPageLinkProps={lien}
      showFirstLast
    />
  );
}
