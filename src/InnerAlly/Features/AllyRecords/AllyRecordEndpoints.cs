using InnerAlly.Infrastructure;
using Api = InnerAlly.Features.Writing.WritingEndpoints<InnerAlly.Features.AllyRecords.AllyRecordKind, InnerAlly.Features.AllyRecords.AllyRecord, InnerAlly.Features.AllyRecords.AllyRecordKind.Request, InnerAlly.Features.AllyRecords.AllyRecordKind.Response>;

namespace InnerAlly.Features.AllyRecords;

/// <summary>The critic-to-ally records API: /api/v1/ally-records, each person's own only.</summary>
public static class AllyRecordEndpoints
{
    public static RouteGroupBuilder MapAllyRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(AllyRecordKind.Kind.ApiPath)
            .WithTags("Critic to ally")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapPost("/", Api.CreateAsync)
            .WithName("WriteAllyRecord")
            .WithSummary("Write a critic-to-ally record. Every field is optional, but at least one text is needed: {situation, criticWords, feelings: {emotions, body}, criticFear, allyWisdom, allyStrength, allyWarmth, action, harshnessBefore, harshnessAfter, beliefBefore, beliefAfter}. The answer carries what the language engine noticed in the critic's words (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", Api.ListAsync)
            .WithName("ListAllyRecords")
            .WithSummary("Your critic-to-ally records, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem()
            .DisableValidation(); // its query strings are checked by hand, field by field
        group.MapGet("/{id:guid}", Api.GetAsync)
            .WithName("GetAllyRecord")
            .WithSummary("One of your critic-to-ally records.");
        group.MapPut("/{id:guid}", Api.UpdateAsync)
            .WithName("ChangeAllyRecord")
            .WithSummary("Replace one of your critic-to-ally records. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", Api.DeleteAsync)
            .WithName("DeleteAllyRecord")
            .WithSummary("Delete one of your critic-to-ally records. Ally cards kept from it stay.");
        return group;
    }
}
