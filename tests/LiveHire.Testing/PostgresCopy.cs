using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace LiveHire.Testing;

/// <summary>
/// Writes many entities into PostgreSQL with one binary COPY instead of EF's batched INSERTs, for seeding (the search scale
/// tests and the benchmark's 100,000 jobs, where SaveChanges' change tracking and SQL made the seeding the set-up's longest
/// step). What is written comes from the EF model, as SaveChanges would: the entity's table, every mapped column (complex
/// properties' too) under its column name, each value through the property's value converter and sent as its store type.
/// Columns the database computes are left to it. Nothing is tracked; entities with owned or related rows are not supported.
/// </summary>
public static class PostgresCopy
{
    public static async Task<ulong> WriteAsync<T>(DbContext db, IEnumerable<T> entities, CancellationToken ct = default) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = Columns(entityType).Select(p => Column.Of(p, table)).OfType<Column>().ToList();
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        var copy = $"COPY {target} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) await connection.OpenAsync(ct);
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var entity in entities)
            {
                await importer.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    var value = column.ProviderValue(entity);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, column.DataTypeName, ct);
                }
            }
            return await importer.CompleteAsync(ct);
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    /// <summary>The entity's own properties, then those of its complex properties (nested ones included).</summary>
    private static IEnumerable<IProperty> Columns(ITypeBase type) =>
        type.GetProperties().Concat(type.GetComplexProperties().SelectMany(c => Columns(c.ComplexType)));

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";

    private sealed record Column(string Name, string DataTypeName, IClrPropertyGetter Getter, ValueConverter? Converter)
    {
        /// <summary>The column a property maps to in <paramref name="table"/>, or null when the database computes it.</summary>
        public static Column? Of(IProperty property, StoreObjectIdentifier table)
        {
            if (property.GetComputedColumnSql(table) is not null || property.ValueGenerated == ValueGenerated.OnAddOrUpdate) return null;
            var mapping = property.GetRelationalTypeMapping();
            // COPY's binary format takes the type's name without its modifiers: numeric(12,2) is written as numeric.
            var storeType = mapping.StoreType;
            var parenthesis = storeType.IndexOf('(');
            var dataTypeName = parenthesis < 0 ? storeType : storeType[..parenthesis].TrimEnd() + storeType[(storeType.IndexOf(')') + 1)..];
            return new(property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}."),
                dataTypeName, property.GetGetter(), mapping.Converter);
        }

        public object? ProviderValue(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
