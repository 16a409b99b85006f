/** Client de l'API : JSON, cookie de session, jeton CSRF sur les écritures, erreurs en français. */

export interface ErreurChamp {
  champ: string;
  message: string;
}

export class ErreurApi extends Error {
  constructor(
    readonly statut: number,
    readonly code: string,
    message: string,
    readonly champs: ErreurChamp[] = [],
  ) {
    super(message);
  }
}

let jetonCsrf: string | null = null;
export function definirJetonCsrf(jeton: string | null) {
  jetonCsrf = jeton;
}

export async function api<T = unknown>(methode: string, url: string, corps?: unknown): Promise<T> {
  const entetes: Record<string, string> = { accept: "application/json" };
  if (corps !== undefined) entetes["content-type"] = "application/json";
  if (methode !== "GET" && jetonCsrf) entetes["x-csrf-token"] = jetonCsrf;
  let reponse: Response;
  try {
    reponse = await fetch(url, {
      method: methode,
      headers: entetes,
      body: corps === undefined ? null : JSON.stringify(corps),
      credentials: "same-origin",
    });
  } catch {
    throw new ErreurApi(0, "reseau", "Le service ne répond pas. Vérifiez votre connexion puis réessayez.");
  }
  if (reponse.status === 204) return undefined as T;
  const donnees = await reponse.json().catch(() => null);
  if (!reponse.ok) {
    const e = donnees?.erreur;
    throw new ErreurApi(
      reponse.status,
      e?.code ?? "inconnue",
      e?.message ?? "Une erreur inattendue s'est produite. Réessayez.",
      e?.champs ?? [],
    );
  }
  return donnees as T;
}
