using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace CreateImageSdk.LocalServer.Tests;

/// <summary>Reads a <c>text/event-stream</c> body into its events' names and JSON data.</summary>
internal static class ServerSentEvents
{
    public static async Task<List<(string Name, JsonElement Data)>> ReadAsync(Stream stream)
    {
        var events = new List<(string, JsonElement)>();
        using var reader = new StreamReader(stream);
        string? name = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using JsonDocument data = JsonDocument.Parse(line["data: ".Length..]);
                events.Add((name!, data.RootElement.Clone()));
            }
        }

        return events;
    }
}
