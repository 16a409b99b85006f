import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { api } from "../api";
import { ResumeErreurs, useFormulaire } from "../commun/formulaire";
import { LIBELLES_ROLE } from "../commun/libelles";

export interface SiteVue {
  id: string;
  nom: string;
  adresse: string | null;
  codePostal: string | null;
  commune: string | null;
}

export interface CompteVue {
  id: string;
  email: string;
  prenom: string;
  nom: string;
  role: string;
  operateurId: string | null;
  demo: boolean;
  actif: boolean;
}

export function TableSites({ sites }: { sites: SiteVue[] }) {
  if (sites.length === 0) return <p>Aucun site pour l'instant : ajoutez le premier ci-dessous.</p>;
  return (
    <Table
      caption={`${sites.length} site${sites.length > 1 ? "s" : ""}`}
      headers={["Nom", "Adresse", "Commune"]}
      data={sites.map((s) => [
        s.nom,
        s.adresse ?? "—",
        [s.codePostal, s.commune].filter(Boolean).join(" ") || "—",
      ])}
    />
  );
}

export function TableComptes({ comptes, legende }: { comptes: CompteVue[]; legende: string }) {
  if (comptes.length === 0) return <p>Aucun compte pour l'instant.</p>;
  return (
    <Table
      caption={legende}
      headers={["Nom", "Adresse électronique", "Rôle"]}
      data={comptes.map((c) => [
        `${c.prenom} ${c.nom}${c.demo ? " (démo)" : ""}`,
        c.email,
        LIBELLES_ROLE[c.role as keyof typeof LIBELLES_ROLE] ?? c.role,
      ])}
    />
  );
}

const LIBELLES_SITE = {
  nom: "Nom du site",
  adresse: "Adresse",
  codePostal: "Code postal",
  commune: "Commune",
};

export function FormulaireSite({
  operateurId,
  apresCreation,
}: {
  operateurId: string;
  apresCreation: () => void;
}) {
  const vide = { nom: "", adresse: "", codePostal: "", commune: "" };
  const [v, setV] = useState(vide);
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  const champ = (nom: keyof typeof vide, extra: Record<string, unknown> = {}) => (
    <Input
      label={LIBELLES_SITE[nom]}
      {...f.etat(nom)}
      nativeInputProps={{
        id: `champ-${nom}`,
        value: v[nom],
        onChange: (e) => setV({ ...v, [nom]: e.target.value }),
        ...extra,
      }}
    />
  );
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const r = await f.soumettre(() =>
      api<SiteVue>("POST", `/api/v1/operateurs/${operateurId}/sites`, {
        nom: v.nom,
        adresse: v.adresse || null,
        codePostal: v.codePostal || null,
        commune: v.commune || null,
      }),
    );
    if (r) {
      setOk(`Le site « ${r.nom} » est créé.`);
      setV(vide);
      apresCreation();
    }
  }
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-nouveau-site">
      <h3 id="titre-nouveau-site">Ajouter un site</h3>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES_SITE} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      {champ("nom")}
      {champ("adresse", { autoComplete: "street-address" })}
      {champ("codePostal", { inputMode: "numeric", autoComplete: "postal-code" })}
      {champ("commune", { autoComplete: "address-level2" })}
      <Button type="submit" disabled={f.envoi}>
        Ajouter le site
      </Button>
    </form>
  );
}

const LIBELLES_COMPTE = {
  prenom: "Prénom",
  nom: "Nom",
  email: "Adresse électronique",
  role: "Rôle",
  operateurId: "Opérateur",
};

/** Création d'un compte : la personne reçoit un lien d'activation pour choisir son mot de passe. */
export function FormulaireCompte({
  roles,
  operateurs,
  operateurFixe,
  apresCreation,
}: {
  roles: ("conseiller" | "responsable" | "admin" | "beneficiaire")[];
  operateurs?: { id: string; nom: string }[];
  operateurFixe?: string;
  apresCreation: () => void;
}) {
  const vide = { prenom: "", nom: "", email: "", role: roles[0]!, operateurId: operateurFixe ?? "" };
  const [v, setV] = useState(vide);
  const [ok, setOk] = useState<string | null>(null);
  const f = useFormulaire();
  const avecOperateur = v.role === "conseiller" || v.role === "responsable";
  async function envoyer(e: React.FormEvent) {
    e.preventDefault();
    setOk(null);
    const r = await f.soumettre(() =>
      api<CompteVue>("POST", "/api/v1/comptes", {
        prenom: v.prenom,
        nom: v.nom,
        email: v.email,
        role: v.role,
        operateurId: avecOperateur ? v.operateurId || null : null,
      }),
    );
    if (r) {
      setOk(`Le compte de ${r.prenom} ${r.nom} est créé ; un lien d'activation a été envoyé à ${r.email}.`);
      setV(vide);
      apresCreation();
    }
  }
  return (
    <form onSubmit={envoyer} noValidate aria-labelledby="titre-nouveau-compte">
      <h3 id="titre-nouveau-compte">Créer un compte</h3>
      <ResumeErreurs message={f.message} erreurs={f.erreurs} cible={f.resume} libelles={LIBELLES_COMPTE} />
      {ok && <Alert severity="success" small description={ok} className="fr-mb-2w" />}
      <Input
        label="Prénom"
        {...f.etat("prenom")}
        nativeInputProps={{
          id: "champ-prenom",
          value: v.prenom,
          autoComplete: "off",
          onChange: (e) => setV({ ...v, prenom: e.target.value }),
        }}
      />
      <Input
        label="Nom"
        {...f.etat("nom")}
        nativeInputProps={{
          id: "champ-nom",
          value: v.nom,
          autoComplete: "off",
          onChange: (e) => setV({ ...v, nom: e.target.value }),
        }}
      />
      <Input
        label="Adresse électronique"
        hintText="Le lien d'activation y sera envoyé"
        {...f.etat("email")}
        nativeInputProps={{
          id: "champ-email",
          type: "email",
          autoComplete: "off",
          value: v.email,
          onChange: (e) => setV({ ...v, email: e.target.value }),
        }}
      />
      {roles.length > 1 && (
        <Select
          label="Rôle"
          {...f.etat("role")}
          nativeSelectProps={{
            id: "champ-role",
            value: v.role,
            onChange: (e) => setV({ ...v, role: e.target.value as typeof v.role }),
          }}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {LIBELLES_ROLE[r]}
            </option>
          ))}
        </Select>
      )}
      {avecOperateur && !operateurFixe && operateurs && (
        <Select
          label="Opérateur"
          {...f.etat("operateurId")}
          nativeSelectProps={{
            id: "champ-operateurId",
            value: v.operateurId,
            onChange: (e) => setV({ ...v, operateurId: e.target.value }),
          }}
        >
          <option value="">Choisir un opérateur</option>
          {operateurs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nom}
            </option>
          ))}
        </Select>
      )}
      <Button type="submit" disabled={f.envoi}>
        Créer le compte
      </Button>
    </form>
  );
}
