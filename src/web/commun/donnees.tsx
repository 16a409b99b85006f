import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { api, ErreurApi } from "../api";

export type Etat<T> =
  | { statut: "chargement" }
  | { statut: "erreur"; message: string }
  | { statut: "pret"; donnees: T };

/**
 * Charge une ressource de l'API ; `recharger` après une écriture. Quand l'adresse change (filtre, page), une réponse
 * arrivée après celle de l'adresse suivante est ignorée : l'écran montre toujours la dernière demandée.
 */
export function useDonnees<T>(url: string) {
  const [etat, setEtat] = useState<Etat<T>>({ statut: "chargement" });
  const derniere = useRef(url);
  derniere.current = url;
  const recharger = useCallback(async () => {
    try {
      const donnees = await api<T>("GET", url);
      if (derniere.current === url) setEtat({ statut: "pret", donnees });
    } catch (e) {
      if (derniere.current === url)
        setEtat({ statut: "erreur", message: e instanceof ErreurApi ? e.message : "Chargement impossible." });
    }
  }, [url]);
  useEffect(() => {
    void recharger();
  }, [recharger]);
  return { etat, recharger };
}

/** Affiche le chargement, l'erreur, ou le contenu. */
export function Chargement<T>({ etat, children }: { etat: Etat<T>; children: (d: T) => ReactNode }) {
  if (etat.statut === "chargement")
    return (
      <p role="status" aria-live="polite">
        Chargement…
      </p>
    );
  if (etat.statut === "erreur")
    return <Alert severity="error" title="Chargement impossible" description={etat.message} />;
  return <>{children(etat.donnees)}</>;
}
