using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// A safety plan names people, places and the means someone might use to hurt themselves: a copy
/// of the database must not show a word of it, while its author reads it back as written.
/// </summary>
public sealed class SafetyPlanEncryptionTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static readonly string[] Fields = ["warningSigns", "copingOnMyOwn", "peopleAndPlaces", "peopleToAsk", "professionals", "saferSurroundings", "mattersMost"];

    [Fact]
    public async Task Every_step_is_stored_encrypted_and_read_back_as_written()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateClientForNewPersonAsync(email);
        var markers = Fields.ToDictionary(f => f, f => $"plan-marker-{f}-{Guid.NewGuid():N}");

        var put = await client.PutAsJsonAsync("/api/v1/safety-plan", markers.ToDictionary(m => m.Key, m => $"In my own words: {m.Value}"), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            var stored = factory.Database.ReadSqliteFiles();
            Assert.True(Contains(stored, Encoding.UTF8.GetBytes(email)), "The scan should see plain columns (the email) in the file or its WAL.");
            foreach (var marker in markers.Values)
            {
                Assert.False(Contains(stored, Encoding.UTF8.GetBytes(marker)), $"{marker} is readable in the SQLite file or its WAL.");
                Assert.False(Contains(stored, Encoding.Unicode.GetBytes(marker)), $"{marker} is readable (UTF-16) in the SQLite file or its WAL.");
            }
        }
        else
        {
            var rows = await factory.Database.QueryAsync(
                """SELECT "WarningSigns", "CopingOnMyOwn", "PeopleAndPlaces", "PeopleToAsk", "Professionals", "SaferSurroundings", "MattersMost" FROM "SafetyPlans" p JOIN "AspNetUsers" u ON u."Id" = p."UserId" WHERE u."Email" = @email""",
                r => Enumerable.Range(0, 7).Select(i => (byte[])r.GetValue(i)).ToList(),
                new Dictionary<string, object> { ["email"] = email },
                cancellationToken);
            foreach (var raw in rows.Single())
            {
                Assert.Equal(ProtectedTextConverter.Version, raw[0]);
                Assert.False(markers.Values.Any(m => Contains(raw, Encoding.UTF8.GetBytes(m))), "A step's words are readable in the stored value.");
            }
        }

        var plan = await client.GetFromJsonAsync<JsonElement>("/api/v1/safety-plan", cancellationToken);
        foreach (var (field, marker) in markers)
        {
            Assert.Equal($"In my own words: {marker}", plan.GetProperty(field).GetString());
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
