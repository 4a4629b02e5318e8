using System;
using System.Collections.Concurrent;

namespace CreateImageSdk.LocalServer;

/// <summary>Keeps the images handed out as URLs, so <c>GET /v1/local-images/{id}.png</c> can serve them.</summary>
internal sealed class ImageStore
{
    private readonly ConcurrentDictionary<string, byte[]> _images = new(StringComparer.Ordinal);

    public string Add(byte[] png)
    {
        string id = "img-" + Guid.NewGuid().ToString("N");
        _images[id] = png;
        return id;
    }

    public bool TryGet(string id, out byte[] png) => _images.TryGetValue(id, out png!);
}
