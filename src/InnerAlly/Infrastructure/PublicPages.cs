namespace InnerAlly.Infrastructure;

/// <summary>The pages a signed-out visitor may open; every other page sends them to sign in.</summary>
public static class PublicPages
{
    public static readonly IReadOnlyList<string> All =
    [
        // The welcome page (it shows the person's latest check-in once they are signed in).
        "/Home/Index",
        // Help is for everyone, signed in or not, and never needs the database.
        "/Safety/Help",
        "/Errors/Error",
        .. AccountPages.Anonymous,
    ];
}
