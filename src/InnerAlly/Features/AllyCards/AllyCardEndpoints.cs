using InnerAlly.Infrastructure;
using Api = InnerAlly.Features.Writing.WritingEndpoints<InnerAlly.Features.AllyCards.AllyCardKind, InnerAlly.Features.AllyCards.AllyCard, InnerAlly.Features.AllyCards.AllyCardKind.Request, InnerAlly.Features.AllyCards.AllyCardKind.Response>;

namespace InnerAlly.Features.AllyCards;

/// <summary>The ally cards API: /api/v1/ally-cards, each person's own only. Cards are kept or removed, never changed.</summary>
public static class AllyCardEndpoints
{
    public static RouteGroupBuilder MapAllyCards(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(AllyCardKind.Kind.ApiPath)
            .WithTags("Ally cards")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapPost("/", Api.CreateAsync)
            .WithName("KeepAllyCard")
            .WithSummary("Keep kind words as an ally card: {text, allyRecordId?, letterId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", Api.ListAsync)
            .WithName("ListAllyCards")
            .WithSummary("Your ally cards, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem()
            .DisableValidation(); // its query strings are checked by hand, field by field
        group.MapGet("/{id:guid}", Api.GetAsync)
            .WithName("GetAllyCard")
            .WithSummary("One of your ally cards.");
        group.MapDelete("/{id:guid}", Api.DeleteAsync)
            .WithName("RemoveAllyCard")
            .WithSummary("Remove one of your ally cards.");
        return group;
    }
}
