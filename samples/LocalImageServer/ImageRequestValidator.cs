using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Checks a generations request body against <see cref="ModelRules"/> and reports the first violation,
/// in the order a reader of the spec would check them.
/// </summary>
internal static class ImageRequestValidator
{
    private const string GptModels = "the GPT image models";

    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "prompt", "model", "n", "quality", "response_format", "output_format", "output_compression",
        "size", "moderation", "background", "style", "stream", "partial_images", "user",
    };

    private static readonly string[] ResponseFormats = ["url", "b64_json"];
    private static readonly string[] Backgrounds = ["transparent", "opaque", "auto"];
    private static readonly string[] Moderations = ["low", "auto"];
    private static readonly string[] OutputFormats = ["png", "jpeg", "webp"];

    public static ApiError? Validate(string body, out ImageGenerationRequest? request)
    {
        request = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            request = Validate(document.RootElement);
            return null;
        }
        catch (JsonException)
        {
            return ApiError.InvalidJson();
        }
        catch (ApiErrorException exception)
        {
            return exception.Error;
        }
    }

    private static ImageGenerationRequest Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ApiErrorException(ApiError.BodyNotAnObject(Describe(root.ValueKind)));
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!KnownParameters.Contains(property.Name))
            {
                throw new ApiErrorException(ApiError.UnrecognizedArgument(property.Name));
            }
        }

        string modelName = OptionalString(root, "model") ?? ModelRules.DefaultModel;
        ModelRules model = ModelRules.Find(modelName) ?? throw new ApiErrorException(ApiError.ModelNotFound(modelName));

        string prompt = RequiredPrompt(root, model);
        int n = ImageCount(root, model);
        (int width, int height) = Size(root, model);
        string quality = OneOf(root, "quality", model.Qualities, model) ?? model.DefaultQuality;
        string? style = Style(root, model);
        string responseFormat = ResponseFormat(root, model);

        string? background = GptOnlyOneOf(root, "background", Backgrounds, model);
        _ = GptOnlyOneOf(root, "moderation", Moderations, model);
        string? outputFormat = GptOnlyOneOf(root, "output_format", OutputFormats, model);
        int? compression = OutputCompression(root, model, outputFormat ?? "png");
        if (background == "transparent" && outputFormat == "jpeg")
        {
            throw new ApiErrorException(ApiError.InvalidValue("background",
                "Invalid value for 'background': 'transparent' needs output_format 'png' or 'webp', but output_format is 'jpeg'."));
        }

        bool stream = SentGptOnly(root, "stream", model) && Boolean(root, "stream");
        int partialImages = PartialImages(root, model, stream);

        if (root.TryGetProperty("user", out JsonElement user) && user.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(ApiError.InvalidType("user", "a string", Describe(user.ValueKind)));
        }

        return new ImageGenerationRequest(
            model,
            prompt,
            n,
            width,
            height,
            // "auto" is resolved the way the newest recording shows the service resolving it.
            quality == "auto" ? "high" : quality,
            responseFormat,
            style,
            background is null or "auto" ? "opaque" : background,
            outputFormat ?? "png",
            compression,
            stream,
            partialImages);
    }

    private static string RequiredPrompt(JsonElement root, ModelRules model)
    {
        if (!root.TryGetProperty("prompt", out JsonElement element))
        {
            throw new ApiErrorException(ApiError.MissingParameter("prompt"));
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw new ApiErrorException(ApiError.InvalidType("prompt", "a string", Describe(element.ValueKind)));
        }

        string prompt = element.GetString()!;
        if (prompt.Length == 0)
        {
            throw new ApiErrorException(ApiError.InvalidValue("prompt",
                "Invalid 'prompt': empty string. Expected a string with minimum length 1, but got an empty string instead."));
        }

        if (prompt.Length > model.MaxPromptLength)
        {
            throw new ApiErrorException(ApiError.InvalidValue("prompt", Invariant(
                $"Invalid 'prompt': string too long. Expected a string with maximum length {model.MaxPromptLength} for model '{model.Name}', but got a string with length {prompt.Length} instead.")));
        }

        return prompt;
    }

    private static int ImageCount(JsonElement root, ModelRules model)
    {
        int n = OptionalInteger(root, "n") ?? 1;
        if (n < 1 || n > 10)
        {
            throw new ApiErrorException(ApiError.InvalidValue("n", Invariant(
                $"Invalid value for 'n': {n}. The number of images must be between 1 and 10.")));
        }

        if (n > model.MaxImages)
        {
            throw new ApiErrorException(ApiError.InvalidValue("n", Invariant(
                $"Invalid value for 'n': {n}. Model '{model.Name}' only supports n={model.MaxImages}.")));
        }

        return n;
    }

    private static (int Width, int Height) Size(JsonElement root, ModelRules model)
    {
        string size = OptionalString(root, "size") ?? model.DefaultSize;
        if (size == "auto" && model.Sizes.Contains("auto"))
        {
            return (1024, 1024);
        }

        if (model.Sizes.Contains(size))
        {
            return ParseSize(size)!.Value;
        }

        if (!model.AllowsCustomSize || ParseSize(size) is not { } custom)
        {
            IEnumerable<string> allowed = model.AllowsCustomSize ? model.Sizes.Append("WIDTHxHEIGHT") : model.Sizes;
            throw new ApiErrorException(ApiError.NotOneOf("size", size, allowed, model.Name));
        }

        CheckCustomSize(size, custom.Width, custom.Height);
        return custom;
    }

    private static void CheckCustomSize(string size, int width, int height)
    {
        int longest = Math.Max(width, height);
        int shortest = Math.Min(width, height);
        long pixels = (long)width * height;
        string? problem =
            width % 16 != 0 || height % 16 != 0 ? "width and height must both be multiples of 16" :
            longest > 3 * (long)shortest ? "the aspect ratio must be between 1:3 and 3:1" :
            longest > 3840 ? "the longest side must be at most 3840 pixels" :
            pixels is < 655_360 or > 8_294_400 ? Invariant($"the total pixel count must be between 655,360 and 8,294,400, but it is {pixels:N0}") :
            null;
        if (problem is not null)
        {
            throw new ApiErrorException(ApiError.InvalidValue("size", $"Invalid value for 'size': '{size}': {problem}."));
        }
    }

    private static (int Width, int Height)? ParseSize(string size)
    {
        string[] parts = size.Split('x');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
            && width > 0 && height > 0
            ? (width, height)
            : null;
    }

    private static string? Style(JsonElement root, ModelRules model)
    {
        if (model.Styles.Count == 0)
        {
            RejectIfSent(root, "style", model, "'dall-e-3'");
            return null;
        }

        return OneOf(root, "style", model.Styles, model) ?? model.Styles[0];
    }

    private static string ResponseFormat(JsonElement root, ModelRules model)
    {
        if (model.IsGptImage)
        {
            // GPT image models always answer in base64.
            RejectIfSent(root, "response_format", model, "'dall-e-2' and 'dall-e-3'");
            return "b64_json";
        }

        return OneOf(root, "response_format", ResponseFormats, model) ?? "url";
    }

    private static int? OutputCompression(JsonElement root, ModelRules model, string outputFormat)
    {
        if (!SentGptOnly(root, "output_compression", model))
        {
            return null;
        }

        int compression = OptionalInteger(root, "output_compression")!.Value;
        if (compression is < 0 or > 100)
        {
            throw new ApiErrorException(ApiError.InvalidValue("output_compression", Invariant(
                $"Invalid value for 'output_compression': {compression}. It must be between 0 and 100.")));
        }

        if (outputFormat == "png")
        {
            throw new ApiErrorException(ApiError.InvalidValue("output_compression",
                "'output_compression' is only supported with output_format 'jpeg' or 'webp', but output_format is 'png'."));
        }

        return compression;
    }

    private static int PartialImages(JsonElement root, ModelRules model, bool stream)
    {
        if (!SentGptOnly(root, "partial_images", model))
        {
            return 0;
        }

        int partialImages = OptionalInteger(root, "partial_images")!.Value;
        if (partialImages is < 0 or > 3)
        {
            throw new ApiErrorException(ApiError.InvalidValue("partial_images", Invariant(
                $"Invalid value for 'partial_images': {partialImages}. It must be between 0 and 3.")));
        }

        if (!stream)
        {
            throw new ApiErrorException(ApiError.InvalidValue("partial_images",
                "'partial_images' is only supported when 'stream' is true."));
        }

        return partialImages;
    }

    private static string? GptOnlyOneOf(JsonElement root, string name, IReadOnlyList<string> allowed, ModelRules model) =>
        SentGptOnly(root, name, model) ? OneOf(root, name, allowed, model) : null;

    /// <summary>Whether a GPT-only parameter was sent (not null); sending it to a dall-e model is an error.</summary>
    private static bool SentGptOnly(JsonElement root, string name, ModelRules model)
    {
        if (!model.IsGptImage)
        {
            RejectIfSent(root, name, model, GptModels);
        }

        return Present(root, name) is not null;
    }

    private static void RejectIfSent(JsonElement root, string name, ModelRules model, string supportedBy)
    {
        if (Present(root, name) is not null)
        {
            throw new ApiErrorException(ApiError.Unsupported(name, model.Name, supportedBy));
        }
    }

    private static string? OneOf(JsonElement root, string name, IReadOnlyList<string> allowed, ModelRules model)
    {
        string? value = OptionalString(root, name);
        return value is null || allowed.Contains(value)
            ? value
            : throw new ApiErrorException(ApiError.NotOneOf(name, value, allowed, model.Name));
    }

    /// <summary>Every parameter but <c>user</c> is nullable in the spec, and null means "use the default".</summary>
    private static JsonElement? Present(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement element) && element.ValueKind != JsonValueKind.Null ? element : null;

    private static string? OptionalString(JsonElement root, string name) => Present(root, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } element => element.GetString(),
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "a string", Describe(element.ValueKind))),
    };

    private static int? OptionalInteger(JsonElement root, string name) => Present(root, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } element when element.TryGetInt32(out int value) => value,
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "an integer", Describe(element.ValueKind))),
    };

    private static bool Boolean(JsonElement root, string name) => Present(root, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } or null => false,
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "a boolean", Describe(element.ValueKind))),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
