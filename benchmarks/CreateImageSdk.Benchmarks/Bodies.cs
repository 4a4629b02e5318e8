using System;
using System.Collections.Generic;
using System.Text;

namespace CreateImageSdk.Benchmarks
{
    /// <summary>The canned answers: images of random bytes (incompressible, like PNGs), base64 in JSON or in events.</summary>
    internal static class Bodies
    {
        /// <summary>The cases of the comparison, named as the table shows them.</summary>
        public static (int Images, int Bytes) Shape(string name) => name switch
        {
            "1 x 1.5 MB" => (1, 1_500_000),
            "4 x 1.5 MB" => (4, 1_500_000),
            "10 x 1.5 MB" => (10, 1_500_000),
            "1 x 12 MB" => (1, 12_000_000),
            "4 x 12 MB" => (4, 12_000_000),
            "10 x 12 MB" => (10, 12_000_000),
            "1 x 8 MB" => (1, 8_000_000),
            "1 x 50 KB" => (1, 50_000),
            // Streams: two partial images and the final one, each of the size.
            "3 events x 1.5 MB" => (3, 1_500_000),
            "3 events x 12 MB" => (3, 12_000_000),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown case."),
        };

        public static byte[] Json(int images, int bytes, out long decodedBytes)
        {
            var random = new Random(42);
            var json = new StringBuilder("{\"created\":1758142977,\"background\":\"opaque\",\"output_format\":\"png\",\"quality\":\"high\",\"size\":\"1024x1024\",\"data\":[");
            for (var i = 0; i < images; i++)
            {
                var image = new byte[bytes];
                random.NextBytes(image);
                json.Append(i == 0 ? string.Empty : ",").Append("{\"b64_json\":\"").Append(Convert.ToBase64String(image)).Append("\",\"revised_prompt\":\"A cute baby sea otter\"}");
            }

            json.Append("],\"usage\":{\"total_tokens\":4460,\"input_tokens\":50,\"output_tokens\":4410,\"input_tokens_details\":{\"text_tokens\":50,\"image_tokens\":0}}}");
            decodedBytes = (long)images * bytes;
            return Encoding.UTF8.GetBytes(json.ToString());
        }

        /// <summary>Two partial images and the final one, as gpt-image models stream them.</summary>
        public static byte[] EventStream(int bytes, out long decodedBytes)
        {
            var random = new Random(42);
            var text = new StringBuilder();
            for (var i = 0; i < 3; i++)
            {
                var image = new byte[bytes];
                random.NextBytes(image);
                var final = i == 2;
                var type = final ? "image_generation.completed" : "image_generation.partial_image";
                text.Append("event: ").Append(type).Append("\ndata: {\"type\":\"").Append(type).Append("\",\"b64_json\":\"").Append(Convert.ToBase64String(image))
                    .Append("\",\"created_at\":1758142977,\"size\":\"1024x1024\",\"quality\":\"high\",\"background\":\"opaque\",\"output_format\":\"png\"")
                    .Append(final ? ",\"usage\":{\"total_tokens\":4460,\"input_tokens\":50,\"output_tokens\":4410,\"input_tokens_details\":{\"text_tokens\":50,\"image_tokens\":0}}" : ",\"partial_image_index\":" + i)
                    .Append("}\n\n");
            }

            decodedBytes = 3L * bytes;
            return Encoding.UTF8.GetBytes(text.ToString());
        }

        /// <summary>The floor: each image's base64 decoded into an array of its exact size, and nothing else.</summary>
        public static byte[][] DecodeAll(byte[] body, List<(int Start, int Length)> ranges)
        {
            var images = new byte[ranges.Count][];
            for (var i = 0; i < images.Length; i++)
            {
                var source = body.AsSpan(ranges[i].Start, ranges[i].Length);
                var padding = source[^1] == '=' ? (source[^2] == '=' ? 2 : 1) : 0;
                // Uninitialized, as the SDK's own decoder allocates: the decoder writes every byte.
                var image = GC.AllocateUninitializedArray<byte>(source.Length / 4 * 3 - padding);
                System.Buffers.Text.Base64.DecodeFromUtf8(source, image, out _, out _);
                images[i] = image;
            }

            return images;
        }

        /// <summary>The base64 text of each image in a JSON body, as UTF-8 ranges: what the decode floor decodes.</summary>
        public static List<(int Start, int Length)> Base64Ranges(byte[] body)
        {
            var ranges = new List<(int, int)>();
            var marker = Encoding.UTF8.GetBytes("\"b64_json\":\"");
            for (var i = body.AsSpan().IndexOf(marker); i >= 0;)
            {
                var start = i + marker.Length;
                var length = body.AsSpan(start).IndexOf((byte)'"');
                ranges.Add((start, length));
                var next = body.AsSpan(start + length).IndexOf(marker);
                i = next < 0 ? -1 : start + length + next;
            }

            return ranges;
        }
    }
}
