using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// Takes a <c>multipart/form-data</c> edit apart: the files <c>image</c> (one) or <c>image[]</c> (repeated) and
/// <c>mask</c>, and the text fields of CreateImageEditRequest. Parts are told apart by name, not by whether they
/// carry a file name, so an image sent without one is still checked as an image.
/// </summary>
internal static class MultipartEditReader
{
    private const string Image = "image";
    private const string ImageArray = "image[]";
    private const string Mask = "mask";

    // CreateImageEditRequest's fields (image and mask are read apart); unlike the JSON form it has no moderation.
    private static readonly HashSet<string> KnownFields = SchemaParameters.MultipartEdits;

    public static async Task<EditBody> ReadAsync(string boundary, byte[] body, IReadOnlyList<string> additionalParameters, CancellationToken cancellationToken)
    {
        IReadOnlyList<Part> parts = await ReadPartsAsync(boundary, body, cancellationToken);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Part part in parts.Where(part => part.Name is not (Image or ImageArray or Mask)))
        {
            if (!KnownFields.Contains(part.Name) && !additionalParameters.Contains(part.Name))
            {
                throw new ApiErrorException(ApiError.UnrecognizedArgument(part.Name));
            }

            if (!values.TryAdd(part.Name, Encoding.UTF8.GetString(part.Content)))
            {
                throw new ApiErrorException(ApiError.DuplicateParameter(part.Name));
            }
        }

        Part[] single = [.. parts.Where(part => part.Name == Image)];
        Part[] array = [.. parts.Where(part => part.Name == ImageArray)];
        Part[] masks = [.. parts.Where(part => part.Name == Mask)];
        if (single.Length > 0 && array.Length > 0)
        {
            throw new ApiErrorException(ApiError.InvalidValue(Image,
                "Send the images either as one 'image' file or as repeated 'image[]' files, not both."));
        }

        if (single.Length > 1)
        {
            throw new ApiErrorException(ApiError.InvalidValue(Image,
                "'image' takes one file; send several images as repeated 'image[]' files."));
        }

        if (masks.Length > 1)
        {
            throw new ApiErrorException(ApiError.DuplicateParameter(Mask));
        }

        EditImage[] images = single.Length > 0
            ? [Upload(single[0], "'image'")]
            : [.. array.Select((part, index) => Upload(part, FormattableString.Invariant($"'image[{index}]'")))];
        EditImage? mask = masks.Length == 1 ? Upload(masks[0], "'mask'") : null;
        return new EditBody(new FormFields(values), Image, images, mask, IsJson: false);
    }

    private static EditImage Upload(Part part, string label) =>
        new(part.FileName is { Length: > 0 } fileName ? $"{label} (\"{fileName}\")" : label, part.Content, null);

    private static async Task<IReadOnlyList<Part>> ReadPartsAsync(string boundary, byte[] body, CancellationToken cancellationToken)
    {
        if (boundary.Length == 0)
        {
            throw new ApiErrorException(ApiError.InvalidMultipart("the Content-Type header has no boundary"));
        }

        var parts = new List<Part>();
        var reader = new MultipartReader(boundary, new MemoryStream(body, writable: false));
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).ToString() is not { Length: > 0 } name)
                {
                    throw new ApiErrorException(ApiError.InvalidMultipart("a part has no 'Content-Disposition: form-data; name=…' header"));
                }

                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                string fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                parts.Add(new Part(name, fileName, content.ToArray()));
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new ApiErrorException(ApiError.InvalidMultipart(exception.Message));
        }

        return parts;
    }

    private sealed record Part(string Name, string FileName, byte[] Content);
}
