import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { Link } from "react-router";
import { api } from "../api";
import { Chargement, useDonnees } from "../commun/donnees";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { LIBELLES_TYPE_OPERATEUR } from "../commun/libelles";
import { Page } from "../commun/Page";
import { type CompteVue, FormulaireCompte, TableComptes } from "./composants";

interface OperateurVue {
  id: string;
  nom: string;
  type: keyof typeof LIBELLES_TYPE_OPERATEUR;
  codeRegion: string | null;
}

const LIBELLES = { nom: "Nom de l'opérateur", type: "Type", codeRegion: "Code région" };

function FormulaireOperateur({ apresCreation }: { apresCreation: () => void }) {
  const vide = { nom: "", type: "operateur_regional", codeRegion: "" };
  const [v, setV] = useState(vide);
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const r = await f.soumettre(() =>
      api<OperateurVue>("POST", "/api/v1/operateurs", {
        nom: v.nom,
        type: v.type,
        codeRegion: v.codeRegion || null,
      }),
    );
    if (r) {
      setOk(`L'opérateur « ${r.nom} » est créé.`);
      setV(vide);
      apresCreation();
    }
  }
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-nouvel-operateur">
      <h3 id="titre-nouvel-operateur">Créer un opérateur</h3>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Input
        label={LIBELLES.nom}
        {...f.etat("nom")}
        nativeInputProps={{
          id: "champ-nom",
          value: v.nom,
          onChange: (e) => setV({ ...v, nom: e.target.value }),
        }}
      />
      <Select
        label={LIBELLES.type}
        {...f.etat("type")}
        nativeSelectProps={{
          id: "champ-type",
          value: v.type,
          onChange: (e) => setV({ ...v, type: e.target.value }),
        }}
      >
        {Object.entries(LIBELLES_TYPE_OPERATEUR).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      <Input
        label={LIBELLES.codeRegion}
        hintText="Code INSEE à 2 chiffres, par exemple 84 pour Auvergne-Rhône-Alpes (facultatif)"
        {...f.etat("codeRegion")}
        nativeInputProps={{
          id: "champ-codeRegion",
          inputMode: "numeric",
          value: v.codeRegion,
          onChange: (e) => setV({ ...v, codeRegion: e.target.value }),
        }}
      />
      <Button type="submit" disabled={f.envoi}>
        Créer l'opérateur
      </Button>
    </form>
  );
}

export function AccueilAdmin() {
  const operateurs = useDonnees<OperateurVue[]>("/api/v1/operateurs");
  const comptes = useDonnees<CompteVue[]>("/api/v1/comptes?role=admin");
  return (
    <Page titre="Administration de la plateforme" accueil="/admin" sansFilAriane>
      <p>
        <Link to="/admin/indicateurs">Indicateurs de tous les opérateurs</Link> : activité et résultats,
        exports.
      </p>
      <p>
        <Link to="/admin/financement">Paramètres de financement</Link> : montants et seuils datés des règles
        de financement.
      </p>
      <section aria-labelledby="titre-operateurs">
        <h2 id="titre-operateurs">Opérateurs CEP</h2>
        <Chargement etat={operateurs.etat}>
          {(liste) =>
            liste.length === 0 ? (
              <p>Aucun opérateur pour l'instant : créez le premier ci-dessous.</p>
            ) : (
              <Table
                caption={`${liste.length} opérateur${liste.length > 1 ? "s" : ""}`}
                headers={["Nom", "Type", "Région"]}
                data={liste.map((o) => [
                  <Link key={o.id} to={`/admin/operateurs/${o.id}`}>
                    {o.nom}
                  </Link>,
                  LIBELLES_TYPE_OPERATEUR[o.type],
                  o.codeRegion ?? "—",
                ])}
              />
            )
          }
        </Chargement>
        <FormulaireOperateur apresCreation={() => void operateurs.recharger()} />
      </section>
      <section aria-labelledby="titre-admins" className="fr-mt-6w">
        <h2 id="titre-admins">Administrateurs</h2>
        <Chargement etat={comptes.etat}>
          {(c) => <TableComptes comptes={c} legende="Comptes administrateurs" />}
        </Chargement>
        <FormulaireCompte roles={["admin"]} apresCreation={() => void comptes.recharger()} />
      </section>
    </Page>
  );
}
