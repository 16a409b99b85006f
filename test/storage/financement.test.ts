import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fabriquesBase } from "../support/bases.js";

/** Contrat du dépôt des surcharges de paramètres de financement (migration 0004), sur SQLite et PostgreSQL. */
describe.each(fabriquesBase())("surcharges des paramètres de financement ($nom)", (fabrique) => {
  let base: Awaited<ReturnType<typeof fabrique.ouvrir>>;
  let adminId: string;
  beforeAll(async () => {
    base = await fabrique.ouvrir();
    adminId = randomUUID();
    await base.depots.comptes.creer({
      id: adminId,
      email: `${adminId.slice(0, 8)}@exemple.invalid`,
      prenom: "Ada",
      nom: "Admin",
      role: "admin",
      operateurId: null,
      actif: true,
      demo: false,
      creeLe: "2026-03-01T10:00:00.000Z",
      hashMotDePasse: "hash",
    });
  });
  afterAll(async () => base?.detruire());

  const surcharge = (extra: Partial<{ debut: string; valeur: number | null; creeLe: string }> = {}) => ({
    id: randomUUID(),
    parametreId: "cpf.participationForfaitaire",
    debut: "2026-09-01",
    valeur: 150 as number | null,
    source: "Décret n° 2026-xxx",
    motif: "Relèvement annoncé",
    auteurCompteId: adminId,
    creeLe: "2026-04-01T10:00:00.000Z",
    ...extra,
  });

  it("enregistre une surcharge, relit le montant exact et passe le paramètre en version 1", async () => {
    expect(await base.depots.financement.version("cpf.participationForfaitaire")).toBe(0);
    const s = surcharge({ valeur: 102.23 });
    expect(await base.depots.financement.ajouterSurcharge(s, 0)).toBe(true);
    expect(await base.depots.financement.version("cpf.participationForfaitaire")).toBe(1);
    expect(await base.depots.financement.surcharges()).toEqual([s]);
  });

  it("refuse une surcharge sur une version périmée (écriture concurrente)", async () => {
    expect(await base.depots.financement.ajouterSurcharge(surcharge(), 0)).toBe(false);
    expect(await base.depots.financement.ajouterSurcharge(surcharge(), 5)).toBe(false);
    expect(
      await base.depots.financement.ajouterSurcharge(
        surcharge({ valeur: null, creeLe: "2026-04-02T10:00:00.000Z" }),
        1,
      ),
    ).toBe(true);
    const toutes = await base.depots.financement.surcharges();
    expect(toutes.map((s) => s.valeur)).toEqual([102.23, null]);
    expect(await base.depots.financement.version("cpf.participationForfaitaire")).toBe(2);
    expect(await base.depots.financement.versions()).toEqual({ "cpf.participationForfaitaire": 2 });
  });

  it("l'historique est en ajout seul : la base refuse modification et suppression", async () => {
    await expect(sql`update surcharge_parametre set valeur = '1'`.execute(base.db)).rejects.toThrow();
    await expect(sql`delete from surcharge_parametre`.execute(base.db)).rejects.toThrow();
  });

  it("écrit tout ou rien dans une transaction", async () => {
    await expect(
      base.transaction(async (depots) => {
        await depots.financement.ajouterSurcharge(
          { ...surcharge(), parametreId: "cpf.plafondBilan", creeLe: "2026-04-03T10:00:00.000Z" },
          0,
        );
        throw new Error("annulation");
      }),
    ).rejects.toThrow("annulation");
    expect(await base.depots.financement.version("cpf.plafondBilan")).toBe(0);
  });
});
