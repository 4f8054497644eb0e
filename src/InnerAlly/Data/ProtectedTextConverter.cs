using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnerAlly.Data;

/// <summary>
/// Field-level encryption for health text (notes, journal, letters, answers). Values are stored
/// as <c>dp1:</c> followed by the Data Protection payload, so a plain value is never mistaken for
/// a protected one, and a future key scheme can take the next marker.
/// </summary>
public sealed class ProtectedTextConverter : ValueConverter<string, string>
{
    public const string Purpose = "InnerAlly.ProtectedText.v1";
    public const string Marker = "dp1:";

    public ProtectedTextConverter(IDataProtectionProvider provider)
        : this(provider.CreateProtector(Purpose))
    {
    }

    private ProtectedTextConverter(IDataProtector protector)
        : base(plain => Protect(protector, plain), stored => Unprotect(protector, stored))
    {
    }

    private static string Protect(IDataProtector protector, string plain) => Marker + protector.Protect(plain);

    private static string Unprotect(IDataProtector protector, string stored) =>
        stored.StartsWith(Marker, StringComparison.Ordinal)
            ? protector.Unprotect(stored[Marker.Length..])
            : throw new InvalidOperationException("A protected column held a value without the protection marker.");
}
