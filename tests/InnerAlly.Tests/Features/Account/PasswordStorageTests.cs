using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The app as it runs for real: passwords hashed at production's cost, which the other test hosts lower.</summary>
public sealed class ProductionHashingFactory : InnerAllyFactory
{
    public ProductionHashingFactory()
    {
        ProductionPasswordHashing = true;
    }
}

/// <summary>
/// A stolen copy of the database is slow to guess passwords from: each is stored as Identity's
/// version 3 hash, PBKDF2 with HMAC-SHA512 and at least 100,000 iterations (ASP.NET Core's default).
/// </summary>
public sealed class PasswordStorageTests(ProductionHashingFactory factory) : IClassFixture<ProductionHashingFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Identity's version 3 format: 0x01, then the PRF, the iteration count and the salt length as big-endian uint32s.</summary>
    private static (byte Format, uint Prf, uint Iterations) ReadHeader(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        return (bytes[0], BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }

    [Fact]
    public async Task A_new_password_is_stored_as_PBKDF2_HMAC_SHA512_with_at_least_100000_iterations_and_signs_in()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();

        var (format, prf, iterations) = ReadHeader(factory.WithDb(db => db.Users.Single(u => u.Email == email).PasswordHash!));
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);

        Assert.Equal(0x01, format);
        Assert.Equal(2u, prf); // KeyDerivationPrf.HMACSHA512
        Assert.True(iterations >= 100_000, $"{iterations} iterations");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task The_other_test_hosts_store_the_same_format_at_a_lower_cost()
    {
        await using var cheap = new InnerAllyFactory();
        await cheap.InitializeAsync();
        var email = InnerAllyFactory.NewEmail();
        (await cheap.CreateClient().PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();

        var (format, prf, iterations) = ReadHeader(cheap.WithDb(db => db.Users.Single(u => u.Email == email).PasswordHash!));

        Assert.Equal(0x01, format);
        Assert.Equal(2u, prf);
        Assert.Equal((uint)InnerAllyFactory.TestPasswordIterations, iterations);
    }
}
