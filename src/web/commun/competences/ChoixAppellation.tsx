import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useId, useState } from "react";
import { api, ErreurApi } from "../../api";
import type { ResultatRecherche } from "../../public/metiers/types";

export interface AppellationChoisie {
  codeOgr: string;
  libelle: string;
  codeRome: string;
  libelleRome: string;
}

/**
 * Un intitulé écrit librement (« caissière ») rapproché d'une appellation ROME : la recherche propose, la personne
 * choisit et confirme (ou indique qu'aucune ne correspond). Sans liste déroulante dynamique : des boutons radio, plus
 * simples au clavier et aux lecteurs d'écran.
 */
export function ChoixAppellation(props: {
  libelle: string;
  aide?: string;
  valider: string;
  surChoix: (intitule: string, a: AppellationChoisie | null) => void;
  permettreAucune?: boolean;
}) {
  const id = useId();
  const [texte, setTexte] = useState("");
  const [resultats, setResultats] = useState<ResultatRecherche[] | null>(null);
  const [choix, setChoix] = useState<string>("");
  const [erreur, setErreur] = useState<string | null>(null);
  const [source, setSource] = useState("");

  async function chercher() {
    setErreur(null);
    if (texte.trim().length < 2) {
      setErreur("Saisissez au moins deux lettres.");
      return;
    }
    try {
      const r = await api<{ resultats: ResultatRecherche[]; source: string }>(
        "GET",
        `/api/v1/metiers/recherche?q=${encodeURIComponent(texte.trim().slice(0, 200))}&limit=6`,
      );
      setResultats(r.resultats);
      setSource(r.source);
      setChoix(r.resultats[0] ? r.resultats[0].appellation.codeOgr : "");
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "Recherche impossible.");
    }
  }

  function confirmer() {
    const r = resultats?.find((x) => x.appellation.codeOgr === choix);
    props.surChoix(
      texte.trim(),
      r
        ? {
            codeOgr: r.appellation.codeOgr,
            libelle: r.appellation.libelle,
            codeRome: r.codeRome,
            libelleRome: r.libelleRome,
          }
        : null,
    );
    setTexte("");
    setResultats(null);
    setChoix("");
  }

  return (
    <div className="fr-mb-3w">
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-8">
          <Input
            label={props.libelle}
            hintText={props.aide}
            state={erreur ? "error" : "default"}
            stateRelatedMessage={erreur ?? undefined}
            nativeInputProps={{
              value: texte,
              maxLength: 200,
              onChange: (e) => setTexte(e.target.value),
              onKeyDown: (e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void chercher();
                }
              },
            }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Button priority="secondary" type="button" onClick={() => void chercher()} className="fr-mb-3w">
            Rechercher dans le ROME
          </Button>
        </div>
      </div>
      {resultats && (
        <div>
          {resultats.length === 0 && (
            <p>Aucun métier ne correspond : reformulez, ou gardez votre intitulé.</p>
          )}
          <RadioButtons
            legend={`Quel métier du répertoire correspond à « ${texte.trim()} » ?`}
            name={`appellation-${id}`}
            options={[
              ...resultats.map((r) => ({
                label: `${r.appellation.libelle}`,
                hintText: `Fiche ${r.codeRome} — ${r.libelleRome}`,
                nativeInputProps: {
                  value: r.appellation.codeOgr,
                  checked: choix === r.appellation.codeOgr,
                  onChange: () => setChoix(r.appellation.codeOgr),
                },
              })),
              ...(props.permettreAucune !== false
                ? [
                    {
                      label: "Aucune ne correspond (garder mon intitulé)",
                      nativeInputProps: { value: "", checked: choix === "", onChange: () => setChoix("") },
                    },
                  ]
                : []),
            ]}
          />
          {source && <p className="fr-text--xs">{source}</p>}
          <Button type="button" onClick={confirmer} disabled={props.permettreAucune === false && !choix}>
            {props.valider}
          </Button>
        </div>
      )}
    </div>
  );
}
