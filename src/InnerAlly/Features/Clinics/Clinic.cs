namespace InnerAlly.Features.Clinics;

/// <summary>
/// A clinic: its name, its time zone, how to reach it, and the short name in its addresses. Many
/// clinics can share one database without ever seeing each other: every row a clinic owns
/// carries its id, and every query for one filters by it.
/// </summary>
public sealed class Clinic
{
    public const int NameMaxLength = 120;
    public const int SlugMaxLength = 60;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;

    private Clinic()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Lower-case letters, digits and single hyphens, unique: the clinic's part of an address.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>An IANA time zone, for the clinic's own times (bookings, to come).</summary>
    public string TimeZone { get; private set; } = "UTC";

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// A shared clinical record: when on, every active therapist of the clinic may read the session
    /// notes its therapists write (never change them); when off (the default), only each note's author.
    /// </summary>
    public bool SharedClinicalRecord { get; private set; }

    public void ShareClinicalRecord(bool on) => SharedClinicalRecord = on;

    public sealed record Details(string Name, string TimeZone, string? ContactEmail, string? ContactPhone);

    public static Clinic Create(string slug, Details details, DateTime now)
    {
        if (!ClinicSlugs.IsWellFormed(slug))
        {
            throw new ArgumentException($"'{slug}' is not a clinic slug.", nameof(slug));
        }

        var clinic = new Clinic { Id = Guid.CreateVersion7(), Slug = slug, CreatedAt = now.ToUniversalTime() };
        clinic.Change(details);
        return clinic;
    }

    /// <summary>Keeps the invariants the edge has already checked, so no other path can break them.</summary>
    public void Change(Details details)
    {
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Length > NameMaxLength)
        {
            throw new ArgumentException("A clinic needs a name of up to 120 characters.", nameof(details));
        }

        if (TimeZones.Normalize(details.TimeZone) != details.TimeZone)
        {
            throw new ArgumentException($"Unknown time zone '{details.TimeZone}'.", nameof(details));
        }

        if (details.ContactEmail is { Length: > EmailMaxLength } || details.ContactPhone is { Length: > PhoneMaxLength })
        {
            throw new ArgumentException("The contact details are too long.", nameof(details));
        }

        Name = details.Name.Trim();
        TimeZone = details.TimeZone;
        ContactEmail = string.IsNullOrWhiteSpace(details.ContactEmail) ? null : details.ContactEmail.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(details.ContactPhone) ? null : details.ContactPhone.Trim();
    }
}

internal sealed class ClinicConfiguration : IEntityTypeConfiguration<Clinic>
{
    public void Configure(EntityTypeBuilder<Clinic> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Name).HasMaxLength(Clinic.NameMaxLength);
        builder.Property(c => c.Slug).HasMaxLength(Clinic.SlugMaxLength);
        builder.Property(c => c.TimeZone).HasMaxLength(User.TimeZoneIdMaxLength);
        builder.Property(c => c.ContactEmail).HasMaxLength(Clinic.EmailMaxLength);
        builder.Property(c => c.ContactPhone).HasMaxLength(Clinic.PhoneMaxLength);
    }
}
