namespace InnerAlly.Features.Clinics;

/// <summary>Where an invitation's link leads, and the email that carries it (neutral subject, link from App:PublicUrl only).</summary>
public sealed class StaffInvitationMail(Mailer mailer, IOptions<AppOptions> app)
{
    public const string Subject = "An invitation to InnerAlly";

    public static string PathFor(string token) => $"/clinic/join/{token}";

    /// <summary>The whole link when App:PublicUrl is set; otherwise null, and the path alone is shown.</summary>
    public Uri? LinkFor(string token) => app.Value.LinkTo(PathFor(token));

    /// <summary>Sends the link when email is on; false when it is off (the link is then shown to whoever invited).</summary>
    public Task<bool> SendAsync(StaffInvitation invitation, string clinicName, string token, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured || LinkFor(token) is not { } link)
        {
            return Task.FromResult(false);
        }

        var role = StaffRoles.Describe(invitation.Granted);
        var lasts = invitation.ExpiresAt - invitation.CreatedAt >= TimeSpan.FromDays(2)
            ? $"{(int)(invitation.ExpiresAt - invitation.CreatedAt).TotalDays} days"
            : $"{(int)(invitation.ExpiresAt - invitation.CreatedAt).TotalHours} hours";
        var text = $"""
            Hello,

            You have been invited to join {clinicName} on InnerAlly, {role}.

            To accept, open this link and sign in, or create an account with this email address:
            {link}

            The link works once, for the next {lasts}. If you were not expecting this, you can ignore this email and nothing will change.
            """;
        return mailer.SendAsync(invitation.Email, Subject, text, cancellationToken);
    }
}

public static class StaffRoles
{
    public const string Therapist = "therapist";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Therapist, Admin];

    public static StaffInvitation.Roles Parse(string role) =>
        role == Admin ? new(Admin: true, Therapist: false) : role == Therapist ? new(Admin: false, Therapist: true) : throw new ArgumentException($"Unknown role '{role}'.", nameof(role));

    /// <summary>"as a therapist", "as an admin", "as an admin and therapist": words for a person.</summary>
    public static string Describe(StaffInvitation.Roles roles) => roles switch
    {
        { Admin: true, Therapist: true } => "as an admin and a therapist",
        { Admin: true } => "as an admin, who looks after the clinic's staff and details",
        _ => "as a therapist",
    };
}
