namespace InnerAlly.Infrastructure;

/// <summary>
/// HTTPS redirection and HSTS belong only where an HTTPS endpoint exists; on a plain-HTTP
/// loopback address the app simply serves HTTP.
/// </summary>
public static class HttpsEndpoints
{
    public static bool AreConfigured(IConfiguration configuration)
    {
        var urls = new[] { configuration["urls"], configuration["https_ports"], configuration["https_port"] };
        if (urls.Any(u => !string.IsNullOrWhiteSpace(u)
                && (u.Contains("https://", StringComparison.OrdinalIgnoreCase) || char.IsAsciiDigit(u.Trim()[0]))))
        {
            return true;
        }

        return configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => e["Url"]?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);
    }
}
