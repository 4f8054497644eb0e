namespace InnerAlly.Features.Writing;

/// <summary>A text box on a writing page (Features/Writing/_TextField.cshtml): label, hint, the words, a gentle count near the limit, and any message.</summary>
/// <param name="Analyze">The language engine reads it as the person writes (critic-words.js).</param>
public sealed record TextField(string Id, string Name, string Label, string? Hint, string? Value, string? Error, int Rows = 5, bool Analyze = false);

/// <summary>A 0-10 rating that can be left unrated (Features/Writing/_RatingField.cshtml).</summary>
public sealed record RatingField(string Id, string Name, string Label, int? Value, string? Error, WritingContent.ScaleWords Scale);
