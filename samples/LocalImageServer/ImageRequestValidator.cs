using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static CreateImageSdk.LocalServer.ParameterChecks;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Checks a generations request body against <see cref="ModelRules"/> and reports the first violation,
/// in the order a reader of the spec would check them.
/// </summary>
internal static class ImageRequestValidator
{
    private static readonly HashSet<string> KnownParameters = SchemaParameters.Generations;

    public static ApiError? Validate(string body, IReadOnlyList<AdditionalModel> additional, IReadOnlyList<string> additionalParameters, out ImageGenerationRequest? request)
    {
        request = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            request = Validate(document.RootElement, additional, SchemaParameters.With(KnownParameters, additionalParameters));
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

    private static ImageGenerationRequest Validate(JsonElement root, IReadOnlyList<AdditionalModel> additional, IReadOnlySet<string> known)
    {
        var fields = JsonFields.ForBody(root, known);
        string modelName = fields.OptionalString("model") ?? ModelRules.DefaultModel;
        ModelRules model = ModelRules.Find(modelName, additional) ?? throw new ApiErrorException(ApiError.ModelNotFound(modelName));
        if (model.EditsOnly)
        {
            throw new ApiErrorException(ApiError.InvalidValue("model", $"Model '{model.Name}' edits images only (POST /v1/images/edits); it does not generate."));
        }

        string prompt = RequiredPrompt(fields, model);
        int n = ImageCount(fields, model);
        (int width, int height) = Size(fields, model);
        string quality = OneOf(fields, "quality", model.Qualities, model) ?? model.DefaultQuality;
        string? style = Style(fields, model);
        string responseFormat = ResponseFormat(fields, model, "'dall-e-2' and 'dall-e-3'");

        string? background = GptOnlyOneOf(fields, "background", Backgrounds, model);
        _ = GptOnlyOneOf(fields, "moderation", Moderations, model);
        string? outputFormat = GptOnlyOneOf(fields, "output_format", OutputFormats, model);
        int? compression = OutputCompression(fields, model, outputFormat ?? "png");
        CheckTransparency(background, outputFormat);

        bool stream = SentGptOnly(fields, "stream", model) && fields.Boolean("stream");
        int partialImages = PartialImages(fields, model, stream);
        _ = fields.NonNullableString("user");

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

    private static (int Width, int Height) Size(RequestFields fields, ModelRules model)
    {
        string size = fields.OptionalString("size") ?? model.DefaultSize;
        return size == "auto" && model.Sizes.Contains("auto") ? (1024, 1024) : ExplicitSize(size, model);
    }

    private static string? Style(RequestFields fields, ModelRules model)
    {
        if (model.Styles.Count == 0)
        {
            RejectIfSent(fields, "style", model, "'dall-e-3'");
            return null;
        }

        return OneOf(fields, "style", model.Styles, model) ?? model.Styles[0];
    }
}
