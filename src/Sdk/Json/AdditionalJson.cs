using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CreateImageSdk.Json
{
    /// <summary>
    /// Members beyond the schema's: kept as they came when reading (a newer API, a compatible server's extras), and
    /// written after the known ones when sending (<c>seed</c>, <c>negative_prompt</c>, <c>steps</c> for servers that take them).
    /// </summary>
    internal static class AdditionalJson
    {
        public static void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? properties)
        {
            if (properties is null) return;
            foreach (var pair in properties)
            {
                writer.WritePropertyName(pair.Key);
                pair.Value.WriteTo(writer);
            }
        }

        /// <summary>Reads the member the reader is on (its name token) into <paramref name="properties"/>.</summary>
        public static void Read(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? properties)
        {
            var name = reader.GetString()!;
            reader.Read();
            (properties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
        }

        /// <summary>A builder's extras with one set (replacing a member of the same name), checked against the request's own names.</summary>
        /// <exception cref="ArgumentException">The name is empty or is one of the request's parameters.</exception>
        public static KeyValuePair<string, JsonElement>[] With(KeyValuePair<string, JsonElement>[]? current, string name, JsonElement value, string[] knownNames)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("An additional property needs a name.", nameof(name));
            if (Array.IndexOf(knownNames, name) >= 0)
            {
                throw new ArgumentException("'" + name + "' is a parameter of this request; set it with its own With… method, not as an additional property.", nameof(name));
            }

            var list = new List<KeyValuePair<string, JsonElement>>(current ?? Array.Empty<KeyValuePair<string, JsonElement>>());
            list.RemoveAll(pair => pair.Key == name);
            list.Add(new KeyValuePair<string, JsonElement>(name, value));
            return list.ToArray();
        }

        public static IReadOnlyDictionary<string, JsonElement>? ToDictionary(KeyValuePair<string, JsonElement>[]? properties)
        {
            if (properties is null) return null;
            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var pair in properties) result[pair.Key] = pair.Value;
            return result;
        }

        public static JsonElement Element(string? value) => Write(w => { if (value is null) w.WriteNullValue(); else w.WriteStringValue(value); });

        public static JsonElement Element(long value) => Write(w => w.WriteNumberValue(value));

        public static JsonElement Element(double value) => Write(w => w.WriteNumberValue(value));

        public static JsonElement Element(bool value) => Write(w => w.WriteBooleanValue(value));

        public static JsonElement Element(JsonNode? value) => Write(w => { if (value is null) w.WriteNullValue(); else value.WriteTo(w); });

        // Written and parsed back: no reflection, so trimming and NativeAOT stay safe.
        private static JsonElement Write(Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer)) write(writer);
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
    }
}
