import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { Link } from "react-router";
import { api, ErreurApi } from "../../api";
import { type AppellationChoisie, ChoixAppellation } from "../../commun/competences/ChoixAppellation";
import { CartePiste, FiltresMetiers } from "../../commun/competences/Pistes";
import type { Piste } from "../../commun/competences/types";
import { Page } from "../../commun/Page";

/**
 * Explorer des pistes sans compte : la personne indique les métiers qu'elle a exercés (rapprochés du répertoire), et
 * obtient les métiers proches, chacun expliqué. Rien n'est enregistré (POST /api/v1/pistes-metiers).
 */
export function ExplorerPistes() {
  const [metiers, setMetiers] = useState<(AppellationChoisie & { intitule: string; id: string })[]>([]);
  const [region, setRegion] = useState("");
  const [regions, setRegions] = useState<{ code: string; nom: string }[]>([]);
  const [verte, setVerte] = useState(false);
  const [sansReglemente, setSansReglemente] = useState(false);
  const [pistes, setPistes] = useState<Piste[] | null>(null);
  const [source, setSource] = useState("");
  const [erreur, setErreur] = useState<string | null>(null);
  const [annonce, setAnnonce] = useState("");

  async function chercher() {
    setErreur(null);
    try {
      const r = await api<{ pistes: Piste[]; regions: { code: string; nom: string }[]; source: string }>(
        "POST",
        "/api/v1/pistes-metiers",
        {
          appellations: metiers.map((m) => m.codeOgr),
          competences: [],
          ...(region ? { region } : {}),
          limite: 15,
          filtres: { transitionEcologique: verte, sansEmploiReglemente: sansReglemente },
        },
      );
      setPistes(r.pistes);
      setRegions(r.regions);
      setSource(r.source);
      setAnnonce(`${r.pistes.length} pistes trouvées.`);
    } catch (e) {
      setPistes(null);
      setErreur(
        e instanceof ErreurApi
          ? e.champs.map((c) => c.message).join(" ") || e.message
          : "Recherche impossible.",
      );
    }
  }

  return (
    <Page titre="Quels métiers à partir de mon expérience ?">
      <p className="fr-text--lead">
        Indiquez les métiers que vous avez exercés : vous verrez les métiers proches, ce que vous savez déjà
        faire et ce qu'il vous resterait à apprendre. Sans compte ; rien n'est enregistré.
      </p>
      <h2>Mes expériences</h2>
      {metiers.length === 0 ? (
        <p>Aucune expérience pour l'instant.</p>
      ) : (
        <ul>
          {metiers.map((m) => (
            <li key={m.id}>
              {m.intitule} — « {m.libelle} » (fiche {m.codeRome})
              <Button
                priority="tertiary no outline"
                size="small"
                type="button"
                className="fr-ml-1w"
                onClick={() => setMetiers(metiers.filter((x) => x.id !== m.id))}
              >
                Retirer « {m.intitule} »
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ChoixAppellation
        libelle="Ajouter un métier exercé"
        aide="Tel que vous le diriez, par exemple « caissière » ou « vendeuse en boulangerie »"
        valider="Ajouter ce métier"
        permettreAucune={false}
        surChoix={(intitule, a) => a && setMetiers([...metiers, { ...a, intitule, id: crypto.randomUUID() }])}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void chercher();
        }}
      >
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Affiner</legend>
          <div className="fr-fieldset__element">
            <Select
              label="Région (recrutements prévus en 2025)"
              hint="La liste des régions s'affiche après une première recherche."
              nativeSelectProps={{ value: region, onChange: (e) => setRegion(e.target.value) }}
            >
              <option value="">Sans région</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.nom}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <FiltresMetiers
              verte={verte}
              setVerte={setVerte}
              sansReglemente={sansReglemente}
              setSansReglemente={setSansReglemente}
            />
          </div>
          <div className="fr-fieldset__element">
            <Button type="submit" disabled={metiers.length === 0}>
              Voir les métiers proches
            </Button>
          </div>
        </fieldset>
      </form>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {annonce}
      </p>
      {erreur && (
        <Alert severity="error" title="Recherche impossible" description={erreur} className="fr-mb-2w" />
      )}
      {pistes && (
        <>
          <h2>Métiers proches de votre expérience</h2>
          <ol className="fr-raw-list">
            {pistes.map((p) => (
              <li key={p.codeRome}>
                <CartePiste p={p} retenue={false} modifiable={false} retenir={() => {}} />
              </li>
            ))}
          </ol>
          <p className="fr-text--xs">{source}</p>
          <p>
            Pour en parler avec un conseiller ou une conseillère, gratuitement :{" "}
            <Link to="/ou-m-adresser">où m'adresser ?</Link>
          </p>
        </>
      )}
    </Page>
  );
}
