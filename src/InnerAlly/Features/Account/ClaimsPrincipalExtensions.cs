namespace InnerAlly.Features.Account;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in person's id; only called behind an authorization policy.</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        Guid.Parse(principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The principal has no user id."));
}
