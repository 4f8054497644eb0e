namespace InnerAlly.Features.Safety;

/// <summary>
/// A person's own safety plan (Stanley and Brown's six steps, plus what matters most to them),
/// written ahead of time in their own words. One per person; every step is optional and
/// encrypted at rest.
/// </summary>
public sealed class SafetyPlan
{
    public const int StepMaxLength = 4000;
    public const string Purpose = "InnerAlly.SafetyPlan.v1";

    /// <summary>The steps' property names, in the plan's order.</summary>
    public static readonly IReadOnlyList<string> StepNames =
    [
        nameof(WarningSigns), nameof(CopingOnMyOwn), nameof(PeopleAndPlaces), nameof(PeopleToAsk),
        nameof(Professionals), nameof(SaferSurroundings), nameof(MattersMost),
    ];

    private SafetyPlan()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>1. Thoughts, images, moods or situations that tell me a crisis may be coming.</summary>
    public string? WarningSigns { get; private set; }

    /// <summary>2. Things I can do on my own to take my mind off things.</summary>
    public string? CopingOnMyOwn { get; private set; }

    /// <summary>3. People and places that help me feel better or take my mind off things.</summary>
    public string? PeopleAndPlaces { get; private set; }

    /// <summary>4. People I can ask for help, and how to reach them.</summary>
    public string? PeopleToAsk { get; private set; }

    /// <summary>5. Professionals and services I can contact in a crisis.</summary>
    public string? Professionals { get; private set; }

    /// <summary>6. Making my surroundings safer.</summary>
    public string? SaferSurroundings { get; private set; }

    /// <summary>The thing that matters most to me and is worth living for.</summary>
    public string? MattersMost { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static SafetyPlan Start(Guid userId) => new() { UserId = userId };

    /// <summary>Replaces every step; blank steps become empty. The edge has checked the lengths already.</summary>
    public void Replace(Steps steps, DateTime now)
    {
        foreach (var step in steps.All)
        {
            if (step is { Length: > StepMaxLength })
            {
                throw new ArgumentException("A step is too long.", nameof(steps));
            }
        }

        WarningSigns = Blank(steps.WarningSigns);
        CopingOnMyOwn = Blank(steps.CopingOnMyOwn);
        PeopleAndPlaces = Blank(steps.PeopleAndPlaces);
        PeopleToAsk = Blank(steps.PeopleToAsk);
        Professionals = Blank(steps.Professionals);
        SaferSurroundings = Blank(steps.SaferSurroundings);
        MattersMost = Blank(steps.MattersMost);
        UpdatedAt = now.ToUniversalTime();
    }

    public Steps Written => new(WarningSigns, CopingOnMyOwn, PeopleAndPlaces, PeopleToAsk, Professionals, SaferSurroundings, MattersMost);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The seven steps' words, in order.</summary>
    public sealed record Steps(
        string? WarningSigns, string? CopingOnMyOwn, string? PeopleAndPlaces, string? PeopleToAsk,
        string? Professionals, string? SaferSurroundings, string? MattersMost)
    {
        public static Steps Empty { get; } = new(null, null, null, null, null, null, null);

        public IReadOnlyList<string?> All => [WarningSigns, CopingOnMyOwn, PeopleAndPlaces, PeopleToAsk, Professionals, SaferSurroundings, MattersMost];
    }
}

internal sealed class SafetyPlanConfiguration(ProtectedTextConverter sealedText) : IEntityTypeConfiguration<SafetyPlan>
{
    public void Configure(EntityTypeBuilder<SafetyPlan> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<SafetyPlan>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.Written);
        foreach (var step in SafetyPlan.StepNames)
        {
            builder.Property<string?>(step).HasConversion((ValueConverter)sealedText);
        }
    }
}
