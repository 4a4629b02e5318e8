namespace CreateImageSdk.LocalServer;

/// <summary>One entry of an images response's <c>data</c> array: either a URL or the PNG bytes.</summary>
internal sealed record ImageItem(string? Url, byte[]? Png, string? RevisedPrompt);
