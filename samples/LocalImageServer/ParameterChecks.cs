using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// The parameter checks generations and edits share (the spec words these parameters the same way for both).
/// Each reports its violation by throwing an <see cref="ApiErrorException"/>.
/// </summary>
internal static class ParameterChecks
{
    public const string GptModels = "the GPT image models";

    public static readonly string[] ResponseFormats = ["url", "b64_json"];
    public static readonly string[] Backgrounds = ["transparent", "opaque", "auto"];
    public static readonly string[] Moderations = ["low", "auto"];
    public static readonly string[] OutputFormats = ["png", "jpeg", "webp"];

    public static string RequiredPrompt(RequestFields fields, ModelRules model)
    {
        string prompt = fields.NonNullableString("prompt") ?? throw new ApiErrorException(ApiError.MissingParameter("prompt"));
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

    public static int ImageCount(RequestFields fields, ModelRules model)
    {
        int n = fields.OptionalInteger("n") ?? 1;
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

    /// <summary>A size other than <c>auto</c>: one the model lists, or for gpt-image-2 a free <c>WIDTHxHEIGHT</c> within its limits.</summary>
    public static (int Width, int Height) ExplicitSize(string size, ModelRules model)
    {
        if (model.Sizes.Contains(size) && ParseSize(size) is { } listed)
        {
            return listed;
        }

        if (!model.AllowsCustomSize || ParseSize(size) is not { } custom)
        {
            IEnumerable<string> allowed = model.AllowsCustomSize ? model.Sizes.Append("WIDTHxHEIGHT") : model.Sizes;
            throw new ApiErrorException(ApiError.NotOneOf("size", size, allowed, model.Name));
        }

        CheckCustomSize(size, custom.Width, custom.Height);
        return custom;
    }

    /// <summary><c>url</c> or <c>b64_json</c> for a dall-e model; <paramref name="dallEModels"/> names those models in the error a GPT image model gets.</summary>
    public static string ResponseFormat(RequestFields fields, ModelRules model, string dallEModels)
    {
        if (model.IsGptImage)
        {
            // GPT image models always answer in base64.
            RejectIfSent(fields, "response_format", model, dallEModels);
            return "b64_json";
        }

        return OneOf(fields, "response_format", ResponseFormats, model) ?? "url";
    }

    public static int? OutputCompression(RequestFields fields, ModelRules model, string outputFormat)
    {
        if (!SentGptOnly(fields, "output_compression", model))
        {
            return null;
        }

        int compression = fields.OptionalInteger("output_compression")!.Value;
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

    public static void CheckTransparency(string? background, string? outputFormat)
    {
        if (background == "transparent" && outputFormat == "jpeg")
        {
            throw new ApiErrorException(ApiError.InvalidValue("background",
                "Invalid value for 'background': 'transparent' needs output_format 'png' or 'webp', but output_format is 'jpeg'."));
        }
    }

    public static int PartialImages(RequestFields fields, ModelRules model, bool stream)
    {
        if (!SentGptOnly(fields, "partial_images", model))
        {
            return 0;
        }

        int partialImages = fields.OptionalInteger("partial_images")!.Value;
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

    public static string? GptOnlyOneOf(RequestFields fields, string name, IReadOnlyList<string> allowed, ModelRules model) =>
        SentGptOnly(fields, name, model) ? OneOf(fields, name, allowed, model) : null;

    /// <summary>Whether a GPT-only parameter was sent (not null); sending it to a dall-e model is an error.</summary>
    public static bool SentGptOnly(RequestFields fields, string name, ModelRules model)
    {
        if (!model.IsGptImage)
        {
            RejectIfSent(fields, name, model, GptModels);
        }

        return fields.IsSent(name);
    }

    public static void RejectIfSent(RequestFields fields, string name, ModelRules model, string supportedBy)
    {
        if (fields.IsSent(name))
        {
            throw new ApiErrorException(ApiError.Unsupported(name, model.Name, supportedBy));
        }
    }

    public static string? OneOf(RequestFields fields, string name, IReadOnlyList<string> allowed, ModelRules model)
    {
        string? value = fields.OptionalString(name);
        return value is null || allowed.Contains(value)
            ? value
            : throw new ApiErrorException(ApiError.NotOneOf(name, value, allowed, model.Name));
    }

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);

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
}
