import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { Link } from "react-router";
import { api, ErreurApi } from "../../api";
import { Chargement, useDonnees } from "../donnees";
import { type Piste, type PisteRetenue, pourcent, type ReponsePistes, type ReponseProfil } from "./types";

/**
 * Pistes métiers du profil enregistré : chaque piste explique ce que la personne détient déjà (compétences
 * transférables), ce qui reste à acquérir, le lien de mobilité du ROME, les chiffres du marché de la région, et signale
 * les métiers réglementés et ceux de la transition écologique. Une piste peut être retenue pour en parler.
 */
export function PistesMetiersSection({
  parcoursId,
  modifiable,
}: {
  parcoursId: string;
  modifiable: boolean;
}) {
  const profil = useDonnees<ReponseProfil>(`/api/v1/parcours/${parcoursId}/profil`);
  const [region, setRegion] = useState<string | null>(null);
  const [verte, setVerte] = useState(false);
  const [sansReglemente, setSansReglemente] = useState(false);
  const [cadre, setCadre] = useState<"" | "true" | "false">("");
  const [resultat, setResultat] = useState<ReponsePistes | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [annonce, setAnnonce] = useState("");

  async function chercher(r = region) {
    setErreur(null);
    const q = new URLSearchParams({ limite: "15" });
    if (r) q.set("region", r);
    if (verte) q.set("transitionEcologique", "true");
    if (sansReglemente) q.set("sansEmploiReglemente", "true");
    if (cadre) q.set("cadre", cadre);
    try {
      const d = await api<ReponsePistes>("GET", `/api/v1/parcours/${parcoursId}/pistes?${q}`);
      setResultat(d);
      if (region === null && d.regionOperateur && d.regions.some((x) => x.code === d.regionOperateur)) {
        setRegion(d.regionOperateur);
        if (!r) return chercher(d.regionOperateur);
      }
      setAnnonce(`${d.pistes.length} pistes trouvées.`);
    } catch (e) {
      setErreur(
        e instanceof ErreurApi
          ? e.champs.map((c) => c.message).join(" ") || e.message
          : "Recherche impossible.",
      );
      setResultat(null);
    }
  }

  async function retenir(p: Piste) {
    try {
      await api("POST", `/api/v1/parcours/${parcoursId}/pistes-retenues`, { codeRome: p.codeRome });
      setAnnonce(`Piste « ${p.libelle} » retenue.`);
      await profil.recharger();
    } catch (e) {
      setErreur(e instanceof ErreurApi ? e.message : "Enregistrement impossible.");
    }
  }
  async function retirer(codeRome: string) {
    await api("DELETE", `/api/v1/parcours/${parcoursId}/pistes-retenues/${codeRome}`).catch(() => {});
    await profil.recharger();
  }

  return (
    <>
      <h2>Pistes métiers</h2>
      <Chargement etat={profil.etat}>
        {(d) => <PistesRetenues pistes={d.pistesRetenues} modifiable={modifiable} retirer={retirer} />}
      </Chargement>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void chercher();
        }}
        className="fr-mb-3w"
      >
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Chercher des pistes à partir du profil enregistré</legend>
          <div className="fr-fieldset__element">
            <Select
              label="Région (chiffres de recrutement BMO 2025)"
              nativeSelectProps={{
                value: region ?? "",
                onChange: (e) => setRegion(e.target.value || ""),
              }}
            >
              <option value="">Sans région</option>
              {(resultat?.regions ?? []).map((r) => (
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
            <Select
              label="Statut des métiers proposés"
              nativeSelectProps={{
                value: cadre,
                onChange: (e) => setCadre(e.target.value as "" | "true" | "false"),
              }}
            >
              <option value="">Cadres et non-cadres</option>
              <option value="true">Métiers cadres seulement</option>
              <option value="false">Métiers non cadres seulement</option>
            </Select>
          </div>
          <div className="fr-fieldset__element">
            <Button type="submit">Chercher des pistes</Button>
          </div>
        </fieldset>
      </form>
      <p className="fr-sr-only" role="status" aria-live="polite">
        {annonce}
      </p>
      {erreur && (
        <Alert severity="error" title="Pistes indisponibles" description={erreur} className="fr-mb-2w" />
      )}
      {resultat && (
        <Chargement etat={profil.etat}>
          {(d) => (
            <ol className="fr-raw-list">
              {resultat.pistes.map((p) => (
                <li key={p.codeRome}>
                  <CartePiste
                    p={p}
                    retenue={d.pistesRetenues.some((x) => x.codeRome === p.codeRome)}
                    modifiable={modifiable}
                    retenir={() => void retenir(p)}
                  />
                </li>
              ))}
            </ol>
          )}
        </Chargement>
      )}
      <p className="fr-text--xs">Source : France Travail, ROME 4.0 ; enquête Besoins en main-d'œuvre 2025.</p>
    </>
  );
}

function PistesRetenues(props: {
  pistes: PisteRetenue[];
  modifiable: boolean;
  retirer: (c: string) => void;
}) {
  if (!props.pistes.length) return <p>Aucune piste retenue pour l'instant.</p>;
  return (
    <>
      <h3>Pistes retenues pour en parler</h3>
      <ul>
        {props.pistes.map((p) => (
          <li key={p.codeRome}>
            <Link to={`/metiers/${p.codeRome}`}>
              {p.libelle} ({p.codeRome})
            </Link>
            {p.commentaire && ` — ${p.commentaire}`}
            {props.modifiable && (
              <Button
                priority="tertiary no outline"
                size="small"
                type="button"
                className="fr-ml-1w"
                onClick={() => props.retirer(p.codeRome)}
              >
                Retirer la piste « {p.libelle} »
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function CartePiste(props: { p: Piste; retenue: boolean; modifiable: boolean; retenir: () => void }) {
  const { p } = props;
  return (
    <article className="fr-p-3w fr-mb-2w" style={{ border: "1px solid var(--border-default-grey)" }}>
      <h3 className="fr-h5 fr-mb-1w">
        <Link to={`/metiers/${p.codeRome}`}>{p.libelle}</Link>{" "}
        <span className="fr-text--sm">({p.codeRome})</span>
      </h3>
      <p className="fr-mb-1w">
        Correspondance : <strong>{pourcent(p.couverture)}</strong> du métier déjà couvert{" "}
        {p.mobilite && (
          <Badge small severity="success" noIcon className="fr-ml-1w">
            Mobilité repérée par le ROME
          </Badge>
        )}
        {p.emploiReglemente && (
          <Badge small severity="warning" noIcon className="fr-ml-1w">
            Métier réglementé
          </Badge>
        )}
        {p.transitionEcologique && (
          <Badge small severity="new" noIcon className="fr-ml-1w">
            Transition écologique
          </Badge>
        )}
      </p>
      <ul className="fr-mb-1w">
        {p.explication.map((x) => (
          <li key={x}>{x}</li>
        ))}
        {p.marche && (
          <li>
            Dans la région : {p.marche.projets ?? "chiffre couvert par le secret statistique"} projets de
            recrutement
            {p.marche.partDifficiles !== null && `, ${pourcent(p.marche.partDifficiles)} jugés difficiles`}
            {p.marche.rang !== null && ` (rang ${p.marche.rang} sur ${p.marche.nombreMetiers})`}.
          </li>
        )}
      </ul>
      <details className="fr-mb-1w">
        <summary>Compétences transférables ({p.competencesAcquises.length})</summary>
        <ul>
          {p.competencesAcquises.map((c) => (
            <li key={c.codeOgr}>
              {c.libelle}
              {c.coeurMetier && " — cœur de métier"}
            </li>
          ))}
        </ul>
      </details>
      <details className="fr-mb-1w">
        <summary>Compétences à acquérir ({p.competencesAAcquerir.length})</summary>
        <ul>
          {p.competencesAAcquerir.slice(0, 30).map((c) => (
            <li key={c.codeOgr}>
              {c.libelle}
              {c.coeurMetier && " — cœur de métier"}
              {c.voisine && ` (proche de « ${c.voisine.libelle} », que vous maîtrisez)`}
            </li>
          ))}
        </ul>
      </details>
      {props.modifiable &&
        (props.retenue ? (
          <p className="fr-text--sm fr-mb-0">Piste retenue.</p>
        ) : (
          <Button priority="secondary" size="small" type="button" onClick={props.retenir}>
            Retenir la piste « {p.libelle} »
          </Button>
        ))}
    </article>
  );
}

/** Filtres communs aux pistes métiers (page publique et dossier) : transition écologique, métiers réglementés. */
export function FiltresMetiers(p: {
  verte: boolean;
  setVerte: (v: boolean) => void;
  sansReglemente: boolean;
  setSansReglemente: (v: boolean) => void;
}) {
  return (
    <Checkbox
      options={[
        {
          label: "Seulement les métiers de la transition écologique",
          nativeInputProps: { checked: p.verte, onChange: (e) => p.setVerte(e.target.checked) },
        },
        {
          label: "Sans les métiers réglementés (diplôme obligatoire)",
          nativeInputProps: {
            checked: p.sansReglemente,
            onChange: (e) => p.setSansReglemente(e.target.checked),
          },
        },
      ]}
    />
  );
}
