import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { dateEnToutesLettres } from "../../domain/financement/dates";
import { type Parametre, valeurDateeAu } from "../../domain/financement/parametres";
import { api, ErreurApi } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { Page } from "../commun/Page";

interface ParametreVue extends Parametre {
  version: number;
  surcharges: { debut: string; valeur: number | null; source: string; motif: string; creeLe: string }[];
}

const LIBELLES = {
  id: "Paramètre à modifier",
  debut: "Date d'effet",
  valeur: "Nouvelle valeur",
  source: "Source",
  motif: "Motif de la modification",
};

const aujourdhui = () => new Date().toISOString().slice(0, 10);
const afficher = (p: Parametre, v: number | null | undefined) =>
  v === null || v === undefined
    ? "pas de règle"
    : p.unite === "euros"
      ? `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(v)} €`
      : p.unite === "booléen"
        ? v
          ? "oui"
          : "non"
        : `${v} ${p.unite}`;

function FormulaireValeur({ parametres, apres }: { parametres: ParametreVue[]; apres: () => Promise<void> }) {
  const [v, setV] = useState({
    id: parametres[0]!.id,
    debut: "",
    valeur: "",
    sansRegle: false,
    source: "",
    motif: "",
  });
  const [ok, setOk] = useState<string | null>(null);
  const [conflit, setConflit] = useState<string | null>(null);
  const f = useFormulaire();
  const choisi = parametres.find((p) => p.id === v.id)!;
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    setConflit(null);
    const r = await f.soumettre(async () => {
      try {
        return await api<ParametreVue>("POST", `/api/v1/financement/parametres/${v.id}/valeurs`, {
          debut: v.debut,
          valeur: v.sansRegle
            ? null
            : v.valeur.trim() === ""
              ? undefined
              : Number(v.valeur.replace(",", ".")),
          source: v.source,
          motif: v.motif,
          version: choisi.version,
        });
      } catch (erreur) {
        if (erreur instanceof ErreurApi && erreur.statut === 409) {
          await apres();
          setConflit(choisi.libelle);
        }
        throw erreur;
      }
    });
    if (r) {
      setOk(`Nouvelle valeur enregistrée pour « ${r.libelle} » à partir du ${dateEnToutesLettres(v.debut)}.`);
      setV({ ...v, debut: "", valeur: "", sansRegle: false, source: "", motif: "" });
      await apres();
    }
  }
  const derniere = choisi.surcharges.at(-1);
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-nouvelle-valeur" className="fr-mt-6w">
      <h2 id="titre-nouvelle-valeur">Ajouter une valeur datée</h2>
      <p>
        La valeur s'ajoute à l'historique sans l'effacer : les simulations faites à une date antérieure
        gardent les règles de l'époque. L'ajout est journalisé.
      </p>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      {conflit && (
        <Alert
          severity="warning"
          className="fr-mb-2w"
          title="Ce paramètre vient d'être modifié par quelqu'un d'autre"
          description={
            derniere
              ? `Dernière modification : ${afficher(choisi, derniere.valeur)} à partir du ${dateEnToutesLettres(derniere.debut)} (${derniere.motif}). Vérifiez l'historique ci-dessus puis renvoyez votre valeur si elle est toujours utile.`
              : "Vérifiez l'historique ci-dessus puis renvoyez votre valeur si elle est toujours utile."
          }
        />
      )}
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Select
        label={LIBELLES.id}
        {...f.etat("id")}
        nativeSelectProps={{
          id: "champ-id",
          value: v.id,
          onChange: (e) => setV({ ...v, id: e.target.value }),
        }}
      >
        {parametres.map((p) => (
          <option key={p.id} value={p.id}>
            {p.libelle}
            {p.incertain ? " (à vérifier)" : ""}
          </option>
        ))}
      </Select>
      <Input
        label={LIBELLES.debut}
        {...f.etat("debut")}
        nativeInputProps={{
          id: "champ-debut",
          type: "date",
          value: v.debut,
          onChange: (e) => setV({ ...v, debut: e.target.value }),
        }}
      />
      <Input
        label={LIBELLES.valeur}
        hintText={`En ${choisi.unite} ; valeur en vigueur aujourd'hui : ${afficher(choisi, valeurDateeAu(choisi, aujourdhui())?.valeur)}`}
        disabled={v.sansRegle}
        {...f.etat("valeur")}
        nativeInputProps={{
          id: "champ-valeur",
          inputMode: "decimal",
          value: v.valeur,
          onChange: (e) => setV({ ...v, valeur: e.target.value }),
        }}
      />
      <Checkbox
        legend="Fin de la règle"
        options={[
          {
            label: "La règle ne s'applique plus à partir de cette date",
            nativeInputProps: {
              checked: v.sansRegle,
              onChange: (e) => setV({ ...v, sansRegle: e.target.checked }),
            },
          },
        ]}
      />
      <Input
        label={LIBELLES.source}
        hintText="Texte et article, par exemple « Décret n° 2026-xxx, article R6323-… »"
        {...f.etat("source")}
        nativeInputProps={{
          id: "champ-source",
          value: v.source,
          onChange: (e) => setV({ ...v, source: e.target.value }),
        }}
      />
      <Input
        label={LIBELLES.motif}
        {...f.etat("motif")}
        nativeInputProps={{
          id: "champ-motif",
          value: v.motif,
          onChange: (e) => setV({ ...v, motif: e.target.value }),
        }}
      />
      <Button type="submit" disabled={f.envoi}>
        Enregistrer la valeur
      </Button>
    </form>
  );
}

/** Les paramètres datés du financement : valeurs, dates d'effet, sources, et l'ajout d'une valeur par l'administrateur. */
export function ParametresFinancement() {
  const donnees = useDonnees<{ parametres: ParametreVue[] }>("/api/v1/financement/parametres");
  return (
    <Page titre="Paramètres de financement" accueil="/admin">
      <p>
        Chaque montant et chaque seuil des règles de financement a des valeurs datées et sourcées. Les
        paramètres marqués <strong>à vérifier</strong> sont incertains dans l'analyse juridique : vérifiez-les
        en priorité.
      </p>
      <Chargement etat={donnees.etat}>
        {({ parametres }) => (
          <>
            <Table
              caption={`${parametres.length} paramètres`}
              headers={["Paramètre", "En vigueur aujourd'hui", "Valeurs datées et sources"]}
              data={parametres.map((p) => [
                <span key="p">
                  {p.libelle}{" "}
                  {p.incertain && (
                    <Badge severity="warning" small>
                      À vérifier
                    </Badge>
                  )}
                  <br />
                  <code className="fr-text--xs">{p.id}</code>
                </span>,
                afficher(p, valeurDateeAu(p, aujourdhui())?.valeur),
                <ul key="v" className="fr-text--sm fr-mb-0">
                  {p.valeurs.map((x) => (
                    <li key={x.debut}>
                      <strong>{dateEnToutesLettres(x.debut)}</strong> : {afficher(p, x.valeur)} — {x.source}
                      {p.surcharges.some((s) => s.debut === x.debut && s.source === x.source) && (
                        <>
                          {" "}
                          <Badge severity="info" small noIcon>
                            ajoutée par un administrateur
                          </Badge>
                        </>
                      )}
                    </li>
                  ))}
                </ul>,
              ])}
            />
            <FormulaireValeur parametres={parametres} apres={donnees.recharger} />
          </>
        )}
      </Chargement>
    </Page>
  );
}
