using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Calendar;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Messages;
using InnerAlly.Features.Practices;
using InnerAlly.Features.SessionNotes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace InnerAlly.Data;

/// <summary>
/// The one database context. Each provider has a small subclass so that each keeps its own
/// migrations set (see docs/adr/0001-one-project-two-migration-sets.md).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityRoleClaim<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options),
      IDataProtectionKeyContext
{
    private FieldKeyRing? _keyRing;

    /// <summary>
    /// Holds the database's one writer for a transaction the caller opens and commits itself, from
    /// before its BEGIN to after its COMMIT, and gives it back when disposed. On SQLite this is the
    /// process's write gate (<see cref="SqliteWriteGate"/>): without it, a transaction that began
    /// (BEGIN IMMEDIATE takes SQLite's write lock at once) would sit in the driver's busy wait while
    /// another request's save holds the gate, or make that save wait in it. On PostgreSQL, which
    /// has no single writer, nothing is held.
    /// </summary>
    public virtual ValueTask<IAsyncDisposable> HoldWriterAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IAsyncDisposable>(NothingHeld.Instance);

    private sealed class NothingHeld : IAsyncDisposable
    {
        public static readonly NothingHeld Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Encrypts health text at rest; part of the model cache key (see
    /// <see cref="ProtectorAwareModelCacheKeyFactory"/>). Taken from the application's services,
    /// so the context keeps the one-argument constructor that context pooling needs.
    /// </summary>
    internal FieldKeyRing KeyRing => _keyRing ??=
        (this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException("The context was made without the application's services."))
        .GetRequiredService<FieldKeyRing>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<PracticeSession> PracticeSessions => Set<PracticeSession>();

    public DbSet<PracticeRhythmItem> PracticeRhythmItems => Set<PracticeRhythmItem>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<PracticeReminderSubscription> PracticeReminderSubscriptions => Set<PracticeReminderSubscription>();

    public DbSet<LessonState> LessonStates => Set<LessonState>();

    public DbSet<SafetyPlan> SafetyPlans => Set<SafetyPlan>();

    public DbSet<MeasureResponse> MeasureResponses => Set<MeasureResponse>();

    public DbSet<MeasureReminder> MeasureReminders => Set<MeasureReminder>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<AllyRecord> AllyRecords => Set<AllyRecord>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<AllyCard> AllyCards => Set<AllyCard>();

    public DbSet<FieldKey> FieldKeys => Set<FieldKey>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();

    public DbSet<TokenFamily> TokenFamilies => Set<TokenFamily>();

    public DbSet<Clinic> Clinics => Set<Clinic>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<ClientInvitation> ClientInvitations => Set<ClientInvitation>();

    public DbSet<CareRelationship> CareRelationships => Set<CareRelationship>();

    public DbSet<SharingChoice> SharingChoices => Set<SharingChoice>();

    public DbSet<CareAccessRecord> CareAccessRecords => Set<CareAccessRecord>();

    public DbSet<CareAccessChainEnd> CareAccessChainEnds => Set<CareAccessChainEnd>();

    public DbSet<EntryShare> EntryShares => Set<EntryShare>();

    public DbSet<SafetyNoticeRecord> SafetyNoticeRecords => Set<SafetyNoticeRecord>();

    public DbSet<Message> Messages => Set<Message>();
    public DbSet<SessionNote> SessionNotes => Set<SessionNote>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var protectedText = new ProtectedTextConverter(KeyRing);
        builder.ApplyConfiguration(new CheckInConfiguration(protectedText));
        builder.ApplyConfiguration(new PracticeSessionConfiguration(protectedText));
        builder.ApplyConfiguration(new PracticeRhythmItemConfiguration());
        builder.ApplyConfiguration(new PracticeReminderSubscriptionConfiguration());
        builder.ApplyConfiguration(new LessonStateConfiguration(new ProtectedTextConverter(KeyRing, LessonState.ReflectionPurpose)));
        builder.ApplyConfiguration(new CalendarFeedConfiguration(new ProtectedTextConverter(KeyRing, CalendarFeed.Purpose)));
        builder.ApplyConfiguration(new SafetyPlanConfiguration(new ProtectedTextConverter(KeyRing, SafetyPlan.Purpose)));
        builder.ApplyConfiguration(new MeasureResponseConfiguration(new ProtectedTextConverter(KeyRing, MeasureResponse.Purpose)));
        builder.ApplyConfiguration(new MeasureReminderConfiguration());
        builder.ApplyConfiguration(new JournalEntryConfiguration(KeyRing));
        builder.ApplyConfiguration(new AllyRecordConfiguration(KeyRing));
        builder.ApplyConfiguration(new LetterConfiguration(KeyRing));
        builder.ApplyConfiguration(new AllyCardConfiguration(KeyRing));
        builder.ApplyConfiguration(new UserConfiguration());
        builder.ApplyConfiguration(new FieldKeyConfiguration());
        builder.ApplyConfiguration(new SignInFailuresConfiguration());
        builder.ApplyConfiguration(new TokenFamilyConfiguration());
        builder.ApplyConfiguration(new ClinicConfiguration());
        builder.ApplyConfiguration(new StaffMemberConfiguration());
        builder.ApplyConfiguration(new StaffInvitationConfiguration(KeyRing));
        builder.ApplyConfiguration(new ClientInvitationConfiguration(KeyRing));
        builder.ApplyConfiguration(new CareRelationshipConfiguration());
        builder.ApplyConfiguration(new SharingChoiceConfiguration());
        builder.ApplyConfiguration(new CareAccessRecordConfiguration());
        builder.ApplyConfiguration(new CareAccessChainEndConfiguration());
        builder.ApplyConfiguration(new EntryShareConfiguration());
        builder.ApplyConfiguration(new SafetyNoticeRecordConfiguration());
        builder.ApplyConfiguration(new MessageConfiguration(KeyRing));
        builder.ApplyConfiguration(new SessionNoteConfiguration(KeyRing));
        builder.ApplyConfiguration(new SessionNoteVersionConfiguration(KeyRing));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database; SQLite forgets the kind, so it is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>
/// SQLite allows one writer at a time and Microsoft.Data.Sqlite retries a busy writer only every
/// 150 ms, so concurrent requests queue here, in the process, instead of sleeping in the driver.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options)
    : AppDbContext(options)
{
    /// <summary>Set while <see cref="HoldWriterAsync"/>'s hold is open: this context's saves are already inside the gate.</summary>
    private bool _holdsGate;

    public override async ValueTask<IAsyncDisposable> HoldWriterAsync(CancellationToken cancellationToken)
    {
        if (_holdsGate)
        {
            throw new InvalidOperationException("This context already holds the writer.");
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        _holdsGate = true;
        return new Hold(this, gate);
    }

    private sealed class Hold(SqliteAppDbContext db, SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                db._holdsGate = false;
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (_holdsGate)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        gate.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            gate.Release();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_holdsGate)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var gate = SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options)
    : AppDbContext(options);
