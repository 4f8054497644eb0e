using InnerAlly.Language.Heads;
using InnerAlly.Language.Rules;
using InnerAlly.Language.Text;

namespace InnerAlly.Language;

/// <summary>
/// Reads a person's own words on this machine: risk, self-criticism and its form, thinking traps,
/// and the CFT prompts for each self-critical sentence. Load it once; every method is safe to call
/// from many threads at once (nothing changes after loading).
/// </summary>
public sealed partial class LanguageEngine : IDisposable
{
    /// <summary>Longer texts are read in full but slowly; callers on the web cap texts well below this.</summary>
    public const int MaxSentences = 5000;

    private readonly Embedder _embedder;
    private readonly bool _ownsEmbedder;

    public LanguageModel Model { get; }

    public Cues Cues { get; }

    public Prompts Prompts { get; }

    private LanguageEngine(Embedder embedder, bool ownsEmbedder, LanguageModel model, Cues cues, Prompts prompts)
    {
        _embedder = embedder;
        _ownsEmbedder = ownsEmbedder;
        Model = model;
        Cues = cues;
        Prompts = prompts;
        _directions = SecondReads.NeedsLocal(model.SecondReads) ? LocalReading.Directions(model.Risk) : null;
    }

    // The first stage's risk-minus-none directions, when the second stage reads the token states around the risk word.
    private readonly float[][]? _directions;

    /// <summary>Loads the embedding model, the lexicon, the prompts and the trained heads (about half a second).</summary>
    public static LanguageEngine Load(int threads = 0)
    {
        var cues = new Cues(RiskLexicon.Load());
        var model = LanguageModel.LoadEmbedded();
        CheckCues(model, cues);
        return new LanguageEngine(new Embedder(threads), ownsEmbedder: true, model, cues, Prompts.Load());
    }

    /// <summary>An engine over another model, for training and evaluating one before it is saved.</summary>
    public static LanguageEngine With(Embedder embedder, LanguageModel model, Cues cues) =>
        new(embedder, ownsEmbedder: false, model, cues, Prompts.Load());

    private static void CheckCues(LanguageModel model, Cues cues)
    {
        if (!model.Cues.SequenceEqual(cues.FeatureNames))
        {
            throw new InvalidDataException("Model/heads.json was trained with other cues than this code has: run `dotnet run --project src/InnerAlly -- train-language`.");
        }
    }

    public TextAnalysis Analyze(string? text, CancellationToken cancellationToken = default) =>
        Analyze(text, TextSetting.Journal, cancellationToken);

    /// <summary>Reads <paramref name="text"/> as written in <paramref name="setting"/>, which only changes how sure a risk reading must be to bring the notice.</summary>
    public TextAnalysis Analyze(string? text, TextSetting setting, CancellationToken cancellationToken = default) =>
        AnalyzeMany([text ?? string.Empty], setting, cancellationToken)[0];

    public IReadOnlyList<TextAnalysis> AnalyzeMany(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        AnalyzeMany(texts, TextSetting.Journal, cancellationToken);

    /// <summary>Analyses several texts, all written in <paramref name="setting"/>.</summary>
    public IReadOnlyList<TextAnalysis> AnalyzeMany(IReadOnlyList<string> texts, TextSetting setting, CancellationToken cancellationToken = default)
    {
        var split = texts.Select(t => Sentences.Split(t ?? string.Empty).Take(MaxSentences).ToList()).ToList();
        var all = split.SelectMany(s => s.Select(span => span.Text)).ToList();
        float[][] embeddings;
        float[][]? local = null;
        if (_directions is null)
        {
            embeddings = _embedder.Embed(all, cancellationToken);
        }
        else
        {
            var both = _embedder.EmbedWithLocal(all, _directions, cancellationToken);
            embeddings = [.. both.Select(b => b.Mean)];
            local = [.. both.Select(b => b.Local)];
        }

        var results = new TextAnalysis[texts.Count];
        var next = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var spans = split[i];
            var slice = embeddings.AsSpan(next, spans.Count).ToArray();
            var localSlice = local?.AsSpan(next, spans.Count).ToArray();
            next += spans.Count;
            results[i] = Read(texts[i] ?? string.Empty, spans, slice, localSlice, setting);
        }

        return results;
    }

    private TextAnalysis Read(string text, List<TextSpan> spans, float[][] embeddings, float[][]? local, TextSetting setting)
    {
        var language = LanguageCheck.LooksEnglish(text) ? LanguageSupport.English : LanguageSupport.NotSupported;
        if (spans.Count == 0)
        {
            return new TextAnalysis(language, new RiskFinding(RiskCategories.None, 1.0, []), new SelfCriticismFinding(false, null, 1.0, []), [], []);
        }

        var sentences = new List<Sentence>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var cues = Cues.Read(spans[i].Text);
            var x = Features.Sentence(embeddings[i], cues.Values);
            var neighbours = Model.SecondReads == SecondReads.SentenceAndNeighbours ? SecondReads.Neighbours(embeddings, i) : null;
            var second = Model.Second?.Predict(Features.Second(Model.SecondReads, x, local?[i], neighbours))[1] ?? 1.0;
            sentences.Add(new Sentence(spans[i], cues, Model.Risk.Predict(x), Model.Literal.Predict(x)[1], second, Model.SelfCriticism.Predict(x), Model.Traps.Predict(x)));
        }

        var risk = ReadRisk(sentences, language, setting);
        var selfCriticism = ReadSelfCriticism(sentences);
        var traps = ReadTraps(embeddings, sentences);
        var byStart = sentences.ToDictionary(s => s.Span.Start);
        var prompts = selfCriticism.Sentences.Select(s => Prompts.For(s, TopTrap(byStart[s.Start].Traps))).ToList();
        return new TextAnalysis(language, risk, selfCriticism, traps, prompts);
    }

    private sealed record Sentence(TextSpan Span, SentenceCues Cues, double[] Risk, double Literal, double Second, double[] SelfCriticism, double[] Traps);

    private SelfCriticismFinding ReadSelfCriticism(List<Sentence> sentences)
    {
        var critical = new List<SelfCriticalSentence>();
        foreach (var s in sentences)
        {
            var inadequate = s.SelfCriticism[1];
            var hated = s.SelfCriticism[2];
            if (inadequate + hated < Model.SelfCriticismThreshold)
            {
                continue;
            }

            var form = hated > inadequate ? SelfCriticismForms.Hated : SelfCriticismForms.Inadequate;
            critical.Add(new SelfCriticalSentence(s.Span.Text, s.Span.Start, s.Span.Length, form, Math.Round(inadequate + hated, 3)));
        }

        if (critical.Count == 0)
        {
            return new SelfCriticismFinding(false, null, Math.Round(sentences.Min(s => s.SelfCriticism[0]), 3), []);
        }

        // The text's form is the one its self-critical sentences carry most strongly; hated wins ties,
        // because self-disgust is the form linked with risk.
        var hatedWeight = critical.Where(c => c.Form == SelfCriticismForms.Hated).Sum(c => c.Confidence);
        var inadequateWeight = critical.Where(c => c.Form == SelfCriticismForms.Inadequate).Sum(c => c.Confidence);
        var textForm = hatedWeight >= inadequateWeight ? SelfCriticismForms.Hated : SelfCriticismForms.Inadequate;
        return new SelfCriticismFinding(true, textForm, critical.Max(c => c.Confidence), critical);
    }

    private List<ThinkingTrapFinding> ReadTraps(float[][] embeddings, List<Sentence> sentences)
    {
        var x = Features.Text(embeddings, [.. sentences.Select(s => s.Cues.Values)]);
        var p = Model.Traps.Predict(x);
        var notDistorted = Model.Traps.Classes.Count - 1;
        var top = Array.IndexOf(p, p.Max());
        if (top == notDistorted)
        {
            return [];
        }

        // The top trap, and any other close to it: a thought often falls into two.
        return [.. Enumerable.Range(0, notDistorted)
            .Where(c => c == top || p[c] >= p[top] * 0.5)
            .OrderByDescending(c => p[c])
            .Select(c => new ThinkingTrapFinding(Model.Traps.Classes[c], Math.Round(p[c], 3)))];
    }

    private string? TopTrap(double[] p)
    {
        var top = Array.IndexOf(p, p.Max());
        return top == Model.Traps.Classes.Count - 1 || p[top] < 0.35 ? null : Model.Traps.Classes[top];
    }

    public void Dispose()
    {
        if (_ownsEmbedder)
        {
            _embedder.Dispose();
        }
    }
}
