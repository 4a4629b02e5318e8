using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CreateImageSdk.LocalServer;

/// <summary>One file of the Files API emulation.</summary>
/// <param name="Id">Its id, <c>file-…</c>.</param>
/// <param name="FileName">The name it was uploaded (or written) under.</param>
/// <param name="Purpose"><c>batch</c>, <c>batch_output</c>, <c>vision</c>, ….</param>
/// <param name="CreatedAt">Unix seconds.</param>
/// <param name="Content">The bytes.</param>
public sealed record StoredFile(string Id, string FileName, string Purpose, long CreatedAt, byte[] Content);

/// <summary>The files the server holds (uploads and batch outputs), by id.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    public StoredFile Add(string fileName, string purpose, byte[] content)
    {
        var file = new StoredFile("file-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), fileName, purpose, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), content);
        _files[file.Id] = file;
        return file;
    }

    public bool TryGet(string id, out StoredFile file) => _files.TryGetValue(id, out file!);

    public bool Remove(string id) => _files.TryRemove(id, out _);

    public StoredFile[] All => [.. _files.Values];
}
