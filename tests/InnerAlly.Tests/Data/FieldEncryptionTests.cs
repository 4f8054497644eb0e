using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Tests.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Data;

/// <summary>
/// Health text is sealed with AES-256-GCM under data keys that Data Protection wraps: tampering is
/// caught, keys rotate without losing what older keys sealed, and every instance reads every key.
/// </summary>
public sealed class FieldEncryptionTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private const string Purpose = ProtectedTextConverter.NotePurpose;

    private FieldKeyRing Ring
    {
        get
        {
            _ = factory.CreateClient(); // starts the host, which loads the ring
            return factory.Services.GetRequiredService<FieldKeyRing>();
        }
    }

    [Fact]
    public void Sealed_text_opens_again_and_says_nothing_in_the_clear()
    {
        var ring = Ring;
        var text = "Ich habe heute geweint, and that is alright. 🌱";

        var sealedBytes = ProtectedTextConverter.Seal(ring, Purpose, text);

        Assert.Equal(ProtectedTextConverter.Version, sealedBytes[0]);
        Assert.Equal(-1, sealedBytes.AsSpan().IndexOf("geweint"u8));
        Assert.Equal(text, ProtectedTextConverter.Open(ring, Purpose, sealedBytes));
    }

    [Fact]
    public void The_same_words_seal_differently_every_time()
    {
        var ring = Ring;

        Assert.NotEqual(ProtectedTextConverter.Seal(ring, Purpose, "same words"), ProtectedTextConverter.Seal(ring, Purpose, "same words"));
    }

    [Fact]
    public void Any_changed_byte_is_refused()
    {
        var ring = Ring;
        var sealedBytes = ProtectedTextConverter.Seal(ring, Purpose, "do not change me");

        // Every byte but the key id (a changed id finds no key, which is refused too).
        for (var i = 0; i < sealedBytes.Length; i++)
        {
            var changed = (byte[])sealedBytes.Clone();
            changed[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => ProtectedTextConverter.Open(ring, Purpose, changed));
        }
    }

    [Fact]
    public void Text_sealed_for_one_purpose_does_not_open_as_another_nor_plain_bytes()
    {
        var ring = Ring;
        var sealedBytes = ProtectedTextConverter.Seal(ring, Purpose, "a private note");

        Assert.ThrowsAny<CryptographicException>(() => ProtectedTextConverter.Open(ring, "InnerAlly.Letters.v1", sealedBytes));
        Assert.ThrowsAny<CryptographicException>(() => ProtectedTextConverter.Open(ring, Purpose, "a private note"u8.ToArray()));
    }

    [Fact]
    public async Task Keys_rotate_after_their_lifetime_and_older_notes_still_read()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var app = new ClockFactory();
        await app.InitializeAsync();
        var email = InnerAllyFactory.NewEmail();
        var client = await app.CreateSignedInApiClientAsync(email);
        var before = await PostNoteAsync(client, "Written under the first key.");

        app.Clock.Advance(FieldKeyRing.Lifetime + TimeSpan.FromDays(1));
        app.Services.GetRequiredService<FieldKeyRing>().EnsureCurrent(); // what the key keeper does twice a day
        client = await SignInAgainAsync(app, email); // the old token has expired on the moved clock
        var after = await PostNoteAsync(client, "Written under the second key.");

        var keyIds = app.WithDb(db => db.FieldKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.Id).ToList());
        Assert.Equal(2, keyIds.Count);
        Assert.Equal(keyIds[0], KeyIdOf(app, before));
        Assert.Equal(keyIds[1], KeyIdOf(app, after));
        Assert.Equal("Written under the first key.", await NoteOfAsync(client, before, cancellationToken));
        Assert.Equal("Written under the second key.", await NoteOfAsync(client, after, cancellationToken));
    }

    [Fact]
    public async Task An_instance_reads_notes_sealed_with_a_key_another_instance_made_later()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var first = new InnerAllyFactory();
        await first.InitializeAsync();
        var email = InnerAllyFactory.NewEmail();
        var client = await first.CreateSignedInApiClientAsync(email);
        _ = await PostNoteAsync(client, "From the first instance.");

        // The second instance starts when the first key is old, so it makes a new one.
        await using var second = new ClockFactory { SharedDatabase = first.Database };
        await second.InitializeAsync();
        second.Clock.Advance(FieldKeyRing.Lifetime + TimeSpan.FromDays(1));
        var secondClient = await SignInAgainAsync(second, email);
        var fromSecond = await PostNoteAsync(secondClient, "From the second instance, under a newer key.");
        Assert.Equal(2, first.WithDb(db => db.FieldKeys.Count()));

        Assert.Equal("From the second instance, under a newer key.", await NoteOfAsync(client, fromSecond, cancellationToken));
    }

    /// <summary>Signs the same person in on <paramref name="app"/> (whose clock may have moved on).</summary>
    private static async Task<HttpClient> SignInAgainAsync(InnerAllyFactory app, string email)
    {
        var fresh = app.CreateClient();
        var login = await fresh.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword });
        login.EnsureSuccessStatusCode();
        fresh.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>())!.AccessToken);
        return fresh;
    }

    private static async Task<Guid> PostNoteAsync(HttpClient client, string note)
    {
        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 3, soothe = 3, note });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string?> NoteOfAsync(HttpClient client, Guid id, CancellationToken cancellationToken) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins/{id}", cancellationToken)).GetProperty("note").GetString();

    private static Guid KeyIdOf(InnerAllyFactory app, Guid checkInId)
    {
        var raw = app.Database.QueryAsync("""SELECT "Id", "Note" FROM "CheckIns" """, r => (Id: r.GetGuid(0), Note: (byte[])r.GetValue(1))).GetAwaiter().GetResult()
            .Single(r => r.Id == checkInId).Note;
        return ProtectedTextConverter.KeyIdOf(raw);
    }
}
