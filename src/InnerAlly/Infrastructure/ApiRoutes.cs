namespace InnerAlly.Infrastructure;

/// <summary>How every feature maps its part of /api/v1.</summary>
public static class ApiRoutes
{
    /// <summary>A group of endpoints under one OpenAPI tag, for a bearer token only (<see cref="HostingExtensions.ApiPolicy"/>).</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).RequireAuthorization(HostingExtensions.ApiPolicy);

    /// <summary>The endpoint's operation id and its one-line summary in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string summary) =>
        endpoint.WithName(name).WithSummary(summary);
}
