using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace CreateImageSdk.Extensions
{
    /// <summary>
    /// Microsoft.Extensions.AI's <see cref="IImageGenerator"/> over an <see cref="ImageClient"/>: options become the
    /// typed request, checked by the same generated rules; what the model does not take is adapted (the nearest size
    /// it accepts) or left out (a response format GPT image models do not offer) rather than sent to fail.
    /// </summary>
    internal sealed class ImageClientImageGenerator : IImageGenerator
    {
        private readonly ImageClient _client;
        private readonly ImageModel? _model;
        private readonly ImageGeneratorMetadata _metadata;

        public ImageClientImageGenerator(ImageClient client, ImageModel? model)
        {
            _client = client;
            _model = model;
            _metadata = new ImageGeneratorMetadata("createimagesdk", client.BaseUri, model?.Value);
        }

        public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (request is null) throw new ArgumentNullException(nameof(request));
            if (request.OriginalImages?.Any() == true)
            {
                throw new NotSupportedException("Image edits (OriginalImages) need the /v1/images/edits operation, which this version of CreateImageSdk does not have yet.");
            }

            var typed = ToRequest(request, options);
            var response = await _client.CreateImageAsync(typed, cancellationToken).ConfigureAwait(false);
            var mediaType = MediaTypeOf(response.OutputFormat?.Value ?? typed.OutputFormat?.ToWireString());
            var contents = new List<AIContent>(response.Data.Count);
            foreach (var image in response.Data)
            {
                if (image.Bytes != null) contents.Add(new DataContent(image.Bytes, mediaType) { RawRepresentation = image });
                else if (image.Url != null) contents.Add(new UriContent(image.Url, mediaType) { RawRepresentation = image });
            }

            return new ImageGenerationResponse(contents)
            {
                RawRepresentation = response,
                Usage = response.Usage is { } usage
                    ? new UsageDetails { InputTokenCount = usage.InputTokens, OutputTokenCount = usage.OutputTokens, TotalTokenCount = usage.InputTokens + usage.OutputTokens }
                    : null,
            };
        }

        public object? GetService(Type serviceType, object? serviceKey = null)
        {
            if (serviceType is null) throw new ArgumentNullException(nameof(serviceType));
            if (serviceKey != null) return null;
            if (serviceType == typeof(ImageGeneratorMetadata)) return _metadata;
            if (serviceType == typeof(ImageClient)) return _client;
            return serviceType.IsInstanceOfType(this) ? this : null;
        }

        public void Dispose()
        {
            // The client belongs to the caller (or to dependency injection).
        }

        /// <summary>The typed request: the raw representation if the caller made one, then the options on top.</summary>
        internal CreateImageRequest ToRequest(ImageGenerationRequest request, ImageGenerationOptions? options)
        {
            var typed = options?.RawRepresentationFactory?.Invoke(this) switch
            {
                CreateImageRequest made => made,
                IRequestBuilder<CreateImageRequest> builder => builder.Request,
                null => null,
                var other => throw new ArgumentException("RawRepresentationFactory returned a " + other.GetType().Name + "; it may return a CreateImageRequest or a builder of one (CreateImage(…), UsingDallE3(), …).", nameof(options)),
            };
            var prompt = request.Prompt ?? typed?.Prompt ?? throw new ArgumentException("The request has no prompt.", nameof(request));
            typed = (typed ?? new CreateImageRequest { Prompt = prompt }) with { Prompt = prompt };

            if (options?.ModelId is { Length: > 0 } modelId) typed = typed with { Model = ImageModel.Custom(modelId) };
            else if (typed.Model is null && _model is { } model) typed = typed with { Model = model };
            if (options?.Count is { } count) typed = typed with { Count = count };
            if (options?.StreamingCount is { } partial) typed = typed with { PartialImages = partial };
            if (OutputFormatOf(options?.MediaType) is { } format) typed = Keep(typed, typed with { OutputFormat = format }, "output_format");
            if (options?.ResponseFormat is { } responseFormat && responseFormat != ImageGenerationResponseFormat.Hosted)
            {
                var wire = responseFormat == ImageGenerationResponseFormat.Uri ? ImageResponseFormat.Url : ImageResponseFormat.B64Json;
                typed = Keep(typed, typed with { ResponseFormat = wire }, "response_format");
            }

            if (options?.ImageSize is { } size) typed = WithNearestSize(typed, size.Width, size.Height);
            if (options?.AdditionalProperties is { Count: > 0 } extra) typed = WithAdditionalProperties(typed, extra);
            return typed;
        }

        /// <summary>The change when the model takes it; otherwise the request as it was (the option is a preference).</summary>
        private static CreateImageRequest Keep(CreateImageRequest before, CreateImageRequest after, string parameter) =>
            after.Validate().Any(v => v.Parameter == parameter) ? before : after;

        /// <summary>The size asked for when the model takes it (listed or a valid free size), else the nearest it lists.</summary>
        private static CreateImageRequest WithNearestSize(CreateImageRequest typed, int width, int height)
        {
            var exact = typed with { Size = ImageSize.Custom(width, height) };
            var violation = exact.Validate().FirstOrDefault(v => v.Parameter == "size");
            if (violation is null) return exact;
            var nearest = violation.AllowedValues
                .Select(value => (Value: value, Parsed: TryParse(value, out var w, out var h) ? (long)Math.Abs(w - width) + Math.Abs(h - height) : long.MaxValue))
                .Where(c => c.Parsed != long.MaxValue)
                .OrderBy(c => c.Parsed)
                .FirstOrDefault();
            return nearest.Value is null ? typed : typed with { Size = ImageSize.KnownValues.First(s => s.Value == nearest.Value) };
        }

        /// <summary>
        /// Request parameters by their wire names, for what <see cref="ImageGenerationOptions"/> does not name; any other
        /// name is sent as an additional member (a compatible server's <c>seed</c>, <c>negative_prompt</c>, …).
        /// </summary>
        private static CreateImageRequest WithAdditionalProperties(CreateImageRequest typed, AdditionalPropertiesDictionary extra)
        {
            Dictionary<string, JsonElement>? additional = null;
            foreach (var pair in extra)
            {
                var text = Convert.ToString(pair.Value, CultureInfo.InvariantCulture) ?? string.Empty;
                switch (pair.Key)
                {
                    case "quality" when ImageQualityExtensions.TryParse(text, out var quality): typed = typed with { Quality = quality }; break;
                    case "background" when ImageBackgroundExtensions.TryParse(text, out var background): typed = typed with { Background = background }; break;
                    case "moderation" when ImageModerationExtensions.TryParse(text, out var moderation): typed = typed with { Moderation = moderation }; break;
                    case "style" when ImageStyleExtensions.TryParse(text, out var style): typed = typed with { Style = style }; break;
                    case "output_compression" when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var compression): typed = typed with { OutputCompression = compression }; break;
                    case "user": typed = typed with { User = text }; break;
                    case "quality":
                    case "background":
                    case "moderation":
                    case "style":
                    case "output_compression":
                        throw new ArgumentException("AdditionalProperties '" + pair.Key + "' = '" + text + "' is not a value this request takes.", nameof(extra));
                    default:
                        (additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[pair.Key] = ToElement(pair.Key, pair.Value);
                        break;
                }
            }

            return additional is null ? typed : typed with { AdditionalProperties = additional };
        }

        private static JsonElement ToElement(string name, object? value)
        {
            var json = value switch
            {
                null => "null",
                JsonElement element => element.GetRawText(),
                JsonNode node => node.ToJsonString(),
                string text => JsonSerializer.Serialize(text, AdditionalValueContext.Default.String),
                bool flag => flag ? "true" : "false",
                int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture),
                double number => number.ToString("R", CultureInfo.InvariantCulture),
                float number => number.ToString("R", CultureInfo.InvariantCulture),
                decimal number => number.ToString(CultureInfo.InvariantCulture),
                _ => throw new ArgumentException("AdditionalProperties '" + name + "' is a " + value.GetType().Name + "; send a string, a number, a bool, a JsonElement or a JsonNode.", "options"),
            };
            using var document = JsonDocument.Parse(json!);
            return document.RootElement.Clone();
        }

        private static ImageOutputFormat? OutputFormatOf(string? mediaType) => mediaType switch
        {
            null => null,
            "image/png" => ImageOutputFormat.Png,
            "image/jpeg" => ImageOutputFormat.Jpeg,
            "image/webp" => ImageOutputFormat.Webp,
            _ => throw new ArgumentException("MediaType '" + mediaType + "' is not one the image models write; allowed: image/png, image/jpeg, image/webp.", "options"),
        };

        private static string MediaTypeOf(string? outputFormat) => outputFormat switch
        {
            "jpeg" => "image/jpeg",
            "webp" => "image/webp",
            _ => "image/png",
        };

        private static bool TryParse(string value, out int width, out int height)
        {
            width = height = 0;
            var x = value.IndexOf('x');
            return x > 0 && int.TryParse(value.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width) &&
                   int.TryParse(value.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height);
        }
    }

    /// <summary>Writes a string as JSON without reflection.</summary>
    [JsonSerializable(typeof(string))]
    internal sealed partial class AdditionalValueContext : JsonSerializerContext
    {
    }
}
