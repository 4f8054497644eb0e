using Microsoft.AspNetCore.HostFiltering;

namespace InnerAlly.Infrastructure;

/// <summary>App:PublicUrl (App__PublicUrl): the address people open InnerAlly at, behind any proxy.</summary>
public sealed class AppOptions
{
    public const string SectionName = "App";

    public const string PublicUrlSetting = "App:PublicUrl";

    /// <summary>An absolute http(s) address, like https://innerally.example.org or https://example.org/innerally.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>The address with a trailing slash, so relative paths land beneath it; null when it is not set.</summary>
    public Uri? PublicUri => string.IsNullOrWhiteSpace(PublicUrl)
        ? null
        : new Uri(PublicUrl.EndsWith('/') ? PublicUrl : PublicUrl + "/", UriKind.Absolute);

    /// <summary>A path such as "/clinic/join/..." beneath the public address; null when it is not set.</summary>
    public Uri? LinkTo(string path) => PublicUri is { } site ? new Uri(site, path.TrimStart('/')) : null;

    internal static bool IsValid(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo);
}

/// <summary>
/// Email links are the reason for the setting: with email on, the app does not start without it,
/// because the only other source of an address is the request's Host header, which anyone can forge.
/// </summary>
internal sealed class AppOptionsValidator(IOptions<EmailOptions> email) : IValidateOptions<AppOptions>
{
    public ValidateOptionsResult Validate(string? name, AppOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return email.Value.IsConfigured
                ? ValidateOptionsResult.Fail($"{AppOptions.PublicUrlSetting} (App__PublicUrl) is required once email is configured: every link in an email is built from it, never from the request. Set it to the address people open InnerAlly at, like https://innerally.example.org.")
                : ValidateOptionsResult.Success;
        }

        return AppOptions.IsValid(options.PublicUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{AppOptions.PublicUrlSetting} (App__PublicUrl) must be an absolute http or https address without a query, like https://innerally.example.org; it is '{options.PublicUrl}'.");
    }
}

/// <summary>Links for emails, from App:PublicUrl alone.</summary>
public sealed class PublicLinks(IOptions<AppOptions> app, LinkGenerator links)
{
    public Uri Site => app.Value.PublicUri ?? throw new InvalidOperationException($"{AppOptions.PublicUrlSetting} is not set; email cannot carry links without it.");

    /// <summary>A path such as "/practices/rhythm" beneath the public address.</summary>
    public Uri For(string pathAndQuery) => new(Site, pathAndQuery.TrimStart('/'));

    /// <summary>A Razor page's address, like "/Account/ConfirmEmail", with its query values.</summary>
    public Uri Page(string page, object values) =>
        For(links.GetPathByPage(page, handler: null, values, pathBase: PathString.Empty)
            ?? throw new InvalidOperationException($"No page {page}."));

    /// <summary>A named endpoint's address with its query values.</summary>
    public Uri Endpoint(string name, object values) =>
        For(links.GetPathByName(name, values, pathBase: PathString.Empty)
            ?? throw new InvalidOperationException($"No endpoint {name}."));
}

public static class PublicAddressExtensions
{
    /// <summary>Loopback names stay allowed so health checks and a proxy on the same machine still reach the app.</summary>
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]", "::1"];

    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<AppOptions>, AppOptionsValidator>();
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.SectionName).ValidateOnStart();
        services.AddSingleton<PublicLinks>();

        // With a public address set and AllowedHosts left at "*", only that host (and loopback) is
        // served; any other Host header answers 400. An operator's own AllowedHosts list wins.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<AppOptions>>((o, app) =>
        {
            var configured = configuration["AllowedHosts"];
            if ((string.IsNullOrWhiteSpace(configured) || configured.Trim() == "*")
                && app.Value.PublicUrl is { } url && AppOptions.IsValid(url))
            {
                o.AllowedHosts = [new Uri(url).IdnHost, .. Loopback];
            }
        });
        return services;
    }
}
