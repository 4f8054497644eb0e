using System.Text;
using InnerAlly.Features.Account;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The code maths against the published test vectors.</summary>
public sealed class OnceOnlyAuthenticatorCodesTests
{
    /// <summary>RFC 6238 appendix B, SHA-1 rows (8 digits there; an authenticator app shows the last 6).</summary>
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Codes_match_the_rfc_6238_sha1_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, OnceOnlyAuthenticatorCodes.Code(Encoding.ASCII.GetBytes("12345678901234567890"), unixSeconds / 30));

    /// <summary>RFC 4648 section 10, with the spaces the setup page shows.</summary>
    [Theory]
    [InlineData("MZXW6YTBOI======", "foobar")]
    [InlineData("mzxw 6ytb oi", "foobar")]
    [InlineData("MZXW6===", "foo")]
    public void Base32_keys_decode_as_rfc_4648_says(string key, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(OnceOnlyAuthenticatorCodes.FromBase32(key)));
}
