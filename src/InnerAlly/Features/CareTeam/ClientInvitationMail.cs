namespace InnerAlly.Features.CareTeam;

/// <summary>Where a client invitation's link leads, and the email that carries it (neutral subject, link from App:PublicUrl only).</summary>
public sealed class ClientInvitationMail(Mailer mailer, IOptions<AppOptions> app)
{
    public const string Subject = "An invitation to InnerAlly";

    public static string PathFor(string code) => $"/care-team/join/{code}";

    /// <summary>The whole link when App:PublicUrl is set; otherwise null, and the path alone is shown.</summary>
    public Uri? LinkFor(string code) => app.Value.LinkTo(PathFor(code));

    /// <summary>Sends the link when email is on and an address was given; false otherwise (the code is then handed over in person).</summary>
    public Task<bool> SendAsync(ClientInvitation invitation, string therapistName, string clinicName, string code, CancellationToken cancellationToken)
    {
        if (invitation.Email is not { } email || !mailer.IsConfigured || LinkFor(code) is not { } link)
        {
            return Task.FromResult(false);
        }

        var text = $"""
            Hello,

            {therapistName} at {clinicName} has invited you to work together on InnerAlly, a place to practise self-compassion between sessions.

            To accept, open this link and sign in, or create an account:
            {link}

            Or enter this code on InnerAlly's care team page: {ClientInvitation.Display(code)}

            Nothing you keep in InnerAlly is shared until you choose what to share, and you can change that at any time. The link works once, for the next 14 days. If you were not expecting this, you can ignore this email and nothing will change.
            """;
        return mailer.SendAsync(email, Subject, text, cancellationToken);
    }
}
