using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityPlatform.ServiceKit.Domain;

namespace CommunityPlatform.ServiceKit.Web;

/// <summary>
/// Reads every JSON string a service binds, values and dictionary keys, through <see cref="PlainText"/>, so no
/// endpoint can take a control character into its domain or database by forgetting a check. The serializer adds the
/// JSON path, which the problem-details handler names as the field.
/// </summary>
internal sealed class PlainTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is not null && PlainText.HasControlCharacters(value) ? throw new ControlCharacterJsonException() : value;
}

/// <summary>A JSON string that breaks <see cref="PlainText.Rule"/>; the serializer fills in its path.</summary>
internal sealed class ControlCharacterJsonException() : JsonException(PlainText.Rule);
