using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Takes the JSON form of an edit (the spec's EditImageBodyJsonParam) apart: <c>images</c> and <c>mask</c> as
/// ImageRefParam objects, and the scalar parameters. The server fetches no URL and knows no file ID, so a
/// reference is only checked for its shape; a base64 data URL, which needs no fetching, is decoded and its
/// bytes are checked like an upload.
/// </summary>
internal static class JsonEditReader
{
    private const string Images = "images";
    private const string Mask = "mask";
    private const int MaxImageUrlLength = 20_971_520;

    private static readonly HashSet<string> KnownParameters = SchemaParameters.JsonEdits;

    public static EditBody Read(byte[] body, IReadOnlyList<string> additionalParameters)
    {
        JsonElement root;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            // Cloned, because the fields are read after this method has disposed the document.
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ApiErrorException(ApiError.InvalidJson());
        }

        var fields = JsonFields.ForBody(root, SchemaParameters.With(KnownParameters, additionalParameters));
        var images = new List<EditImage>();
        if (root.TryGetProperty(Images, out JsonElement array))
        {
            // Unlike most parameters, images is not nullable.
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ApiErrorException(ApiError.InvalidType(Images, "an array", JsonFields.Describe(array.ValueKind)));
            }

            if (array.GetArrayLength() == 0)
            {
                throw new ApiErrorException(ApiError.InvalidValue(Images,
                    "Invalid 'images': empty array. Expected an array with minimum length 1, but got an empty array instead."));
            }

            int index = 0;
            foreach (JsonElement item in array.EnumerateArray())
            {
                images.Add(Reference(item, Images, FormattableString.Invariant($"'images[{index++}]'")));
            }
        }

        EditImage? mask = fields.Present(Mask) is { } maskElement ? Reference(maskElement, Mask, "'mask'") : null;
        return new EditBody(fields, Images, images, mask, IsJson: true);
    }

    /// <summary>An ImageRefParam: exactly one of <c>image_url</c> or <c>file_id</c>, and nothing else.</summary>
    private static EditImage Reference(JsonElement element, string parameter, string label)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ApiErrorException(ApiError.InvalidType(parameter, "an object with 'image_url' or 'file_id'", JsonFields.Describe(element.ValueKind)));
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (property.Name is not ("image_url" or "file_id"))
            {
                throw new ApiErrorException(ApiError.InvalidValue(parameter,
                    $"Invalid {label}: unknown property '{property.Name}'. An image reference has exactly one of 'image_url' or 'file_id'."));
            }
        }

        bool hasUrl = element.TryGetProperty("image_url", out JsonElement url);
        bool hasFileId = element.TryGetProperty("file_id", out JsonElement fileId);
        if (hasUrl == hasFileId)
        {
            throw new ApiErrorException(ApiError.InvalidValue(parameter, hasUrl
                ? $"Invalid {label}: both 'image_url' and 'file_id' were given. Provide exactly one of them."
                : $"Invalid {label}: neither 'image_url' nor 'file_id' was given. Provide exactly one of them."));
        }

        JsonElement value = hasUrl ? url : fileId;
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            throw new ApiErrorException(ApiError.InvalidValue(parameter,
                $"Invalid {label}: '{(hasUrl ? "image_url" : "file_id")}' must be a non-empty string, but got {JsonFields.Describe(value.ValueKind)}."));
        }

        return hasUrl
            ? new EditImage(label, ImageUrlBytes(text, parameter, label), "image_url:" + text)
            : new EditImage(label, null, "file_id:" + text);
    }

    /// <summary>The bytes of a base64 data URL; <see langword="null"/> for an http(s) URL, which is not fetched.</summary>
    private static byte[]? ImageUrlBytes(string url, string parameter, string label)
    {
        if (url.Length > MaxImageUrlLength)
        {
            throw new ApiErrorException(ApiError.InvalidValue(parameter, FormattableString.Invariant(
                $"Invalid {label}: 'image_url' is {url.Length} characters long; at most {MaxImageUrlLength} are allowed.")));
        }

        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            const string Base64Marker = ";base64,";
            int marker = url.IndexOf(Base64Marker, StringComparison.OrdinalIgnoreCase);
            try
            {
                return marker >= 0 ? Convert.FromBase64String(url[(marker + Base64Marker.Length)..]) : throw new FormatException();
            }
            catch (FormatException)
            {
                throw new ApiErrorException(ApiError.InvalidValue(parameter,
                    $"Invalid {label}: a data URL for an image must be base64-encoded ('data:image/png;base64,…')."));
            }
        }

        bool web = Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return web
            ? null
            : throw new ApiErrorException(ApiError.InvalidValue(parameter,
                $"Invalid {label}: 'image_url' must be a fully qualified http(s) URL or a base64 data URL."));
    }
}
