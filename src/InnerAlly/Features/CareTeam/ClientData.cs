namespace InnerAlly.Features.CareTeam;

/// <summary>What <c>_ClientData</c> draws: one client's shared data, with times in their zone; entry links only on the therapist's own page.</summary>
public sealed record ClientData(ShowClient.View View, bool LinksToEntries)
{
    public string When(DateTime at, string format = "d MMM yyyy, HH:mm") =>
        TimeZoneInfo.ConvertTimeFromUtc(at, View.Zone).ToString(format, CultureInfo.InvariantCulture);
}
