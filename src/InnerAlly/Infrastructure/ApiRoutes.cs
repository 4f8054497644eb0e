namespace InnerAlly.Infrastructure;

/// <summary>
/// How every feature maps its part of /api/v1. Each endpoint's OpenAPI summary is the XML summary of
/// its (public) handler method, which ASP.NET Core reads at build time; its operation id is WithName.
/// </summary>
public static class ApiRoutes
{
    /// <summary>A group of endpoints under one OpenAPI tag, for a bearer token only (<see cref="HostingExtensions.ApiPolicy"/>).</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).RequireAuthorization(HostingExtensions.ApiPolicy);
}
