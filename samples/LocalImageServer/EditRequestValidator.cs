using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using static CreateImageSdk.LocalServer.ParameterChecks;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Checks an edit, in either form, against <see cref="EditRules"/> and <see cref="ModelRules"/> and reports the
/// first violation: model, prompt, the input images, the mask, then the output parameters as for generations.
/// </summary>
internal static class EditRequestValidator
{
    private static readonly string[] InputFidelities = ["high", "low"];

    public static ImageGenerationRequest Validate(EditBody body, IReadOnlyList<AdditionalModel> additional)
    {
        RequestFields fields = body.Fields;
        string modelName = fields.OptionalString("model") ?? EditRules.DefaultModel;
        EditRules rules = EditRules.Find(modelName, additional) ?? throw new ApiErrorException(ApiError.EditModelNotFound(modelName));
        if (body.IsJson && !rules.AcceptsJson)
        {
            throw new ApiErrorException(ApiError.InvalidValue("model",
                $"Model '{rules.Name}' does not take JSON image edits: the JSON form is for the GPT image models only. Send the edit as multipart/form-data."));
        }

        ModelRules model = rules.Model;
        string prompt = RequiredPrompt(fields, model);
        ImageHeader? first = CheckImages(body, rules);
        CheckMask(body.Mask, first);

        int n = ImageCount(fields, model);
        (int width, int height) = Size(fields, model, first);
        string quality = OneOf(fields, "quality", model.Qualities, model) ?? model.DefaultQuality;
        string responseFormat = ResponseFormat(fields, model, "'dall-e-2'");

        string? background = GptOnlyOneOf(fields, "background", Backgrounds, model);
        string? outputFormat = GptOnlyOneOf(fields, "output_format", OutputFormats, model);
        int? compression = OutputCompression(fields, model, outputFormat ?? "png");
        CheckTransparency(background, outputFormat);
        CheckInputFidelity(fields, rules);
        if (body.IsJson)
        {
            _ = GptOnlyOneOf(fields, "moderation", Moderations, model);
        }

        bool stream = SentGptOnly(fields, "stream", model) && fields.Boolean("stream");
        int partialImages = PartialImages(fields, model, stream);
        _ = fields.NonNullableString("user");

        return new ImageGenerationRequest(
            model,
            prompt,
            n,
            width,
            height,
            quality == "auto" ? "high" : quality,
            responseFormat,
            null,
            background is null or "auto" ? "opaque" : background,
            outputFormat ?? "png",
            compression,
            stream,
            partialImages)
        {
            Seed = prompt + "\u001e" + InputsHash(body),
            InputImages = body.Images.Count,
        };
    }

    /// <summary>Checks the count and every uploaded file; returns the first image's header, or null when it is a reference.</summary>
    private static ImageHeader? CheckImages(EditBody body, EditRules rules)
    {
        string parameter = body.ImagesParameter;
        int count = body.Images.Count;
        if (count == 0)
        {
            throw new ApiErrorException(ApiError.MissingParameter(parameter));
        }

        if (count > rules.MaxInputImages)
        {
            throw new ApiErrorException(ApiError.InvalidValue(parameter, rules.MaxInputImages == 1
                ? Invariant($"Invalid '{parameter}': model '{rules.Name}' takes exactly one image, but {count} were sent.")
                : Invariant($"Invalid '{parameter}': {count} images were sent, but model '{rules.Name}' takes at most {rules.MaxInputImages}.")));
        }

        ImageHeader?[] headers =
        [
            .. body.Images.Select(image => CheckFile(image, parameter, rules.InputFormats, rules.MaxInputBytes, $"model '{rules.Name}'")),
        ];
        if (rules.SquareInputOnly && headers[0] is { } header && header.Width != header.Height)
        {
            throw new ApiErrorException(ApiError.InvalidImage(parameter,
                $"Invalid file {body.Images[0].Label}: model '{rules.Name}' takes a square image, but this one is {header.Size}."));
        }

        return headers[0];
    }

    /// <summary>The mask is a PNG for every model, and must match the first image (the one it applies to) in size.</summary>
    private static void CheckMask(EditImage? mask, ImageHeader? first)
    {
        if (mask is null || CheckFile(mask, "mask", EditRules.MaskFormats, EditRules.MaxMaskBytes, "'mask'") is not { } header)
        {
            return;
        }

        // Only comparable when both dimensions are known: a referenced image or a header-only JPEG has none here.
        if (first?.Size is { } imageSize && header.Size != imageSize)
        {
            throw new ApiErrorException(ApiError.InvalidImage("mask",
                $"Invalid file {mask.Label}: the mask is {header.Size}, but the first image is {imageSize}; they must have the same dimensions."));
        }
    }

    /// <summary>The checks on one file's bytes; a URL or file ID has none, and gives no header.</summary>
    private static ImageHeader? CheckFile(EditImage image, string parameter, IReadOnlyList<string> formats, long maxBytes, string forWhom)
    {
        if (image.Bytes is not { } bytes)
        {
            return null;
        }

        ImageHeader header = ImageHeader.Read(bytes);
        if (header.Format is not { } format || !formats.Contains(format))
        {
            throw new ApiErrorException(ApiError.UnsupportedImageFormat(parameter, image.Label, header.Format, formats, forWhom));
        }

        if (bytes.Length >= maxBytes)
        {
            throw new ApiErrorException(ApiError.ImageTooLarge(parameter, image.Label, bytes.Length, maxBytes, forWhom));
        }

        // The PNG format puts the dimensions first; a PNG without them is broken, not just unusual.
        if (format == "png" && header.Size is null)
        {
            throw new ApiErrorException(ApiError.InvalidImage(parameter, $"Invalid file {image.Label}: a PNG file without a readable IHDR header."));
        }

        return header;
    }

    /// <summary>
    /// <c>auto</c> (or no size) keeps the first image's dimensions when the model can produce them, so clients
    /// can see the input was read; otherwise the answer is square.
    /// </summary>
    private static (int Width, int Height) Size(RequestFields fields, ModelRules model, ImageHeader? first)
    {
        string? size = fields.OptionalString("size");
        if (size is null || (size == "auto" && model.Sizes.Contains("auto")))
        {
            return first?.Size is { } inputSize && model.Sizes.Contains(inputSize) ? ExplicitSize(inputSize, model) : (1024, 1024);
        }

        return ExplicitSize(size, model);
    }

    private static void CheckInputFidelity(RequestFields fields, EditRules rules)
    {
        if (!rules.SupportsInputFidelity)
        {
            RejectIfSent(fields, "input_fidelity", rules.Model, "gpt-image-1, gpt-image-1.5 and later models (not gpt-image-1-mini or dall-e-2)");
        }

        _ = OneOf(fields, "input_fidelity", InputFidelities, rules.Model);
    }

    /// <summary>A hash over every input (bytes for an upload, the reference as sent for JSON), so different inputs give different pictures.</summary>
    private static string InputsHash(EditBody body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (EditImage input in body.Mask is null ? body.Images : body.Images.Append(body.Mask))
        {
            byte[] content = input.Reference is { } reference ? Encoding.UTF8.GetBytes(reference) : input.Bytes ?? [];
            hash.AppendData(SHA256.HashData(content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
