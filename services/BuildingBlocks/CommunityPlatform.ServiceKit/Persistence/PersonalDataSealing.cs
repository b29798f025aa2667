using System.Reflection;
using System.Security.Cryptography;
using CommunityPlatform.ServiceKit.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPlatform.ServiceKit.Persistence;

/// <summary>
/// Stores every <see cref="SealedAttribute"/> property sealed by ASP.NET Core Data Protection (authenticated
/// encryption, keys in the service's key ring outside the database), so a copy of the database or a backup reveals
/// no phone number or care category. A value written before sealing was switched on reads as it was and is sealed
/// by <see cref="SealLegacyValuesAsync"/> at start-up.
/// </summary>
public static class PersonalDataSealing
{
    /// <summary>Every Data Protection payload starts with its magic header, which base64url writes as these letters.</summary>
    private const string SealedPrefix = "CfDJ8";

    private const string Purpose = "CommunityPlatform.PersonalData.v1";

    /// <summary>Applies the sealing converters; call last in <c>OnModelCreating</c>.</summary>
    public static ModelBuilder SealPersonalData(this ModelBuilder modelBuilder, DbContext context)
    {
        var sealedProperties = SealedProperties(modelBuilder.Model);
        if (sealedProperties.Count == 0)
        {
            return modelBuilder;
        }

        var protector = ProtectorOf(context);
        foreach (var property in sealedProperties)
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            property.SetValueConverter(type == typeof(string)
                ? new ValueConverter<string, string>(v => protector.Protect(v), v => Open(protector, v))
                : (ValueConverter)Activator.CreateInstance(typeof(SealedEnumConverter<>).MakeGenericType(type), protector)!);
            property.SetMaxLength(null);
            property.SetColumnType("text");
        }

        return modelBuilder;
    }

    /// <summary>
    /// Seals the values of sealed columns that were written in the clear before sealing was switched on, in one
    /// transaction; a second run finds nothing to do. Runs after the migrations, before the service takes requests.
    /// </summary>
    public static async Task SealLegacyValuesAsync(this DbContext db, CancellationToken cancellationToken)
    {
        var columns = SealedProperties(db.Model)
            .Select(p => (Table: p.DeclaringType.ContainingEntityType.GetTableName()!, Key: p.DeclaringType.ContainingEntityType.FindPrimaryKey()!.Properties.Single().GetColumnName(), Column: p.GetColumnName()))
            .ToList();
        if (columns.Count == 0)
        {
            return;
        }

        var protector = ProtectorOf(db);

        await db.InRetriedTransactionAsync(async ct =>
        {
            foreach (var (table, key, column) in columns)
            {
                // Names from the service's own model, never from input.
                var select = $"SELECT \"{key}\"::text AS \"Key\", \"{column}\" AS \"Value\" FROM \"{table}\" " +
                    $"WHERE \"{column}\" IS NOT NULL AND left(\"{column}\", {SealedPrefix.Length}) <> '{SealedPrefix}' FOR UPDATE";
                var update = $"UPDATE \"{table}\" SET \"{column}\" = {{0}} WHERE \"{key}\"::text = {{1}}";
                foreach (var row in await db.Database.SqlQueryRaw<LegacyValue>(select).ToListAsync(ct))
                {
                    await db.Database.ExecuteSqlRawAsync(update, [protector.Protect(row.Value), row.Key], ct);
                }
            }
        }, cancellationToken);
    }

    /// <summary>The protector of the service the context belongs to; a context without sealed columns never asks.</summary>
    private static IDataProtector ProtectorOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService<IDataProtectionProvider>()?.CreateProtector(Purpose)
            ?? throw new InvalidOperationException($"{context.GetType().Name} seals personal data: register Data Protection (AddServiceKeyRing) in the service.");

    private static List<IMutableProperty> SealedProperties(IMutableModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(IsSealed).ToList();

    private static List<IProperty> SealedProperties(IModel model) =>
        model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(IsSealed).ToList();

    private static bool IsSealed(IReadOnlyProperty property) => property.PropertyInfo?.GetCustomAttribute<SealedAttribute>() is not null;

    private static string Open(IDataProtector protector, string stored)
    {
        if (!stored.StartsWith(SealedPrefix, StringComparison.Ordinal))
        {
            return stored;
        }

        try
        {
            return protector.Unprotect(stored);
        }
        catch (CryptographicException ex)
        {
            // A sealed value the key ring cannot open: the ring was lost or replaced. Never return ciphertext as data.
            throw new InvalidOperationException("A sealed personal-data value cannot be opened with this service's key ring.", ex);
        }
    }

    private sealed record LegacyValue(string Key, string Value);

    private sealed class SealedEnumConverter<TEnum>(IDataProtector protector) : ValueConverter<TEnum, string>(
        v => protector.Protect(v.ToString()), v => Enum.Parse<TEnum>(Open(protector, v)))
        where TEnum : struct, Enum;
}
