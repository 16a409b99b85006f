import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useRef, useState } from "react";
import { ErreurApi, type ErreurChamp } from "../api";

/**
 * État d'un formulaire : erreurs par champ (affichées à côté du champ) et résumé en haut du formulaire,
 * qui reçoit le focus après un envoi refusé pour que les lecteurs d'écran l'annoncent.
 */
export function useFormulaire() {
  const [erreurs, setErreurs] = useState<ErreurChamp[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const resume = useRef<HTMLDivElement>(null);

  async function soumettre<T>(action: () => Promise<T>): Promise<T | undefined> {
    setEnvoi(true);
    setErreurs([]);
    setMessage(null);
    try {
      return await action();
    } catch (e) {
      if (e instanceof ErreurApi) {
        setErreurs(e.champs);
        setMessage(e.message);
      } else setMessage("Une erreur inattendue s'est produite. Réessayez.");
      setTimeout(() => resume.current?.focus(), 0);
      return undefined;
    } finally {
      setEnvoi(false);
    }
  }

  const erreurDe = (champ: string) => erreurs.find((e) => e.champ === champ)?.message;
  const etat = (champ: string) =>
    erreurDe(champ) ? { state: "error" as const, stateRelatedMessage: erreurDe(champ) } : {};

  return { soumettre, erreurDe, etat, envoi, resume, erreurs, message };
}

export function ResumeErreurs({
  message,
  erreurs,
  cible,
  libelles,
}: {
  message: string | null;
  erreurs: ErreurChamp[];
  cible: React.RefObject<HTMLDivElement | null>;
  libelles?: Record<string, string>;
}) {
  return (
    <div ref={cible} tabIndex={-1}>
      {message && (
        <Alert
          className="fr-mb-3w"
          severity="error"
          title={message}
          description={
            erreurs.length > 0 ? (
              <ul>
                {erreurs.map((e) => (
                  <li key={e.champ}>
                    {libelles?.[e.champ] ? (
                      <a href={`#champ-${e.champ}`}>
                        {libelles[e.champ]} : {e.message}
                      </a>
                    ) : (
                      e.message
                    )}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
