namespace InnerAlly.Features.Letters;

/// <summary>The person's letters, drafts and finished, newest first.</summary>
public sealed class IndexModel(AppDbContext db) : WritingListPageModel<Letter>(db, "/letters", ListLetters.HandleAsync);
