using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace CreateImageSdk.Tests.Faults
{
    /// <summary>Scripted answers for <see cref="FaultServer"/>: well-formed ones and every way a network or server misbehaves.</summary>
    public static class Fault
    {
        /// <summary>A 1x1 PNG, the image of <see cref="OkBody"/>.</summary>
        public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        public static readonly string OkBody = "{\"created\":1700000000,\"data\":[{\"b64_json\":\"" + Convert.ToBase64String(Png) + "\"}]}";

        public static Func<HttpContext, Task> Ok() => Status(200, OkBody);

        public static Func<HttpContext, Task> Status(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
            context => WriteAsync(context, status, Encoding.UTF8.GetBytes(body), contentType, headers);

        public static Func<HttpContext, Task> Error(int status, params (string Name, string Value)[] headers) =>
            Status(status, "{\"error\":{\"message\":\"Scripted " + status + ".\",\"type\":\"server_error\",\"param\":null,\"code\":null}}", "application/json", headers);

        public static Func<HttpContext, Task> Bytes(int status, byte[] body, string contentType = "application/json", params (string Name, string Value)[] headers) =>
            context => WriteAsync(context, status, body, contentType, headers);

        /// <summary>The connection is dropped as soon as the request arrived: no status line, no headers.</summary>
        public static Func<HttpContext, Task> ResetBeforeHeaders() => context =>
        {
            context.Abort();
            return Task.CompletedTask;
        };

        /// <summary>Headers and part of the body (chunked), then the connection is dropped.</summary>
        public static Func<HttpContext, Task> ResetMidBody() => async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(OkBody.Substring(0, 40)));
            await context.Response.Body.FlushAsync();
            await Task.Delay(200);
            context.Abort();
        };

        /// <summary>A Content-Length longer than the body that follows, then the connection ends.</summary>
        public static Func<HttpContext, Task> Truncated() => async context =>
        {
            var body = Encoding.UTF8.GetBytes(OkBody);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length + 100;
            await context.Response.Body.WriteAsync(body);
            await context.Response.Body.FlushAsync();
            // Let the client read what was sent before Kestrel closes the connection for the missing bytes.
            await Task.Delay(200);
        };

        /// <summary>No answer until <paramref name="delay"/> has passed (or the client gave up).</summary>
        public static Func<HttpContext, Task> SlowHeaders(TimeSpan delay) => async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await WriteAsync(context, 200, Encoding.UTF8.GetBytes(OkBody), "application/json", Array.Empty<(string, string)>());
        };

        /// <summary>Headers and part of the body at once, the rest after <paramref name="delay"/>.</summary>
        public static Func<HttpContext, Task> SlowBody(TimeSpan delay) => async context =>
        {
            var body = Encoding.UTF8.GetBytes(OkBody);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.AsMemory(0, 20), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(delay, context.RequestAborted);
            await context.Response.Body.WriteAsync(body.AsMemory(20), context.RequestAborted);
        };

        /// <summary>A body of <paramref name="bytes"/> bytes: one JSON string of that length.</summary>
        public static Func<HttpContext, Task> Huge(int bytes) => async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("{\"created\":1,\"data\":[{\"b64_json\":\""), context.RequestAborted);
            var chunk = Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
            for (var written = 0; written < bytes; written += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }

            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("\"}]}"), context.RequestAborted);
        };

        /// <summary>The body compressed with <paramref name="encoding"/> (gzip, br or deflate, and said so), or bytes that claim to be and are not.</summary>
        public static Func<HttpContext, Task> Compressed(string body, string encoding = "gzip", bool corrupt = false) => context =>
        {
            byte[] payload;
            using (var buffer = new MemoryStream())
            {
                using (Stream compressor = encoding switch
                {
                    "br" => new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
                    "deflate" => new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
                    _ => new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true),
                })
                {
                    compressor.Write(Encoding.UTF8.GetBytes(body));
                }

                payload = buffer.ToArray();
            }

            if (corrupt)
            {
                // gzip and zlib carry a checksum, so flipped bytes are caught; Brotli has none and may decode them to
                // other bytes, so it gets a stream no Brotli decoder accepts.
                if (encoding == "br") Array.Fill(payload, (byte)0xFF);
                else for (var i = 10; i < payload.Length - 8; i++) payload[i] ^= 0x5A;
            }

            return WriteAsync(context, 200, payload, "application/json", new[] { ("Content-Encoding", encoding) });
        };

        /// <summary>A redirect to <paramref name="location"/>.</summary>
        public static Func<HttpContext, Task> Redirect(int status, Uri location) =>
            Status(status, string.Empty, "text/plain", ("Location", location.ToString()));

        /// <summary>A streamed answer: the given raw server-sent-event text, optionally cut off after it.</summary>
        public static Func<HttpContext, Task> EventStream(string events, bool resetAfter = false) => async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(events), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (resetAfter)
            {
                await Task.Delay(50);
                context.Abort();
            }
        };

        public static string CompletedEvent =>
            "event: image_generation.completed\ndata: {\"type\":\"image_generation.completed\",\"b64_json\":\"" + Convert.ToBase64String(Png) +
            "\",\"created_at\":1700000000,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\"}\n\n";

        public static string PartialEvent =>
            "event: image_generation.partial_image\ndata: {\"type\":\"image_generation.partial_image\",\"b64_json\":\"" + Convert.ToBase64String(Png) +
            "\",\"created_at\":1700000000,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\",\"partial_image_index\":0}\n\n";

        private static async Task WriteAsync(HttpContext context, int status, byte[] body, string contentType, IEnumerable<(string Name, string Value)> headers)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            foreach (var (name, value) in headers) context.Response.Headers[name] = value;
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
