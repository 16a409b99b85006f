import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api, ErreurApi } from "../../api";
import type { ResultatRecherche } from "./types";

/**
 * Recherche d'un métier avec propositions (motif ARIA « combobox » avec liste) : flèches haut/bas pour parcourir,
 * Entrée pour ouvrir la fiche, Échap pour fermer. Le nombre de propositions est annoncé aux lecteurs d'écran.
 */
export function RechercheMetier() {
  const id = useId();
  const naviguer = useNavigate();
  const [texte, setTexte] = useState("");
  const [resultats, setResultats] = useState<ResultatRecherche[]>([]);
  const [actif, setActif] = useState(-1);
  const [ouvert, setOuvert] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  // Attribution des référentiels utilisés par la recherche (ROME ; ESCO quand ses libellés sont chargés).
  const [source, setSource] = useState("");
  const demande = useRef(0);

  useEffect(() => {
    const q = texte.trim();
    if (q.length < 2) {
      setResultats([]);
      return;
    }
    const n = ++demande.current;
    const minuterie = setTimeout(async () => {
      try {
        const r = await api<{ resultats: ResultatRecherche[]; source: string }>(
          "GET",
          `/api/v1/metiers/recherche?q=${encodeURIComponent(q.slice(0, 200))}&limit=8`,
        );
        if (n !== demande.current) return;
        setResultats(r.resultats);
        setSource(r.source);
        setErreur(null);
        setOuvert(true);
        setActif(-1);
      } catch (e) {
        if (n === demande.current) setErreur(e instanceof ErreurApi ? e.message : "Recherche impossible.");
      }
    }, 150);
    return () => clearTimeout(minuterie);
  }, [texte]);

  const ouvrir = (r: ResultatRecherche) => naviguer(`/metiers/${r.codeRome}`);

  function touche(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" && resultats.length) {
      e.preventDefault();
      setOuvert(true);
      setActif((a) => (a + 1) % resultats.length);
    } else if (e.key === "ArrowUp" && resultats.length) {
      e.preventDefault();
      setActif((a) => (a <= 0 ? resultats.length - 1 : a - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const r = resultats[actif >= 0 ? actif : 0];
      if (r) ouvrir(r);
    } else if (e.key === "Escape") {
      setOuvert(false);
      setActif(-1);
    }
  }

  const liste = `${id}-liste`;
  const visible = ouvert && resultats.length > 0;
  return (
    <div className="fr-mb-4w">
      <div className={`fr-input-group${erreur ? " fr-input-group--error" : ""}`}>
        <label className="fr-label" htmlFor={`${id}-champ`}>
          Rechercher un métier
          <span className="fr-hint-text">
            Un intitulé tel qu'on l'écrit, par exemple « secrétaire médicale » ou « dev web »
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
          maxLength={200}
          value={texte}
          onChange={(e) => setTexte(e.target.value)}
          onKeyDown={touche}
          onBlur={() => setTimeout(() => setOuvert(false), 200)}
          onFocus={() => setOuvert(true)}
        />
        {erreur && <p className="fr-error-text">{erreur}</p>}
      </div>
      <div
        id={liste}
        role="listbox"
        aria-label="Métiers proposés"
        hidden={!visible}
        className="fr-p-0 fr-m-0"
        style={{ border: visible ? "1px solid var(--border-default-grey)" : undefined }}
      >
        {resultats.map((r, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: le clavier passe par le champ (motif combobox ARIA).
          <div
            key={`${r.appellation.codeOgr}`}
            tabIndex={-1}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === actif}
            className="fr-px-2w fr-py-1w"
            style={{
              cursor: "pointer",
              background: i === actif ? "var(--background-action-low-blue-france)" : undefined,
            }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => ouvrir(r)}
          >
            {r.appellation.libelle}{" "}
            <span className="fr-text--sm fr-mb-0">
              — fiche {r.codeRome} {r.libelleRome}
            </span>
          </div>
        ))}
      </div>
      {visible && source && <p className="fr-text--xs fr-mt-1w fr-mb-0">{source}</p>}
      <p className="fr-sr-only" role="status" aria-live="polite">
        {texte.trim().length >= 2
          ? resultats.length
            ? `${resultats.length} métiers proposés`
            : "Aucun métier proposé"
          : ""}
      </p>
    </div>
  );
}
