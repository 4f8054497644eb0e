using System.Text.Json;
using System.Text.Json.Serialization;

namespace InnerAlly.Features.SessionNotes;

/// <summary>
/// The export-client-record verb: everything a clinic's record holds about one client, for a
/// subject access request: the clinic's session notes about them, every version, found by the email
/// address the notes were written under or the account that has it now (so a client who deleted
/// their account is still found). Run by the operator, on the server; there is no route for it.
/// </summary>
public static class ExportClientRecord
{
    public sealed record Record(string Clinic, string ClinicSlug, string Email, DateTime ExportedAt, IReadOnlyList<Note> SessionNotes);

    public sealed record Note(
        Guid Id, string ClientName, string ClientEmail, bool ClientAccountDeleted, string Author, DateTime CreatedAt, IReadOnlyList<ShowSessionNotes.Version> Versions);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The clinic's record about the client with this email; null when there is no clinic with that slug.</summary>
    public static async Task<Record?> HandleAsync(string slug, string email, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.Clinics.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken) is not { } clinic)
        {
            return null;
        }

        var wanted = email.Trim();
        var normalized = wanted.ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        // The address is sealed in each note, so it is compared after opening: one clinic's notes, read once.
        var notes = (await db.SessionNotes.AsNoTracking().Include(n => n.Versions).Where(n => n.ClinicId == clinic.Id).ToListAsync(cancellationToken))
            .Where(n => (account is { } id && n.ClientUserId == id) || string.Equals(n.ClientEmail, wanted, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.CreatedAt)
            .Select(n => new Note(n.Id, n.ClientName, n.ClientEmail, n.ClientUserId is null, n.AuthorName, n.CreatedAt,
                [.. ShowSessionNotes.From(n, editable: false, amendable: false).Versions.Reverse()]))
            .ToList();
        return new Record(clinic.Name, clinic.Slug, wanted, clock.GetUtcNow().UtcDateTime, notes);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (options.GetValueOrDefault("clinic") is not { Length: > 0 } slug || options.GetValueOrDefault("email") is not { Length: > 0 } email)
        {
            await errors.WriteLineAsync("export-client-record needs --clinic (the clinic's short name) and --email (the client's address), and takes --out file.json.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var record = await HandleAsync(slug, email, scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
        if (record is null)
        {
            await errors.WriteLineAsync($"There is no clinic with the short name '{slug}'.");
            return 1;
        }

        var json = JsonSerializer.Serialize(record, Json);
        if (options.GetValueOrDefault("out") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, json + "\n", cancellationToken);
            // The file holds health text: readable by its owner alone where the system allows it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            await errors.WriteLineAsync($"{record.SessionNotes.Count} session notes written to {path}.");
        }
        else
        {
            await output.WriteLineAsync(json);
        }

        return 0;
    }
}
