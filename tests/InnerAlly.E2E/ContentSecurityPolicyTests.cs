using InnerAlly.E2E.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>
/// The Content-Security-Policy (scripts and styles from our own files only, nothing inline) is sent
/// and nothing on the page breaks it, and no script throws. Violations are caught both ways Chromium
/// reports them: the console message and the document's securitypolicyviolation event.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app) : BrowserTest(app)
{
    // Playwright adds this before any page script runs, through the DevTools protocol, which the
    // page's CSP does not govern; it only listens.
    private const string ViolationListener = """
        document.addEventListener("securitypolicyviolation", e =>
          window.__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile || location.href}:${e.lineNumber}`));
        """;

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Page_keeps_its_content_security_policy_and_throws_no_errors(AppPage which)
    {
        var context = await NewContextAsync();
        var violations = new List<string>();
        var scriptErrors = new List<string>();
        await context.ExposeFunctionAsync("__reportCspViolation", (string violation) => { lock (violations) { violations.Add(violation); } });
        await context.AddInitScriptAsync(ViolationListener);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"console {message.Type}: {message.Text}");
                }
            }
        };
        context.WebError += (_, error) => { lock (scriptErrors) { scriptErrors.Add(error.Error); } };

        var opened = await OpenAsync(context, which);
        await opened.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var policy = await opened.FirstResponse.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", policy, StringComparison.Ordinal);
        Assert.True(violations.Count == 0, $"CSP violations on {which}:\n{string.Join('\n', violations)}");
        Assert.True(scriptErrors.Count == 0, $"Script errors on {which}:\n{string.Join('\n', scriptErrors)}");
    }
}
