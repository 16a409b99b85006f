import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { api, ErreurApi } from "../../api";

export interface Commune {
  code: string;
  nom: string;
  codesPostaux: string[];
  departement: { code: string; nom: string };
  region: { code: string; nom: string };
}

/**
 * Choix d'une commune par code postal ou par nom (motif ARIA « combobox » avec liste) : flèches pour parcourir,
 * Entrée pour choisir, Échap pour fermer ; le nombre de propositions est annoncé.
 */
export function RechercheCommune({ onChoisir }: { onChoisir: (c: Commune) => void }) {
  const id = useId();
  const [texte, setTexte] = useState("");
  const [communes, setCommunes] = useState<Commune[]>([]);
  const [actif, setActif] = useState(-1);
  const [ouvert, setOuvert] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const demande = useRef(0);

  useEffect(() => {
    const q = texte.trim();
    if (q.length < 2) {
      setCommunes([]);
      return;
    }
    const n = ++demande.current;
    const minuterie = setTimeout(async () => {
      try {
        const r = await api<{ communes: Commune[] }>(
          "GET",
          `/api/v1/territoires/recherche?q=${encodeURIComponent(q.slice(0, 100))}&limit=8`,
        );
        if (n !== demande.current) return;
        setCommunes(r.communes);
        setErreur(null);
        setActif(-1);
      } catch (e) {
        if (n === demande.current) setErreur(e instanceof ErreurApi ? e.message : "Recherche impossible.");
      }
    }, 150);
    return () => clearTimeout(minuterie);
  }, [texte]);

  function choisir(c: Commune) {
    setTexte(`${c.nom} (${c.codesPostaux[0] ?? c.departement.code})`);
    setOuvert(false);
    setCommunes([]);
    onChoisir(c);
  }

  function touche(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && communes.length) {
      e.preventDefault();
      setOuvert(true);
      setActif((a) => (a + 1) % communes.length);
    } else if (e.key === "ArrowUp" && communes.length) {
      e.preventDefault();
      setActif((a) => (a <= 0 ? communes.length - 1 : a - 1));
    } else if (e.key === "Enter") {
      const c = communes[actif >= 0 ? actif : 0];
      if (c) {
        e.preventDefault();
        choisir(c);
      }
    } else if (e.key === "Escape") {
      setOuvert(false);
      setActif(-1);
    }
  }

  const liste = `${id}-liste`;
  const visible = ouvert && communes.length > 0;
  return (
    <div>
      <div className={`fr-input-group${erreur ? " fr-input-group--error" : ""}`}>
        <label className="fr-label" htmlFor={`${id}-champ`}>
          Votre commune
          <span className="fr-hint-text">
            Code postal ou nom ; la région correspondante est choisie pour vous
          </span>
        </label>
        <input
          id={`${id}-champ`}
          className="fr-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={visible}
          aria-controls={liste}
          aria-activedescendant={visible && actif >= 0 ? `${id}-option-${actif}` : undefined}
          autoComplete="off"
          maxLength={100}
          value={texte}
          onChange={(e) => {
            setTexte(e.target.value);
            setOuvert(true);
          }}
          onKeyDown={touche}
          onBlur={() => setTimeout(() => setOuvert(false), 200)}
        />
        {erreur && <p className="fr-error-text">{erreur}</p>}
      </div>
      <div
        id={liste}
        role="listbox"
        aria-label="Communes proposées"
        hidden={!visible}
        style={{ border: visible ? "1px solid var(--border-default-grey)" : undefined }}
      >
        {communes.map((c, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: le clavier passe par le champ (motif combobox ARIA).
          <div
            key={c.code}
            id={`${id}-option-${i}`}
            tabIndex={-1}
            role="option"
            aria-selected={i === actif}
            className="fr-px-2w fr-py-1w"
            style={{
              cursor: "pointer",
              background: i === actif ? "var(--background-action-low-blue-france)" : undefined,
            }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choisir(c)}
          >
            {c.nom} ({c.codesPostaux.join(", ")}) — {c.departement.nom}, {c.region.nom}
          </div>
        ))}
      </div>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {texte.trim().length >= 2 && ouvert
          ? communes.length
            ? `${communes.length} communes proposées`
            : "Aucune commune proposée"
          : ""}
      </p>
    </div>
  );
}
