namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The verify-care-audit verb: reads every client's chain of access rows in order and checks that
/// each row's hash is what its fields and the row before it give, that no place in a chain is
/// missing, and that the chain ends where its recorded end says. A change to an old row, or one
/// taken out of the middle or off the end, shows as a break.
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
        var ends = await db.CareAccessChainEnds.AsNoTracking().ToDictionaryAsync(e => e.ClientId, cancellationToken);
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
                CheckEnd(client, previous, skip, ends, broken);
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

        CheckEnd(client, previous, skip, ends, broken);
        foreach (var orphan in ends.Values)
        {
            // An end whose chain has no rows at all: every row was taken out.
            broken.Add((orphan.ClientId, 1, "is missing (the chain's end names row " + orphan.Sequence.ToString(CultureInfo.InvariantCulture) + ")"));
            clients++;
        }

        return new Result(clients, rows, broken);
    }

    /// <summary>After a client's last row: it must be where the chain's recorded end says (a row taken off the end shows here).</summary>
    private static void CheckEnd(Guid? client, CareAccessRecord? last, bool broken, Dictionary<Guid, CareAccessChainEnd> ends, List<(Guid, long, string)> found)
    {
        if (client is not { } id || last is null)
        {
            return;
        }

        var end = ends.GetValueOrDefault(id);
        ends.Remove(id);
        if (!broken && (end is null || end.Sequence != last.Sequence || end.Hash != last.Hash))
        {
            var missing = (end?.Sequence ?? 0) > last.Sequence;
            found.Add((id, last.Sequence + (missing ? 1 : 0), missing ? "is missing from the end of the chain" : "is not where the chain's recorded end says it stops"));
        }
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
