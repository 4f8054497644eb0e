using System.Net;
using System.Net.Http.Json;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The app with a password hasher that counts how often a password is checked.</summary>
public sealed class CountingHasherFactory : InnerAllyFactory
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<User>>(Hasher));
    }
}

public sealed class CountingHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// Who has an account cannot be learned from signing in: an unknown address costs the same
/// password-hash work and gets the same answers, pauses included, as a known one; and a stranger's
/// wrong guesses never keep the person out of a device they signed in on before.
/// </summary>
public sealed class SignInEnumerationTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> NewPersonAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        return email;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/account/login", new { email, password }, Cancel);

    /// <summary>How many password checks one call made (this class's tests run one at a time).</summary>
    private async Task<int> VerificationsDuringAsync(Func<Task> call)
    {
        var before = factory.Hasher.Verifications;
        await call();
        return factory.Hasher.Verifications - before;
    }

    [Fact]
    public async Task Api_login_for_an_unknown_address_checks_a_password_hash_like_a_wrong_password_does()
    {
        var email = await NewPersonAsync();
        var client = factory.CreateClient();

        var known = await VerificationsDuringAsync(async () => Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, email, "not the right words at all")).StatusCode));
        var unknown = await VerificationsDuringAsync(async () => Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, InnerAllyFactory.NewEmail(), "not the right words at all")).StatusCode));

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task Sign_in_page_for_an_unknown_address_checks_a_password_hash_like_a_wrong_password_does()
    {
        var email = await NewPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());

        var known = await VerificationsDuringAsync(() => browser.SignInAsync(email, "not the right words at all"));
        var unknown = await VerificationsDuringAsync(() => browser.SignInAsync(InnerAllyFactory.NewEmail(), "not the right words at all"));

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task Wrong_passwords_for_a_known_and_an_unknown_address_get_the_same_answers_and_the_same_pause()
    {
        var known = await NewPersonAsync();
        var unknown = InnerAllyFactory.NewEmail();
        var answers = new Dictionary<string, List<string>>();
        foreach (var email in (string[])[known, unknown])
        {
            var client = factory.CreateClient();
            answers[email] = [];
            for (var i = 0; i < 7; i++)
            {
                var response = await LoginAsync(client, email, $"wrong guess number {i}");
                answers[email].Add($"{(int)response.StatusCode} {response.Headers.RetryAfter?.Delta?.TotalSeconds > 0} {await DetailAsync(response)}");
            }
        }

        Assert.Equal(answers[known], answers[unknown]);
        Assert.Equal("401 False Failed", answers[known][0]);
        Assert.Equal("429 True ", answers[known][^1]);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel);
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }

    [Fact]
    public async Task A_strangers_wrong_guesses_do_not_keep_the_person_out_of_a_device_they_used_before()
    {
        var email = await NewPersonAsync();
        // The person's own app keeps cookies, so it carries the device cookie from its first sign-in.
        var own = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(own, email, InnerAllyFactory.GoodPassword)).StatusCode);
        var stranger = factory.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            await LoginAsync(stranger, email, $"a stranger's guess {i}");
        }

        var strangerWithTheRightPassword = await LoginAsync(stranger, email, InnerAllyFactory.GoodPassword);
        var person = await LoginAsync(own, email, InnerAllyFactory.GoodPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, strangerWithTheRightPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, person.StatusCode);
        Assert.NotNull((await person.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!.AccessToken);
    }

    [Fact]
    public async Task On_the_sign_in_page_a_strangers_guesses_pause_only_new_devices()
    {
        var email = await NewPersonAsync();
        var own = await PageBrowser.SignInAsync(factory, email);
        await own.SubmitAsync("/account", [], "main form[action='/account/logout']");
        var stranger = new PageBrowser(factory.CreatePageClient());
        for (var i = 0; i < 8; i++)
        {
            await stranger.SignInAsync(email, $"a stranger's guess {i}");
        }

        var paused = await PageBrowser.ParseAsync(await stranger.SignInAsync(email, InnerAllyFactory.GoodPassword));
        var person = await own.SignInAsync(email, InnerAllyFactory.GoodPassword);

        Assert.Contains("wait a little", paused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, person.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await own.StatusOfAsync("/check-ins"));
    }
}
