using System.Collections.Generic;
using System.Globalization;

namespace CreateImageSdk.LocalServer;

/// <summary>
/// The text fields of a <c>multipart/form-data</c> body. Every value arrives as a string, so numbers and
/// booleans are parsed here, strictly: <c>n=2</c> and <c>stream=true</c>, not <c>n=2.0</c> or <c>stream=True</c>.
/// </summary>
internal sealed class FormFields(IReadOnlyDictionary<string, string> values) : RequestFields
{
    public override bool IsSent(string name) => values.ContainsKey(name);

    public override string? OptionalString(string name) => values.GetValueOrDefault(name);

    // A form field cannot be null, so there is nothing more to refuse than in OptionalString.
    public override string? NonNullableString(string name) => OptionalString(name);

    public override int? OptionalInteger(string name)
    {
        if (!values.TryGetValue(name, out string? value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new ApiErrorException(ApiError.InvalidType(name, "an integer", $"'{value}'"));
    }

    public override bool Boolean(string name) => OptionalString(name) switch
    {
        null or "false" => false,
        "true" => true,
        { } value => throw new ApiErrorException(ApiError.InvalidType(name, "a boolean ('true' or 'false')", $"'{value}'")),
    };
}
