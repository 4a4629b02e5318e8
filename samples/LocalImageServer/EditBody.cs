using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Net.Http.Headers;

namespace CreateImageSdk.LocalServer;

/// <summary>An edits request body taken apart, the same way for both forms, before any per-model check.</summary>
/// <param name="Fields">The scalar parameters.</param>
/// <param name="ImagesParameter">The name errors about the input images use: <c>image</c> (multipart) or <c>images</c> (JSON).</param>
/// <param name="Images">The input images, in order; empty when none was sent.</param>
/// <param name="Mask">The mask, when one was sent.</param>
/// <param name="IsJson">Whether the body was the JSON form, which only the GPT image models take.</param>
internal sealed record EditBody(RequestFields Fields, string ImagesParameter, IReadOnlyList<EditImage> Images, EditImage? Mask, bool IsJson)
{
    /// <summary>Reads a body by its content type: <c>multipart/form-data</c> or <c>application/json</c>; anything else is refused.</summary>
    public static async Task<EditBody> ReadAsync(string? contentType, byte[] body, IReadOnlyList<string> additionalParameters, CancellationToken cancellationToken)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? mediaType))
        {
            if (mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                string boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
                return await MultipartEditReader.ReadAsync(boundary, body, additionalParameters, cancellationToken);
            }

            if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            {
                return JsonEditReader.Read(body, additionalParameters);
            }
        }

        throw new ApiErrorException(ApiError.UnsupportedContentType(contentType));
    }
}
