using System.Text.Json;
using System.Text.Json.Serialization;

namespace InnerAlly.Features.CheckIns;

/// <summary>Serializers for the check-in API made at build time, so the busiest responses skip reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CheckInResponse))]
[JsonSerializable(typeof(CheckInEndpoints.ListResponse))]
[JsonSerializable(typeof(CheckInEndpoints.TrendResponse))]
[JsonSerializable(typeof(RecordCheckIn.Request))]
internal sealed partial class CheckInJson : JsonSerializerContext;
