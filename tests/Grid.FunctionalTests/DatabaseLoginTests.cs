using CommunityPlatform.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunityPlatform.Grid.FunctionalTests;

/// <summary>
/// The grid service's database login, exactly as the service is configured: it may write the audit trail but
/// never rewrite it, and it reaches no other service's database.
/// </summary>
[Collection(GridApiCollection.Name)]
public sealed class DatabaseLoginTests(GridApiFixture fixture)
{
    private string ServiceConnectionString =>
        fixture.App.Services.GetRequiredService<IConfiguration>().GetConnectionString(ResourceNames.GridDb)!;

    [Fact]
    public async Task The_login_is_not_a_superuser_and_may_not_create_roles_or_databases_or_bypass_row_security()
    {
        await using var connection = await OpenAsync(ServiceConnectionString);
        await using var command = new NpgsqlCommand(
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication FROM pg_roles WHERE rolname = current_user", connection);
        Assert.False((bool)(await command.ExecuteScalarAsync())!);
        Assert.Equal(ResourceNames.GridDb, new NpgsqlConnectionStringBuilder(ServiceConnectionString).Username);
    }

    [Theory]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER ALL")]
    [InlineData("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change")]
    [InlineData("DROP TRIGGER audit_entries_no_change ON audit_entries")]
    [InlineData("CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$")]
    [InlineData("UPDATE audit_entries SET detail = 'rewritten'")]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("TRUNCATE audit_entries")]
    [InlineData("DROP TABLE audit_entries")]
    [InlineData("ALTER TABLE audit_entries RENAME TO audit_entries_old")]
    [InlineData("SET session_replication_role = replica")]
    public async Task The_login_cannot_switch_off_or_rewrite_the_audit_trail(string statement)
    {
        await using var connection = await OpenAsync(ServiceConnectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "INSERT INTO audit_entries (occurred_at, action, actor) VALUES (now(), 'login_test', 'tester')");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, statement));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task The_login_may_append_to_and_read_the_audit_trail()
    {
        await using var connection = await OpenAsync(ServiceConnectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO audit_entries (occurred_at, action, actor) VALUES (now(), 'login_test', 'tester') RETURNING id", connection);
        var id = (long)(await insert.ExecuteScalarAsync())!;
        await using var read = new NpgsqlCommand($"SELECT actor FROM audit_entries WHERE id = {id}", connection);
        Assert.Equal("tester", await read.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_login_cannot_connect_to_another_services_database()
    {
        // The membership database and its own login exist on the same server, as under the AppHost.
        fixture.Infrastructure.ServiceConnectionString(ResourceNames.MembershipDb);
        var elsewhere = new NpgsqlConnectionStringBuilder(ServiceConnectionString) { Database = ResourceNames.MembershipDb, Pooling = false };

        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(elsewhere.ConnectionString));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task A_database_the_superuser_migrated_passes_to_its_login_and_its_switched_off_audit_trigger_is_resealed()
    {
        // As every database was before the services had logins: the superuser owns all, and the trigger was off.
        var database = "legacy_" + Guid.NewGuid().ToString("N")[..8];
        await using (var server = await OpenAsync(fixture.Infrastructure.DatabaseConnectionString("postgres")))
        {
            await ExecuteAsync(server, $"CREATE DATABASE {database}");
        }

        await using (var superuser = await OpenAsync(fixture.Infrastructure.DatabaseConnectionString(database)))
        {
            await ExecuteAsync(superuser, """
                CREATE TABLE things (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text);
                CREATE TABLE audit_entries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, detail text);
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$;
                CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change;
                INSERT INTO audit_entries (detail) VALUES ('kept');
                """);
        }

        await using (var service = await OpenAsync(fixture.Infrastructure.ServiceConnectionString(database)))
        {
            await ExecuteAsync(service, "INSERT INTO things (name) VALUES ('mine'); ALTER TABLE things ADD COLUMN note text");
            await ExecuteAsync(service, "INSERT INTO audit_entries (detail) VALUES ('appended')");
            foreach (var statement in new[] { "ALTER TABLE audit_entries DISABLE TRIGGER ALL", "DELETE FROM audit_entries" })
            {
                var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(service, statement));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            }
        }

        // Even the superuser meets the trigger again, and it is the append-only one, not the one that was there.
        await using var admin = await OpenAsync(fixture.Infrastructure.DatabaseConnectionString(database));
        var trigger = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(admin, "DELETE FROM audit_entries"));
        Assert.Contains("append-only", trigger.MessageText);
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
