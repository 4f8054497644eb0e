using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Tests.Features.Writing;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Data;

/// <summary>
/// JournalUrl entries (text, prompt, tags), critic-to-ally records (every text and the feelings named),
/// letters (every part) and ally cards are health data: a copy of the database file and its WAL
/// shows none of their words, while their owner reads them through the app as written.
/// </summary>
public sealed class WritingEncryptionTests(InnerAllyFactory factory, ITestOutputHelper output) : IClassFixture<InnerAllyFactory>
{
    /// <summary>Each table's encrypted columns, for the PostgreSQL check of the stored bytes.</summary>
    private static readonly Dictionary<string, string[]> SealedColumns = new()
    {
        ["JournalEntries"] = ["Text", "Prompt", "Tags"],
        ["AllyRecords"] = ["Situation", "CriticWords", "Emotions", "FeelingsBody", "CriticFear", "AllyWisdom", "AllyStrength", "AllyWarmth", "Action"],
        ["Letters"] = ["Acknowledge", "Understand", "CommonHumanity", "NoBlame", "WhatWouldHelp", "Encouragement", "Close"],
        ["AllyCards"] = ["Text"],
    };

    [Fact]
    public async Task Every_text_written_is_stored_encrypted_and_read_back_as_written()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateSignedInApiClientAsync(email);
        var marker = $"m{Guid.NewGuid():N}";
        var created = new List<(string Url, Guid Id)>();
        foreach (var url in new[] { WritingSamples.JournalUrl, WritingSamples.AllyRecordsUrl, WritingSamples.LettersUrl, WritingSamples.AllyCardsUrl })
        {
            created.Add((url, (await WritingSamples.CreateAsync(client, url, WritingSamples.Body(url, marker))).Id));
        }

        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Read while the app still runs, so recent writes sit in the -wal file, not yet checkpointed.
            var stored = factory.Database.ReadSqliteFiles();
            output.WriteLine($"Scanned {stored.Length} bytes of database file and WAL.");
            Assert.True(Contains(stored, Encoding.UTF8, email), "The scan should see plain columns (the email) in the file or its WAL.");
            Assert.False(Contains(stored, Encoding.UTF8, marker), "Words written are readable in the SQLite file or its WAL.");
            Assert.False(Contains(stored, Encoding.Unicode, marker), "Words written are readable (UTF-16) in the SQLite file or its WAL.");
            Assert.False(Contains(stored, Encoding.UTF8, "on-edge"), "The feelings named in a record are readable in the SQLite file or its WAL.");
        }
        else
        {
            foreach (var (table, columns) in SealedColumns)
            {
                var rows = await factory.Database.QueryAsync(
                    $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"",
                    r => Enumerable.Range(0, columns.Length).Select(i => r.IsDBNull(i) ? null : (byte[])r.GetValue(i)).ToArray(),
                    cancellationToken: cancellationToken);
                var values = rows.SelectMany(v => v).ToList();
                Assert.NotEmpty(values);
                Assert.All(values, raw =>
                {
                    Assert.NotNull(raw);
                    Assert.Equal(ProtectedTextConverter.Version, raw[0]);
                    Assert.False(Contains(raw, Encoding.UTF8, marker), $"Words written are readable in {table}.");
                });
            }
        }

        foreach (var (url, id) in created)
        {
            var text = (await client.GetFromJsonAsync<JsonElement>($"{url}/{id}", cancellationToken)).ToString();
            Assert.Contains(marker, text, StringComparison.Ordinal);
        }
    }

    private static bool Contains(byte[] haystack, Encoding encoding, string text) =>
        haystack.AsSpan().IndexOf(encoding.GetBytes(text)) >= 0;
}
