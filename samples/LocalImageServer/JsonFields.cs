using System.Collections.Generic;
using System.Text.Json;

namespace CreateImageSdk.LocalServer;

/// <summary>The properties of a JSON request body. Every parameter but <c>user</c> is nullable in the spec, and null means "use the default".</summary>
internal sealed class JsonFields(JsonElement root) : RequestFields
{
    /// <summary>
    /// The fields of a JSON body: it must be an object, and every member one of <paramref name="known"/> (the
    /// service answers an unknown one with "Unrecognized request argument").
    /// </summary>
    public static JsonFields ForBody(JsonElement root, IReadOnlySet<string> known)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ApiErrorException(ApiError.BodyNotAnObject(Describe(root.ValueKind)));
        }

        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new ApiErrorException(ApiError.UnrecognizedArgument(property.Name));
            }
        }

        return new JsonFields(root);
    }

    public override bool IsSent(string name) => Present(name) is not null;

    public override string? OptionalString(string name) => Present(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } element => element.GetString(),
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "a string", Describe(element.ValueKind))),
    };

    public override string? NonNullableString(string name)
    {
        if (!root.TryGetProperty(name, out JsonElement element))
        {
            return null;
        }

        return element.ValueKind == JsonValueKind.String
            ? element.GetString()
            : throw new ApiErrorException(ApiError.InvalidType(name, "a string", Describe(element.ValueKind)));
    }

    public override int? OptionalInteger(string name) => Present(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } element when element.TryGetInt32(out int value) => value,
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "an integer", Describe(element.ValueKind))),
    };

    public override bool Boolean(string name) => Present(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } or null => false,
        { } element => throw new ApiErrorException(ApiError.InvalidType(name, "a boolean", Describe(element.ValueKind))),
    };

    /// <summary>The parameter's value, or <see langword="null"/> when it is absent or a JSON null.</summary>
    public JsonElement? Present(string name) =>
        root.TryGetProperty(name, out JsonElement element) && element.ValueKind != JsonValueKind.Null ? element : null;

    /// <summary>How error messages name a JSON value's type.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
