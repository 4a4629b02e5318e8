using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Answers <c>"stream": true</c> with server-sent events: the partial images, then the completed one.
/// Only the first image is streamed when n &gt; 1, which is enough for a client's event reader.
/// </summary>
internal static class ImageStreamWriter
{
    // A pause between events, so clients really receive them one at a time rather than in one read.
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(20);

    public static async Task WriteAsync(HttpResponse response, ImageGenerationRequest request, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        long createdAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        for (int index = 0; index < request.PartialImages; index++)
        {
            var partial = new PlaceholderImage(request.Prompt, 0, request.Width, request.Height, request.Transparent)
            {
                RevealedRows = request.Height * (index + 1) / (request.PartialImages + 1),
            };
            byte[] json = ResponseJson.PartialImageEvent(request, createdAt, PngEncoder.Encode(partial), index);
            await WriteEventAsync(response, "image_generation.partial_image", json, cancellationToken);
            await Task.Delay(Gap, cancellationToken);
        }

        var final = new PlaceholderImage(request.Prompt, 0, request.Width, request.Height, request.Transparent);
        byte[] completed = ResponseJson.CompletedEvent(request, createdAt, PngEncoder.Encode(final));
        await WriteEventAsync(response, "image_generation.completed", completed, cancellationToken);
    }

    private static async Task WriteEventAsync(HttpResponse response, string name, byte[] json, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), cancellationToken);
        await response.Body.WriteAsync(json, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
