using System;
using System.Collections.Generic;
using System.Linq;

namespace CreateImageSdk.LocalServer;

/// <summary>An error answer in OpenAI's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed record ApiError(int StatusCode, string Message, string Type, string? Param, string? Code)
{
    private const string InvalidRequest = "invalid_request_error";

    // The real service echoes a masked key in this message; ours never repeats what was sent.
    public static ApiError IncorrectApiKey() => new(401,
        "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
        InvalidRequest, null, "invalid_api_key");

    public static ApiError MissingApiKey() => new(401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
        InvalidRequest, null, "invalid_api_key");

    // Azure OpenAI's deployment route refuses a request without its api-version query parameter.
    public static ApiError MissingApiVersion() => new(400,
        "Missing required query parameter 'api-version'.", InvalidRequest, "api-version", "missing_api_version");

    public static ApiError InvalidJson() => new(400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
        InvalidRequest, null, null);

    public static ApiError BodyNotAnObject(string actual) => new(400,
        $"Invalid type for the request body: expected an object, but got {actual} instead.",
        InvalidRequest, null, "invalid_type");

    // Same wording, null param and null code as the real service.
    public static ApiError UnrecognizedArgument(string name) => new(400,
        $"Unrecognized request argument supplied: {name}", InvalidRequest, null, null);

    public static ApiError ModelNotFound(string model) => new(400,
        $"The model '{model}' does not exist or does not support image generation. Supported models are: {Quote(ModelRules.Names)}.",
        InvalidRequest, "model", "model_not_found");

    public static ApiError EditModelNotFound(string model) => new(400,
        $"The model '{model}' does not exist or does not support image edits. Supported models are: {Quote(EditRules.Names)}.",
        InvalidRequest, "model", "model_not_found");

    // Edits come as multipart/form-data or JSON; the header is named because that is what the client must fix.
    public static ApiError UnsupportedContentType(string? contentType) => new(400,
        $"Invalid Content-Type header ({(string.IsNullOrEmpty(contentType) ? "none was sent" : contentType)}): /images/edits takes multipart/form-data or application/json.",
        InvalidRequest, null, "invalid_content_type");

    public static ApiError InvalidMultipart(string reason) => new(400,
        $"We could not parse the multipart/form-data body of your request: {reason.TrimEnd(' ', '.')}.", InvalidRequest, null, "invalid_multipart");

    public static ApiError BodyTooLarge(long limit) => new(413,
        FormattableString.Invariant($"The request body is larger than the {limit / (1024 * 1024)} MB this local server accepts."),
        InvalidRequest, null, "request_too_large");

    public static ApiError DuplicateParameter(string param) => new(400,
        $"Duplicate parameter '{param}': it may be sent only once.", InvalidRequest, param, "duplicate_parameter");

    public static ApiError UnsupportedImageFormat(string param, string file, string? detected, IEnumerable<string> allowed, string forWhom) => new(400,
        $"Invalid file {file}: unsupported image format ({detected ?? "not an image format the server recognises"}). Supported formats for {forWhom} are: {Quote(allowed)}; the format is read from the file's bytes, not from its declared content type.",
        InvalidRequest, param, "invalid_image_format");

    public static ApiError ImageTooLarge(string param, string file, long bytes, long limit, string forWhom) => new(400,
        FormattableString.Invariant($"Invalid file {file}: {bytes} bytes. Files for {forWhom} must be smaller than {limit} bytes ({limit / (1024 * 1024)} MB)."),
        InvalidRequest, param, "image_too_large");

    public static ApiError InvalidImage(string param, string message) => new(400, message, InvalidRequest, param, "invalid_image");

    public static ApiError MissingParameter(string param) => new(400,
        $"Missing required parameter: '{param}'.", InvalidRequest, param, "missing_required_parameter");

    public static ApiError InvalidType(string param, string expected, string actual) => new(400,
        $"Invalid type for '{param}': expected {expected}, but got {actual} instead.", InvalidRequest, param, "invalid_type");

    public static ApiError InvalidValue(string param, string message) => new(400, message, InvalidRequest, param, "invalid_value");

    public static ApiError NotOneOf(string param, string value, IEnumerable<string> allowed, string model) => InvalidValue(param,
        $"Invalid value for '{param}': '{value}'. Supported values for model '{model}' are: {Quote(allowed)}.");

    public static ApiError Unsupported(string param, string model, string supportedBy) => new(400,
        $"'{param}' is not supported with model '{model}'; it is only supported for {supportedBy}.",
        InvalidRequest, param, "unsupported_parameter");

    public static ApiError NotFound(string method, string path) => new(404,
        $"Invalid URL ({method} {path})", InvalidRequest, null, null);

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(value => $"'{value}'"));
}
