using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GovDisclosure.Infrastructure.Data.Configurations;

/// <summary>
/// Maps a string-keyed dictionary to a jsonb column through an explicit converter and comparer, so EF
/// notices in-place changes (the aggregate mutates its dictionaries) without relying on Npgsql's
/// dynamic JSON mapping.
/// </summary>
internal static class JsonbDictionary
{
    public static PropertyBuilder<TDictionary> IsJsonbDictionary<TDictionary, TValue>(this PropertyBuilder<TDictionary> property)
        where TDictionary : class, IReadOnlyDictionary<string, TValue>
    {
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value), (JsonSerializerOptions?)null),
                v => (TDictionary)(object)new Dictionary<string, TValue>(JsonSerializer.Deserialize<Dictionary<string, TValue>>(v, (JsonSerializerOptions?)null) ?? new Dictionary<string, TValue>(), StringComparer.Ordinal),
                new ValueComparer<TDictionary>(
                    (a, b) => a != null && b != null && a.Count == b.Count && a.All(kv => b.ContainsKey(kv.Key) && Equals(b[kv.Key], kv.Value)),
                    v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                    v => (TDictionary)(object)new Dictionary<string, TValue>(v, StringComparer.Ordinal)))
            .HasColumnType("jsonb")
            .IsRequired();
        return property;
    }

    /// <summary>A set of strings as a sorted jsonb array, with a comparer for the same in-place change tracking.</summary>
    public static PropertyBuilder<IReadOnlyCollection<string>> IsJsonbSet(this PropertyBuilder<IReadOnlyCollection<string>> property)
    {
        property
            .HasConversion(
                v => JsonSerializer.Serialize(v.Order(StringComparer.Ordinal).ToArray(), (JsonSerializerOptions?)null),
                v => new HashSet<string>(JsonSerializer.Deserialize<string[]>(v, (JsonSerializerOptions?)null) ?? Array.Empty<string>(), StringComparer.Ordinal),
                new ValueComparer<IReadOnlyCollection<string>>(
                    (a, b) => a != null && b != null && a.Count == b.Count && a.All(b.Contains),
                    v => v.Order(StringComparer.Ordinal).Aggregate(0, (h, code) => HashCode.Combine(h, code)),
                    v => new HashSet<string>(v, StringComparer.Ordinal)))
            .HasColumnType("jsonb")
            .IsRequired();
        return property;
    }
}
