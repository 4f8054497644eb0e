namespace InnerAlly.Features.AllyRecords;

/// <summary>The person's critic-to-ally records, newest first.</summary>
public sealed class IndexModel(AppDbContext db) : WritingListPageModel<AllyRecord>(db, "/ally-records", ListAllyRecords.HandleAsync);
