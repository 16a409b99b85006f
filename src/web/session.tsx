import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { api, definirJetonCsrf } from "./api";

export type Role = "beneficiaire" | "conseiller" | "responsable" | "admin";

export interface CompteConnecte {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  role: Role;
  operateurId: string | null;
  demo: boolean;
}

export type EtatSession =
  | { statut: "chargement" }
  | { statut: "anonyme" }
  | { statut: "connecte"; compte: CompteConnecte; operateur: { id: string; nom: string } | null };

interface ValeurSession {
  session: EtatSession;
  recharger(): Promise<EtatSession>;
  seDeconnecter(): Promise<void>;
}

const Contexte = createContext<ValeurSession | null>(null);

type ReponseSession =
  | { connecte: false }
  | {
      connecte: true;
      compte: CompteConnecte;
      operateur: { id: string; nom: string } | null;
      jetonCsrf: string;
    };

export function FournisseurSession({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<EtatSession>({ statut: "chargement" });
  const recharger = useCallback(async () => {
    try {
      const r = await api<ReponseSession>("GET", "/api/v1/session");
      definirJetonCsrf(r.connecte ? r.jetonCsrf : null);
      const etat: EtatSession = r.connecte
        ? { statut: "connecte", compte: r.compte, operateur: r.operateur }
        : { statut: "anonyme" };
      setSession(etat);
      return etat;
    } catch {
      const etat: EtatSession = { statut: "anonyme" };
      setSession(etat);
      return etat;
    }
  }, []);
  const seDeconnecter = useCallback(async () => {
    await api("DELETE", "/api/v1/session").catch(() => undefined);
    definirJetonCsrf(null);
    setSession({ statut: "anonyme" });
  }, []);
  useEffect(() => {
    void recharger();
  }, [recharger]);
  return <Contexte.Provider value={{ session, recharger, seDeconnecter }}>{children}</Contexte.Provider>;
}

export function useSession(): ValeurSession {
  const v = useContext(Contexte);
  if (!v) throw new Error("useSession hors de FournisseurSession");
  return v;
}

export const ACCUEIL_PAR_ROLE: Record<Role, string> = {
  beneficiaire: "/mon-espace",
  conseiller: "/conseiller",
  responsable: "/responsable",
  admin: "/admin",
};
