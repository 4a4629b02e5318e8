using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
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
    /// it accepts) or left out (a response format GPT image models do not offer) rather than sent to fail. A request
    /// with <see cref="ImageGenerationRequest.OriginalImages"/> is an edit (<c>POST /v1/images/edits</c>), mapped the
    /// same way; every image is turned into an <see cref="ImageInput"/> before anything is sent.
    /// </summary>
    internal sealed class ImageClientImageGenerator : IImageGenerator
    {
        /// <summary>The <see cref="ImageGenerationOptions.AdditionalProperties"/> key of an edit's mask.</summary>
        internal const string MaskKey = "mask";

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
            var originals = request.OriginalImages?.ToList();
            ImagesResponse response;
            ImageOutputFormat? askedFormat;
            if (originals is { Count: > 0 })
            {
                var edit = ToEditRequest(request, originals, options);
                response = await _client.EditImageAsync(edit, cancellationToken).ConfigureAwait(false);
                askedFormat = edit.OutputFormat;
            }
            else
            {
                var typed = ToRequest(request, options);
                response = await _client.CreateImageAsync(typed, cancellationToken).ConfigureAwait(false);
                askedFormat = typed.OutputFormat;
            }

            var mediaType = MediaTypeOf(response.OutputFormat?.Value ?? askedFormat?.Value);
            var contents = new List<AIContent>(response.Data.Count);
            foreach (var image in response.Data)
            {
                if (image.Bytes is { } bytes) contents.Add(new DataContent(bytes, mediaType) { RawRepresentation = image });
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
                EditImageRequest or IRequestBuilder<EditImageRequest> => throw new ArgumentException("RawRepresentationFactory returned an edit request, but the request has no OriginalImages; set them to the images to edit, or return a CreateImageRequest or a builder of one (CreateImage(…), UsingDallE3(), …).", nameof(options)),
                var other => throw new ArgumentException("RawRepresentationFactory returned a " + other.GetType().Name + "; it may return a CreateImageRequest or a builder of one (CreateImage(…), UsingDallE3(), …).", nameof(options)),
            };
            var prompt = request.Prompt ?? typed?.Prompt ?? throw new ArgumentException("The request has no prompt.", nameof(request));
            typed = (typed ?? new CreateImageRequest { Prompt = prompt }) with { Prompt = prompt };

            if (options?.ModelId is { Length: > 0 } modelId) typed = typed with { Model = ImageModel.Custom(modelId) };
            else if (typed.Model is null && _model is { } model) typed = typed with { Model = model };
            if (options?.Count is { } count) typed = typed with { Count = count };
            if (options?.StreamingCount is { } partial) typed = typed with { PartialImages = partial };
            if (OutputFormatOf(options?.MediaType) is { } format) typed = Keep(typed, typed with { OutputFormat = format }, "output_format", r => r.Validate());
            if (ResponseFormatOf(options?.ResponseFormat) is { } responseFormat) typed = Keep(typed, typed with { ResponseFormat = responseFormat }, "response_format", r => r.Validate());
            if (options?.ImageSize is { } size) typed = WithNearestSize(typed, size.Width, size.Height, (r, s) => r with { Size = s }, r => r.Validate());
            if (options?.AdditionalProperties is { Count: > 0 } extra)
            {
                typed = WithAdditionalProperties(typed, CreateImageRequest.Parameters, extra, withMask: null, static (r, a) => r with { AdditionalProperties = a });
            }

            return typed;
        }

        /// <summary>
        /// The typed edit: the raw representation if the caller made one (an <see cref="EditImageRequest"/> or a builder
        /// of one), the images from <paramref name="originals"/> in place of its own, then the options on top, as for a
        /// generation. Every image is read (and refused when it is not one) here, before anything is sent.
        /// </summary>
        internal EditImageRequest ToEditRequest(ImageGenerationRequest request, IReadOnlyList<AIContent> originals, ImageGenerationOptions? options)
        {
            var images = new ImageInput[originals.Count];
            for (var i = 0; i < images.Length; i++) images[i] = ToImageInput(originals[i], "OriginalImages[" + i.ToString(CultureInfo.InvariantCulture) + "]", mask: false);

            var typed = options?.RawRepresentationFactory?.Invoke(this) switch
            {
                EditImageRequest made => made,
                IRequestBuilder<EditImageRequest> builder => builder.Request,
                null => null,
                var other => throw new ArgumentException("RawRepresentationFactory returned a " + other.GetType().Name + "; for an edit (a request with OriginalImages) it may return an EditImageRequest or a builder of one (client.EditImage(…), …), whose images are replaced by OriginalImages.", nameof(options)),
            };
            var prompt = request.Prompt ?? typed?.Prompt ?? throw new ArgumentException("The request has no prompt.", nameof(request));
            typed = (typed ?? new EditImageRequest { Prompt = prompt, Images = images }) with { Prompt = prompt, Images = images };

            if (options?.ModelId is { Length: > 0 } modelId) typed = typed with { Model = ImageModel.Custom(modelId) };
            else if (typed.Model is null && _model is { } model) typed = typed with { Model = model };
            if (options?.Count is { } count) typed = typed with { Count = count };
            if (options?.StreamingCount is { } partial) typed = typed with { PartialImages = partial };
            if (OutputFormatOf(options?.MediaType) is { } format) typed = Keep(typed, typed with { OutputFormat = format }, "output_format", r => r.Validate());
            if (ResponseFormatOf(options?.ResponseFormat) is { } responseFormat) typed = Keep(typed, typed with { ResponseFormat = responseFormat }, "response_format", r => r.Validate());
            if (options?.ImageSize is { } size) typed = WithNearestSize(typed, size.Width, size.Height, (r, s) => r with { Size = s }, r => r.Validate());
            if (options?.AdditionalProperties is { Count: > 0 } extra)
            {
                typed = WithAdditionalProperties(typed, EditImageRequest.Parameters, extra, static (r, m) => r with { Mask = m }, static (r, a) => r with { AdditionalProperties = a });
            }

            return typed;
        }

        /// <summary>The change when the model takes it; otherwise the request as it was (the option is a preference).</summary>
        private static T Keep<T>(T before, T after, string parameter, Func<T, IReadOnlyList<ImageRequestViolation>> validate) =>
            validate(after).Any(v => v.Parameter == parameter) ? before : after;

        /// <summary>The size asked for when the model takes it (listed or a valid free size), else the nearest it lists.</summary>
        private static T WithNearestSize<T>(T typed, int width, int height, Func<T, ImageSize, T> withSize, Func<T, IReadOnlyList<ImageRequestViolation>> validate)
        {
            var exact = withSize(typed, ImageSize.Custom(width, height));
            var violation = validate(exact).FirstOrDefault(v => v.Parameter == "size");
            if (violation is null) return exact;
            var nearest = violation.AllowedValues
                .Select(value => (Value: value, Parsed: ImageSize.TryParse(value, out var s) && Dimensions(s) is var (w, h) && w > 0 ? (long)Math.Abs(w - width) + Math.Abs(h - height) : long.MaxValue))
                .Where(c => c.Parsed != long.MaxValue)
                .OrderBy(c => c.Parsed)
                .FirstOrDefault();
            return nearest.Value is null ? typed : withSize(typed, ImageSize.KnownValues.First(s => s.Value == nearest.Value));
        }

        /// <summary>
        /// <see cref="ImageGenerationOptions.AdditionalProperties"/> by wire name, through the request type's generated
        /// parameter table: a name the request has (<c>quality</c>, <c>background</c>, <c>style</c>, <c>input_fidelity</c>,
        /// <c>n</c>, … and any parameter a schema adds) sets that parameter from the value's text, after the options, so it
        /// wins; an open value this SDK does not know is sent as given and the request's own <c>Validate()</c> decides whether
        /// the model's rules allow it. An edit also takes <c>mask</c> (an image). Any other name is sent as an additional
        /// member (a compatible server's <c>seed</c>, <c>negative_prompt</c>, …).
        /// </summary>
        private static T WithAdditionalProperties<T>(
            T typed, IReadOnlyList<ImageParameter<T>> parameters, AdditionalPropertiesDictionary extra,
            Func<T, ImageInput, T>? withMask, Func<T, IReadOnlyDictionary<string, JsonElement>, T> withAdditional)
            where T : class
        {
            Dictionary<string, JsonElement>? additional = null;
            foreach (var pair in extra)
            {
                if (pair.Key == MaskKey && withMask != null)
                {
                    typed = withMask(typed, ToImageInput(pair.Value, "AdditionalProperties '" + MaskKey + "'", mask: true));
                    continue;
                }

                if (pair.Key == MaskKey && pair.Value is AIContent or byte[] or ImageInput)
                {
                    throw new ArgumentException("AdditionalProperties '" + MaskKey + "' is an edit's mask, but the request has no OriginalImages; set them to the images to edit.", "options");
                }

                var parameter = parameters.FirstOrDefault(p => p.WireName == pair.Key);
                if (parameter is null)
                {
                    (additional ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[pair.Key] = ToElement(pair.Key, pair.Value);
                    continue;
                }

                if (!parameter.AcceptsText || parameter.IsRequired)
                {
                    throw new ArgumentException("AdditionalProperties '" + pair.Key + "' is the request's own " + pair.Key + ", which comes from the " +
                                                (parameter.IsRequired ? "ImageGenerationRequest" : "OriginalImages") + ", not from AdditionalProperties.", "options");
                }

                if (!parameter.TryWithText(typed, TextOf(pair.Value), out var changed, out var problem))
                {
                    throw new ArgumentException("AdditionalProperties '" + pair.Key + "' cannot be sent: " + problem, "options");
                }

                typed = changed;
            }

            return additional is null ? typed : withAdditional(typed, additional);
        }

        /// <summary>A value as the parameter tables read it: a JSON string's text, otherwise invariant text (<c>true</c>, <c>4</c>).</summary>
        private static string TextOf(object? value) => value switch
        {
            null => string.Empty,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() ?? string.Empty,
            JsonElement element => element.GetRawText(),
            JsonNode node => node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString(),
            bool flag => flag ? "true" : "false",
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };

        /// <summary>
        /// An image to upload: a <see cref="DataContent"/> (its bytes; the name sent is <see cref="DataContent.Name"/>, else
        /// one made from the media type) or a <see cref="UriContent"/> with a <c>file:</c> URI (read from that file); a mask
        /// may also be a <c>byte[]</c> or an <see cref="ImageInput"/>. Anything else is refused here, with a sentence that
        /// names what is accepted: nothing is downloaded, and nothing is sent.
        /// </summary>
        private static ImageInput ToImageInput(object? value, string what, bool mask)
        {
            var accepted = mask
                ? "a mask is a PNG image the size of the first image, given as a DataContent, a UriContent with a file: URI, a byte[] or an ImageInput"
                : "an edit takes each image (PNG, JPEG or WebP) as a DataContent with its bytes or as a UriContent with a file: URI";
            switch (value)
            {
                case null:
                    throw new ArgumentException(what + " is null; " + accepted + ".", mask ? "options" : "request");
                case ImageInput input when mask:
                    return input;
                case byte[] bytes when mask:
                    return Read(() => ImageInput.FromBytes(bytes), what);
                case DataContent data:
                    if (!data.HasTopLevelMediaType("image") && !string.Equals(data.MediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException(what + " is " + data.MediaType + " data, not an image; " + accepted + ".", mask ? "options" : "request");
                    }

                    return Read(() => ImageInput.FromBytes(ArrayOf(data.Data), data.Name ?? FileNameFor(data.MediaType)), what);
                case UriContent { Uri: { IsAbsoluteUri: true, IsFile: true } file }:
                    return Read(() => ImageInput.FromFile(file.LocalPath), what);
                case UriContent uri:
                    throw new NotSupportedException(
                        what + " is a UriContent " + (uri.Uri.IsAbsoluteUri ? "with the URI scheme " + uri.Uri.Scheme : "with a relative URI") +
                        "; CreateImageSdk uploads the images of an edit and does not download them: " + accepted + ".");
                default:
                    throw new NotSupportedException(what + " is a " + value.GetType().Name + "; " + accepted + ".");
            }
        }

        /// <summary>The <see cref="ImageInput"/>, or the SDK's refusal (not PNG, JPEG or WebP) naming the item it was about.</summary>
        private static ImageInput Read(Func<ImageInput> read, string what)
        {
            try
            {
                return read();
            }
            catch (ArgumentException ex)
            {
                throw new ArgumentException(what + " cannot be uploaded: " + WithoutParameterName(ex), "request", ex);
            }
        }

        /// <summary>The exception's sentence without the "(Parameter 'x')" the runtime appends.</summary>
        private static string WithoutParameterName(ArgumentException ex)
        {
            var suffix = ex.ParamName is null ? string.Empty : new ArgumentException(string.Empty, ex.ParamName).Message;
            return suffix.Length > 0 && ex.Message.EndsWith(suffix, StringComparison.Ordinal) ? ex.Message.Substring(0, ex.Message.Length - suffix.Length) : ex.Message;
        }

        /// <summary>The array behind the memory when it is all of one; else a copy.</summary>
        private static byte[] ArrayOf(ReadOnlyMemory<byte> data) =>
            MemoryMarshal.TryGetArray(data, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
                ? array
                : data.ToArray();

        /// <summary><c>image.png</c>, <c>image.jpg</c>, <c>image.webp</c>, … by media type; null (the SDK names it by its format) otherwise.</summary>
        private static string? FileNameFor(string mediaType)
        {
            var slash = mediaType.IndexOf('/');
            if (slash < 0 || !mediaType.Substring(0, slash).Equals("image", StringComparison.OrdinalIgnoreCase)) return null;
            var subtype = mediaType.Substring(slash + 1).Split(';', '+')[0].Trim().ToLowerInvariant();
            return subtype switch
            {
                "" => null,
                "jpeg" => "image.jpg",
                _ => "image." + subtype,
            };
        }

        private static ImageResponseFormat? ResponseFormatOf(ImageGenerationResponseFormat? format) =>
            format is { } value && value != ImageGenerationResponseFormat.Hosted
                ? value == ImageGenerationResponseFormat.Uri ? ImageResponseFormat.Url : ImageResponseFormat.B64Json
                : null;

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

        /// <summary>The width and height of a <c>WIDTHxHEIGHT</c> size; zeros for <c>auto</c> and other words.</summary>
        private static (int Width, int Height) Dimensions(ImageSize size)
        {
            var text = size.Value;
            var x = text.IndexOf('x');
            return x > 0 && int.TryParse(text.Substring(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var width) &&
                   int.TryParse(text.Substring(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
                ? (width, height)
                : (0, 0);
        }
    }

    /// <summary>Writes a string as JSON without reflection.</summary>
    [JsonSerializable(typeof(string))]
    internal sealed partial class AdditionalValueContext : JsonSerializerContext
    {
    }
}
