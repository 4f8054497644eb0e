using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InnerAlly.Infrastructure;

/// <summary>Tells OpenAPI readers that the API takes the bearer token from /api/v1/account/login.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "InnerAlly API";
        document.Info.Description = "Check-ins and accounts. Sign in with POST /api/v1/account/login and send the accessToken as a bearer token.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[IdentityConstants.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken from POST /api/v1/account/login.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(IdentityConstants.BearerScheme, document)] = [],
        });
        return Task.CompletedTask;
    }
}
