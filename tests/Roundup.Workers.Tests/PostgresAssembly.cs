using Roundup.Testing.Postgres;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
