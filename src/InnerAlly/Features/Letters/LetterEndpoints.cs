using InnerAlly.Infrastructure;
using Api = InnerAlly.Features.Writing.WritingEndpoints<InnerAlly.Features.Letters.LetterKind, InnerAlly.Features.Letters.Letter, InnerAlly.Features.Letters.LetterKind.Request, InnerAlly.Features.Letters.LetterKind.Response>;

namespace InnerAlly.Features.Letters;

/// <summary>The letters API: /api/v1/letters, each person's own only.</summary>
public static class LetterEndpoints
{
    public static RouteGroupBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(LetterKind.Kind.ApiPath)
            .WithTags("Letters")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapPost("/", Api.CreateAsync)
            .WithName("WriteLetter")
            .WithSummary("Write a compassionate letter: {parts: {acknowledge, understand, commonHumanity, noBlame, whatWouldHelp, encouragement, close}, status: \"draft\" or \"done\", variation: \"to-yourself\" (the default), \"from-compassionate-other\", \"to-younger-self\" or \"to-the-critic\"}. At least one part needs some text. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", Api.ListAsync)
            .WithName("ListLetters")
            .WithSummary("Your letters, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem()
            .DisableValidation(); // its query strings are checked by hand, field by field
        group.MapGet("/{id:guid}", Api.GetAsync)
            .WithName("GetLetter")
            .WithSummary("One of your letters.");
        group.MapPut("/{id:guid}", Api.UpdateAsync)
            .WithName("ChangeLetter")
            .WithSummary("Replace one of your letters. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", Api.DeleteAsync)
            .WithName("DeleteLetter")
            .WithSummary("Delete one of your letters. Ally cards kept from it stay.");
        return group;
    }
}
