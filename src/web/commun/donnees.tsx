import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { api, ErreurApi } from "../api";

export type Etat<T> =
  | { statut: "chargement" }
  | { statut: "erreur"; message: string }
  | { statut: "pret"; donnees: T };

/** Charge une ressource de l'API ; `recharger` après une écriture. */
export function useDonnees<T>(url: string) {
  const [etat, setEtat] = useState<Etat<T>>({ statut: "chargement" });
  const recharger = useCallback(async () => {
    try {
      setEtat({ statut: "pret", donnees: await api<T>("GET", url) });
    } catch (e) {
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
