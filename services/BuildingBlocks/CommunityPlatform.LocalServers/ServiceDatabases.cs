using Npgsql;

namespace CommunityPlatform.LocalServers;

/// <summary>A service's own PostgreSQL login, named after the service's database.</summary>
public sealed record ServiceLogin(string Database, string Password)
{
    public string UserName => Database;
}

/// <summary>
/// Gives each service a database and a login of its own, through the server's admin connection, before the
/// services start; idempotent, so it runs at every start (and repairs what an older layout left). The login is
/// no superuser and may not create roles or databases or bypass row security; it connects to its own database
/// only and owns the tables its migrations create there. The database, its <c>public</c> schema and the audit
/// trail (<c>audit_entries</c> and its trigger) belong to the admin, so the login may append to and read the
/// trail but neither switch its trigger off nor change, delete or drop its rows. Why: docs/DESIGN.md §1.
/// </summary>
public static class ServiceDatabases
{
    public static async Task EnsureAsync(string adminConnectionString, IEnumerable<ServiceLogin> logins, CancellationToken cancellationToken = default)
    {
        // No pools left behind: this runs once per start against every database.
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        var all = logins.ToList();
        await using (var server = await OpenAsync(admin.ConnectionString, cancellationToken))
        {
            foreach (var login in all)
            {
                await EnsureLoginAndDatabaseAsync(server, login, cancellationToken);
            }
        }

        foreach (var login in all)
        {
            admin.Database = login.Database;
            await using var database = await OpenAsync(admin.ConnectionString, cancellationToken);
            await EnsureDatabaseObjectsAsync(database, login, cancellationToken);
        }
    }

    private static async Task EnsureLoginAndDatabaseAsync(NpgsqlConnection server, ServiceLogin login, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(server, "SELECT EXISTS (SELECT FROM pg_roles WHERE rolname = $1)", login.UserName, cancellationToken))
        {
            await ExecuteAsync(server, "CREATE ROLE %1$I", cancellationToken, login.UserName);
        }

        // Every start, so a role that was given more (by hand, or by an older layout) is put back, and the
        // password follows its generated secret.
        await ExecuteAsync(server,
            "ALTER ROLE %1$I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %2$L",
            cancellationToken, login.UserName, login.Password);

        if (!await ExistsAsync(server, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", login.Database, cancellationToken))
        {
            await ExecuteAsync(server, "CREATE DATABASE %1$I", cancellationToken, login.Database);
        }

        await ExecuteAsync(server, "REVOKE ALL ON DATABASE %1$I FROM PUBLIC", cancellationToken, login.Database);
        await ExecuteAsync(server, "GRANT CONNECT, TEMPORARY ON DATABASE %1$I TO %2$I", cancellationToken, login.Database, login.UserName);
    }

    private static async Task EnsureDatabaseObjectsAsync(NpgsqlConnection database, ServiceLogin login, CancellationToken cancellationToken)
    {
        // The schema stays the admin's (a schema's owner may drop any table in it, the audit trail too); the
        // login creates its tables there and so owns them.
        await ExecuteAsync(database, "REVOKE ALL ON SCHEMA public FROM PUBLIC", cancellationToken);
        await ExecuteAsync(database, "GRANT USAGE, CREATE ON SCHEMA public TO %1$I", cancellationToken, login.UserName);

        // Databases migrated before the services had logins of their own hold tables owned by the admin: they
        // pass to the login, all but the audit trail. Sequences owned by a column move with their table.
        await ExecuteAsync(database, """
            DO $reassign$
            DECLARE
                object record;
            BEGIN
                FOR object IN
                    SELECT c.oid::regclass AS name,
                           CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind
                    FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND c.relowner <> %1$L::regrole AND c.relname <> 'audit_entries'
                      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER %%s %%s OWNER TO %%I', object.kind, object.name, %1$L);
                END LOOP;
                FOR object IN
                    SELECT p.oid::regprocedure AS name FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> %1$L::regrole
                      AND p.proname NOT IN ('audit_entries_append_only', 'seal_audit_trail')
                LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %%I', object.name, %1$L);
                END LOOP;
            END $reassign$
            """, cancellationToken, login.UserName);

        // The audit trail's migration calls this right after creating the table (ServiceKit's
        // MakeAuditTrailAppendOnly): it runs as the admin, who takes the table and the trigger function, and
        // leaves the login SELECT and INSERT only. Idempotent, so each start also reseals an existing trail.
        await ExecuteAsync(database, """
            CREATE OR REPLACE FUNCTION public.seal_audit_trail() RETURNS void
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $seal$
            BEGIN
                CREATE OR REPLACE FUNCTION public.audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    RAISE EXCEPTION 'audit_entries is append-only: %% is not allowed', TG_OP;
                END $body$;
                ALTER FUNCTION public.audit_entries_append_only() OWNER TO CURRENT_USER;
                ALTER TABLE public.audit_entries OWNER TO CURRENT_USER;
                -- The trail's columns since it was created; the login may not alter a table it does not own.
                ALTER TABLE public.audit_entries ADD COLUMN IF NOT EXISTS actor_name character varying(100);
                REVOKE ALL ON public.audit_entries FROM PUBLIC, %1$I;
                GRANT SELECT, INSERT ON public.audit_entries TO %1$I;
                CREATE OR REPLACE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON public.audit_entries
                    FOR EACH ROW EXECUTE FUNCTION public.audit_entries_append_only();
                CREATE OR REPLACE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON public.audit_entries
                    FOR EACH STATEMENT EXECUTE FUNCTION public.audit_entries_append_only();
                ALTER TABLE public.audit_entries ENABLE TRIGGER audit_entries_no_change, ENABLE TRIGGER audit_entries_no_truncate;
            END $seal$
            """, cancellationToken, login.UserName);
        await ExecuteAsync(database, "REVOKE ALL ON FUNCTION public.seal_audit_trail() FROM PUBLIC", cancellationToken);
        await ExecuteAsync(database, "GRANT EXECUTE ON FUNCTION public.seal_audit_trail() TO %1$I", cancellationToken, login.UserName);
        await ExecuteAsync(database, "SELECT public.seal_audit_trail() WHERE to_regclass('public.audit_entries') IS NOT NULL", cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="template"/> after the server has put <paramref name="arguments"/> in with
    /// <c>format()</c> (<c>%I</c> a name, <c>%L</c> a literal): statements such as <c>CREATE ROLE</c> take no
    /// parameters, and the server's own quoting is the one that cannot be got wrong.
    /// </summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string template, CancellationToken cancellationToken, params string[] arguments)
    {
        await using var format = new NpgsqlCommand("SELECT format($1, VARIADIC $2::text[])", connection);
        format.Parameters.Add(new NpgsqlParameter { Value = template });
        format.Parameters.Add(new NpgsqlParameter { Value = arguments });
        var statement = (string)(await format.ExecuteScalarAsync(cancellationToken))!;
        await using var command = new NpgsqlCommand(statement, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string query, string argument, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(query, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = argument });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The server's port can accept before it takes sessions (57P03 while it starts or recovers).</summary>
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CannotConnectNow && DateTime.UtcNow < deadline)
            {
                await connection.DisposeAsync();
                await Task.Delay(200, cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }
}
