/** The PostgreSQL server the tests use (`BAYAN_TEST_POSTGRES_URL`, default the local one). */
export declare const postgresUrl: string;
/** Whether PostgreSQL tests are mandatory (`BAYAN_REQUIRE_POSTGRES=1`). */
export declare const postgresRequired: boolean;
/** Why PostgreSQL cannot be reached, or undefined when it answers. */
export declare function postgresProblem(): Promise<string | undefined>;
/** Whether the PostgreSQL tests run; throws when they are required and the server is down. */
export declare function postgresAvailable(label: string): Promise<boolean>;
/** A fresh schema (and files folder) on the test server, and how to remove both. */
export declare function freshPostgres(prefix?: string): {
  location: { database: string; schema: string; poolSize: number; files: string };
  cleanup(): Promise<void>;
};
/** A fresh embedded data folder, and how to remove it. */
export declare function freshDataFolder(prefix?: string): { location: { data: string }; cleanup(): Promise<void> };
