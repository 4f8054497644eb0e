namespace InnerAlly.Data;

/// <summary>
/// A row that belongs to one person (a check-in, a practice session, a letter, a sign-in): its own
/// id and its owner's. Every query for one filters by <see cref="UserId"/>, and the row goes when
/// the account does.
/// </summary>
public abstract class PersonalRow
{
    public Guid Id { get; protected init; }

    public Guid UserId { get; protected init; }
}

public static class PersonalRowConfiguration
{
    /// <summary>Keyed by its id, and deleted with its owner's account.</summary>
    public static EntityTypeBuilder<T> BelongsToPerson<T>(this EntityTypeBuilder<T> builder)
        where T : PersonalRow
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        return builder;
    }
}
