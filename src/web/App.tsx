import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import type { ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { AccueilAdmin } from "./admin/AccueilAdmin";
import { AccueilResponsable } from "./admin/AccueilResponsable";
import { OperateurAdmin } from "./admin/Operateur";
import { ParametresFinancement } from "./admin/ParametresFinancement";
import { TableauDeBord } from "./admin/TableauDeBord";
import { AccueilBeneficiaire } from "./beneficiaire/Accueil";
import { MesDonnees } from "./beneficiaire/MesDonnees";
import { ParcoursBeneficiaire } from "./beneficiaire/Parcours";
import { AccueilConseiller } from "./conseiller/Accueil";
import { DossierConseiller } from "./conseiller/Dossier";
import { NouveauParcours } from "./conseiller/NouveauParcours";
import { ReunionsConseiller } from "./conseiller/Reunions";
import { AccueilPublic } from "./public/Accueil";
import { Connexion } from "./public/Connexion";
import { FinancerMonProjet } from "./public/FinancerMonProjet";
import { PageDispositif, PageDispositifs, PageLeCep } from "./public/informations/Informations";
import { MotDePasseOublie } from "./public/MotDePasseOublie";
import { ExplorerPistes } from "./public/metiers/ExplorerPistes";
import { FicheMetier } from "./public/metiers/FicheMetier";
import { DomaineMetiers, MetiersTransitionEcologique } from "./public/metiers/ListeMetiers";
import { MarcheTerritoire } from "./public/metiers/MarcheTerritoire";
import { Metiers } from "./public/metiers/Metiers";
import { OuMAdresser } from "./public/OuMAdresser";
import { PageIntrouvable } from "./public/PageIntrouvable";
import { Reinitialisation } from "./public/Reinitialisation";
import { ReunionsInformation } from "./public/ReunionsInformation";
import { Satisfaction } from "./public/Satisfaction";
import { Statistiques } from "./public/Statistiques";
import { ACCUEIL_PAR_ROLE, FournisseurSession, type Role, useSession } from "./session";

/** N'affiche la page qu'aux rôles prévus ; sinon renvoie vers la connexion ou l'accueil du rôle. */
function Reserve({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useSession();
  const lieu = useLocation();
  if (session.statut === "chargement")
    return (
      <div className="fr-container fr-py-4w">
        <p role="status">Chargement…</p>
      </div>
    );
  if (session.statut === "anonyme")
    return <Navigate to="/connexion" replace state={{ depuis: lieu.pathname }} />;
  if (!roles.includes(session.compte.role))
    return <Navigate to={ACCUEIL_PAR_ROLE[session.compte.role]} replace />;
  return <>{children}</>;
}

function Entete() {
  const { session, seDeconnecter } = useSession();
  const naviguer = useNavigate();
  const connecte = session.statut === "connecte";
  return (
    <Header
      brandTop={
        <>
          République
          <br />
          Française
        </>
      }
      serviceTitle="Conseil en évolution professionnelle"
      serviceTagline="Gratuit, confidentiel, pour toutes les personnes actives"
      homeLinkProps={{
        to: connecte ? ACCUEIL_PAR_ROLE[session.compte.role] : "/",
        title: "Accueil — Conseil en évolution professionnelle",
      }}
      quickAccessItems={
        connecte
          ? [
              {
                iconId: "fr-icon-account-circle-line",
                text: `${session.compte.prenom} ${session.compte.nom}`,
                linkProps: { to: ACCUEIL_PAR_ROLE[session.compte.role] },
              },
              {
                iconId: "fr-icon-logout-box-r-line",
                text: "Se déconnecter",
                buttonProps: {
                  onClick: async () => {
                    await seDeconnecter();
                    naviguer("/connexion");
                  },
                },
              },
            ]
          : [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { to: "/connexion" } }]
      }
    />
  );
}

function Gabarit() {
  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          { label: "Pied de page", anchor: "#pied-de-page" },
        ]}
      />
      <Entete />
      <main id="contenu" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<AccueilPublic />} />
          <Route path="/connexion" element={<Connexion />} />
          <Route path="/le-cep" element={<PageLeCep />} />
          <Route path="/dispositifs" element={<PageDispositifs />} />
          <Route path="/dispositifs/:code" element={<PageDispositif />} />
          <Route path="/financer-mon-projet" element={<FinancerMonProjet />} />
          <Route path="/ou-m-adresser" element={<OuMAdresser />} />
          <Route path="/reunions-information" element={<ReunionsInformation />} />
          <Route path="/mot-de-passe-oublie" element={<MotDePasseOublie />} />
          <Route path="/reinitialisation" element={<Reinitialisation />} />
          <Route path="/metiers" element={<Metiers />} />
          <Route path="/metiers/transition-ecologique" element={<MetiersTransitionEcologique />} />
          <Route path="/metiers/territoire" element={<MarcheTerritoire />} />
          <Route path="/metiers/pistes" element={<ExplorerPistes />} />
          <Route path="/metiers/domaines/:code" element={<DomaineMetiers />} />
          <Route path="/metiers/:codeRome" element={<FicheMetier />} />
          <Route path="/statistiques" element={<Statistiques />} />
          <Route path="/satisfaction/:jeton" element={<Satisfaction />} />
          <Route
            path="/responsable/tableau-de-bord"
            element={
              <Reserve roles={["responsable"]}>
                <TableauDeBord />
              </Reserve>
            }
          />
          <Route
            path="/admin/indicateurs"
            element={
              <Reserve roles={["admin"]}>
                <TableauDeBord admin />
              </Reserve>
            }
          />
          <Route
            path="/mon-espace"
            element={
              <Reserve roles={["beneficiaire"]}>
                <AccueilBeneficiaire />
              </Reserve>
            }
          />
          <Route
            path="/mon-espace/parcours/:id"
            element={
              <Reserve roles={["beneficiaire"]}>
                <ParcoursBeneficiaire />
              </Reserve>
            }
          />
          <Route
            path="/mon-espace/donnees"
            element={
              <Reserve roles={["beneficiaire"]}>
                <MesDonnees />
              </Reserve>
            }
          />
          <Route
            path="/conseiller/nouveau-parcours"
            element={
              <Reserve roles={["conseiller", "responsable"]}>
                <NouveauParcours />
              </Reserve>
            }
          />
          <Route
            path="/conseiller"
            element={
              <Reserve roles={["conseiller"]}>
                <AccueilConseiller />
              </Reserve>
            }
          />
          <Route
            path="/conseiller/reunions"
            element={
              <Reserve roles={["conseiller"]}>
                <ReunionsConseiller />
              </Reserve>
            }
          />
          <Route
            path="/conseiller/dossiers/:id"
            element={
              <Reserve roles={["conseiller", "responsable"]}>
                <DossierConseiller />
              </Reserve>
            }
          />
          <Route
            path="/responsable"
            element={
              <Reserve roles={["responsable"]}>
                <AccueilResponsable />
              </Reserve>
            }
          />
          <Route
            path="/admin"
            element={
              <Reserve roles={["admin"]}>
                <AccueilAdmin />
              </Reserve>
            }
          />
          <Route
            path="/admin/financement"
            element={
              <Reserve roles={["admin"]}>
                <ParametresFinancement />
              </Reserve>
            }
          />
          <Route
            path="/admin/operateurs/:id"
            element={
              <Reserve roles={["admin"]}>
                <OperateurAdmin />
              </Reserve>
            }
          />
          <Route path="*" element={<PageIntrouvable />} />
        </Routes>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Plateforme libre du conseil en évolution professionnelle (article L6111-6 du Code du travail). Service gratuit et confidentiel."
        bottomItems={[
          { text: "Documentation de l'API", linkProps: { to: "/api/docs", reloadDocument: true } },
          { text: "Le CEP en chiffres", linkProps: { to: "/statistiques" } },
          { text: "Les métiers qui recrutent près de chez vous", linkProps: { to: "/metiers/territoire" } },
        ]}
      />
    </>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <FournisseurSession>
        <Gabarit />
      </FournisseurSession>
    </BrowserRouter>
  );
}
