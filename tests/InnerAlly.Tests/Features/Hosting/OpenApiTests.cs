using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>The API describes itself, so an app or a script can be written against it.</summary>
public sealed class OpenApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Document_lists_the_check_in_and_account_endpoints()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/check-ins").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/check-ins").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/check-ins/{id}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/check-ins/{id}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/account/register").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/account/login").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/account/refresh").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/account/preferences").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/safety-plan").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/safety-plan").TryGetProperty("put", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Value.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Every_operation_has_an_id_and_a_summary_from_its_handler()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Route: $"{operation.Name} {path.Name}", operation.Value)))
            .ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations");
        var undescribed = operations
            .Where(o => !o.Value.TryGetProperty("operationId", out _) || !o.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
            .Select(o => o.Route)
            .ToList();
        Assert.Empty(undescribed);

        // The summary comes from the handler's XML comment, as written there.
        var write = document.GetProperty("paths").GetProperty("/api/v1/letters").GetProperty("post");
        Assert.Equal("WriteLetter", write.GetProperty("operationId").GetString());
        Assert.StartsWith("Write a compassionate letter: {parts:", write.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
