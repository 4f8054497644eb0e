namespace InnerAlly.Features.Account;

public static class ReturnUrls
{
    /// <summary>Where a person lands after signing in when nothing else was asked for.</summary>
    public const string Home = "/";

    /// <summary>Only addresses on this site: a sign-in link must never send someone elsewhere.</summary>
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : Home;
}
