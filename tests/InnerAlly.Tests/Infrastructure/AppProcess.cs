using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// The built app as its own operating-system process, the way it runs in production:
/// `dotnet InnerAlly.dll [verb] [options]` with the database named by environment variables.
/// A server is started on a free loopback port and is ready once /health answers 200.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly Lazy<string> LocatedDll = new(LocateAppDll);

    private readonly Process _process;
    private readonly OutputBuffer _output;

    private AppProcess(Process process, OutputBuffer output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>The app's own build output: src/InnerAlly/bin/&lt;Configuration&gt;/&lt;tfm&gt;/InnerAlly.dll.</summary>
    public static string AppDll => LocatedDll.Value;

    public Uri BaseAddress { get; }

    /// <summary>From starting the process to the first 200 from /health.</summary>
    public TimeSpan TimeToFirstHealthy { get; private set; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output => _output.ToString();

    /// <summary>Starts the server with --urls on a free loopback port and waits until /health answers 200.</summary>
    public static async Task<AppProcess> StartServerAsync(
        TestDatabase database, IEnumerable<string>? arguments = null, IDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            string[] args = ["--urls", baseAddress.ToString().TrimEnd('/'), .. arguments ?? []];
            var output = new OutputBuffer();
            var started = Stopwatch.StartNew();
            var app = new AppProcess(Start(args, database, environment, output), output, baseAddress);
            try
            {
                app.TimeToFirstHealthy = await app.WaitUntilHealthyAsync(started, cancellationToken);
                return app;
            }
            catch (InvalidOperationException) when (attempt < 3 && app.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the free port between our look and the app's bind.
                await app.DisposeAsync();
            }
            catch
            {
                await app.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Runs the app to completion (a verb, bad arguments, or a start that fails) and returns what it said.</summary>
    /// <param name="appDll">Another copy of the app to run (one with its own Content/, say); the build output when null.</param>
    public static async Task<Completed> RunAsync(
        IEnumerable<string> arguments, TestDatabase? database, IDictionary<string, string?>? environment = null, string? appDll = null, CancellationToken cancellationToken = default)
    {
        var output = new OutputBuffer();
        using var process = Start(arguments, database, environment, output, appDll);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"InnerAlly {string.Join(' ', arguments)} did not finish within {StartTimeout}.\n{output}");
        }

        // The no-argument wait also drains the redirected output.
        await process.WaitForExitAsync(CancellationToken.None);
        return new Completed(process.ExitCode, output.StandardOutput, output.ToString());
    }

    public sealed record Completed(int ExitCode, string StandardOutput, string AllOutput);

    /// <summary>A client for this server that follows no redirects, so a redirect is seen as one.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Signs in through the API (registering first unless told not to) and returns a client carrying the bearer token.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(
        string? email = null, string password = InnerAllyFactory.GoodPassword, bool register = true, CancellationToken cancellationToken = default)
    {
        email ??= InnerAllyFactory.NewEmail();
        var client = CreateClient();
        if (register)
        {
            using var registered = await client.PostAsJsonAsync("api/v1/account/register", new { email, password }, cancellationToken);
            Assert.True(registered.IsSuccessStatusCode, $"register: {(int)registered.StatusCode} {await registered.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var login = await client.PostAsJsonAsync("api/v1/account/login", new { email, password }, cancellationToken);
        Assert.True(login.IsSuccessStatusCode, $"login: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(cancellationToken)}");
        var token = await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>SIGKILL on Linux: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task<TimeSpan> WaitUntilHealthyAsync(Stopwatch started, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (started.Elapsed < StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"InnerAlly exited with code {_process.ExitCode} before it was healthy.\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A request that took too long while the app was still starting.
            }

            await Task.Delay(25, cancellationToken);
        }

        throw new TimeoutException($"InnerAlly was not healthy within {StartTimeout}.\n{Output}");
    }

    private static Process Start(IEnumerable<string> arguments, TestDatabase? database, IDictionary<string, string?>? environment, OutputBuffer output, string? appDll = null)
    {
        var dll = appDll ?? AppDll;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Run as production does; nothing from the test host's own settings leaks in.
        foreach (var name in start.Environment.Keys.Where(k =>
                     k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Tests that write fast (the kill test acknowledges hundreds of check-ins) are not one person's pace.
        start.Environment["RateLimits__WritesPerMinute"] = "1000000";
        if (database is not null)
        {
            start.Environment["Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__InnerAlly"] = database.ConnectionString;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data, isError: true);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// The app's own output folder is a real deployment's shape (content root with Content/ and
    /// appsettings.json); the copy that the project reference leaves beside the tests is the fallback.
    /// </summary>
    private static string LocateAppDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(here).Name;
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InnerAlly.slnx")))
            {
                var built = Path.Combine(dir.FullName, "src", "InnerAlly", "bin", configuration, framework, "InnerAlly.dll");
                if (File.Exists(built) && File.Exists(Path.ChangeExtension(built, ".runtimeconfig.json")))
                {
                    return built;
                }

                break;
            }
        }

        var beside = Path.Combine(here, "InnerAlly.dll");
        return File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))
            ? beside
            : throw new FileNotFoundException($"InnerAlly.dll was found neither in src/InnerAlly/bin/{configuration}/{framework} nor beside the tests in {here}.");
    }

    private sealed class OutputBuffer
    {
        private readonly StringBuilder _all = new();
        private readonly StringBuilder _standardOutput = new();

        public string StandardOutput
        {
            get
            {
                lock (_all)
                {
                    return _standardOutput.ToString();
                }
            }
        }

        public void Add(string? line, bool isError)
        {
            if (line is null)
            {
                return;
            }

            lock (_all)
            {
                _all.Append(isError ? "[stderr] " : "").AppendLine(line);
                if (!isError)
                {
                    _standardOutput.AppendLine(line);
                }
            }
        }

        public override string ToString()
        {
            lock (_all)
            {
                return _all.ToString();
            }
        }
    }
}
