namespace LiveHire.Core.Domain;

/// <summary>Pay in one unit compared with pay in another, the way employment centres quote it.</summary>
public static class Pay
{
    /// <summary>Working days in a month under the national standard (21.75) and 8 hours a day.</summary>
    public const decimal DaysPerMonth = 21.75m;
    public const decimal HoursPerMonth = DaysPerMonth * 8;

    /// <summary>The monthly equivalent of an amount, or null for a piece rate, which depends on output.</summary>
    public static decimal? PerMonth(decimal amount, PayUnit unit) => unit switch
    {
        PayUnit.Month => amount,
        PayUnit.Day => decimal.Round(amount * DaysPerMonth, 2),
        PayUnit.Hour => decimal.Round(amount * HoursPerMonth, 2),
        _ => null,
    };
}
