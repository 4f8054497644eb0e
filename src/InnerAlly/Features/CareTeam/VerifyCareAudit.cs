namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The verify-care-audit verb: reads every client's chain of access rows in order and checks that
/// each row's hash is what its fields and the row before it give, and that no place in a chain is
/// missing. A change to an old row, or one taken out of the middle, shows as a break.
/// </summary>
public static class VerifyCareAudit
{
    /// <param name="Broken">For each broken chain, the client's id and the first row that does not hold.</param>
    public sealed record Result(int Clients, long Rows, IReadOnlyList<(Guid ClientId, long Sequence, string Why)> Broken)
    {
        public bool Holds => Broken.Count == 0;

        public override string ToString() => Holds
            ? $"The access record holds: {Rows} rows for {Clients} clients, every hash as it should be."
            : $"The access record does not hold for {Broken.Count} of {Clients} clients:\n"
                + string.Join('\n', Broken.Select(b => $"  client {b.ClientId}: row {b.Sequence} {b.Why}"));
    }

    public static async Task<Result> HandleAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var broken = new List<(Guid, long, string)>();
        var clients = 0;
        long rows = 0;
        Guid? client = null;
        CareAccessRecord? previous = null;
        var skip = false;
        // One pass in chain order, without tracking: memory stays flat however long the record grows.
        await foreach (var row in db.CareAccessRecords.AsNoTracking().OrderBy(r => r.ClientId).ThenBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            rows++;
            if (row.ClientId != client)
            {
                client = row.ClientId;
                previous = null;
                skip = false;
                clients++;
            }

            if (skip)
            {
                continue;
            }

            var why = row.Sequence != (previous?.Sequence ?? 0) + 1 ? "does not follow the row before it (one is missing)"
                : row.PreviousHash != (previous?.Hash ?? CareAccessRecord.Genesis) ? "does not point to the hash of the row before it"
                : row.Hash != row.ComputeHash() ? "has been changed since it was written"
                : null;
            if (why is not null)
            {
                broken.Add((row.ClientId, row.Sequence, why));
                skip = true;
            }

            previous = row;
        }

        return new Result(clients, rows, broken);
    }

    /// <summary>The verb: exit code 0 when every chain holds, 1 when one does not.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await HandleAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        await output.WriteLineAsync(result.ToString());
        return result.Holds ? 0 : 1;
    }
}
