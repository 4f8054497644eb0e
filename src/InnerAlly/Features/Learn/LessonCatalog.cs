using System.Collections.Frozen;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InnerAlly.Features.Learn;

/// <summary>
/// The course: Markdown lessons with YAML front matter, from Content/Lessons and, when a clinic
/// configures one, a folder of its own whose lessons are added or replace ours by slug. Markdown
/// is rendered once with Markdig (raw HTML off) and passed through HtmlSanitizer, so a lesson
/// file can never put script on a page.
/// </summary>
public sealed class LessonCatalog
{
    public const string ReferencesFile = "REFERENCES.md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .DisableHtml()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    private readonly FrozenDictionary<string, Lesson> _bySlug;

    public LessonCatalog(IEnumerable<string> folders)
    {
        var lessons = new Dictionary<string, Lesson>(StringComparer.Ordinal);
        string? references = null;
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                if (string.Equals(Path.GetFileName(file), ReferencesFile, StringComparison.OrdinalIgnoreCase))
                {
                    references = Render(File.ReadAllText(file)).Html;
                    continue;
                }

                var lesson = Read(file);
                lessons[lesson.Slug] = lesson; // a later folder replaces an earlier one's lesson
            }
        }

        All = [.. lessons.Values.OrderBy(l => l.Order).ThenBy(l => l.Slug, StringComparer.Ordinal)];
        _bySlug = All.ToFrozenDictionary(l => l.Slug, StringComparer.Ordinal);
        ReferencesHtml = references ?? "";
    }

    public IReadOnlyList<Lesson> All { get; }

    /// <summary>The course's whole reference list, as sanitized HTML.</summary>
    public string ReferencesHtml { get; }

    public Lesson? Find(string? slug) => slug is null ? null : _bySlug.GetValueOrDefault(slug);

    /// <summary>The lesson after <paramref name="slug"/> in course order, if any.</summary>
    public Lesson? After(string slug)
    {
        var index = All.ToList().FindIndex(l => l.Slug == slug);
        return index >= 0 && index + 1 < All.Count ? All[index + 1] : null;
    }

    /// <summary>Reads one lesson file; its order is the number its name starts with (01-...).</summary>
    public static Lesson Read(string file)
    {
        var (front, html, text) = Render(File.ReadAllText(file));
        FrontMatter? meta;
        try
        {
            meta = Yaml.Deserialize<FrontMatter>(front);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{file}: the front matter is not valid YAML: {e.Message}", e);
        }

        if (meta is null)
        {
            throw new InvalidDataException($"{file}: front matter is missing.");
        }

        var name = Path.GetFileNameWithoutExtension(file);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var order = dash > 0 && int.TryParse(name[..dash], out var n) ? n : 1000;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(meta.Slug) || !name.EndsWith(meta.Slug, StringComparison.Ordinal))
        {
            problems.Add("slug should be the file name after its number.");
        }

        foreach (var (key, value) in new[] { ("title", meta.Title), ("summary", meta.Summary), ("reflection", meta.Reflection) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{key} is missing.");
            }
        }

        if (meta.Minutes is < 1 or > 30)
        {
            problems.Add("minutes is the reading time, 1 to 30.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{file}: {string.Join(" ", problems)}");
        }

        return new Lesson(meta.Slug!, meta.Title!.Trim(), meta.Summary!.Trim(), meta.Minutes, meta.Practice, meta.Reflection!.Trim(),
            [.. meta.References ?? []], order, html, text, meta.Picture);
    }

    /// <summary>Front matter as YAML text, the body as sanitized HTML, and the body as plain text (for reading-level checks).</summary>
    public static (string FrontMatter, string Html, string Text) Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var front = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block
            ? string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()))
            : "";
        var html = new HtmlSanitizer().Sanitize(document.ToHtml(Pipeline));
        var text = Markdown.ToPlainText(markdown, Pipeline);
        return (front, html, text);
    }

    private sealed class FrontMatter
    {
        public string? Slug { get; set; }

        public string? Title { get; set; }

        public string? Summary { get; set; }

        public int Minutes { get; set; }

        public string? Practice { get; set; }

        public string? Reflection { get; set; }

        public List<string>? References { get; set; }

        public string? Picture { get; set; }
    }
}

/// <summary>One lesson: what the course list shows, its body as safe HTML, and what it links to.</summary>
public sealed record Lesson(
    string Slug,
    string Title,
    string Summary,
    int Minutes,
    string? Practice,
    string Reflection,
    IReadOnlyList<string> References,
    int Order,
    string Html,
    string Text,
    string? Picture = null)
{
    /// <summary>The one picture a lesson can ask for in its front matter (picture: three-circles).</summary>
    public const string ThreeCircles = "three-circles";

    /// <summary>The body split where a picture goes: before its second section, so it follows the opening one.</summary>
    public (string Before, string After) SplitForPicture()
    {
        var first = Html.IndexOf("<h2", StringComparison.Ordinal);
        var second = first < 0 ? -1 : Html.IndexOf("<h2", first + 3, StringComparison.Ordinal);
        return second < 0 ? ("", Html) : (Html[..second], Html[second..]);
    }
}
