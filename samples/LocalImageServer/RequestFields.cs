namespace CreateImageSdk.LocalServer;

/// <summary>
/// The scalar parameters of a request body, read the same way whether they came as JSON properties or as
/// multipart form fields, so generations and both forms of edits share one set of checks.
/// Each accessor throws an <see cref="ApiErrorException"/> for a value of the wrong type.
/// </summary>
internal abstract class RequestFields
{
    /// <summary>Whether the parameter was sent with a value (a JSON null counts as not sent).</summary>
    public abstract bool IsSent(string name);

    /// <summary>The parameter as a string, or <see langword="null"/> when it was not sent.</summary>
    public abstract string? OptionalString(string name);

    /// <summary>
    /// The parameter as a string, or <see langword="null"/> when it is absent; unlike <see cref="OptionalString"/>,
    /// an explicit null is an error, for the parameters the spec does not make nullable (<c>prompt</c> and <c>user</c>).
    /// </summary>
    public abstract string? NonNullableString(string name);

    /// <summary>The parameter as a 32-bit integer, or <see langword="null"/> when it was not sent.</summary>
    public abstract int? OptionalInteger(string name);

    /// <summary>The parameter as a boolean; not sent means <see langword="false"/>.</summary>
    public abstract bool Boolean(string name);
}
