using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Answers <c>"stream": true</c> with server-sent events: the partial images, then the completed one.
/// Generations and edits send the same events under their own names (<c>image_generation.*</c>, <c>image_edit.*</c>).
/// Only the first image is streamed when n &gt; 1, which is enough for a client's event reader.
/// </summary>
internal static class ImageStreamWriter
{
    // A pause between events, so clients really receive them one at a time rather than in one read.
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(20);

    /// <summary>Streams the events, named after <paramref name="eventPrefix"/> (<c>image_generation</c> or <c>image_edit</c>).</summary>
    public static async Task WriteAsync(HttpResponse response, ImageGenerationRequest request, string eventPrefix, CancellationToken cancellationToken)
    {
        string partialImageEvent = eventPrefix + ".partial_image";
        string completedEvent = eventPrefix + ".completed";
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        long createdAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        for (int index = 0; index < request.PartialImages; index++)
        {
            var partial = new PlaceholderImage(request.Seed, 0, request.Width, request.Height, request.Transparent)
            {
                RevealedRows = request.Height * (index + 1) / (request.PartialImages + 1),
            };
            byte[] json = ResponseJson.PartialImageEvent(partialImageEvent, request, createdAt, PngEncoder.Encode(partial), index);
            await WriteEventAsync(response, partialImageEvent, json, cancellationToken);
            await Task.Delay(Gap, cancellationToken);
        }

        var final = new PlaceholderImage(request.Seed, 0, request.Width, request.Height, request.Transparent);
        byte[] completed = ResponseJson.CompletedEvent(completedEvent, request, createdAt, PngEncoder.Encode(final));
        await WriteEventAsync(response, completedEvent, completed, cancellationToken);
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
