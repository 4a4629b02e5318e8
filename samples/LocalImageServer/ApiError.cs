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
