namespace GovDisclosure.Domain.Templates;

public enum CellKind
{
    /// <summary>An integer ≥ 0.</summary>
    Count,

    /// <summary>An integer that may be negative: T2019 本年增/减.</summary>
    SignedCount,

    /// <summary>Money in 万元, kept to 4 decimal places (one yuan).</summary>
    Amount,
}

public static class CellKinds
{
    public const int AmountDecimals = 4;
}
