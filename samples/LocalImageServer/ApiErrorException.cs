using System;

namespace CreateImageSdk.LocalServer;

/// <summary>Stops request validation at the first violation, so the rules read top to bottom without plumbing.</summary>
internal sealed class ApiErrorException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
