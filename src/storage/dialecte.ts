/** Ce qui diffère entre SQLite et PostgreSQL dans les migrations ; tout le reste est commun. */
export interface Dialecte {
  type: "sqlite" | "postgresql";
  horodatage: "text" | "timestamptz";
  autoIncrement: "integer" | "bigserial";
  triggersAjoutSeul(table: string): string[];
}

export const SQLITE: Dialecte = {
  type: "sqlite",
  horodatage: "text",
  autoIncrement: "integer",
  triggersAjoutSeul: (t) => [
    `create trigger ${t}_sans_modification before update on ${t} begin select raise(abort, '${t} est en ajout seul'); end`,
    `create trigger ${t}_sans_suppression before delete on ${t} begin select raise(abort, '${t} est en ajout seul'); end`,
  ],
};

export const POSTGRESQL: Dialecte = {
  type: "postgresql",
  horodatage: "timestamptz",
  autoIncrement: "bigserial",
  triggersAjoutSeul: (t) => [
    `create or replace function ${t}_ajout_seul() returns trigger language plpgsql as $$ begin raise exception '${t} est en ajout seul'; end $$`,
    `create trigger ${t}_sans_modification before update or delete on ${t} for each row execute function ${t}_ajout_seul()`,
  ],
};
