using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;
using MimeKit;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// With email on, signing up with an address that already has an account answers exactly like a
/// new sign-up, and the address's owner gets a short note saying so; nothing about the account changes.
/// </summary>
public sealed class RegisterExistingAddressTests(EmailFactory factory) : IClassFixture<EmailFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> RegisterAsync(string email, string password = InnerAllyFactory.GoodPassword) =>
        factory.CreateClient().PostAsJsonAsync("/api/v1/account/register", new { email, password }, Cancel);

    private Task<HttpResponseMessage> RegisterOnPageAsync(string email) =>
        new PageBrowser(factory.CreatePageClient()).SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "another calm meadow at dusk",
            ["Input.ConfirmPassword"] = "another calm meadow at dusk",
        });

    private List<MimeMessage> MessagesTo(string email) =>
        [.. (Directory.Exists(factory.PickupDirectory) ? Directory.GetFiles(factory.PickupDirectory, "*.eml") : [])
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, email, StringComparison.OrdinalIgnoreCase)))];

    [Fact]
    public async Task The_api_answers_an_existing_address_like_a_new_one()
    {
        var existing = InnerAllyFactory.NewEmail();
        (await RegisterAsync(existing)).EnsureSuccessStatusCode();

        var again = await RegisterAsync(existing.ToUpperInvariant(), "another calm meadow at dusk");
        var fresh = await RegisterAsync(InnerAllyFactory.NewEmail(), "another calm meadow at dusk");

        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(Cancel), await again.Content.ReadAsStringAsync(Cancel));
        var normalized = existing.ToUpperInvariant();
        Assert.Equal(1, factory.WithDb(db => db.Users.Count(u => u.NormalizedEmail == normalized)));
    }

    [Fact]
    public async Task The_page_answers_an_existing_address_like_a_new_one()
    {
        var existing = InnerAllyFactory.NewEmail();
        (await RegisterAsync(existing)).EnsureSuccessStatusCode();

        var again = await RegisterOnPageAsync(existing);
        var fresh = await RegisterOnPageAsync(InnerAllyFactory.NewEmail());

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);
    }

    [Fact]
    public async Task The_owner_of_an_existing_address_is_told_kindly_with_links_to_sign_in_and_to_reset()
    {
        var existing = InnerAllyFactory.NewEmail();
        (await RegisterAsync(existing)).EnsureSuccessStatusCode();

        (await RegisterAsync(existing, "another calm meadow at dusk")).EnsureSuccessStatusCode();

        var note = Assert.Single(MessagesTo(existing), m => m.Subject == "Your email address was used to sign up");
        Assert.Contains("nothing in yours has changed", note.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{EmailFactory.PublicUrl}/account/login", note.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{EmailFactory.PublicUrl}/account/forgot-password", note.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("mental", note.Subject, StringComparison.OrdinalIgnoreCase);
    }
}
