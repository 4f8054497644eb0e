namespace InnerAlly.Features.CareTeam;

/// <summary>
/// Before a client accepts: the therapist's page about them as it would be with the choices now on
/// the form, drawn through the same guarded reads as the real page. Nothing is saved and no look is
/// recorded: it is the client reading their own data.
/// </summary>
public static class PreviewJoining
{
    /// <summary>The name shown at the top of the preview when the form's name is empty or too long.</summary>
    public const string NameUntilGiven = "You";

    public static Task<ShowClient.View> HandleAsync(
        AcceptClientInvitation.Preview invitation, Guid clientId, string? clientName, IReadOnlyList<ChangeSharing.Choice> choices,
        CareAccess access, AppDbContext db, CareContent content, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = string.IsNullOrWhiteSpace(clientName) || clientName.Trim().Length > CareRelationship.ClientNameMaxLength ? NameUntilGiven : clientName;
        var relationship = CareRelationship.Start(clientId, invitation.ClinicId, invitation.Therapist.Id, invitation.TherapistName, name, now);
        var sharing = choices.ToDictionary(c => c.Category, c => SharingChoice.TurnOn(relationship.Id, c.Category, c.IncludingEarlier, now), StringComparer.Ordinal);
        var client = new CareAccess.Client(relationship, invitation.Therapist, sharing, new Dictionary<Guid, EntryShare>());
        return ShowClient.ReadAsync(client, access, db, content, clock, cancellationToken);
    }
}
