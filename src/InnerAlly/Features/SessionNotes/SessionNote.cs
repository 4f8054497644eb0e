using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.SessionNotes;

/// <summary>
/// A therapist's notes of one session with a client: the clinic's record, not the client's. It is
/// kept with the clinic (it goes only with the clinic), so it outlives the care relationship and the
/// client's account; the client's name and email as they were when it was written are sealed in it,
/// so the record still says whose it is. Its words are in <see cref="SessionNoteVersion"/>: the first
/// one as written (changeable by its author for 24 hours), then one per amendment. No delete path.
/// </summary>
public sealed class SessionNote
{
    public const int EditableHours = 24;
    public const string ClientPurpose = "InnerAlly.SessionNotes.Client.v1";

    private SessionNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid ClinicId { get; private set; }

    /// <summary>The care relationship it was written in; null once the client's account (and so the relationship) is gone.</summary>
    public Guid? RelationshipId { get; private set; }

    /// <summary>The client's account; null once it is deleted (the sealed name and email still say who it was).</summary>
    public Guid? ClientUserId { get; private set; }

    /// <summary>The author's staff membership; null once the author's account is deleted (<see cref="AuthorName"/> stays).</summary>
    public Guid? AuthorId { get; private set; }

    public string AuthorName { get; private set; } = "";

    /// <summary>The name the client chose for their therapist to see, sealed.</summary>
    public string ClientName { get; private set; } = "";

    /// <summary>The client's email address when the note was written, sealed.</summary>
    public string ClientEmail { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public List<SessionNoteVersion> Versions { get; private set; } = [];

    public SessionNoteVersion Current => Versions.MaxBy(v => v.Number)!;

    public DateTime EditableUntil => CreatedAt.AddHours(EditableHours);

    /// <summary>Its author may still change the words in place: within 24 hours of writing, and before any amendment.</summary>
    public bool EditableAt(DateTime now) => now < EditableUntil && Versions.Count == 1;

    public static SessionNote Write(CareRelationship relationship, StaffMember author, string clientEmail, SessionNoteVersion.Content content, DateTime now)
    {
        var note = new SessionNote
        {
            Id = Guid.CreateVersion7(),
            ClinicId = relationship.ClinicId,
            RelationshipId = relationship.Id,
            ClientUserId = relationship.UserId,
            AuthorId = author.Id,
            AuthorName = author.DisplayName,
            ClientName = relationship.ClientName,
            ClientEmail = clientEmail,
            CreatedAt = Truncate(now),
        };
        note.Versions.Add(SessionNoteVersion.First(note.Id, author, content, note.CreatedAt));
        return note;
    }

    /// <summary>Changes the words as written; false once it is a record (after 24 hours, or once amended).</summary>
    public bool Edit(SessionNoteVersion.Content content, DateTime now)
    {
        if (!EditableAt(now))
        {
            return false;
        }

        Current.Replace(content, Truncate(now));
        return true;
    }

    /// <summary>An amendment: a new version, by <paramref name="author"/>; the one before it stays as it was.</summary>
    public SessionNoteVersion Amend(StaffMember author, SessionNoteVersion.Content content, DateTime now)
    {
        var version = SessionNoteVersion.Amendment(Id, Current.Number + 1, author, content, Truncate(now));
        Versions.Add(version);
        return version;
    }

    /// <summary>Whole microseconds, so a time reads back the same on PostgreSQL.</summary>
    private static DateTime Truncate(DateTime now) => new(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
}

/// <summary>One version of a note's words: the first as written, or an amendment, with who wrote it and when.</summary>
public sealed class SessionNoteVersion
{
    public const string Purpose = "InnerAlly.SessionNotes.v1";
    public const int TextMaxLength = 8000;
    public const int MinutesMax = 600;

    /// <summary>The kinds of session, by their keys.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["assessment", "session", "review", "group"];

    private SessionNoteVersion()
    {
    }

    /// <summary>What a therapist writes: the session's date, length and kind, and text under four optional headings.</summary>
    public sealed record Content(DateOnly SessionDate, int Minutes, string Kind, string? WorkedOn, string? PracticesUsed, string? NextSteps, string? Risk);

    public Guid Id { get; private set; }

    public Guid NoteId { get; private set; }

    /// <summary>1 for the note as written, then 2, 3, ... for each amendment.</summary>
    public int Number { get; private set; }

    public DateOnly SessionDate { get; private set; }

    public int Minutes { get; private set; }

    public string Kind { get; private set; } = "session";

    public string? WorkedOn { get; private set; }

    public string? PracticesUsed { get; private set; }

    public string? NextSteps { get; private set; }

    public string? Risk { get; private set; }

    public DateTime WrittenAt { get; private set; }

    /// <summary>When its author last changed it in the first 24 hours, if they did.</summary>
    public DateTime? EditedAt { get; private set; }

    public Guid? WrittenById { get; private set; }

    public string WrittenByName { get; private set; } = "";

    public Content Words => new(SessionDate, Minutes, Kind, WorkedOn, PracticesUsed, NextSteps, Risk);

    internal static SessionNoteVersion First(Guid noteId, StaffMember author, Content content, DateTime now) =>
        Amendment(noteId, 1, author, content, now);

    internal static SessionNoteVersion Amendment(Guid noteId, int number, StaffMember author, Content content, DateTime now)
    {
        var version = new SessionNoteVersion { Id = Guid.CreateVersion7(), NoteId = noteId, Number = number, WrittenAt = now, WrittenById = author.Id, WrittenByName = author.DisplayName };
        version.Set(content);
        return version;
    }

    internal void Replace(Content content, DateTime now)
    {
        Set(content);
        EditedAt = now;
    }

    private void Set(Content content)
    {
        if (!Kinds.Contains(content.Kind) || content.Minutes is < 1 or > MinutesMax)
        {
            throw new ArgumentException("A session note needs a known kind and a length of 1 to 600 minutes.", nameof(content));
        }

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null
            : text.Length > TextMaxLength ? throw new ArgumentException("A heading's text is too long.", nameof(content))
            : text.Trim();

        SessionDate = content.SessionDate;
        Minutes = content.Minutes;
        Kind = content.Kind;
        WorkedOn = Clean(content.WorkedOn);
        PracticesUsed = Clean(content.PracticesUsed);
        NextSteps = Clean(content.NextSteps);
        Risk = Clean(content.Risk);
    }
}

internal sealed class SessionNoteConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<SessionNote>
{
    public void Configure(EntityTypeBuilder<SessionNote> builder)
    {
        builder.ToTable("SessionNotes");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        // The clinic's record: it goes only with the clinic, never with the relationship, the client or the author.
        builder.HasOne<Clinic>().WithMany().HasForeignKey(n => n.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CareRelationship>().WithMany().HasForeignKey(n => n.RelationshipId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.ClientUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(n => n.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(n => new { n.ClinicId, n.ClientUserId });
        builder.HasIndex(n => n.RelationshipId);
        builder.HasIndex(n => n.AuthorId);
        builder.Property(n => n.AuthorName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        var client = new ProtectedTextConverter(keys, SessionNote.ClientPurpose);
        builder.Property(n => n.ClientName).HasConversion((ValueConverter)client);
        builder.Property(n => n.ClientEmail).HasConversion((ValueConverter)client);
        builder.HasMany(n => n.Versions).WithOne().HasForeignKey(v => v.NoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(n => n.Current);
        builder.Ignore(n => n.EditableUntil);
    }
}

internal sealed class SessionNoteVersionConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<SessionNoteVersion>
{
    public void Configure(EntityTypeBuilder<SessionNoteVersion> builder)
    {
        builder.ToTable("SessionNoteVersions");
        builder.HasKey(v => v.Id);
        // Made in the app, so a version added to a tracked note's list is always an insert.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasIndex(v => new { v.NoteId, v.Number }).IsUnique();
        builder.Property(v => v.Kind).HasMaxLength(16);
        builder.Property(v => v.WrittenByName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        var text = new ProtectedTextConverter(keys, SessionNoteVersion.Purpose);
        builder.Property(v => v.WorkedOn).HasConversion((ValueConverter)text);
        builder.Property(v => v.PracticesUsed).HasConversion((ValueConverter)text);
        builder.Property(v => v.NextSteps).HasConversion((ValueConverter)text);
        builder.Property(v => v.Risk).HasConversion((ValueConverter)text);
        builder.Ignore(v => v.Words);
    }
}
