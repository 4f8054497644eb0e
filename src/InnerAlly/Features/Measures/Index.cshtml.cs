namespace InnerAlly.Features.Measures;

/// <summary>The questionnaires on offer, each with the person's latest score and any draft to carry on with.</summary>
public sealed class IndexModel(AppDbContext db, InstrumentCatalog catalog) : PageModel
{
    public sealed record Row(Instrument Instrument, MeasureHistory.Entry? Latest, string? LatestAt, MeasureResponse? Draft);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var rows = new List<Row>();
        foreach (var instrument in catalog.All)
        {
            var entries = await MeasureHistory.ListAsync(instrument, userId, db, cancellationToken);
            var latest = entries.LastOrDefault(e => e.Scores is not null);
            rows.Add(new Row(
                instrument,
                latest,
                latest?.Response.CompletedAt is { } at ? PersonalTime.FormatShort(at, zone) : null,
                entries.FirstOrDefault(e => !e.Response.IsComplete)?.Response));
        }

        Rows = rows;
        Message = TempData["Message"] as string;
    }
}
