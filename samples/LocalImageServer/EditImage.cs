namespace CreateImageSdk.LocalServer;

/// <summary>One input image of an edit, or its mask, before any per-model check.</summary>
/// <param name="Label">How error messages name it, e.g. <c>'image[1]' ("b.png")</c> or <c>'images[0]'</c>.</param>
/// <param name="Bytes">The file: an upload, or a JSON data URL decoded; <see langword="null"/> for a URL or file ID, which the server does not fetch.</param>
/// <param name="Reference">For the JSON form, the reference as sent (<c>image_url:…</c> or <c>file_id:…</c>); <see langword="null"/> for an upload.</param>
internal sealed record EditImage(string Label, byte[]? Bytes, string? Reference);
